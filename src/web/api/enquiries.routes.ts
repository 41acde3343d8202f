import { z } from 'zod'
import type { App } from '../../app.ts'
import * as catalog from '../../modules/catalog/index.ts'
import * as enquiries from '../../modules/enquiries/index.ts'
import { requireSession } from '../session.ts'
import type { ApiRegistry } from './api-registry.ts'

// Enquiries as JSON: the buyer's side under /api/v1/enquiries, the seller's lead manager under
// /api/v1/seller/leads. A seller's view of a buyer carries name, company and city; `contact`
// is null unless the buyer shares their details now.

const TAG = 'Enquiries'

const IdParams = z.object({ id: z.uuid('That is not an enquiry id.') })

const BuyerOut = z.object({ name: z.string(), company: z.string().nullable(), city: z.string().nullable() })
const ContactOut = z
  .object({ email: z.string().nullable(), phone: z.string().nullable() })
  .nullable()
  .describe('The buyer’s details while they share them; null otherwise')
const ThreadOut = z.array(
  z.object({
    id: z.number().int(),
    author: z.enum(['buyer', 'seller', 'system']),
    body: z.string(),
    via: z.enum(['web', 'email']),
    flaggedContact: z
      .boolean()
      .describe('The message holds an email or phone number although details were not shared'),
    quote: z
      .object({
        pricePaisePerUnit: z.number().int(),
        quantity: z.number(),
        unit: z.string(),
        validUntil: z.string(),
        terms: z.string(),
      })
      .nullable(),
    createdAt: z.string(),
  }),
)
const LeadStatus = z.enum(['new', 'contacted', 'quoted', 'won', 'lost', 'spam'])
const LeadItemOut = z.object({
  id: z.string(),
  status: LeadStatus,
  kind: z.enum(['enquiry', 'requirement']),
  subject: z.string(),
  quantity: z.number(),
  unit: z.string(),
  buyer: BuyerOut,
  contactShared: z.boolean(),
  unread: z.boolean(),
  lastMessageAt: z.string(),
  createdAt: z.string(),
})

const CreateBody = z
  .object({
    productId: z.number().int().positive().optional(),
    sellerId: z
      .number()
      .int()
      .positive()
      .optional()
      .describe('A business id, for an enquiry not about one product'),
    quantity: z.number().positive(),
    unit: z.string().min(1).max(30),
    message: z.string().min(10).max(enquiries.MESSAGE_MAX),
    requiredBy: z.string().optional().describe('YYYY-MM-DD'),
    deliveryCity: z.string().max(60).optional(),
  })
  .describe('Exactly one of productId and sellerId')

const iso = (d: Date) => d.toISOString()
const presentMessage = (m: { id: number; flaggedContact: boolean; createdAt: Date }) => ({
  message: { id: m.id, flaggedContact: m.flaggedContact, createdAt: iso(m.createdAt) },
})
const presentThread = (thread: enquiries.ThreadEntry[]) =>
  thread.map((m) => ({ ...m, createdAt: iso(m.createdAt) }))

export function enquiryRoutes(api: ApiRegistry, app: App) {
  const ctx = app.enquiryContext
  const seller = async (request: Parameters<typeof requireSession>[0]) =>
    catalog.sellerForUser(app.db, requireSession(request).user)

  api.route(
    {
      method: 'POST',
      url: '/api/v1/enquiries',
      summary: 'Send an enquiry to a seller about a product or their business',
      tag: TAG,
      body: CreateBody,
      responses: {
        201: {
          description: 'Sent; the seller is notified by email and SMS',
          schema: z.object({
            enquiry: z.object({ id: z.string(), status: z.enum(['open', 'closed', 'expired']) }),
          }),
        },
      },
    },
    async ({ request, reply }) => {
      const session = requireSession(request)
      const enquiry = await enquiries.createEnquiry(app.db, ctx, session.user.id, request.body)
      reply.status(201).header('location', `/api/v1/enquiries/${enquiry.id}`)
      return { enquiry }
    },
  )

  api.route(
    {
      method: 'GET',
      url: '/api/v1/enquiries',
      summary: 'Your enquiries, newest activity first',
      tag: TAG,
      query: z.object({ page: z.coerce.number().int().min(1).max(1000).default(1) }),
      responses: { 200: { description: 'One page of your enquiries' } },
    },
    async ({ request, query }) => {
      const session = requireSession(request)
      const list = await enquiries.listBuyerEnquiries(app.db, session.user.id, { page: query.page })
      return {
        ...list,
        items: list.items.map((e) => ({
          ...e,
          lastMessageAt: iso(e.lastMessageAt),
          createdAt: iso(e.createdAt),
        })),
      }
    },
  )

  api.route(
    {
      method: 'GET',
      url: '/api/v1/enquiries/:id',
      summary: 'One of your enquiries with its thread and what you shared',
      tag: TAG,
      params: IdParams,
      responses: { 200: { description: 'The enquiry' } },
    },
    async ({ request, params }) => {
      const session = requireSession(request)
      const e = await enquiries.getBuyerEnquiry(app.db, session.user.id, params.id)
      return {
        enquiry: {
          ...e,
          thread: presentThread(e.thread),
          shares: e.shares.map((s) => ({
            fields: s.fields,
            sharedAt: iso(s.sharedAt),
            revokedAt: s.revokedAt && iso(s.revokedAt),
          })),
          callbacks: e.callbacks.map((c) => ({ ...c, createdAt: iso(c.createdAt) })),
          createdAt: iso(e.createdAt),
        },
      }
    },
  )

  api.route(
    {
      method: 'POST',
      url: '/api/v1/enquiries/:id/messages',
      summary: 'Write to the seller in the enquiry thread',
      tag: TAG,
      params: IdParams,
      body: z.object({ body: z.string().min(1).max(enquiries.MESSAGE_MAX) }),
      responses: { 201: { description: 'Added and forwarded to the seller through the relay' } },
    },
    async ({ request, params, body, reply }) => {
      const session = requireSession(request)
      const message = await enquiries.postMessage(
        app.db,
        ctx,
        { party: 'buyer', userId: session.user.id },
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
      url: '/api/v1/enquiries/:id/share-contact',
      summary:
        'Share your email and phone with the seller of this enquiry (recorded in your disclosure ledger)',
      tag: TAG,
      params: IdParams,
      body: z
        .object({
          fields: z
            .array(z.enum(['email', 'phone']))
            .min(1)
            .optional(),
        })
        .optional(),
      responses: {
        200: {
          description: 'Shared',
          schema: z.object({ shared: z.literal(true), fields: z.array(z.string()), sharedAt: z.string() }),
        },
      },
    },
    async ({ request, params, body }) => {
      const session = requireSession(request)
      const result = await enquiries.shareContact(
        app.db,
        ctx,
        session.user.id,
        params.id,
        body?.fields ?? ['email', 'phone'],
      )
      return { shared: true as const, fields: result.fields, sharedAt: iso(result.sharedAt) }
    },
  )

  api.route(
    {
      method: 'DELETE',
      url: '/api/v1/enquiries/:id/share-contact',
      summary: 'Stop sharing your contact details with this seller',
      tag: TAG,
      params: IdParams,
      responses: { 200: { description: 'No longer shared', schema: z.object({ shared: z.literal(false) }) } },
    },
    async ({ request, params }) => {
      const session = requireSession(request)
      await enquiries.revokeContact(app.db, ctx, session.user.id, params.id)
      return { shared: false as const }
    },
  )

  api.route(
    {
      method: 'POST',
      url: '/api/v1/enquiries/:id/callback',
      summary: 'Ask the seller to call you back, through a masked number or by showing yours',
      tag: TAG,
      params: IdParams,
      body: z.object({ preferredTime: z.string().max(100).optional(), revealNumber: z.boolean() }),
      responses: { 201: { description: 'Requested' } },
    },
    async ({ request, params, reply }) => {
      const session = requireSession(request)
      const result = await enquiries.requestCallback(app.db, ctx, session.user.id, params.id, request.body)
      reply.status(201)
      return { callback: result }
    },
  )

  api.route(
    {
      method: 'POST',
      url: '/api/v1/enquiries/:id/status',
      summary: 'Close or reopen your enquiry',
      tag: TAG,
      params: IdParams,
      body: z.object({ status: z.enum(['open', 'closed']), reason: z.string().max(500).optional() }),
      responses: { 200: { description: 'Changed' } },
    },
    async ({ request, params, body }) => {
      const session = requireSession(request)
      return {
        enquiry: await enquiries.setEnquiryStatus(
          app.db,
          ctx,
          session.user.id,
          params.id,
          body.status,
          body.reason,
        ),
      }
    },
  )

  // —— Seller ——

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
