import { z } from 'zod'
import type { App } from '../../app.ts'
import * as catalog from '../../modules/catalog/index.ts'
import * as enquiries from '../../modules/enquiries/index.ts'
import { requireSession } from '../session.ts'
import {
  BuyerOut,
  ContactOut,
  IdParams,
  iso,
  LeadItemOut,
  LeadStatus,
  presentMessage,
  presentThread,
  ThreadOut,
} from '../presenters/enquiries.ts'
import type { ApiRegistry } from './api-registry.ts'

// The seller's lead manager as JSON, under /api/v1/seller/leads (the buyer's side is in
// enquiries.routes.ts). A seller's view of a buyer carries name, company and city; `contact`
// is null unless the buyer shares their details now.

const TAG = 'Enquiries'

export function sellerLeadRoutes(api: ApiRegistry, app: App) {
  const ctx = app.enquiryContext
  const seller = async (request: Parameters<typeof requireSession>[0]) =>
    catalog.sellerForUser(app.db, requireSession(request).user)

  api.route(
    {
      method: 'GET',
      url: '/api/v1/seller/leads',
      summary: 'Your leads (enquiries and matched buy requirements), newest activity first',
      tag: TAG,
      query: z.object({
        status: LeadStatus.optional(),
        q: z.string().max(100).optional(),
        unread: z.enum(['true', 'false']).optional(),
        kind: z.enum(['enquiry', 'requirement']).optional(),
        page: z.coerce.number().int().min(1).max(1000).default(1),
      }),
      responses: {
        200: {
          description: 'One page of leads; spam is left out unless asked for',
          schema: z.object({
            items: z.array(LeadItemOut),
            total: z.number().int(),
            page: z.number().int(),
            counts: z.record(z.string(), z.number().int()),
            unread: z.number().int(),
          }),
        },
      },
    },
    async ({ request, query }) => {
      const actor = await seller(request)
      const list = await enquiries.listLeads(app.db, actor, {
        status: query.status,
        q: query.q,
        unread: query.unread === 'true',
        kind: query.kind,
        page: query.page,
      })
      return {
        items: list.items.map((l) => ({
          ...l,
          lastMessageAt: iso(l.lastMessageAt),
          createdAt: iso(l.createdAt),
        })),
        total: list.total,
        page: list.page,
        counts: list.counts,
        unread: list.unread,
      }
    },
  )

  api.route(
    {
      method: 'GET',
      url: '/api/v1/seller/leads/export',
      summary: 'All your leads as JSON or CSV (?format=csv), without contact details the buyer did not share',
      tag: TAG,
      query: z.object({ format: z.enum(['json', 'csv']).default('json') }),
      responses: { 200: { description: 'The export' } },
    },
    async ({ request, query, reply }) => {
      const actor = await seller(request)
      const rows = await enquiries.exportLeads(app.db, actor)
      const stamp = new Date().toISOString().slice(0, 10)
      reply.header('cache-control', 'no-store')
      if (query.format === 'csv') {
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="mandi-leads-${stamp}.csv"`)
          .send(enquiries.leadsToCsv(rows))
      }
      reply.header('content-disposition', `attachment; filename="mandi-leads-${stamp}.json"`)
      return { leads: rows }
    },
  )

  api.route(
    {
      method: 'GET',
      url: '/api/v1/seller/leads/:id',
      summary: 'One lead with the thread, your notes and the buyer’s contact details if shared',
      tag: TAG,
      params: IdParams,
      responses: {
        200: {
          description: 'The lead',
          schema: z.object({
            lead: z
              .object({
                id: z.string(),
                status: LeadStatus,
                subject: z.string(),
                buyer: BuyerOut,
                contact: ContactOut,
                contactShared: z.boolean(),
                thread: ThreadOut,
              })
              .loose(),
          }),
        },
      },
    },
    async ({ request, params }) => {
      const actor = await seller(request)
      const lead = await enquiries.getLead(app.db, actor, params.id)
      return {
        lead: {
          ...lead,
          thread: presentThread(lead.thread),
          notes: lead.notes.map((n) => ({ ...n, createdAt: iso(n.createdAt) })),
          callbacks: lead.callbacks.map((c) => ({ ...c, createdAt: iso(c.createdAt) })),
          createdAt: iso(lead.createdAt),
        },
      }
    },
  )

  api.route(
    {
      method: 'POST',
      url: '/api/v1/seller/leads/:id/messages',
      summary: 'Reply to the buyer in the lead thread',
      tag: TAG,
      params: IdParams,
      body: z.object({ body: z.string().min(1).max(enquiries.MESSAGE_MAX) }),
      responses: { 201: { description: 'Added and forwarded to the buyer through the relay' } },
    },
    async ({ request, params, body, reply }) => {
      const actor = await seller(request)
      const message = await enquiries.postMessage(
        app.db,
        ctx,
        { party: 'seller', ...actor },
        params.id,
        body.body,
      )
      reply.status(201)
      return presentMessage(message)
    },
  )

  api.route(
    {
      method: 'POST',
      url: '/api/v1/seller/leads/:id/quotes',
      summary: 'Send a quote into the thread; the lead becomes quoted',
      tag: TAG,
      params: IdParams,
      body: z.object({
        pricePaisePerUnit: z.number().int().positive(),
        quantity: z.number().positive(),
        unit: z.string().min(1).max(30),
        validUntil: z.string().describe('YYYY-MM-DD'),
        terms: z.string().max(2000).optional(),
      }),
      responses: { 201: { description: 'Sent' } },
    },
    async ({ request, params, reply }) => {
      const actor = await seller(request)
      const message = await enquiries.sendQuote(app.db, ctx, actor, params.id, request.body)
      reply.status(201)
      return { message: { id: message.id, quote: message.quote, createdAt: iso(message.createdAt) } }
    },
  )

  api.route(
    {
      method: 'POST',
      url: '/api/v1/seller/leads/:id/status',
      summary: 'Move a lead: new → contacted → quoted → won or lost; spam',
      tag: TAG,
      params: IdParams,
      body: z.object({ status: LeadStatus }),
      responses: { 200: { description: 'Moved' } },
    },
    async ({ request, params, body }) => {
      const actor = await seller(request)
      return { lead: await enquiries.setLeadStatus(app.db, ctx, actor, params.id, body.status) }
    },
  )

  api.route(
    {
      method: 'POST',
      url: '/api/v1/seller/leads/:id/notes',
      summary: 'Add a private note (the buyer never sees it)',
      tag: TAG,
      params: IdParams,
      body: z.object({ body: z.string().min(1).max(2000) }),
      responses: { 201: { description: 'Added' } },
    },
    async ({ request, params, reply }) => {
      const actor = await seller(request)
      const note = await enquiries.addLeadNote(app.db, actor, params.id, request.body)
      reply.status(201)
      return { note: { id: note.id, body: note.body, createdAt: iso(note.createdAt) } }
    },
  )

  const reasonBody = z.object({ reason: z.string().min(1).max(500) })
  for (const [path, summary, run] of [
    [
      'not-interested',
      'Decline the lead with a reason the buyer sees; it becomes lost',
      enquiries.declineLead,
    ],
    ['spam', 'Report the lead as spam; moderators review it', enquiries.reportSpam],
  ] as const) {
    api.route(
      {
        method: 'POST',
        url: `/api/v1/seller/leads/:id/${path}`,
        summary,
        tag: TAG,
        params: IdParams,
        body: reasonBody,
        responses: { 200: { description: 'Done' } },
      },
      async ({ request, params }) => {
        const actor = await seller(request)
        return { lead: await run(app.db, ctx, actor, params.id, request.body) }
      },
    )
  }

  api.route(
    {
      method: 'POST',
      url: '/api/v1/seller/leads/:id/block',
      summary: 'Block this lead’s buyer from sending you further enquiries',
      tag: TAG,
      params: IdParams,
      body: reasonBody,
      responses: { 200: { description: 'Blocked' } },
    },
    async ({ request, params }) => {
      const actor = await seller(request)
      return enquiries.blockBuyer(app.db, actor, params.id, request.body)
    },
  )

  api.route(
    {
      method: 'DELETE',
      url: '/api/v1/seller/leads/:id/block',
      summary: 'Unblock this lead’s buyer',
      tag: TAG,
      params: IdParams,
      responses: { 200: { description: 'Unblocked' } },
    },
    async ({ request, params }) => {
      const actor = await seller(request)
      return enquiries.unblockBuyer(app.db, actor, params.id)
    },
  )
}
