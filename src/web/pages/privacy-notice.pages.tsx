import type { FastifyInstance } from 'fastify'
import type { App } from '../../app.ts'
import { dataInventory } from '../../inventory.ts'
import * as privacy from '../../modules/privacy/index.ts'
import { formatDate } from '../../shared/format.ts'
import { sendPage } from '../render.tsx'
import { Layout } from '../views/layout.tsx'
import { pageContext } from '../views/page-context.ts'
import { Breadcrumbs, Button, Flash, Table } from '../views/ui.tsx'
import { declaredForms, mustGiveWords } from './info/collection.ts'
import { canonicalUrl } from './page-frame.ts'

const basisWords: Record<privacy.PurposeDefinition['basis'], string> = {
  consent: 'Your consent',
  contract: 'Needed for the service you asked for',
  legitimate_use: 'A legitimate use the law allows',
  legal_obligation: 'Required by law',
}

/**
 * The notice of what personal data Mandi holds, generated from the data inventory alone, and the
 * consent-receipt checker. Nothing on these pages is a hand-written copy of the inventory.
 */
export function privacyNoticePages(server: FastifyInstance, app: App) {
  const sections = privacy.buildNotice(dataInventory, declaredForms)
  const version = privacy.policyVersions[0]

  server.get('/privacy/data-we-hold', async (request, reply) => {
    const ctx = pageContext(request)
    return sendPage(
      reply,
      <Layout
        ctx={ctx}
        title="The personal data we hold"
        description="Every piece of personal data Mandi stores: why, for how long, and who may receive it."
        canonical={canonicalUrl(app, '/privacy/data-we-hold')}
      >
        <div class="container page-narrow prose">
          <Breadcrumbs
            items={[
              { label: 'Home', href: '/' },
              { label: 'Privacy', href: '/privacy' },
              { label: 'Data we hold' },
            ]}
          />
          <h1>The personal data we hold</h1>
          <p class="lead">
            This page is produced from the same list our database is checked against, so it always shows every
            kind of personal data Mandi keeps: why we keep it, for how long, what happens when you ask us to
            erase it, and who may receive it. Notice version {version.version}, published{' '}
            {formatDate(new Date(version.publishedAt))}.
          </p>
          <nav aria-label="On this page">
            <ul class="inline-list">
              {sections.map((s) => (
                <li key={s.category}>
                  <a href={`#${s.category}`}>{s.title}</a>
                </li>
              ))}
              <li>
                <a href="#purposes">Purposes and your choices</a>
              </li>
              <li>
                <a href="#recipients">Who may receive data</a>
              </li>
            </ul>
          </nav>

          {sections.map((section) => (
            <section key={section.category} id={section.category} aria-labelledby={`${section.category}-h`}>
              <h2 id={`${section.category}-h`}>{section.title}</h2>
              <Table
                caption={`${section.title}: what we keep and why`}
                head={[
                  'What',
                  'Must you give it?',
                  'Why we use it',
                  'How long we keep it',
                  'When you erase your account',
                ]}
                rows={section.items.map((item) => [
                  <>
                    {item.description}
                    {item.public ? <span class="muted"> (shown publicly on your storefront)</span> : null}
                  </>,
                  <span
                    key="must"
                    data-column={item.source}
                    data-collection={item.collection?.collection ?? 'none'}
                  >
                    {mustGiveWords(item.collection)}
                  </span>,
                  <ul class="plain-list" key="why">
                    {item.purposes.map((p) => (
                      <li key={p.code}>
                        {p.title}{' '}
                        <span class="muted">— {basisWords[p.basis as keyof typeof basisWords]}</span>
                      </li>
                    ))}
                  </ul>,
                  item.retention,
                  item.erasure,
                ])}
              />
              <p>
                <strong>Who may receive it: </strong>
                {section.recipients.length
                  ? section.recipients.map((r, i) => (
                      <span key={r.kind}>
                        {i > 0 ? '; ' : ''}
                        <a href={`#recipient-${r.kind}`}>{r.title}</a>
                      </span>
                    ))
                  : 'no one outside Mandi.'}
              </p>
            </section>
          ))}

          <section id="purposes" aria-labelledby="purposes-h">
            <h2 id="purposes-h">Purposes and your choices</h2>
            <Table
              caption="Every purpose we use personal data for"
              head={['Purpose', 'What it means', 'Legal basis', 'Can you switch it off?']}
              rows={(Object.entries(privacy.purposes) as [privacy.Purpose, privacy.PurposeDefinition][]).map(
                ([code, p]) => [
                  p.title,
                  p.description,
                  basisWords[p.basis],
                  p.withdrawable ? (
                    'Yes, at any time, as easily as you switched it on'
                  ) : (
                    <span key={code}>No — the service cannot work without it</span>
                  ),
                ],
              )}
            />
          </section>

          <section id="recipients" aria-labelledby="recipients-h">
            <h2 id="recipients-h">Who may receive data</h2>
            <p>
              Every time personal data leaves Mandi, we write it in a disclosure ledger that cannot be edited.
              You can see your own entries from your account.
            </p>
            <dl class="definition-list">
              {(
                Object.entries(privacy.recipientDeclarations) as [string, privacy.RecipientDeclaration][]
              ).map(([kind, r]) => (
                <div key={kind} id={`recipient-${kind}`}>
                  <dt>{r.title}</dt>
                  <dd>{r.when}</dd>
                </div>
              ))}
            </dl>
          </section>

          <Flash kind="info" title="Checking a consent receipt">
            Each time you give consent you get a signed receipt. Anyone can check one at{' '}
            <a href="/privacy/verify-receipt">Verify a consent receipt</a>.
          </Flash>
        </div>
      </Layout>,
    )
  })

  server.get<{ Querystring: { receipt?: string } }>('/privacy/verify-receipt', async (request, reply) => {
    const ctx = pageContext(request)
    const receipt =
      typeof request.query.receipt === 'string' ? request.query.receipt.trim().slice(0, 8192) : ''
    const check = receipt ? privacy.verifyReceipt(receipt, app.receipts.publicJwk) : undefined
    return sendPage(
      reply,
      <Layout
        ctx={ctx}
        title="Verify a consent receipt"
        noindex
        canonical={canonicalUrl(app, '/privacy/verify-receipt')}
      >
        <div class="container page-narrow prose">
          <Breadcrumbs
            items={[
              { label: 'Home', href: '/' },
              { label: 'Privacy', href: '/privacy' },
              { label: 'Verify a receipt' },
            ]}
          />
          <h1>Verify a consent receipt</h1>
          <p>
            Paste a receipt to check that this marketplace issued it and that nothing in it was changed. The
            public key used is published at{' '}
            <a href="/.well-known/consent-receipt-key">/.well-known/consent-receipt-key</a>.
          </p>
          {check?.valid ? (
            <Flash kind="success" title="This receipt is genuine">
              Consent to “{check.claims.purpose.title}” was given on{' '}
              {formatDate(new Date(check.claims.iat * 1000))} under notice version{' '}
              {check.claims.policyVersion}, through {check.claims.channel.replace('_', ' ')}. Receipt{' '}
              {check.claims.jti}.
            </Flash>
          ) : check ? (
            <Flash kind="error" title="This receipt does not verify">
              It was not issued by this marketplace, or it was changed after it was issued ({check.reason}).
            </Flash>
          ) : null}
          <form method="get" action="/privacy/verify-receipt" class="stack">
            <div class="field">
              <label for="receipt">Receipt</label>
              <textarea id="receipt" name="receipt" rows={6} required spellcheck={false}>
                {receipt}
              </textarea>
            </div>
            <Button>Verify</Button>
          </form>
        </div>
      </Layout>,
    )
  })
}
