import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { App } from '../../../app.ts'
import * as flows from '../../../flows/index.ts'
import * as privacy from '../../../modules/privacy/index.ts'
import { notFound } from '../../../shared/errors.ts'
import { isUuid } from '../../../shared/validation.ts'
import { grievanceDeps } from '../../api/grievance.routes.ts'
import { sendPage } from '../../render.tsx'
import {
  AccountShell,
  CsrfField,
  DateTime,
  ErrorSummary,
  type FlashMessage,
  formatDateTime,
  InputField,
} from '../../views/account-components.tsx'
import { csrfToken, type PageContext, pageContext } from '../../views/page-context.ts'
import { Button, ButtonLink, EmptyState } from '../../views/ui.tsx'
import { GrievanceHistory, PersonClock, StatusBadge } from '../grievance-views.tsx'
import {
  formBody,
  formProblem,
  mustSignIn,
  noStore,
  redirectWithFlash,
  sessionOf,
  takeFlash,
  text,
} from './account-frame.ts'

// The person's own grievances: the list, one ticket with its clock and history, a reply, and
// reopening a resolved one. Another person's ticket answers 404, like one that does not exist.

function ticketId(request: FastifyRequest<{ Params: { id: string } }>): string {
  const id = request.params.id
  if (!isUuid(id)) throw notFound('grievance_not_found', 'You have no grievance with that reference.')
  return id
}

export function accountGrievancePages(server: FastifyInstance, app: App) {
  server.get('/account/grievances', { preHandler: mustSignIn }, async (request, reply) => {
    const { user } = sessionOf(request)
    const list = await flows.listOwnGrievances(app.db, user.id)
    noStore(reply)
    return sendPage(
      reply,
      <GrievanceListPage
        ctx={pageContext(request)}
        flash={takeFlash(request, reply, app)}
        grievances={list}
        now={new Date()}
      />,
    )
  })

  const ticketPage = async (
    request: FastifyRequest<{ Params: { id: string } }>,
    reply: FastifyReply,
    form?: { values: Record<string, string>; errors: Record<string, string>; status: number },
  ) => {
    const { user } = sessionOf(request)
    const { grievance, events } = await flows.ownGrievance(app.db, user.id, ticketId(request))
    noStore(reply)
    return sendPage(
      reply,
      <GrievanceTicketPage
        ctx={pageContext(request)}
        csrf={csrfToken(reply)}
        flash={form ? null : takeFlash(request, reply, app)}
        grievance={grievance}
        events={events}
        now={new Date()}
        form={form}
      />,
      form?.status ?? 200,
    )
  }

  server.get<{ Params: { id: string } }>(
    '/account/grievances/:id',
    { preHandler: mustSignIn },
    (request, reply) => ticketPage(request, reply),
  )

  server.post<{ Params: { id: string } }>(
    '/account/grievances/:id/reply',
    { preHandler: mustSignIn },
    async (request, reply) => {
      const { user } = sessionOf(request)
      const id = ticketId(request)
      const values = { body: text(formBody(request), 'body') }
      try {
        await flows.replyAsPerson(app.db, grievanceDeps(app), { userId: user.id, id, input: values })
      } catch (error) {
        const problem = formProblem(error)
        if (problem.status === 404) throw error
        return ticketPage(request, reply, { values, errors: problem.fields, status: problem.status })
      }
      return redirectWithFlash(reply, app, `/account/grievances/${id}#history`, {
        kind: 'success',
        text: 'Your message is with the grievance officer.',
      })
    },
  )

  server.post<{ Params: { id: string } }>(
    '/account/grievances/:id/reopen',
    { preHandler: mustSignIn },
    async (request, reply) => {
      const { user } = sessionOf(request)
      const id = ticketId(request)
      const values = { reason: text(formBody(request), 'reason') }
      let reopened: privacy.Grievance
      try {
        reopened = await flows.reopenAsPerson(app.db, grievanceDeps(app), {
          userId: user.id,
          id,
          input: values,
        })
      } catch (error) {
        const problem = formProblem(error)
        if (problem.status === 404) throw error
        return ticketPage(request, reply, { values, errors: problem.fields, status: problem.status })
      }
      return redirectWithFlash(reply, app, `/account/grievances/${id}`, {
        kind: 'success',
        text: `Reopened. The grievance officer acknowledges it again within ${privacy.grievanceClock.acknowledgeHours} hours and decides by ${formatDateTime(reopened.resolveBy)}.`,
      })
    },
  )
}

function GrievanceListPage(props: {
  ctx: PageContext
  flash: FlashMessage | null
  grievances: privacy.Grievance[]
  now: Date
}) {
  return (
    <AccountShell
      ctx={props.ctx}
      title="Your grievances"
      section="privacy"
      flash={props.flash}
      lead={
        <>
          What you raised with the grievance officer. Each is acknowledged within{' '}
          {privacy.grievanceClock.acknowledgeHours} hours and decided within{' '}
          {privacy.grievanceClock.resolveDays} days.
        </>
      }
    >
      <p>
        <ButtonLink href="/grievance">Write to the grievance officer</ButtonLink>
      </p>
      {props.grievances.length === 0 ? (
        <EmptyState title="You have not raised a grievance" icon="box" />
      ) : (
        <table class="table">
          <caption>Your grievances, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Reference</th>
              <th scope="col">Subject</th>
              <th scope="col">Status</th>
              <th scope="col">Raised</th>
              <th scope="col">Next deadline</th>
            </tr>
          </thead>
          <tbody>
            {props.grievances.map((g) => (
              <tr key={g.id}>
                <td data-label="Reference">
                  <a href={`/account/grievances/${g.id}`}>{privacy.grievanceReference(g.id)}</a>
                </td>
                <td data-label="Subject">{g.subject}</td>
                <td data-label="Status">
                  <StatusBadge status={g.status} />
                </td>
                <td data-label="Raised">
                  <DateTime date={g.createdAt} />
                </td>
                <td data-label="Next deadline">
                  {g.status === 'resolved' ? (
                    '—'
                  ) : (
                    <>
                      {g.status === 'open' ? 'Acknowledgement by ' : 'Decision by '}
                      <DateTime date={g.status === 'open' ? g.acknowledgeBy : g.resolveBy} />
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </AccountShell>
  )
}

function GrievanceTicketPage(props: {
  ctx: PageContext
  csrf: string
  flash: FlashMessage | null
  grievance: privacy.Grievance
  events: privacy.GrievanceEvent[]
  now: Date
  form?: { values: Record<string, string>; errors: Record<string, string> } | undefined
}) {
  const g = props.grievance
  const reference = privacy.grievanceReference(g.id)
  const values = props.form?.values ?? {}
  const errors = props.form?.errors ?? {}
  return (
    <AccountShell ctx={props.ctx} title={`Grievance ${reference}`} section="privacy" flash={props.flash}>
      <p>
        <a href="/account/grievances">All your grievances</a>
      </p>
      <section class="card" aria-labelledby="ticket-title">
        <h2 class="card-title" id="ticket-title">
          {g.subject} <StatusBadge status={g.status} />
        </h2>
        <p class="muted">
          {privacy.grievanceCategoryLabels[g.category]} · raised <DateTime date={g.createdAt} />
        </p>
        <PersonClock grievance={g} now={props.now} />
      </section>

      <section class="card" aria-labelledby="history" id="history-section">
        <h2 class="card-title" id="history">
          History
        </h2>
        <GrievanceHistory grievance={g} events={props.events} viewer="person" />
      </section>

      <ErrorSummary errors={errors} labels={{ body: 'Your message', reason: 'Why it is not settled' }} />
      {g.status === 'resolved' ? (
        <section class="card" aria-labelledby="reopen-title">
          <h2 class="card-title" id="reopen-title">
            Not settled?
          </h2>
          <p>
            Reopen it and the grievance officer looks at it again: acknowledged within{' '}
            {privacy.grievanceClock.acknowledgeHours} hours and decided within{' '}
            {privacy.grievanceClock.resolveDays} days from now. You can also take a complaint about your
            personal data to the Data Protection Board of India.
          </p>
          <form method="post" action={`/account/grievances/${g.id}/reopen`} novalidate>
            <CsrfField token={props.csrf} />
            <InputField
              name="reason"
              label="Why it is not settled"
              multiline
              maxlength={5000}
              value={values.reason}
              error={errors.reason}
            />
            <Button>Reopen the grievance</Button>
          </form>
        </section>
      ) : (
        <section class="card" aria-labelledby="reply-title">
          <h2 class="card-title" id="reply-title">
            Write to the grievance officer
          </h2>
          <form method="post" action={`/account/grievances/${g.id}/reply`} novalidate>
            <CsrfField token={props.csrf} />
            <InputField
              name="body"
              label="Your message"
              multiline
              required
              maxlength={5000}
              value={values.body}
              error={errors.body}
            />
            <Button>Send</Button>
          </form>
        </section>
      )}
    </AccountShell>
  )
}
