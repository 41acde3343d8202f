import { z } from 'zod'
import type { App } from '../../app.ts'
import * as enquiries from '../../modules/enquiries/index.ts'
import { requireSession } from '../session.ts'
import { CreateEnquiryBody, IdParams, iso, presentMessage, presentThread } from '../presenters/enquiries.ts'
import type { ApiRegistry } from './api-registry.ts'

// Enquiries as JSON: the buyer's side under /api/v1/enquiries, the seller's lead manager under
// /api/v1/seller/leads. A seller's view of a buyer carries name, company and city; `contact`
// is null unless the buyer shares their details now.

const TAG = 'Enquiries'

export function enquiryRoutes(api: ApiRegistry, app: App) {
  const ctx = app.enquiryContext

  api.route(
    {
      method: 'POST',
      url: '/api/v1/enquiries',
      summary: 'Send an enquiry to a seller about a product or their business',
      tag: TAG,
      body: CreateEnquiryBody,
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
}
