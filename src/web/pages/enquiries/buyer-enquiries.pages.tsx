import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { App } from '../../../app.ts'
import * as enquiries from '../../../modules/enquiries/index.ts'
import { sendPage } from '../../render.tsx'
import { csrfToken, pageContext } from '../../views/page-context.ts'
import {
  formBody,
  formProblem,
  mustSignIn,
  noStore,
  redirectWithFlash,
  sessionOf,
  takeFlash,
  text,
} from '../account/account-frame.ts'
import { pageNumber } from '../page-frame.ts'
import { BuyerEnquiryPage, BuyerEnquiryList, type ThreadForm } from './buyer-enquiries-view.tsx'

// The buyer's enquiries under /account/enquiries: the list, one thread, and the thread's actions
// (reply, share or stop sharing contact details, ask for a call back, close or reopen).

type IdRequest = FastifyRequest<{ Params: { id: string } }>

export function buyerEnquiryPages(server: FastifyInstance, app: App) {
  const guard = { preHandler: mustSignIn }

  server.get('/account/enquiries', guard, async (request, reply) => {
    const { user } = sessionOf(request)
    const page = pageNumber((request.query as Record<string, unknown>).page, 1000)
    const result = await enquiries.listBuyerEnquiries(app.db, user.id, { page, pageSize: 20 })
    noStore(reply)
    return sendPage(
      reply,
      <BuyerEnquiryList ctx={pageContext(request)} flash={takeFlash(request, reply, app)} result={result} />,
    )
  })

  server.get<{ Params: { id: string } }>('/account/enquiries/:id', guard, async (request, reply) =>
    showThread(app, request, reply, null),
  )

  server.post<{ Params: { id: string } }>(
    '/account/enquiries/:id/messages',
    guard,
    async (request, reply) => {
      const body = formBody(request)
      const values = { body: text(body, 'body') }
      return act(app, request, reply, { form: 'reply', values }, async (userId, id) => {
        await enquiries.postMessage(app.db, app.enquiryContext, { party: 'buyer', userId }, id, values.body)
        return 'Your message is sent to the seller.'
      })
    },
  )

  server.post<{ Params: { id: string } }>(
    '/account/enquiries/:id/share-contact',
    guard,
    async (request, reply) =>
      act(app, request, reply, { form: 'share', values: {} }, async (userId, id) => {
        await enquiries.shareContact(app.db, app.enquiryContext, userId, id)
        return 'The seller can now see your email address and phone number. You can stop sharing at any time.'
      }),
  )

  server.post<{ Params: { id: string } }>(
    '/account/enquiries/:id/stop-sharing',
    guard,
    async (request, reply) =>
      act(app, request, reply, { form: 'share', values: {} }, async (userId, id) => {
        await enquiries.revokeContact(app.db, app.enquiryContext, userId, id)
        return 'You stopped sharing your contact details. The seller no longer sees them on this enquiry.'
      }),
  )

  server.post<{ Params: { id: string } }>(
    '/account/enquiries/:id/callback',
    guard,
    async (request, reply) => {
      const body = formBody(request)
      const values = { preferredTime: text(body, 'preferredTime'), reveal: text(body, 'reveal') }
      return act(app, request, reply, { form: 'callback', values }, async (userId, id) => {
        const revealNumber = values.reveal === 'show'
        await enquiries.requestCallback(app.db, app.enquiryContext, userId, id, {
          preferredTime: values.preferredTime,
          revealNumber,
        })
        return revealNumber
          ? 'The seller is asked to call you back, and can see your phone number until you stop sharing it.'
          : 'The seller is asked to call you back through a masked number; they will not see yours.'
      })
    },
  )

  server.post<{ Params: { id: string } }>('/account/enquiries/:id/status', guard, async (request, reply) => {
    const body = formBody(request)
    const values = { to: text(body, 'to'), reason: text(body, 'reason') }
    return act(app, request, reply, { form: 'status', values }, async (userId, id) => {
      const to = values.to === 'open' ? 'open' : 'closed'
      await enquiries.setEnquiryStatus(app.db, app.enquiryContext, userId, id, to, values.reason)
      return to === 'open'
        ? 'Your enquiry is open again.'
        : 'Your enquiry is closed. You can reopen it later.'
    })
  })
}

/** Runs one thread action: on success back to the thread with a message; on a mistake, the thread with the form's errors. */
async function act(
  app: App,
  request: IdRequest,
  reply: FastifyReply,
  form: Omit<ThreadForm, 'errors'>,
  run: (userId: string, enquiryId: string) => Promise<string>,
) {
  const { user } = sessionOf(request)
  try {
    const done = await run(user.id, request.params.id)
    return redirectWithFlash(reply, app, `/account/enquiries/${request.params.id}#${anchors[form.form]}`, {
      kind: 'success',
      text: done,
    })
  } catch (error) {
    const problem = formProblem(error, { invalid_message: 'body', no_phone: '_' })
    if (problem.status === 404) throw error
    return showThread(app, request, reply, { ...form, errors: problem.fields }, problem.status)
  }
}

const anchors: Record<ThreadForm['form'], string> = {
  reply: 'reply',
  share: 'contact',
  callback: 'callback',
  status: 'status',
}

async function showThread(
  app: App,
  request: IdRequest,
  reply: FastifyReply,
  form: ThreadForm | null,
  status = 200,
) {
  const { user } = sessionOf(request)
  const enquiry = await enquiries.getBuyerEnquiry(app.db, user.id, request.params.id)
  noStore(reply)
  return sendPage(
    reply,
    <BuyerEnquiryPage
      ctx={pageContext(request)}
      csrf={csrfToken(reply)}
      flash={form ? null : takeFlash(request, reply, app)}
      enquiry={enquiry}
      buyerName={user.name}
      form={form}
      maskingAvailable={Boolean(app.enquiryContext.callMasking)}
      hasPhone={Boolean(user.phone)}
    />,
    status,
  )
}
