import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { eq, sql } from 'drizzle-orm'
import type { Db } from '#src/db/database.ts'
import * as privacy from '#src/modules/privacy/index.ts'
import { testDatabaseKind, useTestDb } from '#test/setup.ts'
import { buildUser } from '#test/factories.ts'
import type { GatewayStatus, PaymentGateway } from './gateway.ts'
import { WebhookRejected } from './gateway.ts'
import {
  createSandboxGateway,
  decideSandboxPayment,
  deliverSandboxWebhooks,
  sandboxSignatureHeader,
  signSandboxBody,
} from './gateways/sandbox.ts'
import { movePayment } from './payment-moves.ts'
import { paymentTransitions } from './payment-status.ts'
import { payments, sandboxWebhooks, webhookEvents } from './payments.tables.ts'
import { findPayment, listPaymentEvents, notePayerReturned, refundPayment } from './payments.queries.ts'
import { reconcilePayments } from './reconcile.ts'
import { startPayment } from './start-payment.ts'
import { receiveWebhook } from './webhooks.ts'
import { paymentStatuses, type PaymentStatus } from './payments.tables.ts'

const secret = 'sandbox-test-secret-0123456789abcdef'
const payer = { name: 'Asha Verma', email: 'asha@example.test', phone: '+919876543210' }

/** An outside gateway stand-in: remembers what it was handed and answers fetchStatus as told. */
function fakeExternalGateway(statuses = new Map<string, GatewayStatus>()) {
  const handed: unknown[] = []
  let n = 0
  const gateway: PaymentGateway = {
    code: 'fakepay',
    external: true,
    recipientName: 'FakePay (payment gateway)',
    async createPayment(input) {
      handed.push(input)
      n += 1
      return {
        gatewayRef: `fp_${n}_${input.paymentId.slice(0, 8)}`,
        redirectUrl: `https://fakepay.example/pay/${n}`,
      }
    },
    verifyWebhook() {
      throw new WebhookRejected('not used')
    },
    async fetchStatus(ref) {
      const status = statuses.get(ref)
      if (!status) throw new Error('gateway down')
      return status
    },
    async refund() {},
  }
  return { gateway, handed, statuses }
}

async function paymentIn(db: Db, status: PaymentStatus) {
  const user = await buildUser(db)
  const [row] = await db
    .insert(payments)
    .values({ payerUserId: user.id, amountPaise: 1000, gateway: 'fakepay', purpose: 'orders', status })
    .returning()
  return row!
}

function signed(body: object) {
  const raw = Buffer.from(JSON.stringify(body))
  return { raw, headers: { [sandboxSignatureHeader]: signSandboxBody(secret, raw) } }
}

describe(`payments (${testDatabaseKind})`, () => {
  const ctx = useTestDb()
  const sandbox = () =>
    createSandboxGateway(ctx.db, { webhookSecret: secret, publicUrl: 'http://mandi.test' })

  describe('movePayment', () => {
    it('makes every allowed move, with one event each, and refuses every other', async () => {
      for (const from of paymentStatuses) {
        for (const to of paymentStatuses) {
          const payment = await paymentIn(ctx.db, from)
          const result = await movePayment(ctx.db, { paymentId: payment.id, to, source: 'reconciler' })
          const after = await findPayment(ctx.db, payment.id)
          const events = await listPaymentEvents(ctx.db, payment.id)
          if (paymentTransitions[from].includes(to)) {
            assert.deepEqual(result, { moved: true, from }, `${from} → ${to}`)
            assert.equal(after!.status, to)
            assert.deepEqual(
              events.map((e) => [e.fromStatus, e.toStatus, e.source]),
              [[from, to, 'reconciler']],
            )
            assert.equal(
              after!.settledAt !== null,
              ['captured', 'failed', 'expired'].includes(to),
              `${from} → ${to} settled_at`,
            )
          } else {
            assert.deepEqual(result, { moved: false }, `${from} → ${to} is refused`)
            assert.equal(after!.status, from)
            assert.equal(events.length, 0)
          }
        }
      }
    })

    it('moves a payment once when the same move is asked ten times at once', async () => {
      const payment = await paymentIn(ctx.db, 'pending')
      const results = await Promise.all(
        Array.from({ length: 10 }, () =>
          movePayment(ctx.db, { paymentId: payment.id, to: 'captured', source: 'webhook' }),
        ),
      )
      assert.equal(results.filter((r) => r.moved).length, 1)
      assert.equal((await listPaymentEvents(ctx.db, payment.id)).length, 1)
    })
  })

  describe('startPayment', () => {
    it('creates the payment and the sandbox session, and records no disclosure: the sandbox is part of Mandi', async () => {
      const user = await buildUser(ctx.db)
      const orderId = crypto.randomUUID()
      const started = await startPayment(ctx.db, sandbox(), {
        payerUserId: user.id,
        amountPaise: 125_000_00,
        purpose: 'orders',
        references: [orderId],
        payer,
        returnUrl: 'http://mandi.test/account/orders',
      })
      assert.equal(started.gateway, 'sandbox')
      assert.match(started.redirectUrl, /^http:\/\/mandi\.test\/sandbox-gateway\/pay\/sbx_[0-9a-f]{24}$/)
      const payment = await findPayment(ctx.db, started.id)
      assert.equal(payment!.status, 'created')
      assert.equal(payment!.amountPaise, 125_000_00)
      assert.deepEqual(payment!.referenceIds, [orderId])
      assert.equal(payment!.gatewayRef, started.redirectUrl.split('/').pop())
      assert.deepEqual(
        (await listPaymentEvents(ctx.db, started.id)).map((e) => [e.fromStatus, e.toStatus, e.source]),
        [[null, 'created', 'checkout']],
      )
      assert.equal((await privacy.listDisclosures(ctx.db, user.id)).length, 0)
    })

    it('records the hand-off to an outside gateway in the disclosure ledger, with exactly the declared fields', async () => {
      const user = await buildUser(ctx.db)
      const { gateway, handed } = fakeExternalGateway()
      const started = await startPayment(ctx.db, gateway, {
        payerUserId: user.id,
        amountPaise: 5000,
        purpose: 'orders',
        references: [crypto.randomUUID()],
        payer,
        returnUrl: 'http://mandi.test/back',
      })
      assert.equal(handed.length, 1)
      const [entry] = await privacy.listDisclosures(ctx.db, user.id)
      assert.equal(entry!.recipientKind, 'payment_gateway')
      assert.deepEqual(entry!.fields, ['name', 'email', 'phone', 'amount'])
      assert.equal(entry!.reference, `payment:${started.id}`)
    })

    it('fails the payment and records nothing when the gateway refuses it', async () => {
      const user = await buildUser(ctx.db)
      const { gateway } = fakeExternalGateway()
      const refusing = { ...gateway, createPayment: async () => Promise.reject(new Error('gateway refused')) }
      await assert.rejects(
        startPayment(ctx.db, refusing, {
          payerUserId: user.id,
          amountPaise: 5000,
          purpose: 'orders',
          references: [crypto.randomUUID()],
          payer,
          returnUrl: 'http://mandi.test/back',
        }),
        /gateway refused/,
      )
      const [row] = await ctx.db.select().from(payments).where(eq(payments.payerUserId, user.id))
      assert.equal(row!.status, 'failed')
      assert.equal((await privacy.listDisclosures(ctx.db, user.id)).length, 0)
    })

    it('is refused by a sandbox switched off (production), leaving the payment failed', async () => {
      const user = await buildUser(ctx.db)
      const off = createSandboxGateway(ctx.db, {
        webhookSecret: secret,
        publicUrl: 'http://mandi.test',
        enabled: false,
      })
      await assert.rejects(
        startPayment(ctx.db, off, {
          payerUserId: user.id,
          amountPaise: 5000,
          references: [crypto.randomUUID()],
          payer,
          returnUrl: 'http://mandi.test/back',
        }),
        { code: 'payments_unavailable' },
      )
      const [row] = await ctx.db.select().from(payments).where(eq(payments.payerUserId, user.id))
      assert.equal(row!.status, 'failed')
    })

    it('refuses a bad amount, purpose and empty references, all at once', async () => {
      const user = await buildUser(ctx.db)
      await assert.rejects(
        startPayment(ctx.db, sandbox(), {
          payerUserId: user.id,
          amountPaise: 10.5,
          purpose: 'Orders!',
          references: [],
          payer,
          returnUrl: 'javascript:alert(1)',
        }),
        (error: { code: string; fields: Record<string, string> }) => {
          assert.equal(error.code, 'invalid_payment')
          assert.deepEqual(Object.keys(error.fields).sort(), [
            'amountPaise',
            'purpose',
            'references',
            'returnUrl',
          ])
          return true
        },
      )
    })
  })

  describe('receiveWebhook (sandbox)', () => {
    async function startedSandboxPayment() {
      const user = await buildUser(ctx.db)
      const started = await startPayment(ctx.db, sandbox(), {
        payerUserId: user.id,
        amountPaise: 9900,
        purpose: 'orders',
        references: [crypto.randomUUID()],
        payer,
        returnUrl: 'http://mandi.test/back',
      })
      return { ...started, ref: started.redirectUrl.split('/').pop()! }
    }

    it('refuses a missing or wrong signature and changes nothing', async () => {
      const { id, ref } = await startedSandboxPayment()
      const body = Buffer.from(JSON.stringify({ id: 'evt_bad', type: 'payment.captured', payload: { ref } }))
      assert.throws(() => sandbox().verifyWebhook(body, {}), WebhookRejected)
      await assert.rejects(
        receiveWebhook(ctx.db, sandbox(), body, {
          [sandboxSignatureHeader]: signSandboxBody('another-secret', body),
        }),
        WebhookRejected,
      )
      // A body altered after signing.
      const { headers } = signed({ id: 'evt_bad', type: 'payment.failed', payload: { ref } })
      await assert.rejects(receiveWebhook(ctx.db, sandbox(), body, headers), WebhookRejected)
      assert.equal((await findPayment(ctx.db, id))!.status, 'created')
      assert.equal(
        (await ctx.db.select().from(webhookEvents).where(eq(webhookEvents.eventId, 'evt_bad'))).length,
        0,
      )
    })

    it('changes the payment once for ten copies of one event sent at once', async () => {
      const { id, ref } = await startedSandboxPayment()
      const { raw, headers } = signed({ id: `evt_ten_${ref}`, type: 'payment.captured', payload: { ref } })
      const results = await Promise.all(
        Array.from({ length: 10 }, () => receiveWebhook(ctx.db, sandbox(), raw, headers)),
      )
      assert.deepEqual(
        results.map((r) => r.outcome).sort(),
        ['applied', ...Array(9).fill('duplicate')].sort(),
      )
      assert.equal((await findPayment(ctx.db, id))!.status, 'captured')
      const events = await listPaymentEvents(ctx.db, id)
      assert.deepEqual(
        events.map((e) => [e.fromStatus, e.toStatus, e.source, e.gatewayEventId]),
        [
          [null, 'created', 'checkout', null],
          ['created', 'captured', 'webhook', `evt_ten_${ref}`],
        ],
      )
    })

    it('ignores a "pending" that arrives after "captured"', async () => {
      const { id, ref } = await startedSandboxPayment()
      const captured = signed({ id: `evt_c_${ref}`, type: 'payment.captured', payload: { ref } })
      const stale = signed({ id: `evt_p_${ref}`, type: 'payment.pending', payload: { ref } })
      assert.equal(
        (await receiveWebhook(ctx.db, sandbox(), captured.raw, captured.headers)).outcome,
        'applied',
      )
      assert.equal((await receiveWebhook(ctx.db, sandbox(), stale.raw, stale.headers)).outcome, 'ignored')
      assert.equal((await findPayment(ctx.db, id))!.status, 'captured')
      assert.equal((await listPaymentEvents(ctx.db, id)).length, 2)
    })

    it('settles nothing when the captured amount differs from the payment', async () => {
      const { id, ref } = await startedSandboxPayment()
      const { raw, headers } = signed({
        id: `evt_amt_${ref}`,
        type: 'payment.captured',
        payload: { ref, amount_paise: 100 },
      })
      assert.equal((await receiveWebhook(ctx.db, sandbox(), raw, headers)).outcome, 'amount_mismatch')
      assert.equal((await findPayment(ctx.db, id))!.status, 'created')
      const right = signed({
        id: `evt_amt2_${ref}`,
        type: 'payment.captured',
        payload: { ref, amount_paise: 9900 },
      })
      assert.equal((await receiveWebhook(ctx.db, sandbox(), right.raw, right.headers)).outcome, 'applied')
    })

    it('records an event for a payment it does not know, once', async () => {
      const { raw, headers } = signed({
        id: 'evt_unknown_1',
        type: 'payment.captured',
        payload: { ref: 'sbx_nobody' },
      })
      assert.equal((await receiveWebhook(ctx.db, sandbox(), raw, headers)).outcome, 'unknown_payment')
      assert.equal((await receiveWebhook(ctx.db, sandbox(), raw, headers)).outcome, 'duplicate')
    })
  })

  describe('the sandbox hosted page and its webhooks', () => {
    it('delivers signed webhooks for "Pay", with duplicates and a stale "pending" out of order, and settles once', async () => {
      const user = await buildUser(ctx.db)
      const started = await startPayment(ctx.db, sandbox(), {
        payerUserId: user.id,
        amountPaise: 250000,
        purpose: 'orders',
        references: [crypto.randomUUID()],
        payer,
        returnUrl: 'http://mandi.test/back',
      })
      const ref = started.redirectUrl.split('/').pop()!
      const decided = await decideSandboxPayment(ctx.db, ref, 'pay', { duplicates: 3, outOfOrder: true })
      assert.deepEqual(decided, { returnUrl: 'http://mandi.test/back', decided: true })
      // A second press changes nothing and queues nothing.
      assert.deepEqual(await decideSandboxPayment(ctx.db, ref, 'fail'), {
        returnUrl: 'http://mandi.test/back',
        decided: false,
      })
      // The stale "pending" is due a second later: make everything due now, keeping the order.
      await ctx.db.execute(sqlShiftDue(ref))
      const received: string[] = []
      const report = await deliverSandboxWebhooks(
        ctx.db,
        { webhookSecret: secret, publicUrl: 'http://mandi.test' },
        async (url, body, headers) => {
          assert.equal(url, 'http://mandi.test/api/v1/payments/webhooks/sandbox')
          received.push(JSON.parse(body).type)
          const result = await receiveWebhook(ctx.db, sandbox(), Buffer.from(body), headers)
          assert.ok(result)
          return 200
        },
      )
      // Four copies of each: the captured event, then the stale pending one.
      assert.deepEqual(report, { delivered: 8, retried: 0, failed: 0 })
      assert.deepEqual(received, [...Array(4).fill('payment.captured'), ...Array(4).fill('payment.pending')])
      assert.equal((await findPayment(ctx.db, started.id))!.status, 'captured')
      assert.deepEqual(
        (await listPaymentEvents(ctx.db, started.id)).map((e) => e.toStatus),
        ['created', 'captured'],
      )
    })

    it('retries a refused delivery with backoff, then gives up after the last attempt', async () => {
      const user = await buildUser(ctx.db)
      const started = await startPayment(ctx.db, sandbox(), {
        payerUserId: user.id,
        amountPaise: 1000,
        purpose: 'orders',
        references: [crypto.randomUUID()],
        payer,
        returnUrl: 'http://mandi.test/back',
      })
      const ref = started.redirectUrl.split('/').pop()!
      await decideSandboxPayment(ctx.db, ref, 'fail')
      const failing = async () => 503
      const first = await deliverSandboxWebhooks(
        ctx.db,
        { webhookSecret: secret, publicUrl: 'http://mandi.test' },
        failing,
      )
      assert.equal(first.retried, 1)
      const [row] = await ctx.db.select().from(sandboxWebhooks).where(eq(sandboxWebhooks.ref, ref))
      assert.equal(row!.attempts, 1)
      assert.equal(row!.lastError, 'answered 503')
      assert.ok(row!.dueAt.getTime() > Date.now() + 3000, 'the next try waits')
      await ctx.db
        .update(sandboxWebhooks)
        .set({ attempts: 7, dueAt: new Date(Date.now() - 1000) })
        .where(eq(sandboxWebhooks.ref, ref))
      const last = await deliverSandboxWebhooks(
        ctx.db,
        { webhookSecret: secret, publicUrl: 'http://mandi.test' },
        failing,
      )
      assert.equal(last.failed, 1)
      assert.equal((await findPayment(ctx.db, started.id))!.status, 'created')
    })
  })

  describe('reconcilePayments', () => {
    it('settles stale payments as the gateway says, expires abandoned ones, and leaves fresh ones alone', async () => {
      const statuses = new Map<string, GatewayStatus>()
      const { gateway } = fakeExternalGateway(statuses)
      const user = await buildUser(ctx.db)
      const start = () =>
        startPayment(ctx.db, gateway, {
          payerUserId: user.id,
          amountPaise: 1000,
          purpose: 'orders',
          references: [crypto.randomUUID()],
          payer,
          returnUrl: 'http://mandi.test/back',
        })
      const paid = await start()
      const failed = await start()
      const abandoned = await start()
      const waiting = await start()
      const unreachable = await start()
      const fresh = await start()
      const refOf = async (id: string) => (await findPayment(ctx.db, id))!.gatewayRef!
      statuses.set(await refOf(paid.id), 'captured')
      statuses.set(await refOf(failed.id), 'failed')
      statuses.set(await refOf(abandoned.id), 'open')
      statuses.set(await refOf(waiting.id), 'open')
      statuses.set(await refOf(fresh.id), 'captured')
      await notePayerReturned(ctx.db, waiting.id)
      const now = new Date()
      const age = async (id: string, minutes: number) =>
        ctx.db
          .update(payments)
          .set({
            updatedAt: new Date(now.getTime() - minutes * 60_000),
            createdAt: new Date(now.getTime() - minutes * 60_000),
          })
          .where(eq(payments.id, id))
      await age(paid.id, 20)
      await age(failed.id, 20)
      await age(abandoned.id, 90)
      await age(waiting.id, 20)
      await age(unreachable.id, 20)
      const report = await reconcilePayments(ctx.db, new Map([[gateway.code, gateway]]), now)
      assert.equal(report.captured, 1)
      assert.equal(report.failed, 1)
      assert.equal(report.expired, 1)
      assert.equal(report.errors, 1)
      const status = async (id: string) => (await findPayment(ctx.db, id))!.status
      assert.equal(await status(paid.id), 'captured')
      assert.equal(await status(failed.id), 'failed')
      assert.equal(await status(abandoned.id), 'expired')
      assert.equal(await status(waiting.id), 'pending')
      assert.equal(await status(unreachable.id), 'created')
      assert.equal(await status(fresh.id), 'created')
      assert.deepEqual(
        (await listPaymentEvents(ctx.db, paid.id)).map((e) => [e.toStatus, e.source]),
        [
          ['created', 'checkout'],
          ['captured', 'reconciler'],
        ],
      )
    })

    it('asks the sandbox gateway through fetchStatus', async () => {
      const user = await buildUser(ctx.db)
      const started = await startPayment(ctx.db, sandbox(), {
        payerUserId: user.id,
        amountPaise: 1000,
        purpose: 'orders',
        references: [crypto.randomUUID()],
        payer,
        returnUrl: 'http://mandi.test/back',
      })
      const ref = started.redirectUrl.split('/').pop()!
      assert.equal(await sandbox().fetchStatus(ref), 'open')
      // The payer paid but every webhook was lost.
      await decideSandboxPayment(ctx.db, ref, 'pay')
      assert.equal(await sandbox().fetchStatus(ref), 'captured')
      const later = new Date(Date.now() + 20 * 60_000)
      const report = await reconcilePayments(ctx.db, new Map([['sandbox', sandbox()]]), later)
      assert.ok(report.captured >= 1)
      assert.equal((await findPayment(ctx.db, started.id))!.status, 'captured')
    })
  })

  describe('refundPayment', () => {
    it('refunds a captured sandbox payment once', async () => {
      const user = await buildUser(ctx.db)
      const started = await startPayment(ctx.db, sandbox(), {
        payerUserId: user.id,
        amountPaise: 1000,
        purpose: 'orders',
        references: [crypto.randomUUID()],
        payer,
        returnUrl: 'http://mandi.test/back',
      })
      const ref = started.redirectUrl.split('/').pop()!
      await assert.rejects(refundPayment(ctx.db, sandbox(), started.id), { code: 'payment_not_refundable' })
      await decideSandboxPayment(ctx.db, ref, 'pay')
      await movePayment(ctx.db, { paymentId: started.id, to: 'captured', source: 'webhook' })
      await refundPayment(ctx.db, sandbox(), started.id)
      assert.equal((await findPayment(ctx.db, started.id))!.status, 'refunded')
      assert.equal(await sandbox().fetchStatus(ref), 'refunded')
      await assert.rejects(refundPayment(ctx.db, sandbox(), started.id), { code: 'payment_not_refundable' })
    })
  })
})

function sqlShiftDue(ref: string) {
  return sql`update sandbox_webhooks set due_at = due_at - interval '1 hour' where ref = ${ref}`
}
