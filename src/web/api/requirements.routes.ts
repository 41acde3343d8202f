import { z } from 'zod'
import type { App } from '../../app.ts'
import * as enquiries from '../../modules/enquiries/index.ts'
import { uuidId } from '../../shared/validation.ts'
import { requireSession } from '../session.ts'
import type { ApiRegistry } from './api-registry.ts'

// Buy requirements (RFQ) as JSON, for the buyer who posted them. Another person's requirement
// answers 404 exactly like one that does not exist. Sellers receive requirements as leads, under
// /api/v1/seller/leads, with the buyer's name, company and city only.

const TAG = 'Buy requirements'

const IdParams = z.object({ id: uuidId('That is not a requirement id.') })

const StatusOut = z.enum(['open', 'closed', 'expired'])
const RequirementStateOut = z.object({
  requirement: z.object({
    id: z.string(),
    status: StatusOut,
    matchedCount: z.number().int().describe('How many sellers received it (at most maxSuppliers)'),
  }),
})

const RecipientOut = z.object({
  enquiryId: z.string().describe('The conversation with this seller, under /api/v1/enquiries/:id'),
  seller: z.object({
    id: z.number().int(),
    name: z.string(),
    slug: z.string(),
    city: z.string(),
    state: z.string(),
    verified: z.boolean(),
  }),
  matchScore: z.number().nullable().describe('0..1; how well the seller fits the requirement'),
  reasons: z.array(z.string()).describe('Why matchmaking chose this seller, best reason first'),
  sentAt: z.string(),
  replied: z.boolean(),
  firstReplyAt: z.string().nullable(),
})

const RequirementOut = z.object({
  id: z.string(),
  title: z.string(),
  categoryId: z.number().int().nullable(),
  details: z.string(),
  quantity: z.number(),
  unit: z.string(),
  budgetPaisePerUnit: z.number().int().nullable(),
  city: z.string().nullable(),
  state: z.string().nullable(),
  neededBy: z.string().nullable(),
  expiresAt: z.string(),
  maxSuppliers: z.number().int(),
  status: StatusOut,
  matchedCount: z.number().int(),
  closedAt: z.string().nullable(),
  createdAt: z.string(),
})

const RequirementListOut = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      quantity: z.number(),
      unit: z.string(),
      status: StatusOut,
      matchedCount: z.number().int(),
      repliedCount: z.number().int(),
      maxSuppliers: z.number().int(),
      expiresAt: z.string(),
      createdAt: z.string(),
    }),
  ),
})

export function presentRequirement(row: enquiries.RequirementRow): z.output<typeof RequirementOut> {
  return {
    id: row.id,
    title: row.title,
    categoryId: row.categoryId,
    details: row.details,
    quantity: row.quantity,
    unit: row.unit,
    budgetPaisePerUnit: row.budgetPaisePerUnit,
    city: row.city,
    state: row.state,
    neededBy: row.neededBy,
    expiresAt: row.expiresAt.toISOString(),
    maxSuppliers: row.maxSuppliers,
    status: row.status,
    matchedCount: row.matchedCount,
    closedAt: row.closedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  }
}

export function presentRecipient(r: enquiries.RequirementRecipient): z.output<typeof RecipientOut> {
  return {
    enquiryId: r.enquiryId,
    seller: {
      id: r.businessId,
      name: r.name,
      slug: r.slug,
      city: r.city,
      state: r.state,
      verified: r.verified,
    },
    matchScore: r.matchScore,
    reasons: r.reasons,
    sentAt: r.sentAt.toISOString(),
    replied: r.replied,
    firstReplyAt: r.firstReplyAt?.toISOString() ?? null,
  }
}

export function requirementRoutes(api: ApiRegistry, app: App) {
  api.route(
    {
      method: 'POST',
      url: '/api/v1/requirements',
      summary:
        'Post a buy requirement; it goes at once to at most maxSuppliers matching sellers, who see your name, company, city and need — not your email or phone',
      tag: TAG,
      body: enquiries.RequirementInput,
      responses: {
        201: { description: 'Posted and sent', schema: RequirementStateOut },
        401: { description: 'Not signed in' },
        403: { description: 'profile_incomplete: the message says what to add' },
        400: { description: 'Invalid input, or no_matching_sellers (nothing was posted)' },
        429: { description: 'Over the daily limit for buy requirements' },
      },
    },
    async ({ request, reply, body }) => {
      const { user } = requireSession(request)
      const posted = await enquiries.postRequirement(app.db, app.enquiryContext, user.id, body)
      reply.status(201).header('location', `/api/v1/requirements/${posted.requirement.id}`)
      return posted
    },
  )

  api.route(
    {
      method: 'GET',
      url: '/api/v1/requirements',
      summary: 'Your buy requirements, newest first',
      tag: TAG,
      responses: { 200: { description: 'The requirements', schema: RequirementListOut } },
    },
    async ({ request }) => {
      const { user } = requireSession(request)
      const rows = await enquiries.listRequirements(app.db, user.id)
      return {
        items: rows.map((r) => ({
          id: r.id,
          title: r.title,
          quantity: r.quantity,
          unit: r.unit,
          status: r.status,
          matchedCount: r.matchedCount,
          repliedCount: r.repliedCount,
          maxSuppliers: r.maxSuppliers,
          expiresAt: r.expiresAt.toISOString(),
          createdAt: r.createdAt.toISOString(),
        })),
      }
    },
  )

  api.route(
    {
      method: 'GET',
      url: '/api/v1/requirements/:id',
      summary: 'One of your buy requirements and the sellers who received it, with why they were chosen',
      tag: TAG,
      params: IdParams,
      responses: {
        200: {
          description: 'The requirement and its recipients',
          schema: z.object({ requirement: RequirementOut, recipients: z.array(RecipientOut) }),
        },
        404: { description: 'No such requirement of yours' },
      },
    },
    async ({ request, params }) => {
      const { user } = requireSession(request)
      const { requirement, recipients } = await enquiries.getRequirement(app.db, user.id, params.id)
      return { requirement: presentRequirement(requirement), recipients: recipients.map(presentRecipient) }
    },
  )

  api.route(
    {
      method: 'POST',
      url: '/api/v1/requirements/:id/close',
      summary:
        'Close a buy requirement: sellers who have not answered see it closed; conversations under way stay open',
      tag: TAG,
      params: IdParams,
      responses: {
        200: { description: 'Closed (closing again changes nothing)', schema: RequirementStateOut },
        404: { description: 'No such requirement of yours' },
        409: { description: 'requirement_expired' },
      },
    },
    async ({ request, params }) => {
      const { user } = requireSession(request)
      return { requirement: await enquiries.closeRequirement(app.db, app.enquiryContext, user.id, params.id) }
    },
  )
}
