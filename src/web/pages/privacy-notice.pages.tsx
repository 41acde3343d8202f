import fastifyMultipart from '@fastify/multipart'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { App } from '../../app.ts'
import { dataInventory } from '../../inventory.ts'
import * as privacy from '../../modules/privacy/index.ts'
import { outboundRegister } from '../../outbound.ts'
import { formatDate } from '../../shared/format.ts'
import { csrfPassed } from '../csrf.ts'
import { sendPage } from '../render.tsx'
import { CsrfField } from '../views/account-components.tsx'
import { Layout } from '../views/layout.tsx'
import { csrfToken, pageContext } from '../views/page-context.ts'
import { Breadcrumbs, Button, Flash, Table } from '../views/ui.tsx'
import { declaredForms, mustGiveWords } from './info/collection.ts'
import { formBody, noStore, text } from './account/account-frame.ts'
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
            kind of personal data Mandi keeps: why we keep it, for how long, what happens to it when an
            account is erased, and who may receive it. Notice version {version.version}, published{' '}
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
              <li>
                <a href="#leaves">When your data leaves Mandi</a>
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
                  'When the account is erased',
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

          <section id="leaves" aria-labelledby="leaves-h">
            <h2 id="leaves-h">When your data leaves Mandi</h2>
            <p>
              Every way personal data can leave Mandi, with who receives it and exactly which details. Each
              one writes an entry in your disclosure ledger when it happens; a test checks every one of them.
            </p>
            <Table
              caption="Ways personal data leaves Mandi"
              head={['When', 'Who receives it', 'Which details']}
              rows={outboundRegister.map((path) => [
                path.description,
                privacy.recipientDeclarations[path.recipientKind].title,
                path.fields.join(', '),
              ])}
            />
          </section>

          <Flash kind="info" title="Checking a consent receipt">
            Each time you give consent you get a signed receipt. Anyone can check one at{' '}
            <a href="/privacy/verify-receipt">Verify a consent receipt</a>.
          </Flash>
        </div>
      </Layout>,
    )
  })

  server.get('/privacy/verify-receipt', async (request, reply) => {
    noStore(reply)
    return sendPage(reply, <VerifyReceiptPage app={app} request={request} csrf={csrfToken(reply)} />)
  })

  // The receipt travels in the body, never the address: a downloaded file is a few kilobytes, and
  // addresses end up in logs. The form is multipart so the file can be uploaded as it is; a plain
  // form post (the textarea alone) works too.
  server.register(async (scope) => {
    await scope.register(fastifyMultipart, {
      limits: { fileSize: receiptLimit, fieldSize: receiptLimit, files: 1, fields: 2, parts: 3 },
      throwFileSizeLimit: false,
    })
    scope.post('/privacy/verify-receipt', async (request, reply) => {
      let pasted = ''
      let uploaded = ''
      if (request.isMultipart()) {
        let csrf = ''
        for await (const part of request.parts()) {
          if (part.type === 'file') {
            const bytes = await part.toBuffer()
            if (part.fieldname === 'file' && !part.file.truncated) uploaded = bytes.toString('utf8')
          } else if (typeof part.value === 'string') {
            if (part.fieldname === '_csrf') csrf = part.value
            else if (part.fieldname === 'receipt') pasted = part.value
          }
        }
        if (!csrfPassed(scope, request, reply, csrf)) return reply
      } else {
        pasted = text(formBody(request), 'receipt')
      }
      const receipt = (uploaded.trim() ? uploaded : pasted).trim().slice(0, receiptLimit)
      let result: ReceiptResult | undefined
      if (receipt) {
        const check = privacy.verifyReceipt(receipt, app.receipts.publicJwk)
        result = check.valid
          ? { ...check, standing: await privacy.receiptStanding(app.db, check.claims) }
          : check
      }
      noStore(reply)
      return sendPage(
        reply,
        <VerifyReceiptPage
          app={app}
          request={request}
          csrf={csrfToken(reply)}
          receipt={uploaded.trim() ? '' : pasted.slice(0, receiptLimit)}
          result={result}
        />,
      )
    })
  })
}

/** A downloaded receipt is about 2 KB; anything far larger is not one. */
const receiptLimit = 64 * 1024

type ReceiptResult =
  | (Extract<privacy.ReceiptCheck, { valid: true }> & {
      standing: { known: boolean; withdrawnAt: Date | null }
    })
  | Extract<privacy.ReceiptCheck, { valid: false }>

function VerifyReceiptPage(props: {
  app: App
  request: FastifyRequest
  csrf: string
  receipt?: string
  result?: ReceiptResult | undefined
}) {
  const { result } = props
  const withdrawnAt = result?.valid ? result.standing.withdrawnAt : null
  return (
    <Layout
      ctx={pageContext(props.request)}
      title="Verify a consent receipt"
      noindex
      canonical={canonicalUrl(props.app, '/privacy/verify-receipt')}
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
          Upload the receipt file as you downloaded it, or paste its contents (the whole file or just the
          receipt inside it), to check that this marketplace issued it and that nothing in it was changed. The
          public key used is published at{' '}
          <a href="/.well-known/consent-receipt-key">/.well-known/consent-receipt-key</a>.
        </p>
        {result?.valid ? (
          <Flash
            kind={withdrawnAt ? 'info' : 'success'}
            title={
              withdrawnAt
                ? `This receipt is genuine — consent withdrawn on ${formatDate(withdrawnAt)}`
                : 'This receipt is genuine'
            }
          >
            Consent to “{result.claims.purpose.title}” was given on{' '}
            {formatDate(new Date(result.claims.iat * 1000))} under notice version{' '}
            {result.claims.policyVersion}, through {result.claims.channel.replace('_', ' ')}.{' '}
            {withdrawnAt
              ? `It was withdrawn on ${formatDate(withdrawnAt)}, so it no longer allows this use of the person's data.`
              : result.standing.known
                ? 'Our consent ledger shows no withdrawal since.'
                : null}{' '}
            Receipt {result.claims.jti}.
          </Flash>
        ) : result ? (
          <Flash kind="error" title="This receipt does not verify">
            It was not issued by this marketplace, or it was changed after it was issued ({result.reason}).
          </Flash>
        ) : null}
        <form method="post" action="/privacy/verify-receipt" enctype="multipart/form-data" class="stack">
          <CsrfField token={props.csrf} />
          <div class="field">
            <label for="receipt-file">Receipt file</label>
            <input id="receipt-file" name="file" type="file" accept=".json,application/json,text/plain" />
          </div>
          <div class="field">
            <label for="receipt">Or paste the receipt</label>
            <textarea id="receipt" name="receipt" rows={6} spellcheck={false}>
              {props.receipt ?? ''}
            </textarea>
          </div>
          <Button>Verify</Button>
        </form>
      </div>
    </Layout>
  )
}
