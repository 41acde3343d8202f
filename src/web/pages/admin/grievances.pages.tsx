import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { App } from '../../../app.ts'
import * as flows from '../../../flows/index.ts'
import * as privacy from '../../../modules/privacy/index.ts'
import { notFound } from '../../../shared/errors.ts'
import { isUuid } from '../../../shared/validation.ts'
import { requireStaff, staffAccess } from '../../admin/staff-access.tsx'
import { StaffShell } from '../../admin/staff-shell.tsx'
import { grievanceDeps } from '../../api/grievance.routes.ts'
import { sendPage } from '../../render.tsx'
import {
  CsrfField,
  DateTime,
  ErrorSummary,
  type FlashMessage,
  InputField,
} from '../../views/account-components.tsx'
import { csrfToken, type PageContext, pageContext } from '../../views/page-context.ts'
import { Button, EmptyState } from '../../views/ui.tsx'
import { formBody, formProblem, redirectWithFlash, takeFlash, text } from '../account/account-frame.ts'
import { GrievanceHistory, StatusBadge } from '../grievance-views.tsx'

// The grievance officer's queue and tickets, for admin and support staff. The queue shows ticket
// numbers, categories and clocks, nobody's words; opening a ticket of a person with an account goes
// through the staff access guard (a reason, written to the access log the person reads). The
// officer acknowledges, replies (mailed to the person through the outbox) and resolves with a note.

const actionLabels = { note: 'Note to the person', body: 'Reply', resolution: 'What was decided and done' }

type Form = {
  action: 'acknowledge' | 'reply' | 'resolve'
  values: Record<string, string>
  errors: Record<string, string>
}

function ticketId(request: FastifyRequest<{ Params: { id: string } }>): string {
  const id = request.params.id
  if (!isUuid(id)) throw notFound('grievance_not_found', 'There is no grievance with that reference.')
  return id
}

export function staffGrievancePages(server: FastifyInstance, app: App) {
  server.get('/admin/grievances', async (request, reply) => {
    if (!requireStaff(request, reply)) return reply
    const now = new Date()
    const [queue, resolved] = await Promise.all([
      privacy.listGrievanceQueue(app.db, now),
      privacy.listResolvedGrievances(app.db, 20),
    ])
    return sendPage(
      reply,
      <QueuePage
        ctx={pageContext(request)}
        flash={takeFlash(request, reply, app)}
        queue={queue}
        resolved={resolved}
        now={now}
      />,
    )
  })

  /**
   * Shows a ticket after the guard: a person with an account is asked for a reason once (and the
   * view logged); someone who wrote without an account has no account to log against.
   */
  const ticketPage = async (
    request: FastifyRequest<{ Params: { id: string } }>,
    reply: FastifyReply,
    form?: Form,
    status = 200,
  ) => {
    const who = requireStaff(request, reply)
    if (!who) return reply
    const grievance = await privacy.findGrievance(app.db, ticketId(request))
    if (grievance.userId) {
      const access = await staffAccess(request, reply, app, {
        subjectUserId: grievance.userId,
        what: 'grievance',
        cancelHref: '/admin/grievances',
      })
      if (!access) return reply
    }
    const view = await flows.grievanceForStaff(app.db, grievance.id)
    const reference = privacy.grievanceReference(grievance.id)
    // A nominee's request shows who named them: that reads the named person's name and email.
    for (const n of view.nominations) {
      await privacy.recordAccess(app.db, {
        actorUserId: who.staff.id,
        actorRole: who.role,
        subjectUserId: n.userId,
        what: 'nomination',
        why: `Handling ${reference}, a request from the nominee you named`,
      })
    }
    return sendPage(
      reply,
      <TicketPage
        ctx={pageContext(request)}
        csrf={csrfToken(reply)}
        flash={form ? null : takeFlash(request, reply, app)}
        view={view}
        now={new Date()}
        form={form}
      />,
      status,
    )
  }

  // GET opens the ticket (or asks why first); POST is the guard's reason form.
  server.route<{ Params: { id: string } }>({
    method: ['GET', 'POST'],
    url: '/admin/grievances/:id',
    handler: (request, reply) => ticketPage(request, reply),
  })

  const action = (
    name: Form['action'],
    field: 'note' | 'body' | 'resolution' | null,
    run: (staffUserId: string, id: string, value: string) => Promise<unknown>,
    done: string,
  ) =>
    server.post<{ Params: { id: string } }>(`/admin/grievances/:id/${name}`, async (request, reply) => {
      const who = requireStaff(request, reply)
      if (!who) return reply
      const id = ticketId(request)
      const values: Record<string, string> = field ? { [field]: text(formBody(request), field) } : {}
      try {
        await run(who.staff.id, id, field ? values[field]! : '')
      } catch (error) {
        const problem = formProblem(error)
        if (problem.status === 404) throw error
        const errors = Object.fromEntries(
          Object.entries(problem.fields).map(([k, v]) => [
            k === 'note' && field === 'resolution' ? 'resolution' : k,
            v,
          ]),
        )
        return ticketPage(request, reply, { action: name, values, errors }, problem.status)
      }
      await request.server.jobs.send('messaging.deliver')
      return redirectWithFlash(reply, app, `/admin/grievances/${id}`, { kind: 'success', text: done })
    })

  action(
    'acknowledge',
    'note',
    (staffUserId, id, note) =>
      flows.acknowledgeAsStaff(app.db, grievanceDeps(app), { staffUserId, id, note: note.trim() || null }),
    'Acknowledged. The person has been told by email.',
  )
  action(
    'reply',
    'body',
    (staffUserId, id, body) =>
      flows.replyAsStaff(app.db, grievanceDeps(app), { staffUserId, id, input: { body } }),
    'Reply sent to the person by email.',
  )
  action(
    'resolve',
    'resolution',
    (staffUserId, id, note) =>
      flows.resolveAsStaff(app.db, grievanceDeps(app), { staffUserId, id, input: { note } }),
    'Resolved. The person has been sent the decision and can reopen it.',
  )
}

function Clock(props: { grievance: privacy.Grievance; now: Date }) {
  const clock = privacy.grievanceClockState(props.grievance, props.now)
  const words = privacy.describeGrievanceClock(props.grievance, props.now)
  return <span class={clock.state === 'overdue' ? 'grievance-overdue' : 'grievance-due'}>{words}</span>
}

function QueuePage(props: {
  ctx: PageContext
  flash: FlashMessage | null
  queue: privacy.Grievance[]
  resolved: privacy.Grievance[]
  now: Date
}) {
  const overdue = props.queue.filter(
    (g) => privacy.grievanceClockState(g, props.now).state === 'overdue',
  ).length
  return (
    <StaffShell
      ctx={props.ctx}
      title="Grievances"
      section="grievances"
      flash={props.flash}
      lead={
        <>
          Acknowledge each grievance within {privacy.grievanceClock.acknowledgeHours} hours and resolve it
          within {privacy.grievanceClock.resolveDays} days. Overdue ones come first, then the nearest
          deadline.
        </>
      }
    >
      <p>
        {props.queue.length} waiting, {overdue} overdue.
      </p>
      {props.queue.length === 0 ? (
        <EmptyState title="No grievance is waiting" icon="box" />
      ) : (
        <GrievanceTable caption="Waiting, overdue first" grievances={props.queue} now={props.now} />
      )}
      {props.resolved.length ? (
        <>
          <h2>Recently resolved</h2>
          <GrievanceTable caption="Recently resolved" grievances={props.resolved} now={props.now} />
        </>
      ) : null}
    </StaffShell>
  )
}

function GrievanceTable(props: { caption: string; grievances: privacy.Grievance[]; now: Date }) {
  return (
    <table class="table grievance-queue">
      <caption>{props.caption}</caption>
      <thead>
        <tr>
          <th scope="col">Reference</th>
          <th scope="col">About</th>
          <th scope="col">Status</th>
          <th scope="col">Raised</th>
          <th scope="col">Clock</th>
        </tr>
      </thead>
      <tbody>
        {props.grievances.map((g) => (
          <tr key={g.id} data-grievance={g.id}>
            <td data-label="Reference">
              <a href={`/admin/grievances/${g.id}`}>{privacy.grievanceReference(g.id)}</a>
            </td>
            <td data-label="About">{privacy.grievanceCategoryLabels[g.category]}</td>
            <td data-label="Status">
              <StatusBadge status={g.status} />
            </td>
            <td data-label="Raised">
              <DateTime date={g.createdAt} />
            </td>
            <td data-label="Clock">
              <Clock grievance={g} now={props.now} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

function TicketPage(props: {
  ctx: PageContext
  csrf: string
  flash: FlashMessage | null
  view: flows.StaffGrievanceView
  now: Date
  form?: Form | undefined
}) {
  const { grievance: g, events, contact, nominations } = props.view
  const reference = privacy.grievanceReference(g.id)
  const errors = props.form?.errors ?? {}
  const value = (action: Form['action'], field: string) =>
    props.form?.action === action ? props.form.values[field] : undefined
  return (
    <StaffShell
      ctx={props.ctx}
      title={`Grievance ${reference}`}
      section="grievances"
      crumbs={[
        { label: 'Home', href: '/' },
        { label: 'Staff' },
        { label: 'Grievances', href: '/admin/grievances' },
        { label: reference },
      ]}
      flash={props.flash}
    >
      <section class="card" aria-labelledby="ticket-title">
        <h2 class="card-title" id="ticket-title">
          {g.subject} <StatusBadge status={g.status} />
        </h2>
        <dl class="key-value">
          <dt>About</dt>
          <dd>{privacy.grievanceCategoryLabels[g.category]}</dd>
          <dt>From</dt>
          <dd>
            {contact.name ?? 'An erased account'}
            {contact.email ? ` <${contact.email}>` : ''}{' '}
            {contact.hasAccount ? '(has an account)' : '(no account)'}
          </dd>
          <dt>Raised</dt>
          <dd>
            <DateTime date={g.createdAt} />
          </dd>
          <dt>Acknowledge by</dt>
          <dd>
            <DateTime date={g.acknowledgeBy} />
            {g.acknowledgedAt ? (
              <>
                {' '}
                (acknowledged <DateTime date={g.acknowledgedAt} />)
              </>
            ) : null}
          </dd>
          <dt>Resolve by</dt>
          <dd>
            <DateTime date={g.resolveBy} />
          </dd>
          <dt>Clock</dt>
          <dd>
            <Clock grievance={g} now={props.now} />
          </dd>
        </dl>
      </section>

      {g.category === 'nominee_request' ? (
        <section class="card" aria-labelledby="nomination-title">
          <h2 class="card-title" id="nomination-title">
            Who named this nominee
          </h2>
          {nominations.length === 0 ? (
            <p>
              Nobody has named {contact.email ?? 'this address'} as their nominee. Ask the writer which
              account they act for and how they were named.
            </p>
          ) : (
            <ul>
              {nominations.map((n) => (
                <li key={n.userId}>
                  <strong>{n.personName ?? 'An erased account'}</strong>
                  {n.personEmail ? ` <${n.personEmail}>` : ''}, who named them as their{' '}
                  {n.relationship.toLowerCase()}. Ask for proof (a death or medical certificate) before acting
                  on that account.
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}

      <section class="card" aria-labelledby="history-title">
        <h2 class="card-title" id="history-title">
          History
        </h2>
        <GrievanceHistory grievance={g} events={events} viewer="staff" />
      </section>

      <ErrorSummary errors={errors} labels={actionLabels} />
      {g.status === 'open' ? (
        <section class="card" aria-labelledby="ack-title">
          <h2 class="card-title" id="ack-title">
            Acknowledge
          </h2>
          <form method="post" action={`/admin/grievances/${g.id}/acknowledge`} novalidate>
            <CsrfField token={props.csrf} />
            <InputField
              name="note"
              label={actionLabels.note}
              hint="Optional: mailed to the person with the acknowledgement."
              multiline
              maxlength={5000}
              value={value('acknowledge', 'note')}
              error={props.form?.action === 'acknowledge' ? errors.note : undefined}
            />
            <Button>Acknowledge</Button>
          </form>
        </section>
      ) : null}
      {g.status !== 'resolved' ? (
        <>
          <section class="card" aria-labelledby="reply-title">
            <h2 class="card-title" id="reply-title">
              Reply to the person
            </h2>
            <form method="post" action={`/admin/grievances/${g.id}/reply`} novalidate>
              <CsrfField token={props.csrf} />
              <InputField
                name="body"
                label={actionLabels.body}
                hint={
                  contact.email
                    ? `Mailed to ${contact.email}.`
                    : 'This person has no email address on record.'
                }
                multiline
                required
                maxlength={5000}
                value={value('reply', 'body')}
                error={props.form?.action === 'reply' ? errors.body : undefined}
              />
              <Button>Send reply</Button>
            </form>
          </section>
          <section class="card" aria-labelledby="resolve-title">
            <h2 class="card-title" id="resolve-title">
              Resolve
            </h2>
            <form method="post" action={`/admin/grievances/${g.id}/resolve`} novalidate>
              <CsrfField token={props.csrf} />
              <InputField
                name="resolution"
                label={actionLabels.resolution}
                hint="Mailed to the person as the decision. They can reopen it if it does not settle the matter."
                multiline
                required
                maxlength={5000}
                value={value('resolve', 'resolution')}
                error={props.form?.action === 'resolve' ? errors.resolution : undefined}
              />
              <Button>Resolve</Button>
            </form>
          </section>
        </>
      ) : null}
    </StaffShell>
  )
}
