import assert from 'node:assert/strict'
import type { AddressInfo } from 'node:net'
import { after, before, describe, it } from 'node:test'
import { eq } from 'drizzle-orm'
import { type ParsedMail, simpleParser } from 'mailparser'
import { SMTPServer } from 'smtp-server'
import { createLogger } from '#src/logger.ts'
import * as privacy from '#src/modules/privacy/index.ts'
import { buildUser } from '#test/factories.ts'
import { testDatabaseKind, useTestDb } from '#test/setup.ts'
import { deliverDueMessages } from '../delivery.ts'
import { outboxMessages } from '../messaging.tables.ts'
import { queueMessage } from '../outbox.ts'
import { createDevMailboxSmsSender } from './dev-mailbox-sender.ts'
import { messageIdFor } from './email-sender.ts'
import { createSmtpSender } from './smtp-sender.ts'

const from = 'Mandi <no-reply@mandi.test>'

/** A local SMTP server that parses what it receives, and refuses one address for good. */
function useSmtpSink() {
  const sink = {
    port: 0,
    received: [] as { rcpt: string[]; mail: ParsedMail }[],
    server: undefined as SMTPServer | undefined,
  }
  before(async () => {
    sink.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['AUTH', 'STARTTLS'],
      logger: false,
      onRcptTo(address, _session, callback) {
        if (address.address.startsWith('rejected@')) {
          return callback(
            Object.assign(new Error(`5.1.1 <${address.address}>: Recipient address rejected`), {
              responseCode: 550,
            }),
          )
        }
        callback()
      },
      onData(stream, session, callback) {
        simpleParser(stream).then(
          (mail) => {
            sink.received.push({ rcpt: session.envelope.rcptTo.map((r) => r.address), mail })
            callback()
          },
          (error) => callback(error),
        )
      },
    })
    await new Promise<void>((resolve) => sink.server!.listen(0, '127.0.0.1', resolve))
    sink.port = (sink.server.server.address() as AddressInfo).port
  })
  after(() => new Promise<void>((resolve) => sink.server?.close(() => resolve())))
  return sink
}

describe(`the SMTP sender, end to end over SMTP (${testDatabaseKind})`, () => {
  const ctx = useTestDb()
  const sink = useSmtpSink()
  let email: ReturnType<typeof createSmtpSender>
  before(() => {
    email = createSmtpSender({ url: `smtp://127.0.0.1:${sink.port}`, from })
  })
  after(() => email?.close?.())
  const deps = () => ({
    db: ctx.db,
    logger: createLogger({ logLevel: 'silent' }),
    email,
    sms: createDevMailboxSmsSender(ctx.db, { senderId: 'MANDIX' }),
    renderContext: { publicUrl: 'https://mandi.example', operatorName: 'Mandi Test', dltTemplateIds: {} },
  })

  it('sends a marketing email with its parts, a Message-ID from its key and one-click unsubscribe headers', async () => {
    const user = await buildUser(ctx.db, { email: 'asha.verma@example.in' })
    await privacy.recordConsent(ctx.db, {
      userId: user.id,
      purpose: 'marketing_email',
      action: 'grant',
      channel: 'web',
    })
    const [queued] = await queueMessage(ctx.db, {
      kind: 'marketing-digest',
      toUserId: user.id,
      to: user.email,
      idempotencyKey: 'digest:2026-11:asha',
      data: {
        firstName: 'Asha',
        headline: 'Ball valves & <gate> valves from Rajkot',
        products: [
          {
            title: 'Brass Ball Valve 1"',
            url: 'https://mandi.example/p/1',
            pricePaise: 45_000,
            sellerCity: 'Rajkot',
          },
        ],
        unsubscribeUrl: 'https://mandi.example/unsubscribe/tok123',
      },
    })
    const report = await deliverDueMessages(deps())
    assert.equal(report.sent, 1)

    assert.equal(sink.received.length, 1)
    const { rcpt, mail } = sink.received[0]!
    assert.deepEqual(rcpt, ['asha.verma@example.in'])
    assert.equal(mail.subject, 'Ball valves & <gate> valves from Rajkot')
    assert.equal(mail.from?.text, '"Mandi" <no-reply@mandi.test>')
    assert.match(mail.text ?? '', /Hello Asha,/)
    assert.match(mail.text ?? '', /Unsubscribe with one click: https:\/\/mandi\.example\/unsubscribe\/tok123/)
    assert.match(String(mail.html), /Ball valves &amp; &lt;gate> valves from Rajkot/)
    assert.match(String(mail.html), /Brass Ball Valve 1&quot;/)
    assert.equal(mail.messageId, messageIdFor('digest:2026-11:asha', from))
    const lines = new Map(mail.headerLines.map((h) => [h.key, h.line]))
    assert.equal(
      lines.get('list-unsubscribe'),
      'List-Unsubscribe: <https://mandi.example/unsubscribe/tok123>',
    )
    assert.equal(lines.get('list-unsubscribe-post'), 'List-Unsubscribe-Post: List-Unsubscribe=One-Click')
    assert.equal(mail.headerLines.filter((h) => h.key === 'list-unsubscribe').length, 1)

    const [row] = await ctx.db.select().from(outboxMessages).where(eq(outboxMessages.id, queued!.id))
    assert.equal(row!.status, 'sent')
    assert.equal(row!.provider, 'smtp:127.0.0.1')
    assert.equal(row!.providerMessageId, mail.messageId)
    const [disclosure] = await privacy.listDisclosures(ctx.db, user.id)
    assert.equal(disclosure?.recipientKind, 'email_provider')
    assert.equal(disclosure?.purpose, 'marketing_email')
    assert.equal(disclosure?.basis, 'consent')
    assert.deepEqual(disclosure?.fields, ['email', 'message text'])
    assert.equal(disclosure?.reference, `outbox:${queued!.id}`)
  })

  it('marks a message failed when the server refuses the recipient, without keeping the address or recording a disclosure', async () => {
    const user = await buildUser(ctx.db, { email: 'rejected@example.in' })
    const [queued] = await queueMessage(ctx.db, {
      kind: 'password-reset',
      toUserId: user.id,
      to: 'rejected@example.in',
      data: { firstName: 'Asha', resetUrl: 'https://mandi.example/reset?t=1', expiresInMinutes: 30 },
    })
    const report = await deliverDueMessages(deps())
    assert.equal(report.failed, 1)
    const [row] = await ctx.db.select().from(outboxMessages).where(eq(outboxMessages.id, queued!.id))
    assert.equal(row!.status, 'failed')
    assert.match(row!.lastError!, /^smtp_550: /)
    assert.doesNotMatch(row!.lastError!, /rejected@|example\.in/)
    assert.deepEqual(await privacy.listDisclosures(ctx.db, user.id), [], 'the provider did not take it')
  })
})
