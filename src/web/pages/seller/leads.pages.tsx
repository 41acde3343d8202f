import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { App } from '../../../app.ts'
import * as accounts from '../../../modules/accounts/index.ts'
import * as catalog from '../../../modules/catalog/index.ts'
import * as enquiries from '../../../modules/enquiries/index.ts'
import { isPastDate, parseInputAll } from '../../../shared/validation.ts'
import { sendPage } from '../../render.tsx'
import { csrfToken, pageContext } from '../../views/page-context.ts'
import {
  type FormBody,
  formBody,
  formProblem,
  noStore,
  redirectWithFlash,
  takeFlash,
  text,
} from '../account/account-frame.ts'
import { pageNumber } from '../page-frame.ts'
import { LeadPage, type LeadForm } from './leads-detail-view.tsx'
import { type LeadListQuery, LeadListPage } from './leads-list-view.tsx'
import { mustBeSeller, sellerOf } from './seller-frame.tsx'

// The seller's lead manager under /seller/leads: the list with tabs and filters, the exports, one
// lead with its thread, and the lead's actions. What a page shows about the buyer comes from
// enquiries.getLead/listLeads/exportLeads, which carry email and phone only while shared.

type IdRequest = FastifyRequest<{ Params: { id: string } }>

export function sellerLeadPages(server: FastifyInstance, app: App) {
  const guard = { preHandler: mustBeSeller(app) }

  server.get('/seller/leads', guard, async (request, reply) => {
    const query = listQuery(request.query)
    const result = await enquiries.listLeads(app.db, sellerOf(request), {
      status: query.status,
      q: query.q,
      unread: query.unread,
      kind: query.kind,
      page: query.page,
      pageSize: 20,
    })
    noStore(reply)
    return sendPage(
      reply,
      <LeadListPage
        ctx={pageContext(request)}
        flash={takeFlash(request, reply, app)}
        query={query}
        result={result}
      />,
    )
  })

  server.get('/seller/leads/export.csv', guard, async (request, reply) => {
    const rows = await enquiries.exportLeads(app.db, sellerOf(request))
    return sendDownload(reply, 'csv', enquiries.leadsToCsv(rows))
  })

  server.get('/seller/leads/export.json', guard, async (request, reply) => {
    const rows = await enquiries.exportLeads(app.db, sellerOf(request))
    return sendDownload(
      reply,
      'json',
      `${JSON.stringify({ exportedAt: new Date().toISOString(), leads: rows }, null, 2)}\n`,
    )
  })

  server.get<{ Params: { id: string } }>('/seller/leads/:id', guard, async (request, reply) =>
    showLead(app, request, reply, null),
  )

  const post = (
    path: string,
    form: LeadForm['form'],
    fields: readonly string[],
    run: (seller: catalog.SellerActor, id: string, values: Record<string, string>) => Promise<string>,
  ) =>
    server.post<{ Params: { id: string } }>(`/seller/leads/:id/${path}`, guard, async (request, reply) => {
      const values = valuesOf(formBody(request), fields)
      try {
        const done = await run(sellerOf(request), request.params.id, values)
        return redirectWithFlash(reply, app, `/seller/leads/${request.params.id}#${form}`, {
          kind: 'success',
          text: done,
        })
      } catch (error) {
        const problem = formProblem(error, { invalid_message: 'body', invalid_status: 'status' })
        if (problem.status === 404) throw error
        return showLead(app, request, reply, { form, values, errors: problem.fields }, problem.status)
      }
    })

  post('messages', 'reply', ['body'], async (seller, id, v) => {
    await enquiries.postMessage(app.db, app.enquiryContext, { party: 'seller', ...seller }, id, v.body)
    return 'Your reply is sent to the buyer.'
  })
  post('quote', 'quote', ['price', 'quantity', 'unit', 'validUntil', 'terms'], async (seller, id, v) => {
    // Every problem with the quote in one answer: the price (in rupees here), the schema's fields
    // and the date, rather than one round for each.
    const priceMessage = 'Enter the price per unit in rupees, like 1250 or 1,250.50.'
    const pricePaisePerUnit = v.price?.trim() ? catalog.parseRupees(v.price) : null
    const priceOk = pricePaisePerUnit !== null && pricePaisePerUnit > 0
    const input = {
      pricePaisePerUnit: priceOk ? pricePaisePerUnit : 1,
      quantity: v.quantity,
      unit: v.unit,
      validUntil: v.validUntil,
      terms: v.terms,
    }
    const now = app.enquiryContext.now?.() ?? new Date()
    parseInputAll(enquiries.QuoteInput, input, [
      !priceOk && { field: 'price', message: priceMessage, code: 'invalid_price' },
      isPastDate(v.validUntil, now) && {
        field: 'validUntil',
        message: 'Choose a future date.',
        code: 'quote_expired',
        summary: 'The quote must be valid until today or later.',
      },
    ])
    await enquiries.sendQuote(app.db, app.enquiryContext, seller, id, { ...input, pricePaisePerUnit })
    return 'Your quote is sent to the buyer, and the lead is marked quoted.'
  })
  post('notes', 'notes', ['body'], async (seller, id, v) => {
    await enquiries.addLeadNote(app.db, seller, id, { body: v.body })
    return 'Note saved. Only your business sees it.'
  })
  post('status', 'status', ['status'], async (seller, id, v) => {
    const moved = await enquiries.setLeadStatus(app.db, app.enquiryContext, seller, id, v.status)
    return `The lead is now marked ${moved.status}.`
  })
  post('decline', 'decline', ['reason'], async (seller, id, v) => {
    await enquiries.declineLead(app.db, app.enquiryContext, seller, id, { reason: v.reason })
    return 'The buyer is told you are not interested, and the lead is marked lost.'
  })
  post('spam', 'spam', ['reason'], async (seller, id, v) => {
    await enquiries.reportSpam(app.db, app.enquiryContext, seller, id, { reason: v.reason })
    return 'Reported as spam. The lead is moved to the spam tab and our moderators will look at it.'
  })
  post('block', 'block', ['reason'], async (seller, id, v) => {
    await enquiries.blockBuyer(app.db, seller, id, { reason: v.reason })
    return 'This buyer can no longer send your business enquiries or buy requirements.'
  })
  post('unblock', 'block', [], async (seller, id) => {
    await enquiries.unblockBuyer(app.db, seller, id)
    return 'This buyer can contact your business again.'
  })
}

async function showLead(
  app: App,
  request: IdRequest,
  reply: FastifyReply,
  form: LeadForm | null,
  status = 200,
) {
  const lead = await enquiries.getLead(app.db, sellerOf(request), request.params.id)
  noStore(reply)
  return sendPage(
    reply,
    <LeadPage
      ctx={pageContext(request)}
      csrf={csrfToken(reply)}
      flash={form ? null : takeFlash(request, reply, app)}
      lead={lead}
      sellerName={await sellerName(app, request)}
      nextStatuses={enquiries.nextLeadStatuses(lead.status)}
      form={form}
    />,
    status,
  )
}

async function sellerName(app: App, request: FastifyRequest): Promise<string> {
  const business = request.session
    ? await accounts.findBusinessByOwner(app.db, request.session.user.id)
    : null
  return business ? (business.tradeName ?? business.legalName) : 'You'
}

function valuesOf(body: FormBody, fields: readonly string[]): Record<string, string> {
  return Object.fromEntries(fields.map((f) => [f, text(body, f)]))
}

function listQuery(raw: unknown): LeadListQuery {
  const q = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>
  const str = (v: unknown) => (typeof v === 'string' ? v : '')
  const status = enquiries.leadStatuses.find((s) => s === q.status)
  const kind = q.kind === 'enquiry' || q.kind === 'requirement' ? q.kind : undefined
  return {
    status,
    kind,
    q: str(q.q).trim().slice(0, 100) || undefined,
    unread: str(q.unread) === '1',
    page: pageNumber(q.page, 1000),
  }
}

function sendDownload(reply: FastifyReply, format: 'csv' | 'json', body: string) {
  const day = new Date().toISOString().slice(0, 10)
  noStore(reply)
  return reply
    .type(format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8')
    .header('content-disposition', `attachment; filename="mandi-leads-${day}.${format}"`)
    .send(body)
}
