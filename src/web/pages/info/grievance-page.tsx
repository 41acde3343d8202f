import type { Config } from '../../../config.ts'
import * as privacy from '../../../modules/privacy/index.ts'
import {
  CsrfField,
  ErrorSummary,
  InputField,
  SelectField,
  whyWeAsk,
} from '../../views/account-components.tsx'
import { Layout } from '../../views/layout.tsx'
import type { PageContext } from '../../views/page-context.ts'
import { Breadcrumbs, Button, Card, Flash } from '../../views/ui.tsx'
import { RightsList } from './privacy-page.tsx'

/** What the grievance form holds when it is shown again after an error. */
export interface GrievanceFormState {
  values: Record<string, string>
  errors: Record<string, string>
}

export const grievanceFieldLabels: Record<string, string> = {
  category: 'What is it about?',
  subject: 'Subject',
  message: 'What happened, and what would you like us to do?',
  name: 'Your name',
  email: 'Your email address',
}

export function GrievancePage(props: {
  ctx: PageContext
  config: Config
  canonical: string
  admin?: boolean
  /** Set for a signed-in person: the ticket is linked to their account and answered at its email. */
  signedIn?: boolean
  csrf: string
  form?: GrievanceFormState
}) {
  const officer = props.config.operator.grievanceOfficer
  const address = privacy.publishedGrievanceAddress(officer)
  // What is still a placeholder is the operator's to fix: only admins are told, never the public.
  const gaps = props.admin ? privacy.grievanceOfficerGaps(officer) : []
  const { acknowledgeHours, resolveDays } = privacy.grievanceClock
  return (
    <Layout
      ctx={props.ctx}
      title="Grievance officer"
      description={`How to complain about Mandi, a listing, or the use of your personal data. We reply within ${resolveDays} days.`}
      canonical={props.canonical}
    >
      <div class="container page-narrow prose-page">
        <Breadcrumbs items={[{ label: 'Home', href: '/' }, { label: 'Grievance officer' }]} />
        <h1>Grievance officer</h1>
        <p class="lead">
          Write to our grievance officer about anything on Mandi that went wrong for you: a listing you think
          is unlawful, a seller's conduct, a decision we took about your account, or the way we handle your
          personal data.
        </p>

        {gaps.length ? (
          <Flash kind="error" title="The grievance officer is not fully configured">
            Only admins see this. Set{' '}
            {gaps.map((g, i) => (
              <span key={g.variable}>
                {i > 0 ? '; ' : ''}
                <code>{g.variable}</code> (it {g.problem})
              </span>
            ))}
            , then restart. <code>mandi doctor</code> checks it.
          </Flash>
        ) : null}

        <Card title="Contact" class="officer-card">
          <dl class="officer">
            <dt>Name</dt>
            <dd>{officer.name}</dd>
            <dt>Email</dt>
            <dd>
              <a href={`mailto:${officer.email}`}>{officer.email}</a>
            </dd>
            {address ? (
              <>
                <dt>Post</dt>
                <dd class="address">{address}</dd>
              </>
            ) : null}
          </dl>
        </Card>

        <h2>When you will hear from us</h2>
        <ul class="deadlines">
          <li>
            <strong>At once</strong>: an email receipt with your grievance's reference number and its two
            deadlines.
          </li>
          <li>
            <strong>Within {acknowledgeHours} hours</strong>: the grievance officer reads it and acknowledges
            it.
          </li>
          <li>
            <strong>Within {resolveDays} days</strong> of receiving it: we send you our decision and what we
            have done about it. If we need more time because the matter depends on someone else, we tell you
            why before the deadline passes. If our answer does not settle it, you can reopen it, and the{' '}
            {resolveDays} days start again.
          </li>
        </ul>

        <GrievanceForm signedIn={props.signedIn ?? false} csrf={props.csrf} form={props.form} />

        <h2>What to include</h2>
        <ul>
          <li>Your name and how we can reach you.</li>
          <li>What happened, and when.</li>
          <li>Links to the listings, storefronts or pages concerned, and any order or enquiry numbers.</li>
          <li>What you would like us to do.</li>
        </ul>
        <p>
          For a request about your own personal data, write from the email address on your Mandi account, so
          we can be sure it is you. Most of your rights you can use yourself, straight away:
        </p>
        <RightsList />

        <h2>If you are not satisfied</h2>
        <p>
          If our answer does not settle a complaint about your personal data, you can take it to the Data
          Protection Board of India. For any other dispute you keep every remedy the law gives you, including
          the courts.
        </p>
      </div>
    </Layout>
  )
}

/** The form that raises a ticket; signed out, it also asks for a name and an email to answer. */
function GrievanceForm(props: { signedIn: boolean; csrf: string; form?: GrievanceFormState | undefined }) {
  const values = props.form?.values ?? {}
  const errors = props.form?.errors ?? {}
  const options = [
    { value: '', label: 'Choose one' },
    ...privacy.grievanceCategories.map((c) => ({ value: c, label: privacy.grievanceCategoryLabels[c] })),
  ]
  return (
    <section class="card grievance-form" aria-labelledby="grievance-form-title">
      <h2 class="card-title" id="grievance-form-title">
        Write to the grievance officer
      </h2>
      {props.signedIn ? (
        <p class="muted">
          It is linked to your account: we answer at your account's email address, and you can follow it,
          reply and reopen it under <a href="/account/grievances">Your grievances</a>.
        </p>
      ) : (
        <p class="muted">
          You do not need an account. We answer at the email address you give. If you have an account,{' '}
          <a href="/account/sign-in?next=%2Fgrievance">sign in</a> first to follow your grievance on the site.
          A nominee acting for someone who named them chooses “
          {privacy.grievanceCategoryLabels.nominee_request}” and writes from the email address they were named
          with.
        </p>
      )}
      <ErrorSummary errors={errors} labels={grievanceFieldLabels} />
      <form method="post" action="/grievance" novalidate>
        <CsrfField token={props.csrf} />
        {props.signedIn ? null : (
          <>
            <InputField
              name="name"
              label={grievanceFieldLabels.name!}
              value={values.name}
              error={errors.name}
              why={whyWeAsk('grievances', 'requesterName')}
              required
              autocomplete="name"
              maxlength={120}
            />
            <InputField
              name="email"
              type="email"
              label={grievanceFieldLabels.email!}
              value={values.email}
              error={errors.email}
              why={whyWeAsk('grievances', 'requesterEmail')}
              required
              autocomplete="email"
              inputmode="email"
              maxlength={254}
              spellcheck={false}
            />
          </>
        )}
        <SelectField
          name="category"
          label={grievanceFieldLabels.category!}
          options={options}
          value={values.category}
          error={errors.category}
          required
        />
        <InputField
          name="subject"
          label={grievanceFieldLabels.subject!}
          value={values.subject}
          error={errors.subject}
          required
          maxlength={200}
        />
        <InputField
          name="message"
          label={grievanceFieldLabels.message!}
          hint="Include what happened and when, links to the listings or pages concerned, and any enquiry or order numbers."
          value={values.message}
          error={errors.message}
          why={whyWeAsk('grievances', 'message')}
          required
          multiline
          maxlength={5000}
        />
        <Button>Send to the grievance officer</Button>
      </form>
    </section>
  )
}

/** After a signed-out person's grievance: the reference and the deadlines (the email says the same). */
export function GrievanceReceivedPage(props: {
  ctx: PageContext
  canonical: string
  reference: string
  acknowledgeBy: Date
  resolveBy: Date
  formatWhen: (d: Date) => string
}) {
  return (
    <Layout ctx={props.ctx} title="Grievance received" canonical={props.canonical} noindex>
      <div class="container page-narrow prose-page">
        <Breadcrumbs
          items={[
            { label: 'Home', href: '/' },
            { label: 'Grievance officer', href: '/grievance' },
            { label: 'Received' },
          ]}
        />
        <h1>Grievance received</h1>
        <Flash kind="success" title={`Your reference: ${props.reference}`}>
          We have emailed you a receipt with this reference. Please quote it when you write to us about it.
        </Flash>
        <ul class="deadlines">
          <li>
            The grievance officer acknowledges it by <strong>{props.formatWhen(props.acknowledgeBy)}</strong>.
          </li>
          <li>
            You will have our decision by <strong>{props.formatWhen(props.resolveBy)}</strong>.
          </li>
        </ul>
        <p>
          <a href="/">Back to Mandi</a>
        </p>
      </div>
    </Layout>
  )
}
