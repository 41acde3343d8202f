import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { eq } from 'drizzle-orm'
import { createApp } from '#src/app.ts'
import { runJobNow } from '#src/jobs/worker.ts'
import { createLogger } from '#src/logger.ts'
import * as privacy from '#src/modules/privacy/index.ts'
import { buildUser } from '#test/factories.ts'
import { openTestDatabase, testConfig, testDatabaseKind, useTestDb } from '#test/setup.ts'
import { DeliveryError } from './delivery-error.ts'
import { type DeliveryDeps, deliverDueMessages, retryDelayMs } from './delivery.ts'
import { createMessaging, parseDltTemplateIds } from './messaging.ts'
import { devMailbox, outboxMessages } from './messaging.tables.ts'
import { emailProviderPath, smsProviderPath } from './outbound-paths.ts'
import { queueMessage } from './outbox.ts'
import { createDevMailboxEmailSender, createDevMailboxSmsSender } from './senders/dev-mailbox-sender.ts'
import type { EmailSender } from './senders/email-sender.ts'

const logger = createLogger({ logLevel: 'silent' })
const renderContext = { publicUrl: 'https://mandi.example', operatorName: 'Mandi Test', dltTemplateIds: {} }
const reset = {
  firstName: 'Asha',
  resetUrl: 'https://mandi.example/reset?t=secret-token',
  expiresInMinutes: 30,
}
const digest = {
  firstName: 'Asha',
  headline: 'New ball valves from Rajkot',
  products: [
    { title: 'Brass Ball Valve', url: 'https://mandi.example/p/1', pricePaise: 45_000, sellerCity: 'Rajkot' },
  ],
  unsubscribeUrl: 'https://mandi.example/unsubscribe/tok',
}

/** Counts calls and can fail on demand, before or after the real send happens. */
function instrumented(inner: EmailSender, overrides: Partial<Pick<EmailSender, 'name' | 'outbound'>> = {}) {
  const control = { calls: 0, failNext: 0, failAfterSend: 0, permanent: false }
  const sender: EmailSender = {
    name: overrides.name ?? inner.name,
    recipientTitle: 'Test email provider',
    outbound: overrides.outbound === undefined ? inner.outbound : overrides.outbound,
    async send(email) {
      control.calls++
      if (control.failNext > 0) {
        control.failNext--
        throw new DeliveryError('smtp_451', `the SMTP server answered 451 <${email.to}> try later`, {
          permanent: control.permanent,
        })
      }
      const result = await inner.send(email)
      if (control.failAfterSend > 0) {
        control.failAfterSend--
        throw new Error('connection reset after the provider accepted the message')
      }
      return result
    },
  }
  return { sender, control }
}

describe(`outbox delivery (${testDatabaseKind})`, () => {
  const ctx = useTestDb()
  const deps = (overrides: Partial<DeliveryDeps> = {}): DeliveryDeps => ({
    db: ctx.db,
    logger,
    email: createDevMailboxEmailSender(ctx.db, { from: 'Mandi <no-reply@mandi.test>' }),
    sms: createDevMailboxSmsSender(ctx.db, { senderId: 'MANDIX' }),
    renderContext,
    ...overrides,
  })
  const message = async (id: string) =>
    (await ctx.db.select().from(outboxMessages).where(eq(outboxMessages.id, id)))[0]!
  const mailboxCopies = async (key: string) =>
    ctx.db.select().from(devMailbox).where(eq(devMailbox.idempotencyKey, key))
  // Each test queues with its own keys and drains what is due, so tests do not see each other's work.
  const drain = async (d: DeliveryDeps) => {
    for (let i = 0; i < 10 && (await deliverDueMessages(d, { limit: 500 })).claimed > 0; i++);
  }

  it('delivers a queued email to the dev mailbox and records it as sent', async () => {
    const [queued] = await queueMessage(ctx.db, {
      kind: 'password-reset',
      to: 'asha@example.in',
      data: reset,
      idempotencyKey: 'd:1',
    })
    await drain(deps())
    const row = await message(queued!.id)
    const [copy] = await mailboxCopies('d:1')
    assert.equal(row.status, 'sent')
    assert.equal(row.attempts, 1)
    assert.equal(row.provider, 'dev-mailbox')
    assert.equal(row.providerMessageId, copy!.id)
    assert.ok(row.sentAt)
    assert.equal(copy!.subject, 'Reset your Mandi password')
    assert.match(copy!.headers['Message-ID']!, /^<[0-9a-f]{40}@mandi\.test>$/)
  })

  it('empties the data of a message holding a one-time link once it is sent', async () => {
    const [queued] = await queueMessage(ctx.db, {
      kind: 'password-reset',
      to: 'asha@example.in',
      data: reset,
    })
    await drain(deps())
    assert.deepEqual((await message(queued!.id)).data, {})
  })

  it('delivers an SMS to the dev outbox with its DLT template id', async () => {
    const rows = await queueMessage(ctx.db, {
      kind: 'enquiry-received',
      to: { phone: '9876543210' },
      data: {
        buyerFirstName: 'Ravi',
        buyerCity: 'Coimbatore',
        productTitle: 'Pump',
        quantity: 2,
        unit: 'piece',
        enquiryUrl: 'https://mandi.example/e/1',
      },
      idempotencyKey: 'd:sms',
    })
    await drain(deps())
    const [copy] = await mailboxCopies('d:sms:sms')
    assert.equal(copy!.channel, 'sms')
    assert.equal(copy!.toAddress, '+919876543210')
    assert.equal(copy!.headers['DLT-Template-Id'], 'unregistered:enquiry-received')
    assert.equal((await message(rows[0]!.id)).status, 'sent')
  })

  it('cancels a marketing message when consent is withdrawn after it was queued', async () => {
    const user = await buildUser(ctx.db)
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
      data: digest,
      idempotencyKey: 'd:withdrawn',
    })
    await privacy.recordConsent(ctx.db, {
      userId: user.id,
      purpose: 'marketing_email',
      action: 'withdraw',
      channel: 'web',
    })
    await drain(deps())
    const row = await message(queued!.id)
    assert.equal(row.status, 'cancelled')
    assert.equal(row.lastError, 'consent_withdrawn')
    assert.equal(row.sentAt, null)
    assert.deepEqual(await mailboxCopies('d:withdrawn'), [])
  })

  it('sends a marketing message when consent still stands', async () => {
    const user = await buildUser(ctx.db)
    await privacy.recordConsent(ctx.db, {
      userId: user.id,
      purpose: 'marketing_email',
      action: 'grant',
      channel: 'web',
    })
    await queueMessage(ctx.db, {
      kind: 'marketing-digest',
      toUserId: user.id,
      to: user.email,
      data: digest,
      idempotencyKey: 'd:ok',
    })
    await drain(deps())
    const [copy] = await mailboxCopies('d:ok')
    assert.equal(copy!.headers['List-Unsubscribe'], '<https://mandi.example/unsubscribe/tok>')
    assert.equal(copy!.headers['List-Unsubscribe-Post'], 'List-Unsubscribe=One-Click')
  })

  it('does not send twice when the worker fails after the provider accepted the message', async () => {
    const { sender, control } = instrumented(deps().email)
    control.failAfterSend = 1
    const [queued] = await queueMessage(ctx.db, {
      kind: 'password-reset',
      to: 'a@example.in',
      data: reset,
      idempotencyKey: 'd:after',
    })
    const clock = () => new Date(Date.now() + 60 * 60_000)
    await deliverDueMessages(deps({ email: sender }))
    assert.equal((await message(queued!.id)).status, 'pending')
    await deliverDueMessages(deps({ email: sender, clock }))
    const row = await message(queued!.id)
    assert.equal(control.calls, 2)
    assert.equal(row.status, 'sent')
    assert.equal(row.attempts, 2)
    assert.equal((await mailboxCopies('d:after')).length, 1)
  })

  it('retries a message abandoned in `sending` after its lease, with the same key and no second copy', async () => {
    const [queued] = await queueMessage(ctx.db, {
      kind: 'password-reset',
      to: 'a@example.in',
      data: reset,
      idempotencyKey: 'd:crash',
    })
    await drain(deps())
    // The worker "died" after sending and before its acknowledgement: the row is still `sending`.
    await ctx.db
      .update(outboxMessages)
      .set({ status: 'sending', sentAt: null, providerMessageId: null, data: reset })
      .where(eq(outboxMessages.id, queued!.id))
    await deliverDueMessages(deps())
    assert.equal((await message(queued!.id)).status, 'sending', 'the lease has not run out yet')
    await deliverDueMessages(deps({ clock: () => new Date(Date.now() + 11 * 60_000) }))
    const row = await message(queued!.id)
    assert.equal(row.status, 'sent')
    assert.equal(row.attempts, 2)
    assert.equal(row.idempotencyKey, 'd:crash')
    const copies = await mailboxCopies('d:crash')
    assert.equal(copies.length, 1)
    assert.equal(row.providerMessageId, copies[0]!.id)
  })

  it('backs off exponentially and marks the message failed after the last attempt', async () => {
    const { sender, control } = instrumented(deps().email)
    control.failNext = 100
    const policy = { maxAttempts: 3, baseDelayMs: 30_000, maxDelayMs: 3_600_000 }
    const [queued] = await queueMessage(ctx.db, {
      kind: 'password-reset',
      to: 'asha@example.in',
      data: reset,
    })
    const t0 = Date.now() + 1000
    const at = (ms: number) => deps({ email: sender, policy, clock: () => new Date(t0 + ms) })

    await deliverDueMessages(at(0))
    let row = await message(queued!.id)
    assert.equal(row.status, 'pending')
    assert.equal(row.attempts, 1)
    assert.equal(row.nextAttemptAt.getTime(), t0 + 30_000)
    assert.equal((await deliverDueMessages(at(29_000))).claimed, 0, 'not due before its backoff')

    await deliverDueMessages(at(30_000))
    row = await message(queued!.id)
    assert.equal(row.attempts, 2)
    assert.equal(row.nextAttemptAt.getTime(), t0 + 30_000 + 60_000)

    await deliverDueMessages(at(90_000))
    row = await message(queued!.id)
    assert.equal(row.status, 'failed')
    assert.equal(row.attempts, 3)
    assert.equal(control.calls, 3)
    assert.match(row.lastError!, /^smtp_451: /)
    assert.doesNotMatch(row.lastError!, /asha|example\.in/)
    assert.deepEqual(row.data, {}, 'a failed reset link is not kept either')

    assert.equal((await deliverDueMessages(at(10 * 3_600_000))).claimed, 0)
    assert.equal(retryDelayMs(20), 3_600_000)
  })

  it('marks a message failed at once when the provider refuses it for good', async () => {
    const { sender, control } = instrumented(deps().email)
    control.failNext = 1
    control.permanent = true
    const [queued] = await queueMessage(ctx.db, {
      kind: 'password-reset',
      to: 'asha@example.in',
      data: reset,
    })
    await deliverDueMessages(deps({ email: sender }))
    const row = await message(queued!.id)
    assert.equal(row.status, 'failed')
    assert.equal(row.attempts, 1)
  })

  it('records a disclosure to an external provider once per message, and none for the dev mailbox', async () => {
    const user = await buildUser(ctx.db)
    const [viaDev] = await queueMessage(ctx.db, {
      kind: 'password-reset',
      toUserId: user.id,
      to: user.email,
      data: reset,
    })
    await drain(deps())
    assert.equal((await message(viaDev!.id)).status, 'sent')
    assert.deepEqual(await privacy.listDisclosures(ctx.db, user.id), [])

    const { sender, control } = instrumented(deps().email, {
      name: 'smtp:mail.example.net',
      outbound: emailProviderPath,
    })
    control.failNext = 1
    const [viaSmtp] = await queueMessage(ctx.db, {
      kind: 'password-reset',
      toUserId: user.id,
      to: user.email,
      data: reset,
    })
    await deliverDueMessages(deps({ email: sender }))
    await deliverDueMessages(deps({ email: sender, clock: () => new Date(Date.now() + 60 * 60_000) }))
    assert.equal((await message(viaSmtp!.id)).status, 'sent')
    const ledger = await privacy.listDisclosures(ctx.db, user.id)
    assert.equal(ledger.length, 1, 'a retry through the same provider adds no second entry')
    assert.equal(ledger[0]!.recipientKind, 'email_provider')
    assert.equal(ledger[0]!.recipient, 'Test email provider')
    assert.deepEqual(ledger[0]!.fields, ['email', 'message text'])
    assert.equal(ledger[0]!.purpose, 'account')
    assert.equal(ledger[0]!.reference, `outbox:${viaSmtp!.id}`)
  })

  it('records no disclosure while the provider refuses a message, and one once it accepts', async () => {
    const user = await buildUser(ctx.db)
    const { sender, control } = instrumented(deps().email, {
      name: 'smtp:mail.example.net',
      outbound: emailProviderPath,
    })
    control.failNext = 1
    const [queued] = await queueMessage(ctx.db, {
      kind: 'password-reset',
      toUserId: user.id,
      to: user.email,
      data: reset,
    })
    await deliverDueMessages(deps({ email: sender }))
    assert.equal((await message(queued!.id)).status, 'pending')
    assert.deepEqual(await privacy.listDisclosures(ctx.db, user.id), [], 'the send did not happen')

    control.failNext = 1
    control.permanent = true
    const [refused] = await queueMessage(ctx.db, {
      kind: 'password-reset',
      toUserId: user.id,
      to: user.email,
      data: reset,
    })
    await deliverDueMessages(deps({ email: sender }))
    assert.equal((await message(refused!.id)).status, 'failed')
    assert.deepEqual(await privacy.listDisclosures(ctx.db, user.id), [], 'a refused message never left')

    await deliverDueMessages(deps({ email: sender, clock: () => new Date(Date.now() + 60 * 60_000) }))
    assert.equal((await message(queued!.id)).status, 'sent')
    const ledger = await privacy.listDisclosures(ctx.db, user.id)
    assert.deepEqual(
      ledger.map((entry) => entry.reference),
      [`outbox:${queued!.id}`],
    )
  })

  it('records the hand-off of a message whose final attempt was interrupted, as it may have left', async () => {
    const user = await buildUser(ctx.db)
    const { sender } = instrumented(deps().email, {
      name: 'smtp:mail.example.net',
      outbound: emailProviderPath,
    })
    const [queued] = await queueMessage(ctx.db, {
      kind: 'password-reset',
      toUserId: user.id,
      to: user.email,
      data: reset,
    })
    // A worker claimed the last allowed attempt through the provider and stopped.
    await ctx.db
      .update(outboxMessages)
      .set({ status: 'sending', attempts: 8, provider: 'smtp:mail.example.net', nextAttemptAt: new Date(0) })
      .where(eq(outboxMessages.id, queued!.id))
    await deliverDueMessages(deps({ email: sender }))
    assert.equal((await message(queued!.id)).status, 'failed')
    const [entry] = await privacy.listDisclosures(ctx.db, user.id)
    assert.equal(entry?.reference, `outbox:${queued!.id}`)
    assert.equal(entry?.recipientKind, 'email_provider')
  })

  it('lets two workers deliver side by side without sending anything twice', async () => {
    const { sender, control } = instrumented(deps().email)
    for (let i = 0; i < 30; i++) {
      await queueMessage(ctx.db, {
        kind: 'password-reset',
        to: `p${i}@example.in`,
        data: reset,
        idempotencyKey: `d:par:${i}`,
      })
    }
    const d = deps({ email: sender })
    await Promise.all([
      deliverDueMessages(d, { limit: 10 }),
      deliverDueMessages(d, { limit: 10 }),
      deliverDueMessages(d, { limit: 10 }),
    ])
    await drain(d)
    assert.equal(control.calls, 30)
    const sent = await ctx.db.select().from(outboxMessages).where(eq(outboxMessages.status, 'sent'))
    assert.equal(sent.filter((r) => r.idempotencyKey.startsWith('d:par:')).length, 30)
  })
})

describe(`createMessaging (${testDatabaseKind})`, () => {
  const ctx = useTestDb()
  const config = {
    publicUrl: 'https://mandi.example/',
    operatorName: 'Mandi Test',
    mailFrom: 'Mandi <no-reply@mandi.test>',
  }

  it('uses the dev mailbox outside production when no provider is configured', async () => {
    const messaging = createMessaging({ ...config, isProduction: false }, ctx.db, logger)
    assert.equal(messaging.email.name, 'dev-mailbox')
    assert.equal(messaging.sms.name, 'dev-sms-outbox')
    assert.equal(messaging.renderContext.publicUrl, 'https://mandi.example')
  })

  it('fails messages with the reason in production when no provider is configured', async () => {
    const messaging = createMessaging({ ...config, isProduction: true }, ctx.db, logger)
    const [queued] = await queueMessage(ctx.db, {
      kind: 'password-reset',
      to: 'asha@example.in',
      data: reset,
    })
    await messaging.deliver()
    const [row] = await ctx.db.select().from(outboxMessages).where(eq(outboxMessages.id, queued!.id))
    assert.equal(row!.status, 'failed')
    assert.match(row!.lastError!, /^no_provider: no email provider is configured \(set SMTP_URL\)/)
    assert.deepEqual(await ctx.db.select().from(devMailbox), [])
  })

  it('uses SMTP and the HTTP SMS gateway when they are configured', async () => {
    const messaging = createMessaging(
      {
        ...config,
        isProduction: true,
        smtpUrl: 'smtp://user:pass@mail.example.net:587',
        sms: { url: 'https://sms.example.net/v1/send', apiKey: 'k', senderId: 'MANDIX' },
        dltTemplateIds: parseDltTemplateIds('enquiry-received = 1107160000000000001, bad'),
      },
      ctx.db,
      logger,
    )
    assert.equal(messaging.email.name, 'smtp:mail.example.net')
    assert.equal(messaging.email.outbound, emailProviderPath)
    assert.equal(messaging.sms.outbound, smsProviderPath)
    assert.equal(messaging.sms.name, 'sms:sms.example.net')
    assert.deepEqual(messaging.renderContext.dltTemplateIds, { 'enquiry-received': '1107160000000000001' })
    await messaging.close()
  })
})

describe(`the messaging.deliver job (${testDatabaseKind})`, () => {
  it('delivers due messages through the app', async (t) => {
    const app = await createApp(testConfig(), { database: await openTestDatabase() })
    t.after(() => app.close())
    await queueMessage(app.db, {
      kind: 'password-reset',
      to: 'asha@example.in',
      data: reset,
      idempotencyKey: 'job:1',
    })
    await runJobNow(app, 'messaging.deliver', { limit: 10 })
    const [row] = await app.db.select().from(outboxMessages).where(eq(outboxMessages.idempotencyKey, 'job:1'))
    assert.equal(row!.status, 'sent')
    await runJobNow(app, 'messaging.sweep')
  })
})

describe('the reply wording follows the inbound receiver', () => {
  it('asks for replies by email only when INBOUND_SMTP_PORT is set', async (t) => {
    for (const [overrides, expected] of [
      [{}, false],
      [{ INBOUND_SMTP_PORT: '2525' }, true],
    ] as const) {
      const app = await createApp(testConfig(overrides), { database: await openTestDatabase() })
      t.after(() => app.close())
      assert.equal(app.messaging.renderContext.repliesByEmail, expected)
    }
  })
})
