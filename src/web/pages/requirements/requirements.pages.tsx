import type { FastifyInstance } from 'fastify'
import type { App } from '../../../app.ts'
import * as accounts from '../../../modules/accounts/index.ts'
import * as catalog from '../../../modules/catalog/index.ts'
import * as enquiries from '../../../modules/enquiries/index.ts'
import { notFound } from '../../../shared/errors.ts'
import { formatDate, formatQuantity, formatRupees } from '../../../shared/format.ts'
import { indianStates } from '../../../shared/india.ts'
import { type FieldProblem, isPastDate, isUuid, parseInputAll } from '../../../shared/validation.ts'
import { sendPage } from '../../render.tsx'
import {
  AccountShell,
  AuthShell,
  CsrfField,
  DateTime,
  ErrorSummary,
  type FlashMessage,
  InputField,
  SelectField,
} from '../../views/account-components.tsx'
import { csrfToken, type PageContext, pageContext } from '../../views/page-context.ts'
import {
  Badge,
  Button,
  ButtonLink,
  Card,
  EmptyState,
  Flash,
  GstVerifiedBadge,
  Table,
} from '../../views/ui.tsx'
import { sellerPath } from '../../views/urls.ts'
import {
  type FormBody,
  formBody,
  formProblem,
  mustSignIn,
  noStore,
  redirectWithFlash,
  sessionOf,
  takeFlash,
  text,
} from '../account/account-frame.ts'

// Buy requirements for people: the form that posts one, the list of one's own, and the page
// that shows who received a requirement and why. All of it works without JavaScript.

const DAY_MS = 24 * 3_600_000

const formFields = [
  'title',
  'categoryId',
  'details',
  'quantity',
  'unit',
  'budget',
  'city',
  'state',
  'neededBy',
  'expiresAt',
  'maxSuppliers',
] as const
type FormValues = Record<(typeof formFields)[number], string>

const labels: Record<string, string> = {
  title: 'What do you need?',
  categoryId: 'Category',
  details: 'Specifications and details',
  quantity: 'Quantity',
  unit: 'Unit',
  budget: 'Budget per unit',
  budgetPaisePerUnit: 'Budget per unit',
  city: 'Deliver to city',
  state: 'State',
  neededBy: 'Needed by',
  expiresAt: 'Close the requirement on',
  maxSuppliers: 'How many suppliers may receive it',
}

const statusLabels: Record<string, string> = { open: 'Open', closed: 'Closed', expired: 'Expired' }

export function requirementPages(server: FastifyInstance, app: App) {
  server.get('/requirements/new', { preHandler: mustSignIn }, async (request, reply) => {
    const { user } = sessionOf(request)
    const profile = await accounts.findProfile(app.db, user.id)
    const now = new Date()
    const values: FormValues = {
      title: '',
      categoryId: '',
      details: '',
      quantity: '',
      unit: '',
      budget: '',
      city: profile.city ?? '',
      state: profile.state ?? '',
      neededBy: '',
      expiresAt: isoDay(new Date(now.getTime() + enquiries.DEFAULT_REQUIREMENT_DAYS * DAY_MS)),
      maxSuppliers: '5',
    }
    noStore(reply)
    return sendPage(
      reply,
      <RequirementFormPage
        ctx={pageContext(request)}
        csrf={csrfToken(reply)}
        categories={categoryOptions(await catalog.loadCategoryTree(app.db))}
        values={values}
        errors={{}}
        missing={accounts.missingRequirements(profile, 'post_requirement')}
      />,
    )
  })

  server.post('/requirements', { preHandler: mustSignIn }, async (request, reply) => {
    const { user } = sessionOf(request)
    const body = formBody(request)
    const values = Object.fromEntries(formFields.map((f) => [f, text(body, f)])) as FormValues
    try {
      const input = toInput(body)
      // Every problem with the form in one answer: the fields, and the dates checked against today.
      parseInputAll(
        enquiries.RequirementInput,
        input,
        dateProblems(input, app.enquiryContext.now?.() ?? new Date()),
      )
      const { requirement } = await enquiries.postRequirement(app.db, app.enquiryContext, user.id, input)
      return redirectWithFlash(reply, app, `/account/requirements/${requirement.id}`, {
        kind: 'success',
        text:
          requirement.matchedCount === 1
            ? 'Your requirement was sent to 1 supplier. You will get an email when they reply.'
            : `Your requirement was sent to ${requirement.matchedCount} suppliers. You will get an email when they reply.`,
      })
    } catch (error) {
      const problem = formProblem(error, { no_matching_sellers: 'title', invalid_expiry: 'expiresAt' })
      if (problem.retryAfterSeconds) reply.header('retry-after', String(problem.retryAfterSeconds))
      const errors =
        problem.code === 'profile_incomplete' ? { _: problem.message } : renameFields(problem.fields)
      const profile = await accounts.findProfile(app.db, user.id)
      noStore(reply)
      return sendPage(
        reply,
        <RequirementFormPage
          ctx={pageContext(request)}
          csrf={csrfToken(reply)}
          categories={categoryOptions(await catalog.loadCategoryTree(app.db))}
          values={values}
          errors={errors}
          missing={accounts.missingRequirements(profile, 'post_requirement')}
        />,
        problem.status,
      )
    }
  })

  server.get('/account/requirements', { preHandler: mustSignIn }, async (request, reply) => {
    const { user } = sessionOf(request)
    const items = await enquiries.listRequirements(app.db, user.id)
    noStore(reply)
    return sendPage(
      reply,
      <RequirementListPage ctx={pageContext(request)} flash={takeFlash(request, reply, app)} items={items} />,
    )
  })

  server.get<{ Params: { id: string } }>(
    '/account/requirements/:id',
    { preHandler: mustSignIn },
    async (request, reply) => {
      const { user } = sessionOf(request)
      if (!isUuid(request.params.id)) throw notFoundRequirement()
      const { requirement, recipients } = await enquiries.getRequirement(app.db, user.id, request.params.id)
      noStore(reply)
      return sendPage(
        reply,
        <RequirementDetailPage
          ctx={pageContext(request)}
          csrf={csrfToken(reply)}
          flash={takeFlash(request, reply, app)}
          requirement={requirement}
          recipients={recipients}
        />,
      )
    },
  )

  server.post<{ Params: { id: string } }>(
    '/account/requirements/:id/close',
    { preHandler: mustSignIn },
    async (request, reply) => {
      const { user } = sessionOf(request)
      if (!isUuid(request.params.id)) throw notFoundRequirement()
      await enquiries.closeRequirement(app.db, app.enquiryContext, user.id, request.params.id)
      return redirectWithFlash(reply, app, `/account/requirements/${request.params.id}`, {
        kind: 'success',
        text: 'Your requirement is closed. Suppliers who had not replied will see it closed.',
      })
    },
  )
}

const notFoundRequirement = () =>
  notFound('requirement_not_found', 'There is no such buy requirement in your account.')

/** The form's fields as the module's input: rupees become paise; a budget that is not a number is reported on its field. */
function toInput(body: FormBody): Record<string, unknown> {
  const budget = text(body, 'budget').trim()
  let budgetPaisePerUnit: string | number = ''
  if (budget !== '') {
    // parseRupees answers null for anything that is not an amount; NaN then fails validation on the field.
    budgetPaisePerUnit = catalog.parseRupees(budget) ?? Number.NaN
  }
  return {
    title: text(body, 'title'),
    categoryId: text(body, 'categoryId'),
    details: text(body, 'details'),
    quantity: text(body, 'quantity'),
    unit: text(body, 'unit'),
    budgetPaisePerUnit,
    city: text(body, 'city'),
    state: text(body, 'state'),
    neededBy: text(body, 'neededBy'),
    expiresAt: text(body, 'expiresAt'),
    maxSuppliers: text(body, 'maxSuppliers'),
  }
}

/**
 * The requirement's dates checked as postRequirement checks them, so that they are reported with
 * the other fields: a needed-by date that has passed, a closing date not in the next 90 days.
 */
function dateProblems(input: Record<string, unknown>, now: Date): FieldProblem[] {
  const problems: FieldProblem[] = []
  if (isPastDate(input.neededBy, now)) {
    problems.push({
      field: 'neededBy',
      message: 'Choose today or a later date.',
      code: 'invalid_needed_by',
      summary: 'The date you need the goods by has already passed.',
    })
  }
  const requested = typeof input.expiresAt === 'string' ? input.expiresAt.trim() : ''
  if (requested !== '') {
    // A bare date means "until the end of that day" in India.
    const at = /^\d{4}-\d{2}-\d{2}$/.test(requested)
      ? new Date(`${requested}T23:59:59+05:30`)
      : new Date(requested)
    if (at.getTime() <= now.getTime()) {
      problems.push({
        field: 'expiresAt',
        message: 'Choose a date in the future.',
        code: 'invalid_expiry',
        summary: 'Choose a closing date in the future.',
      })
    } else if (at.getTime() > now.getTime() + (enquiries.MAX_REQUIREMENT_DAYS + 1) * DAY_MS) {
      problems.push({
        field: 'expiresAt',
        message: `Choose a date within ${enquiries.MAX_REQUIREMENT_DAYS} days.`,
        code: 'invalid_expiry',
        summary: `A requirement can stay open for at most ${enquiries.MAX_REQUIREMENT_DAYS} days.`,
      })
    }
  }
  return problems
}

function renameFields(fields: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [key, message] of Object.entries(fields)) {
    if (key === 'budgetPaisePerUnit')
      out.budget = 'Enter the budget in rupees, like 1250 or 1,250.50, or leave it empty.'
    else out[key] = message
  }
  return out
}

function categoryOptions(tree: catalog.CategoryTree): { value: string; label: string }[] {
  const options = [{ value: '', label: 'Let Mandi choose from what you describe' }]
  for (const root of tree.roots) {
    options.push({ value: String(root.id), label: root.name })
    for (const child of root.children)
      options.push({ value: String(child.id), label: `${root.name} › ${child.name}` })
  }
  return options
}

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10)
}

function RequirementFormPage(props: {
  ctx: PageContext
  csrf: string
  categories: { value: string; label: string }[]
  values: FormValues
  errors: Record<string, string>
  missing: accounts.Requirement[]
}) {
  const { values, errors } = props
  const field = (name: (typeof formFields)[number]) => ({
    name,
    label: labels[name]!,
    value: values[name],
    error: errors[name],
  })
  return (
    <AuthShell
      ctx={props.ctx}
      title="Post a buy requirement"
      wide
      lead="Describe what you need once; Mandi sends it to the suppliers that fit best, and they reply to you here."
    >
      {props.missing.length ? (
        <Flash kind="info" title="Before you post">
          <p>Suppliers answer requirements from buyers they can trust. Please complete these first:</p>
          <ul>
            {props.missing.map((m) => (
              <li key={m}>
                <a href={accounts.requirementDefinitions[m].link}>
                  {accounts.requirementDefinitions[m].message}
                </a>
              </li>
            ))}
          </ul>
        </Flash>
      ) : null}
      <ErrorSummary errors={errors} labels={labels} />
      <Card title="Who sees what" headingLevel={2}>
        <ul>
          <li>
            The suppliers who receive it see{' '}
            <strong>your name, your company, your city and what you need</strong> (title, details, quantity
            and dates).
          </li>
          <li>
            They do <strong>not</strong> see your email address or phone number. They reply through Mandi, and
            you decide if and when to share your contact details with any of them.
          </li>
          <li>Your budget is used only to choose suppliers whose prices fit. Suppliers do not see it.</li>
          <li>You choose how many suppliers may receive it, and you can close it at any time.</li>
        </ul>
      </Card>
      <form method="post" action="/requirements" class="form" novalidate>
        <CsrfField token={props.csrf} />
        <InputField
          {...field('title')}
          required
          maxlength={150}
          hint="For example: Stainless steel ball valve, 2 inch, PN16"
        />
        <SelectField {...field('categoryId')} options={props.categories} />
        <InputField
          {...field('details')}
          multiline
          maxlength={enquiries.REQUIREMENT_DETAILS_MAX}
          hint="Grade, size, standard, brand preferences, packing, delivery terms — whatever a supplier needs to quote."
        />
        <InputField {...field('quantity')} required inputmode="numeric" />
        <InputField {...field('unit')} required maxlength={30} hint="piece, kg, metre, litre, set…" />
        <InputField
          {...field('budget')}
          inputmode="numeric"
          hint="In rupees, for example 1,250. Suppliers do not see it."
        />
        <InputField
          {...field('city')}
          maxlength={60}
          hint="Nearby suppliers are preferred. Your profile city is filled in."
        />
        <SelectField
          {...field('state')}
          options={[
            { value: '', label: 'Choose a state' },
            ...indianStates.map((s) => ({ value: s, label: s })),
          ]}
        />
        <InputField {...field('neededBy')} type="date" />
        <InputField
          {...field('expiresAt')}
          type="date"
          hint={`Suppliers can answer until this date: at most ${enquiries.MAX_REQUIREMENT_DAYS} days from today.`}
        />
        <SelectField
          {...field('maxSuppliers')}
          required
          options={Array.from({ length: enquiries.MAX_MATCHED_SELLERS }, (_, i) => ({
            value: String(i + 1),
            label: i === 0 ? '1 supplier' : `${i + 1} suppliers`,
          }))}
          hint="Only this many of the best-matching suppliers receive it."
        />
        <Button>Send to matching suppliers</Button>
      </form>
    </AuthShell>
  )
}

type ListItem = Awaited<ReturnType<typeof enquiries.listRequirements>>[number]

function RequirementListPage(props: { ctx: PageContext; flash: FlashMessage | null; items: ListItem[] }) {
  return (
    <AccountShell ctx={props.ctx} title="Buy requirements" section="requirements" flash={props.flash}>
      <p>
        <ButtonLink href="/requirements/new">Post a buy requirement</ButtonLink>
      </p>
      {props.items.length === 0 ? (
        <EmptyState title="You have not posted a buy requirement yet" icon="box">
          <p>Tell Mandi what you need, and up to 10 matching suppliers will receive it.</p>
        </EmptyState>
      ) : (
        <Table
          caption="Your buy requirements, newest first"
          head={['Requirement', 'Quantity', 'Status', 'Sent to', 'Replied', 'Posted']}
          numeric={[3, 4]}
          rows={props.items.map((r) => [
            <a key="t" href={`/account/requirements/${r.id}`}>
              {r.title}
            </a>,
            formatQuantity(r.quantity, r.unit),
            statusLabels[r.status] ?? r.status,
            String(r.matchedCount),
            String(r.repliedCount),
            formatDate(r.createdAt),
          ])}
        />
      )}
    </AccountShell>
  )
}

function RequirementDetailPage(props: {
  ctx: PageContext
  csrf: string
  flash: FlashMessage | null
  requirement: enquiries.RequirementRow
  recipients: enquiries.RequirementRecipient[]
}) {
  const { requirement: r, recipients } = props
  return (
    <AccountShell ctx={props.ctx} title={r.title} section="requirements" flash={props.flash}>
      <Card title="Your requirement">
        <dl class="storefront-facts">
          <div>
            <dt>Status</dt>
            <dd>
              <Badge tone={r.status === 'open' ? 'brand' : 'neutral'}>
                {statusLabels[r.status] ?? r.status}
              </Badge>
            </dd>
          </div>
          <div>
            <dt>Quantity</dt>
            <dd>{formatQuantity(r.quantity, r.unit)}</dd>
          </div>
          {r.budgetPaisePerUnit !== null ? (
            <div>
              <dt>Budget (not shown to suppliers)</dt>
              <dd>
                {formatRupees(r.budgetPaisePerUnit)} / {r.unit}
              </dd>
            </div>
          ) : null}
          <div>
            <dt>Deliver to</dt>
            <dd>{[r.city, r.state].filter(Boolean).join(', ') || 'Not given'}</dd>
          </div>
          {r.neededBy ? (
            <div>
              <dt>Needed by</dt>
              <dd>{formatDate(new Date(`${r.neededBy}T00:00:00Z`))}</dd>
            </div>
          ) : null}
          <div>
            <dt>{r.status === 'open' ? 'Open until' : 'Was open until'}</dt>
            <dd>
              <DateTime date={r.expiresAt} />
            </dd>
          </div>
        </dl>
        {r.details ? <p class="prose">{r.details}</p> : null}
        {r.status === 'open' ? (
          <form method="post" action={`/account/requirements/${r.id}/close`}>
            <CsrfField token={props.csrf} />
            <Button variant="secondary">Close this requirement</Button>
          </form>
        ) : null}
      </Card>

      <section class="card" aria-labelledby="recipients-title">
        <h2 class="card-title" id="recipients-title">
          Who received it ({recipients.length} of at most {r.maxSuppliers})
        </h2>
        <p class="muted">
          These suppliers see your name, company, city and what you need — not your email or phone until you
          share them.
        </p>
        {recipients.length === 0 ? (
          <p>No supplier has received this requirement.</p>
        ) : (
          <ul class="recipient-list">
            {recipients.map((s) => (
              <li key={s.enquiryId} class="recipient">
                <h3>
                  <a href={sellerPath(s)}>{s.name}</a> {s.verified ? <GstVerifiedBadge /> : null}{' '}
                  {s.replied ? <Badge tone="verified">Replied</Badge> : <Badge>No reply yet</Badge>}
                </h3>
                <p class="muted">
                  {s.city}, {s.state} · sent <DateTime date={s.sentAt} />
                </p>
                <p>
                  <a href={`/account/enquiries/${s.enquiryId}`}>Open the conversation with {s.name}</a>
                </p>
                {s.reasons.length ? (
                  <>
                    <p>Why this supplier:</p>
                    <ul>
                      {s.reasons.map((reason) => (
                        <li key={reason}>{reason}</li>
                      ))}
                    </ul>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>
    </AccountShell>
  )
}
