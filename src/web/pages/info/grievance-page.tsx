import type { Config } from '../../../config.ts'
import { Layout } from '../../views/layout.tsx'
import type { PageContext } from '../../views/page-context.ts'
import * as privacy from '../../../modules/privacy/index.ts'
import { Breadcrumbs, Card, Flash } from '../../views/ui.tsx'
import { RightsList } from './privacy-page.tsx'

// We hold ourselves to the stricter of the deadlines Indian law sets for intermediaries and
// data fiduciaries: acknowledge within a day, resolve within fifteen.
export const GRIEVANCE_DEADLINES = { acknowledgeHours: 24, resolveDays: 15 }

export function GrievancePage(props: {
  ctx: PageContext
  config: Config
  canonical: string
  admin?: boolean
}) {
  const officer = props.config.operator.grievanceOfficer
  const address = privacy.publishedGrievanceAddress(officer)
  // What is still a placeholder is the operator's to fix: only admins are told, never the public.
  const gaps = props.admin ? privacy.grievanceOfficerGaps(officer) : []
  const { acknowledgeHours, resolveDays } = GRIEVANCE_DEADLINES
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
            <strong>Within {acknowledgeHours} hours</strong>: we acknowledge your complaint and give it a
            reference number.
          </li>
          <li>
            <strong>Within {resolveDays} days</strong> of receiving it: we send you our decision and what we
            have done about it. If we need more time because the matter depends on someone else, we tell you
            why before the deadline passes.
          </li>
        </ul>

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
