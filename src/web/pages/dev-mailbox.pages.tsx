import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { App } from '../../app.ts'
import * as accounts from '../../modules/accounts/index.ts'
import * as messaging from '../../modules/messaging/index.ts'
import { notFound } from '../../shared/errors.ts'
import { formatDate } from '../../shared/format.ts'
import { sendPage } from '../render.tsx'
import { Layout } from '../views/layout.tsx'
import { type PageContext, pageContext } from '../views/page-context.ts'

// The stored HTML of an email is shown in a sandboxed frame, served with a policy of its own: no
// script, no network, no forms, no plugins. The frame may only be embedded by this site.
const EMAIL_HTML_POLICY = [
  "default-src 'none'",
  "style-src 'unsafe-inline'",
  'img-src data:',
  "frame-ancestors 'self'",
  "form-action 'none'",
  "base-uri 'none'",
  'sandbox',
].join('; ')

/**
 * The development mailbox: every email and text message that would have been sent. Not registered
 * in production, where these addresses answer 404 like any unknown page. Admins see every message;
 * anyone else signed in sees only messages addressed to their own account (to confirm their own
 * email address) — by account, never by address: two accounts may give the same phone number.
 */
export function devMailboxPages(server: FastifyInstance, app: App) {
  if (app.config.isProduction) return

  server.get('/dev/mailbox', async (request, reply) => {
    const viewer = mailboxViewer(request)
    if (!viewer) return reply.redirect(`/account/sign-in?next=${encodeURIComponent('/dev/mailbox')}`, 303)
    const messages = await messaging.listDevMailbox(app.db, viewer.all ? {} : { toUserId: viewer.userId })
    reply.header('cache-control', 'no-store')
    return sendPage(reply, <MailboxPage ctx={pageContext(request)} messages={messages} />)
  })

  server.get<{ Params: { id: string } }>('/dev/mailbox/:id', async (request, reply) => {
    const message = await requireMessage(app, request, request.params.id)
    reply.header('cache-control', 'no-store')
    return sendPage(reply, <MessagePage ctx={pageContext(request)} message={message} />)
  })

  server.get<{ Params: { id: string } }>('/dev/mailbox/:id/html', async (request, reply) => {
    const message = await requireMessage(app, request, request.params.id)
    if (!message.html) throw notFound('message_has_no_html', 'This message has no HTML part.')
    return reply
      .header('content-security-policy', EMAIL_HTML_POLICY)
      .header('cache-control', 'no-store')
      .type('text/html; charset=utf-8')
      .send(message.html)
  })
}

function mailboxViewer(request: FastifyRequest): { all: boolean; userId: string } | null {
  const session = request.session
  if (!session) return null
  return { all: accounts.hasRole(session.user, 'admin'), userId: session.user.id }
}

async function requireMessage(app: App, request: FastifyRequest, id: string) {
  const viewer = mailboxViewer(request)
  const message = await messaging.findDevMailboxMessage(app.db, id)
  // Someone else's message answers exactly like a missing one.
  if (!viewer || !message || (!viewer.all && message.toUserId !== viewer.userId)) {
    throw notFound('message_not_found', 'There is no message with this id in your dev mailbox.')
  }
  return message
}

type Listed = Awaited<ReturnType<typeof messaging.listDevMailbox>>[number]

function MailboxPage(props: { ctx: PageContext; messages: Listed[] }) {
  return (
    <Layout ctx={props.ctx} title="Dev mailbox" noindex>
      <div class="container dev-mailbox">
        <h1>Dev mailbox</h1>
        <p class="lead">
          Email and text messages this installation would have sent. No provider is configured, so nothing
          left the machine. This page does not exist in production.
        </p>
        {props.messages.length === 0 ? (
          <p>No messages yet.</p>
        ) : (
          <table class="data-table">
            <thead>
              <tr>
                <th scope="col">Received</th>
                <th scope="col">Channel</th>
                <th scope="col">To</th>
                <th scope="col">Subject or text</th>
              </tr>
            </thead>
            <tbody>
              {props.messages.map((m) => (
                <tr key={m.id}>
                  <td>
                    <time datetime={m.createdAt.toISOString()}>{receivedAt(m.createdAt)}</time>
                  </td>
                  <td>{m.channel === 'sms' ? 'SMS' : 'Email'}</td>
                  <td>{m.toAddress}</td>
                  <td>
                    <a href={`/dev/mailbox/${m.id}`}>{m.subject ?? preview(m.text)}</a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </Layout>
  )
}

function MessagePage(props: { ctx: PageContext; message: messaging.DevMailboxMessage }) {
  const m = props.message
  const title = m.subject ?? `Text message to ${m.toAddress}`
  return (
    <Layout ctx={props.ctx} title={`${title} · Dev mailbox`} noindex>
      <div class="container dev-mailbox">
        <p>
          <a href="/dev/mailbox">← All messages</a>
        </p>
        <h1>{title}</h1>
        <dl class="meta-list">
          <dt>From</dt>
          <dd>{m.fromAddress}</dd>
          <dt>To</dt>
          <dd>{m.toAddress}</dd>
          <dt>Channel</dt>
          <dd>{m.channel === 'sms' ? 'SMS' : 'Email'}</dd>
          <dt>Received</dt>
          <dd>
            <time datetime={m.createdAt.toISOString()}>{receivedAt(m.createdAt)}</time>
          </dd>
        </dl>
        {m.html ? (
          <section aria-labelledby="mail-html">
            <h2 id="mail-html">As the recipient sees it</h2>
            <iframe
              class="mail-frame"
              src={`/dev/mailbox/${m.id}/html`}
              sandbox=""
              title={`HTML part of "${title}"`}
              width="100%"
              height="640"
            />
          </section>
        ) : null}
        <section aria-labelledby="mail-text">
          <h2 id="mail-text">{m.channel === 'sms' ? 'Text' : 'Plain-text part'}</h2>
          <pre class="mail-text">{m.text}</pre>
        </section>
        <section aria-labelledby="mail-headers">
          <h2 id="mail-headers">Headers</h2>
          <table class="data-table">
            <tbody>
              {Object.entries(m.headers).map(([name, value]) => (
                <tr key={name}>
                  <th scope="row">{name}</th>
                  <td>
                    <code>{value}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </div>
    </Layout>
  )
}

const timeOfDay = new Intl.DateTimeFormat('en-IN', {
  timeZone: 'Asia/Kolkata',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hour12: false,
})

function receivedAt(date: Date): string {
  return `${formatDate(date)}, ${timeOfDay.format(date)}`
}

function preview(text: string): string {
  return text.length > 80 ? `${text.slice(0, 79)}…` : text
}
