import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { eq } from 'drizzle-orm'
import * as privacy from '#src/modules/privacy/index.ts'
import { buildUser } from '#test/factories.ts'
import { testDatabaseKind, useTestDb } from '#test/setup.ts'
import { outboxMessages } from './messaging.tables.ts'
import { findUnreachableChannels } from './outbox.queries.ts'
import { queueMessage } from './outbox.ts'

const reset = { firstName: 'Asha', resetUrl: 'https://mandi.example/reset?t=abc', expiresInMinutes: 30 }
const enquiry = {
  buyerFirstName: 'Ravi',
  buyerCity: 'Coimbatore',
  productTitle: 'Centrifugal Monoblock Pump 1 HP',
  quantity: 25,
  unit: 'piece',
  enquiryUrl: 'https://mandi.example/seller/enquiries/42',
}
const digest = {
  firstName: 'Asha',
  headline: 'New ball valves from Rajkot',
  products: [
    { title: 'Brass Ball Valve', url: 'https://mandi.example/p/1', pricePaise: null, sellerCity: 'Rajkot' },
  ],
  unsubscribeUrl: 'https://mandi.example/unsubscribe/tok',
}

describe(`queueMessage (${testDatabaseKind})`, () => {
  const ctx = useTestDb()
  const rowsWithKey = (key: string) =>
    ctx.db.select().from(outboxMessages).where(eq(outboxMessages.idempotencyKey, key))

  it('queues a pending email with the purpose of its kind', async () => {
    const user = await buildUser(ctx.db)
    const [row] = await queueMessage(ctx.db, {
      kind: 'password-reset',
      toUserId: user.id,
      to: ' Asha@Example.IN ',
      data: reset,
    })
    assert.equal(row!.status, 'pending')
    assert.equal(row!.channel, 'email')
    assert.equal(row!.purpose, 'account')
    assert.equal(row!.toAddress, 'Asha@example.in')
    assert.equal(row!.attempts, 0)
    assert.match(row!.idempotencyKey, /^[0-9a-f-]{36}$/)
  })

  it('treats a repeated idempotency key as a no-op that returns the message already queued', async () => {
    const first = await queueMessage(ctx.db, {
      kind: 'password-reset',
      to: 'a@example.in',
      data: reset,
      idempotencyKey: 'reset:1',
    })
    const again = await queueMessage(ctx.db, {
      kind: 'password-reset',
      to: 'a@example.in',
      data: reset,
      idempotencyKey: 'reset:1',
    })
    assert.equal(again[0]!.id, first[0]!.id)
    assert.equal((await rowsWithKey('reset:1')).length, 1)
  })

  it('refuses an idempotency key that belongs to another kind of message', async () => {
    await queueMessage(ctx.db, {
      kind: 'password-reset',
      to: 'a@example.in',
      data: reset,
      idempotencyKey: 'shared:1',
    })
    await assert.rejects(
      queueMessage(ctx.db, {
        kind: 'email-verification',
        to: 'a@example.in',
        data: { firstName: 'Asha', verifyUrl: 'https://mandi.example/v', expiresInHours: 1 },
        idempotencyKey: 'shared:1',
      }),
      { code: 'idempotency_key_reused' },
    )
  })

  it('queues one row per channel, with the phone number in E.164', async () => {
    const rows = await queueMessage(ctx.db, {
      kind: 'enquiry-received',
      to: { email: 'seller@example.in', phone: '098765 43210' },
      data: enquiry,
      idempotencyKey: 'enquiry:7',
    })
    assert.deepEqual(
      rows.map((r) => [r.channel, r.toAddress, r.idempotencyKey, r.purpose]),
      [
        ['email', 'seller@example.in', 'enquiry:7:email', 'enquiries'],
        ['sms', '+919876543210', 'enquiry:7:sms', 'enquiries'],
      ],
    )
  })

  it('skips a channel that cannot reach the person, records why, and still sends the other', async () => {
    const rows = await queueMessage(ctx.db, {
      kind: 'enquiry-received',
      to: { email: 'seller@example.in', phone: '+91 22 2345 6789' },
      data: enquiry,
      idempotencyKey: 'enquiry:landline',
    })
    assert.deepEqual(
      rows.map((r) => [r.channel, r.status, r.lastError]),
      [
        ['email', 'pending', null],
        ['sms', 'skipped', 'invalid_phone: Text messages need a mobile number; this one is a landline.'],
      ],
    )
    // Repeating the call finds the same rows, the skipped one included.
    const again = await queueMessage(ctx.db, {
      kind: 'enquiry-received',
      to: { email: 'seller@example.in', phone: '+91 22 2345 6789' },
      data: enquiry,
      idempotencyKey: 'enquiry:landline',
    })
    assert.deepEqual(
      again.map((r) => r.id),
      rows.map((r) => r.id),
    )
    // Nothing reachable at all: recorded, not thrown.
    const [junk] = await queueMessage(ctx.db, {
      kind: 'enquiry-received',
      to: { phone: '12345' },
      data: enquiry,
    })
    assert.equal(junk!.status, 'skipped')
    assert.match(junk!.lastError!, /^invalid_phone: /)
  })

  it('lists the channels whose latest message was skipped, until one is queued normally', async () => {
    const user = await buildUser(ctx.db)
    const queue = (phone: string) =>
      queueMessage(ctx.db, {
        kind: 'enquiry-received',
        toUserId: user.id,
        to: { email: 'seller@example.in', phone },
        data: enquiry,
      })
    assert.deepEqual(await findUnreachableChannels(ctx.db, user.id), [])
    await queue('+91 22 2345 6789')
    const [sms, ...rest] = await findUnreachableChannels(ctx.db, user.id)
    assert.deepEqual(rest, [])
    assert.equal(sms!.channel, 'sms')
    assert.equal(sms!.code, 'invalid_phone')
    assert.equal(sms!.reason, 'Text messages need a mobile number; this one is a landline.')
    await ctx.db
      .update(outboxMessages)
      .set({ createdAt: new Date(Date.now() - 60_000) })
      .where(eq(outboxMessages.recipientUserId, user.id))
    await queue('98765 43210')
    assert.deepEqual(await findUnreachableChannels(ctx.db, user.id), [])
  })

  it('refuses a single bad address and channels a kind is not sent on', async () => {
    await assert.rejects(
      queueMessage(ctx.db, { kind: 'enquiry-received', to: '+91 22 2345 6789', data: enquiry }),
      {
        code: 'invalid_phone',
      },
    )
    await assert.rejects(
      queueMessage(ctx.db, { kind: 'password-reset', to: { phone: '98765 43210' }, data: reset }),
      { code: 'channel_not_supported' },
    )
    await assert.rejects(
      queueMessage(ctx.db, { kind: 'password-reset', to: 'not-an-address', data: reset }),
      {
        code: 'channel_not_supported',
      },
    )
    await assert.rejects(queueMessage(ctx.db, { kind: 'password-reset', to: 'asha@', data: reset }), {
      code: 'invalid_email',
    })
    await assert.rejects(queueMessage(ctx.db, { kind: 'password-reset', to: {}, data: reset }), {
      code: 'recipient_required',
    })
  })

  it('refuses data the kind does not declare', async () => {
    await assert.rejects(
      queueMessage(ctx.db, {
        kind: 'enquiry-received',
        to: 'seller@example.in',
        data: { ...enquiry, buyerPhone: '+919876543210' } as typeof enquiry,
      }),
      { code: 'invalid_message_data' },
    )
  })

  it('refuses marketing to a person who has not consented, at queue time', async () => {
    const user = await buildUser(ctx.db)
    await assert.rejects(
      queueMessage(ctx.db, {
        kind: 'marketing-digest',
        toUserId: user.id,
        to: user.email,
        data: digest,
        idempotencyKey: 'm:1',
      }),
      { code: 'consent_required', kind: 'forbidden' },
    )
    await assert.rejects(queueMessage(ctx.db, { kind: 'marketing-digest', to: user.email, data: digest }), {
      code: 'recipient_user_required',
    })
    assert.equal((await rowsWithKey('m:1')).length, 0)
  })

  it('queues marketing for a person who consented', async () => {
    const user = await buildUser(ctx.db)
    await privacy.recordConsent(ctx.db, {
      userId: user.id,
      purpose: 'marketing_email',
      action: 'grant',
      channel: 'web',
    })
    const [row] = await queueMessage(ctx.db, {
      kind: 'marketing-digest',
      toUserId: user.id,
      to: user.email,
      data: digest,
    })
    assert.equal(row!.purpose, 'marketing_email')
  })

  it('queues nothing when the caller’s transaction rolls back', async () => {
    await assert.rejects(
      ctx.db.transaction(async (tx) => {
        await queueMessage(tx, {
          kind: 'password-reset',
          to: 'a@example.in',
          data: reset,
          idempotencyKey: 'rolled-back',
        })
        throw new Error('the business change failed')
      }),
    )
    assert.equal((await rowsWithKey('rolled-back')).length, 0)
  })
})
