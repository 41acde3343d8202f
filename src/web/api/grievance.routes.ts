import { z } from 'zod'
import type { App } from '../../app.ts'
import * as flows from '../../flows/index.ts'
import * as privacy from '../../modules/privacy/index.ts'
import { uuidId } from '../../shared/validation.ts'
import { requireSession } from '../session.ts'
import type { ApiRegistry } from './api-registry.ts'

const uuidParam = z.object({ id: uuidId('Not a valid grievance id.') })

/** The clock and links the grievance and nominee flows need, from the app (the real time). */
export function grievanceDeps(app: App): flows.GrievanceDeps {
  return { publicUrl: app.config.publicUrl, now: () => new Date() }
}

const presentedGrievance = z.object({
  id: z.string(),
  reference: z.string(),
  category: z.enum(privacy.grievanceCategories),
  categoryLabel: z.string(),
  subject: z.string(),
  status: z.enum(privacy.grievanceStatuses),
  acknowledgeBy: z.string().describe('The grievance officer acknowledges the ticket by then (48 hours)'),
  resolveBy: z.string().describe('The decision is due by then (30 days; reopening restarts it)'),
  acknowledgedAt: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  createdAt: z.string(),
})

export function presentGrievance(g: privacy.Grievance) {
  return {
    id: g.id,
    reference: privacy.grievanceReference(g.id),
    category: g.category,
    categoryLabel: privacy.grievanceCategoryLabels[g.category],
    subject: g.subject,
    status: g.status,
    acknowledgeBy: g.acknowledgeBy.toISOString(),
    resolveBy: g.resolveBy.toISOString(),
    acknowledgedAt: g.acknowledgedAt?.toISOString() ?? null,
    resolvedAt: g.resolvedAt?.toISOString() ?? null,
    createdAt: g.createdAt.toISOString(),
  }
}

function presentEvent(e: privacy.GrievanceEvent) {
  return {
    kind: e.kind,
    by: e.authorRole === 'staff' ? 'grievance officer' : e.authorRole === 'person' ? 'you' : 'Mandi',
    body: e.body,
    at: e.createdAt.toISOString(),
  }
}

const presentedNominee = z.object({
  name: z.string(),
  email: z.string(),
  relationship: z.string(),
  updatedAt: z.string(),
})

function presentNominee(n: privacy.Nominee) {
  return { name: n.name, email: n.email, relationship: n.relationship, updatedAt: n.updatedAt.toISOString() }
}

/** Grievances to the grievance officer, and the person's nominee. Everything acts on the session's own person. */
export function grievanceRoutes(api: ApiRegistry, app: App) {
  api.route(
    {
      method: 'POST',
      url: '/api/v1/grievances',
      summary:
        'Raise a grievance with the grievance officer; a receipt with its reference and deadlines is emailed at once',
      tag: 'Privacy',
      body: flows.GrievanceInput,
      responses: {
        201: {
          description: 'Raised: acknowledged by the officer within 48 hours, resolved within 30 days',
          schema: z.object({ grievance: presentedGrievance }),
        },
        400: { description: 'Every problem with the input, by field (invalid_grievance)' },
        401: { description: 'Not signed in (without an account, use the form at /grievance)' },
      },
    },
    async ({ request, reply, body }) => {
      const { user } = requireSession(request)
      const grievance = await flows.raiseGrievance(app.db, grievanceDeps(app), {
        userId: user.id,
        input: body,
      })
      await request.server.jobs.send('messaging.deliver')
      reply.status(201)
      return { grievance: presentGrievance(grievance) }
    },
  )

  api.route(
    {
      method: 'GET',
      url: '/api/v1/grievances',
      summary: 'Your own grievances, newest first',
      tag: 'Privacy',
      responses: {
        200: { description: 'Yours only', schema: z.object({ grievances: z.array(presentedGrievance) }) },
      },
    },
    async ({ request }) => {
      const { user } = requireSession(request)
      return { grievances: (await flows.listOwnGrievances(app.db, user.id)).map(presentGrievance) }
    },
  )

  api.route(
    {
      method: 'GET',
      url: '/api/v1/grievances/:id',
      summary: 'One of your grievances, with its history',
      tag: 'Privacy',
      params: uuidParam,
      responses: {
        200: { description: 'The grievance, what you wrote, and every event since' },
        404: { description: 'You have no grievance with that id (grievance_not_found)' },
      },
    },
    async ({ request, params }) => {
      const { user } = requireSession(request)
      const { grievance, events } = await flows.ownGrievance(app.db, user.id, params.id)
      return {
        grievance: { ...presentGrievance(grievance), message: grievance.message },
        events: events.map(presentEvent),
      }
    },
  )

  api.route(
    {
      method: 'POST',
      url: '/api/v1/grievances/:id/reopen',
      summary:
        'Reopen a resolved grievance: it is open again, to be acknowledged within 48 hours and resolved within 30 days of now',
      tag: 'Privacy',
      params: uuidParam,
      body: z.object({
        reason: z.string().max(5000).optional().describe('Why the answer did not settle it'),
      }),
      responses: {
        200: { description: 'Reopened', schema: z.object({ grievance: presentedGrievance }) },
        404: { description: 'You have no grievance with that id (grievance_not_found)' },
        409: { description: 'The grievance is not resolved (grievance_not_resolved)' },
      },
    },
    async ({ request, params, body }) => {
      const { user } = requireSession(request)
      const grievance = await flows.reopenAsPerson(app.db, grievanceDeps(app), {
        userId: user.id,
        id: params.id,
        input: body,
      })
      return { grievance: presentGrievance(grievance) }
    },
  )

  api.route(
    {
      method: 'GET',
      url: '/api/v1/me/nominee',
      summary: 'Your nominee, or null',
      tag: 'Privacy',
      responses: {
        200: { description: 'The nominee', schema: z.object({ nominee: presentedNominee.nullable() }) },
      },
    },
    async ({ request }) => {
      const { user } = requireSession(request)
      const nominee = await flows.getNominee(app.db, user.id)
      return { nominee: nominee ? presentNominee(nominee) : null }
    },
  )

  api.route(
    {
      method: 'PUT',
      url: '/api/v1/me/nominee',
      summary:
        'Name (or replace) the person who may use your rights for you if you die or cannot act; a newly named nominee is told by email, and that is recorded in your disclosure ledger',
      tag: 'Privacy',
      body: flows.NomineeInput,
      responses: {
        200: {
          description: 'Saved',
          schema: z.object({ nominee: presentedNominee, nomineeTold: z.boolean() }),
        },
        400: {
          description: 'Every problem with the input, by field; your own email is refused (invalid_nominee)',
        },
      },
    },
    async ({ request, body }) => {
      const { user } = requireSession(request)
      const { nominee, told } = await flows.setNominee(app.db, grievanceDeps(app), {
        userId: user.id,
        input: body,
      })
      if (told) await request.server.jobs.send('messaging.deliver')
      return { nominee: presentNominee(nominee), nomineeTold: told }
    },
  )

  api.route(
    {
      method: 'DELETE',
      url: '/api/v1/me/nominee',
      summary: 'Remove your nominee',
      tag: 'Privacy',
      responses: { 204: { description: 'Removed (or there was none)' } },
    },
    async ({ request }) => {
      const { user } = requireSession(request)
      await flows.removeNominee(app.db, user.id)
    },
  )
}
