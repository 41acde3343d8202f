import type { Config } from '../../../config.ts'
import * as privacy from '../../../modules/privacy/index.ts'
import { formatDate } from '../../../shared/format.ts'
import { staffAccessNotice } from '../../admin/staff-access.tsx'
import { Layout } from '../../views/layout.tsx'
import type { PageContext } from '../../views/page-context.ts'
import { Breadcrumbs, Table } from '../../views/ui.tsx'
import { businessCollection, formSummary, mustGive } from './collection.ts'

const basisLabels = {
  consent: 'Your consent',
  contract: 'Needed to provide the service you asked for',
  legitimate_use: 'A legitimate use the law allows',
  legal_obligation: 'Required by law',
} as const

const businessFieldLabels: Record<string, string> = {
  legalName: 'legal name',
  tradeName: 'trade name',
  gstin: 'GSTIN',
  businessType: 'business type',
  address: 'address',
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1)

const sections = [
  ['who', 'Who we are'],
  ['collect', 'What we collect'],
  ['why', 'Why we use it'],
  ['share', 'Who receives it'],
  ['keep', 'How long we keep it'],
  ['rights', 'Your rights'],
  ['security', 'Keeping it safe'],
  ['cookies', 'Cookies and logs'],
  ['changes', 'Changes to this notice'],
] as const

export function PrivacyPage(props: { ctx: PageContext; config: Config; canonical: string }) {
  const { operator } = props.config
  const versions: readonly { version: string; publishedAt: string; summary: string }[] =
    privacy.policyVersions
  const current = versions[0]!
  const earlier = versions.slice(1)
  const available = privacy.availableRights()
  return (
    <Layout
      ctx={props.ctx}
      title="Privacy notice"
      description="What Mandi collects, why, who receives it, and how to use your rights under India's Digital Personal Data Protection Act, 2023."
      canonical={props.canonical}
    >
      <div class="container page-narrow prose-page">
        <Breadcrumbs items={[{ label: 'Home', href: '/' }, { label: 'Privacy notice' }]} />
        <h1>Privacy notice</h1>
        <p class="doc-version">
          Version {current.version}, published {formatDate(new Date(current.publishedAt))}
        </p>

        <section class="summary-box" aria-labelledby="summary-title">
          <h2 id="summary-title">The short version</h2>
          <ul>
            <li>
              We ask only for what we need to run a business marketplace, and we mark which details are
              optional.
            </li>
            <li>
              Sellers get your contact details only through our enquiry relay, and only for enquiries you
              send. They reply to a masked address.
            </li>
            <li>
              Every time your personal data leaves Mandi (to a seller, the payment gateway or an authority),
              we write it down in a disclosure ledger that you can read.
            </li>
            <li>Marketing mail, personalised suggestions and analytics are off until you switch them on.</li>
            <li>
              You can {privacy.rightsPhrase(available.map(([, r]) => r))}: see{' '}
              <a href="#rights">your rights</a>.
            </li>
          </ul>
        </section>

        <nav class="toc" aria-label="On this page">
          <h2>On this page</h2>
          <ol>
            {sections.map(([id, title]) => (
              <li key={id}>
                <a href={`#${id}`}>{title}</a>
              </li>
            ))}
          </ol>
        </nav>

        <section id="who" aria-labelledby="who-title">
          <h2 id="who-title">Who we are</h2>
          <p>
            This site is run by <strong>{operator.name}</strong> using Mandi, an open-source marketplace for
            industrial goods. We decide why and how your personal data is processed on this site, which makes
            us the Data Fiduciary under India's Digital Personal Data Protection Act, 2023 (the DPDP Act).
            Questions and complaints go to our <a href="/grievance">grievance officer</a>.
          </p>
        </section>

        <section id="collect" aria-labelledby="collect-title">
          <h2 id="collect-title">What we collect</h2>
          <Table
            caption="Personal data we hold, and when we get it"
            head={['What', 'When we get it', 'Must you give it?']}
            rows={[
              ['Your name', 'When you create an account', mustGive('users.name')],
              ['Your email address', 'When you create an account', mustGive('users.email')],
              ['Your mobile number', 'When you create an account', mustGive('users.phone')],
              [
                'A one-way hash of your password',
                'When you create an account',
                mustGive('users.password_hash'),
              ],
              ['Your date of birth', 'When you create an account', mustGive('users.date_of_birth')],
              ['Your gender', 'When you create an account', mustGive('users.gender')],
              [
                'Business details: legal and trade name, GSTIN, address, business phone and email',
                'When you register as a seller',
                capitalise(formSummary(businessCollection, businessFieldLabels)),
              ],
              [
                'What you ask sellers: product, quantity, delivery location, your message',
                'When you send an enquiry',
                'Yes, for that enquiry',
              ],
              [
                'What you search for and look at',
                'While you browse, only if you turn on personalised suggestions',
                'No',
              ],
            ]}
          />
          <p>
            This is a summary. <a href="/privacy/data-we-hold">The personal data we hold</a> lists every item,
            with how long we keep it and what erasure does to it, generated from the same inventory our
            database is checked against.
          </p>
          <p>
            We do not receive your card, UPI or bank details. You type them on the payment gateway's own page,
            and the gateway tells us only whether the payment went through.
          </p>
          <p>
            Every version of your profile is kept when you edit it, so that you and we can see what changed
            and when. Old versions are erased with the account.
          </p>
        </section>

        <section id="why" aria-labelledby="why-title">
          <h2 id="why-title">Why we use it</h2>
          <p>
            Each piece of personal data is used only for the purposes listed next to it in our data inventory.
            These are all the purposes there are:
          </p>
          <Table
            caption="Purposes of processing"
            head={['Purpose', 'What it means', 'Why we may', 'Can you switch it off?']}
            rows={Object.values(privacy.purposes).map((p) => [
              p.title,
              p.description,
              basisLabels[p.basis],
              p.withdrawable ? 'Yes, at any time' : 'No, it is part of the service',
            ])}
          />
        </section>

        <section id="share" aria-labelledby="share-title">
          <h2 id="share-title">Who receives it</h2>
          <p>
            We do not sell personal data, and we do not give it to advertisers or data brokers. Outside Mandi,
            only these may ever receive any of it:
          </p>
          <ul>
            {Object.values(privacy.recipientDeclarations).map((r) => (
              <li key={r.title}>
                <strong>{r.title}</strong>: {r.when}
              </li>
            ))}
          </ul>
          <p>
            Each of these disclosures is recorded in a <strong>disclosure ledger</strong> at the moment it
            happens: who received which of your details, for what purpose, on what grounds, and when. The
            ledger cannot be edited afterwards, and you can read every entry about yourself.
          </p>
        </section>

        <section id="keep" aria-labelledby="keep-title">
          <h2 id="keep-title">How long we keep it</h2>
          <p>
            Account and profile data stays while your account is open. When an account is erased, we delete it
            or replace it with a meaningless placeholder, except records that Indian tax law obliges us to
            keep: invoices and GST records are held for eight years and then erased. While held, they are used
            for nothing else.
            {privacy.dataSubjectRights.erasure.available
              ? null
              : ' Erasing your account yourself is not available yet; it is listed under your rights as coming.'}
          </p>
        </section>

        <section id="rights" aria-labelledby="rights-title">
          <h2 id="rights-title">Your rights</h2>
          <p>Under the DPDP Act you can:</p>
          <RightsList />
          <p>
            You can also write to the grievance officer from the email address on your account about any of
            these. We may ask you to confirm your identity before we act, so that nobody else can get at your
            data.
          </p>
        </section>

        <section id="security" aria-labelledby="security-title">
          <h2 id="security-title">Keeping it safe</h2>
          <p>
            Passwords are stored only as slow one-way hashes. Pages travel over encrypted connections.{' '}
            {staffAccessNotice()} Our server logs never contain the contents of personal fields. On a shared
            computer, sign out when you finish.
          </p>
        </section>

        <section id="cookies" aria-labelledby="cookies-title">
          <h2 id="cookies-title">Cookies and logs</h2>
          <p>
            We use cookies that the site needs to work: to keep you signed in and to protect forms from being
            submitted by other sites. Analytics cookies are set only if you agree to them. Our server logs
            record each request with a shortened IP address and without the search words you typed.
          </p>
        </section>

        <section id="changes" aria-labelledby="changes-title">
          <h2 id="changes-title">Changes to this notice</h2>
          <p>
            Every version of this notice has a number and a publication date, shown at the top. When we change
            what it says, we publish a new version, keep the earlier ones, and tell account holders before the
            change takes effect. Each consent you give is recorded with the version of the notice you saw at
            the time.
          </p>
          {earlier.length ? (
            <>
              <h3>Earlier versions</h3>
              <ul>
                {earlier.map((v) => (
                  <li key={v.version}>
                    Version {v.version}, published {formatDate(new Date(v.publishedAt))}: {v.summary}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
      </div>
    </Layout>
  )
}

/**
 * The data-subject rights from the one declaration (modules/privacy/rights.ts): what is built, with
 * where to use it, and what is coming, with no link. Shared by the privacy and grievance pages.
 */
export function RightsList() {
  const coming = privacy.comingRights()
  return (
    <>
      <dl class="rights-list">
        {privacy.availableRights().map(([code, r]) => (
          <div key={code} id={`right-${code}`} data-right={code} data-available="true">
            <dt>{r.title}</dt>
            <dd>
              {r.description}{' '}
              {r.links.map((link, i) => (
                <span key={link.href}>
                  {i > 0 ? ' · ' : ''}
                  <a href={link.href}>{link.label}</a>
                </span>
              ))}
            </dd>
          </div>
        ))}
      </dl>
      {coming.length ? (
        <>
          <p>Coming, not available yet:</p>
          <ul class="rights-coming">
            {coming.map(([code, r]) => (
              <li key={code} data-right={code} data-available="false">
                <strong>{r.title}</strong> (coming): {r.description}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  )
}
