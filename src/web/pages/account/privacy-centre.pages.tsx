import type { FastifyInstance } from 'fastify'
import type { App } from '../../../app.ts'
import * as flows from '../../../flows/index.ts'
import * as accounts from '../../../modules/accounts/index.ts'
import * as privacy from '../../../modules/privacy/index.ts'
import { invalid, notFound } from '../../../shared/errors.ts'
import { isUuid } from '../../../shared/validation.ts'
import { listStaffViews } from '../../admin/staff-access.tsx'
import { StaffViewsSection } from '../../admin/staff-views.tsx'
import { receiptContext } from '../../api/me.routes.ts'
import { sendPage } from '../../render.tsx'
import { AccountShell, CsrfField, DateTime, type FlashMessage } from '../../views/account-components.tsx'
import { Icon } from '../../views/icons.tsx'
import { csrfToken, type PageContext, pageContext } from '../../views/page-context.ts'
import { EmptyState } from '../../views/ui.tsx'
import {
  formBody,
  mustSignIn,
  noStore,
  redirectWithFlash,
  sessionOf,
  takeFlash,
  text,
} from './account-frame.ts'
import { privacyDataPages } from './privacy-data.pages.tsx'
import { privacyExportPages } from './privacy-export.pages.tsx'

type Consent = Awaited<ReturnType<typeof privacy.listConsents>>[number]
type Disclosure = Awaited<ReturnType<typeof privacy.listDisclosures>>[number]

const basisWords: Record<string, string> = {
  consent: 'your consent',
  contract: 'needed for the service you asked for',
  legitimate_use: 'a legitimate use the law allows',
  legal_obligation: 'required by law',
}

/** The privacy centre: consents with their receipts, and who has received the person's data. */
export function privacyCentrePages(server: FastifyInstance, app: App) {
  server.get('/account/privacy', { preHandler: mustSignIn }, async (request, reply) => {
    const { user } = sessionOf(request)
    const [consents, disclosures] = await Promise.all([
      privacy.listConsents(app.db, user.id),
      privacy.listDisclosures(app.db, user.id),
    ])
    const staffViews = await listStaffViews(app, user.id)
    noStore(reply)
    return sendPage(
      reply,
      <PrivacyCentrePage
        ctx={pageContext(request)}
        csrf={csrfToken(reply)}
        flash={takeFlash(request, reply, app)}
        consents={consents}
        disclosures={disclosures}
        staffViews={staffViews}
      />,
    )
  })

  server.post('/account/privacy/consents', { preHandler: mustSignIn }, async (request, reply) => {
    const { user } = sessionOf(request)
    const body = formBody(request)
    const purpose = text(body, 'purpose') as privacy.Purpose
    const action = text(body, 'action')
    if (!privacy.consentPurposes.includes(purpose) || (action !== 'grant' && action !== 'withdraw')) {
      throw invalid(
        'invalid_consent_change',
        'That is not a choice you can make here. Reload the page and try again.',
      )
    }
    await flows.changeConsent(app.db, { userId: user.id, purpose, action, channel: 'web' })
    const title = privacy.purposes[purpose].title
    return redirectWithFlash(reply, app, `/account/privacy#consent-${purpose}`, {
      kind: 'success',
      text:
        action === 'grant'
          ? `“${title}” is on. Your signed receipt is ready to download.`
          : `“${title}” is off, from now on.`,
    })
  })

  server.get<{ Params: { id: string } }>(
    '/account/privacy/receipts/:id',
    { preHandler: mustSignIn },
    async (request, reply) => {
      const { user } = sessionOf(request)
      const id = request.params.id
      if (!isUuid(id))
        throw notFound('receipt_not_found', 'There is no consent receipt with that id in your account.')
      const receipt = await privacy.consentReceipt(app.db, app.receipts, receiptContext(app), user.id, id)
      noStore(reply)
      return reply
        .header('content-disposition', `attachment; filename="mandi-consent-receipt-${id}.json"`)
        .type('application/json; charset=utf-8')
        .send(
          JSON.stringify(
            {
              receipt,
              format: 'Compact JWS (RFC 7515), signed with Ed25519',
              publicKey: `${app.config.publicUrl}/.well-known/consent-receipt-key`,
              verifyAt: `${app.config.publicUrl}/privacy/verify-receipt`,
            },
            null,
            2,
          ),
        )
    },
  )

  privacyDataPages(server, app)
  privacyExportPages(server, app)
}

function PrivacyCentrePage(props: {
  ctx: PageContext
  csrf: string
  flash: FlashMessage | null
  consents: Consent[]
  disclosures: Disclosure[]
  staffViews: Awaited<ReturnType<typeof listStaffViews>>
}) {
  return (
    <AccountShell
      ctx={props.ctx}
      title="Privacy centre"
      section="privacy"
      flash={props.flash}
      lead={
        <>
          Your choices, the receipts that prove them, and everyone who has received your data from Mandi. What
          we hold and why is listed in full in <a href="/privacy/data-we-hold">the personal data we hold</a>.
        </>
      }
    >
      <section class="card" aria-labelledby="your-data-title" id="your-data">
        <h2 class="card-title" id="your-data-title">
          Your data
        </h2>
        <p>
          See every piece of personal data we hold about you — why, for how long, and who received it — or
          download a copy of all of it to keep or take elsewhere.
        </p>
        <p class="actions">
          <a href="/account/privacy/data" class="btn btn-secondary">
            See your data
          </a>
          <a href="/account/privacy/export" class="btn btn-secondary">
            Download a copy
          </a>
        </p>
      </section>

      <section class="card" aria-labelledby="choices-title">
        <h2 class="card-title" id="choices-title">
          Your choices
        </h2>
        <p class="muted">
          These are the only uses of your data that depend on your consent. Each switch takes effect at once,
          and each time you switch one on you get a signed receipt.
        </p>
        <ul class="consent-list">
          {props.consents.map((c) => (
            <ConsentRow key={c.purpose} consent={c} csrf={props.csrf} />
          ))}
        </ul>
        <p class="muted">
          Anyone can check a receipt at <a href="/privacy/verify-receipt">Verify a consent receipt</a>.
        </p>
      </section>

      <section class="card" aria-labelledby="ledger-title">
        <h2 class="card-title" id="ledger-title">
          Who has received your data
        </h2>
        <p class="muted">
          Every time your personal data leaves Mandi it is written here, in a ledger that cannot be edited:
          who received which details, why, and when.
        </p>
        {props.disclosures.length === 0 ? (
          <EmptyState title="No one yet" icon="box">
            <p>
              Your data has not been passed to anyone outside Mandi. When it is — for example, your contact
              details to a seller you enquire with — it appears here.
            </p>
          </EmptyState>
        ) : (
          <table class="table ledger-table">
            <caption>Disclosures of your data, newest first</caption>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Who received it</th>
                <th scope="col">Which details</th>
                <th scope="col">Why</th>
              </tr>
            </thead>
            <tbody>
              {props.disclosures.map((d) => (
                <tr key={d.id}>
                  <td data-label="When">
                    <DateTime date={d.createdAt} />
                  </td>
                  <td data-label="Who">{d.recipient}</td>
                  <td data-label="Details">
                    {d.fields
                      .map((f) => (accounts.profileFields as Record<string, string>)[f] ?? f)
                      .join(', ')}
                  </td>
                  <td data-label="Why">
                    {privacy.purposes[d.purpose as privacy.Purpose]?.title ?? d.purpose}
                    <span class="muted"> — {basisWords[d.basis] ?? d.basis}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <StaffViewsSection views={props.staffViews} />

      <section class="card" aria-labelledby="nominee-grievance-title" id="nominee-and-grievances">
        <h2 class="card-title" id="nominee-grievance-title">
          Your nominee and your grievances
        </h2>
        <p>
          {privacy.dataSubjectRights.nominee.description} {privacy.dataSubjectRights.grievance.description}
        </p>
        <p class="actions">
          {privacy.dataSubjectRights.nominee.links.map((l) => (
            <a key={l.href} href={l.href} class="btn btn-secondary">
              {l.label}
            </a>
          ))}
          {privacy.dataSubjectRights.grievance.links.map((l) => (
            <a key={l.href} href={l.href} class="btn btn-secondary">
              {l.label}
            </a>
          ))}
        </p>
      </section>

      {privacy.dataSubjectRights.erasure.available ? (
        <section class="card" aria-labelledby="erase-title" id="erase">
          <h2 class="card-title" id="erase-title">
            {privacy.dataSubjectRights.erasure.title}
          </h2>
          <p>{privacy.dataSubjectRights.erasure.description}</p>
          <p>
            <a href="/account/privacy/erase">Erase your account</a>
          </p>
        </section>
      ) : null}
    </AccountShell>
  )
}

function ConsentRow(props: { consent: Consent; csrf: string }) {
  const { consent } = props
  const purpose = privacy.purposes[consent.purpose]
  const titleId = `consent-${consent.purpose}-title`
  const stateId = `consent-${consent.purpose}-state`
  return (
    <li class="consent-item" id={`consent-${consent.purpose}`}>
      <div class="consent-text">
        <h3 id={titleId}>{purpose.title}</h3>
        <p>{purpose.description}</p>
        <p class="consent-meta">
          {consent.changedAt ? (
            <>
              {consent.granted ? 'Switched on' : 'Switched off'} <DateTime date={consent.changedAt} />
            </>
          ) : (
            'Never switched on'
          )}
          {consent.granted && consent.receiptId ? (
            <>
              {' · '}
              <a href={`/account/privacy/receipts/${consent.receiptId}`} download>
                <Icon name="ledger" /> Download receipt
              </a>
            </>
          ) : null}
        </p>
      </div>
      <form method="post" action="/account/privacy/consents" class="consent-form">
        <CsrfField token={props.csrf} />
        <input type="hidden" name="purpose" value={consent.purpose} />
        <input type="hidden" name="action" value={consent.granted ? 'withdraw' : 'grant'} />
        <button
          type="submit"
          class="switch"
          aria-pressed={consent.granted ? 'true' : 'false'}
          aria-labelledby={`${titleId} ${stateId}`}
        >
          <span class="switch-track" aria-hidden="true">
            <span class="switch-thumb" />
          </span>
          <span class="switch-state" id={stateId}>
            {consent.granted ? 'On' : 'Off'}
          </span>
        </button>
      </form>
    </li>
  )
}
