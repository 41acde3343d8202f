import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { App } from '../../../app.ts'
import * as flows from '../../../flows/index.ts'
import * as accounts from '../../../modules/accounts/index.ts'
import { AppError, notFound } from '../../../shared/errors.ts'
import { formatDate, formatNumber } from '../../../shared/format.ts'
import { requireStaff, type StaffAccess, staffAccess } from '../../admin/staff-access.tsx'
import { StaffShell } from '../../admin/staff-shell.tsx'
import { sendPage } from '../../render.tsx'
import { ErrorSummary, InputField } from '../../views/account-components.tsx'
import { type PageContext, pageContext } from '../../views/page-context.ts'
import { Button, Card, EmptyState, Table } from '../../views/ui.tsx'

// /admin/people: staff find a person by their exact email address or mobile number (never by a
// fragment, so the list cannot be browsed), then open the person's data summary through the staff
// access guard, which asks why and writes the access log the person reads in their privacy centre.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export function staffPeoplePages(server: FastifyInstance, app: App) {
  server.get<{ Querystring: { contact?: string } }>('/admin/people', async (request, reply) => {
    if (!requireStaff(request, reply)) return reply
    // Not `q`: the header search box echoes `q`, and a person's email must not land there.
    const q = typeof request.query.contact === 'string' ? request.query.contact.slice(0, 200) : ''
    if (q.trim() === '') return sendPage(reply, <SearchPage ctx={pageContext(request)} q="" />)
    try {
      const people = await accounts.findPeopleByContact(app.db, q)
      return sendPage(reply, <SearchPage ctx={pageContext(request)} q={q} people={people} />)
    } catch (error) {
      if (!(error instanceof AppError) || error.kind !== 'invalid') throw error
      const message = 'Enter a full email address (name@company.in) or a mobile number (98765 43210).'
      return sendPage(reply, <SearchPage ctx={pageContext(request)} q={q} error={message} />, 400)
    }
  })

  // GET opens the summary (or asks why first); POST is the guard's reason form.
  server.route<{ Params: { id: string } }>({
    method: ['GET', 'POST'],
    url: '/admin/people/:id',
    handler: async (request, reply) => {
      if (!requireStaff(request, reply)) return reply
      const subjectUserId = request.params.id
      const exists =
        UUID.test(subjectUserId) && (await accounts.rolesOf(app.db, [subjectUserId])).has(subjectUserId)
      if (!exists) throw notFound('person_not_found', 'There is no person with this id.')
      const access = await staffAccess(request, reply, app, {
        subjectUserId,
        what: 'data summary',
        cancelHref: '/admin/people',
      })
      if (!access) return reply
      return sendSummary(app, request, reply, access)
    },
  })
}

/** On the staff page, as on the person's own: a busy account lists this many rows of each table. */
const rowsPerTable = 20

async function sendSummary(app: App, request: FastifyRequest, reply: FastifyReply, access: StaffAccess) {
  const summary = await flows.dataSummary(app.db, access.subjectUserId, { rowsPerTable })
  return sendPage(reply, <SummaryPage ctx={pageContext(request)} summary={summary} access={access} />)
}

function SearchPage(props: { ctx: PageContext; q: string; people?: accounts.PersonMatch[]; error?: string }) {
  const errors: Record<string, string> = props.error ? { contact: props.error } : {}
  return (
    <StaffShell
      ctx={props.ctx}
      title="People"
      section="people"
      lead="Find a person by the exact email address or mobile number they gave. Opening their data asks you why, and they will see that you did."
    >
      <ErrorSummary errors={errors} labels={{ contact: 'Email address or mobile number' }} />
      <form method="get" action="/admin/people" novalidate>
        <InputField
          name="contact"
          label="Email address or mobile number"
          required
          value={props.q}
          error={props.error}
          maxlength={200}
          autocomplete="off"
          spellcheck={false}
        />
        <Button>Find</Button>
      </form>
      {props.people ? <Results people={props.people} /> : null}
    </StaffShell>
  )
}

function Results(props: { people: accounts.PersonMatch[] }) {
  if (props.people.length === 0) {
    return <EmptyState title="Nobody has that email address or mobile number." />
  }
  return (
    <Table
      caption={props.people.length === 1 ? '1 person found' : `${props.people.length} people found`}
      head={['Name', 'Roles', 'Member since', '']}
      rows={props.people.map((p) => [
        p.name,
        p.roles.join(', '),
        formatDate(p.createdAt),
        <a key="open" href={`/admin/people/${p.id}`}>
          Open data summary<span class="visually-hidden"> of {p.name}</span>
        </a>,
      ])}
    />
  )
}

function SummaryPage(props: { ctx: PageContext; summary: flows.DataSummary; access: StaffAccess }) {
  const { summary } = props
  const name = summary.categories.flatMap((c) => c.items).find((item) => item.field === 'users.name')?.value
  return (
    <StaffShell
      ctx={props.ctx}
      title={`Data summary: ${name ?? 'this person'}`}
      section="people"
      crumbs={[
        { label: 'Home', href: '/' },
        { label: 'People', href: '/admin/people' },
        { label: 'Data summary' },
      ]}
      lead={
        <>
          Opened as {props.access.role} because: “{props.access.why}”. This view is recorded in the person’s
          privacy centre. The same summary the person sees at their own “Your data” page.
        </>
      }
    >
      {summary.categories.length === 0 ? (
        <EmptyState title="No personal data is held about this person." />
      ) : null}
      {summary.categories.map((c) => (
        <Card title={c.title} key={c.category}>
          <Table
            caption={`${c.title}: what is held, why and for how long`}
            head={['What', 'Value', 'Why', 'How long']}
            rows={c.items.map((item) => [
              item.description,
              item.value,
              item.purposes.join('; '),
              item.retention,
            ])}
          />
        </Card>
      ))}
      <Card title="Records linked to this person">
        <Table
          caption="Records linked to this person, by kind"
          head={['Kind of record', 'Records', 'Listed above']}
          numeric={[1]}
          rows={summary.tables.map((t) => [t.description, formatNumber(t.rows), formatNumber(t.shown)])}
        />
      </Card>
      <Card title="Who received their data">
        {summary.recipients.length === 0 ? (
          <p>Nothing has been passed to anyone outside Mandi.</p>
        ) : (
          <Table
            caption="Disclosures, newest first"
            head={['When', 'Who received it', 'Which details', 'Why']}
            rows={summary.recipients.map((r) => [
              formatDate(r.at),
              r.recipient,
              r.fields.join(', '),
              r.purpose,
            ])}
          />
        )}
      </Card>
    </StaffShell>
  )
}
