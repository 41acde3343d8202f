import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { and, eq } from 'drizzle-orm'
import * as accounts from '#src/modules/accounts/index.ts'
import * as catalog from '#src/modules/catalog/index.ts'
import { products } from '#src/modules/catalog/catalog.tables.ts'
import { outboxMessages } from '#src/modules/messaging/messaging.tables.ts'
import * as payments from '#src/modules/payments/index.ts'
import { buildBusiness, buildProduct, buildUser } from '#test/factories.ts'
import { testDatabaseKind, useTestApp } from '#test/setup.ts'

// Issue 13, both sides of an order through the real server: the seller lists, accepts, dispatches
// and cancels; the buyer cancels before dispatch; refused moves are 409 naming the status; a
// cancelled paid order is refunded and its stock comes back; each step mails the other party.

const address = {
  name: 'Ravi Kulkarni',
  line1: 'Plot 4, MIDC Chakan',
  city: 'Pune',
  state: 'Maharashtra',
  pin: '410501',
  phone: '98123 45678',
}

describe(`seller and buyer order actions (${testDatabaseKind})`, () => {
  const ctx = useTestApp()

  const sessionHeaders = async (userId: string) => {
    const session = await accounts.createSession(ctx.db, { userId, sharedDevice: false })
    return { cookie: `mandi_session=${session.token}` }
  }

  async function seller() {
    const user = await buildUser(ctx.db, { roles: ['buyer', 'seller'], emailVerifiedAt: new Date() })
    const business = await buildBusiness(ctx.db, { ownerUserId: user.id })
    return { user, business, headers: await sessionHeaders(user.id) }
  }

  function capturedWebhook(ref: string) {
    const payload = JSON.stringify({ id: `evt_cap_${ref}`, type: 'payment.captured', payload: { ref } })
    return {
      method: 'POST' as const,
      url: '/api/v1/payments/webhooks/sandbox',
      payload,
      headers: {
        'content-type': 'application/json',
        [payments.sandboxSignatureHeader]: payments.signSandboxBody(
          ctx.app.config.payments.sandboxWebhookSecret,
          payload,
        ),
      },
    }
  }

  /** A buyer orders from the seller (one order per seller, one payment for all) and, unless told not to, pays. */
  async function order(
    sellers: { business: { id: number } }[],
    opts: { pay?: boolean; stock?: number } = {},
  ) {
    const buyer = await buildUser(ctx.db, { emailVerifiedAt: new Date() })
    const headers = await sessionHeaders(buyer.id)
    const items = []
    const made = []
    for (const s of sellers) {
      const product = await buildProduct(ctx.db, {
        businessId: s.business.id,
        moq: 1,
        pricePaise: 100_000,
        hsnCode: '8413',
        gstRatePercent: 18,
        stock: opts.stock ?? 5,
      })
      made.push(product)
      items.push({ productId: product.id, quantity: 2 })
    }
    const placed = await ctx.server.inject({
      method: 'POST',
      url: '/api/v1/checkout',
      headers,
      payload: { items, shippingAddress: address },
    })
    assert.equal(placed.statusCode, 201, placed.body)
    const body = placed.json()
    const ref = new URL(body.payment.redirectUrl).pathname.split('/').pop()!
    if (opts.pay !== false) {
      // The payer presses Pay on the sandbox's page; the signed webhook tells the server.
      assert.ok(await payments.decideSandboxPayment(ctx.db, ref, 'pay'))
      const paid = await ctx.server.inject(capturedWebhook(ref))
      assert.equal(paid.statusCode, 200, paid.body)
    }
    const ids = new Map<number, string>(
      body.orders.map((o: { id: string; sellerId: number }) => [o.sellerId, o.id]),
    )
    return {
      buyer,
      headers,
      product: made[0]!,
      orderId: ids.get(sellers[0]!.business.id)!,
      orderIds: ids,
      paymentId: body.payment.id as string,
    }
  }

  const post = (url: string, headers: Record<string, string>, payload: object = {}) =>
    ctx.server.inject({ method: 'POST', url, headers, payload })
  const stockOf = async (productId: number) =>
    (await ctx.db.select({ stock: products.stock }).from(products).where(eq(products.id, productId)))[0]!
      .stock
  const mails = (kind: string, userId: string) =>
    ctx.db
      .select({ data: outboxMessages.data, to: outboxMessages.toAddress })
      .from(outboxMessages)
      .where(and(eq(outboxMessages.kind, kind), eq(outboxMessages.recipientUserId, userId)))

  it('takes a paid order through accepted and dispatched, mailing the seller and then the buyer', async () => {
    const s = await seller()
    const { orderId, buyer } = await order([s])

    const received = await mails('order-received', s.user.id)
    assert.equal(received.length, 1, 'the seller is told of the paid order')
    assert.deepEqual(Object.keys(received[0]!.data as object).sort(), ['itemCount', 'orderId', 'totalPaise'])

    const list = await ctx.server.inject({ url: '/api/v1/seller/orders?status=paid', headers: s.headers })
    assert.equal(list.statusCode, 200, list.body)
    assert.equal(list.json().total, 1)
    assert.equal(list.json().orders[0].id, orderId)
    assert.equal(list.json().orders[0].itemCount, 1)

    const accepted = await post(`/api/v1/seller/orders/${orderId}/accept`, s.headers)
    assert.equal(accepted.statusCode, 200, accepted.body)
    assert.deepEqual(accepted.json(), { order: { id: orderId, status: 'accepted' } })

    const dispatched = await post(`/api/v1/seller/orders/${orderId}/dispatch`, s.headers, {
      carrier: ' Blue Dart ',
      trackingNumber: 'BD123456789IN',
    })
    assert.equal(dispatched.statusCode, 200, dispatched.body)
    assert.equal(dispatched.json().order.status, 'dispatched')

    const detail = await ctx.server.inject({ url: `/api/v1/seller/orders/${orderId}`, headers: s.headers })
    assert.equal(detail.statusCode, 200, detail.body)
    const got = detail.json().order
    assert.equal(got.status, 'dispatched')
    assert.equal(got.delivery.name, 'Ravi Kulkarni')
    assert.equal(got.delivery.phone, '+919812345678')
    assert.equal(got.items.length, 1)
    assert.deepEqual(
      got.history.map((h: { to: string }) => h.to),
      ['pending_payment', 'paid', 'accepted', 'dispatched'],
    )
    assert.match(got.history[3].reason, /Blue Dart.*BD123456789IN/)

    assert.deepEqual(
      (await mails('order-accepted', buyer.id)).map((m) => m.data),
      [{ orderId }],
    )
    assert.deepEqual(
      (await mails('order-dispatched', buyer.id)).map((m) => m.data),
      [{ orderId, carrier: 'Blue Dart', trackingNumber: 'BD123456789IN' }],
    )

    // The seller's API key sees the same orders.
    const { key } = await catalog.createApiKey(
      ctx.db,
      { userId: s.user.id, businessId: s.business.id },
      'ERP',
    )
    const byKey = await ctx.server.inject({
      url: '/api/v1/seller/orders',
      headers: { authorization: `Bearer ${key}` },
    })
    assert.equal(byKey.statusCode, 200, byKey.body)
    assert.equal(byKey.json().orders[0].status, 'dispatched')
  })

  it('refuses moves out of order with 409 naming the status, and another seller’s order with 404', async () => {
    const s = await seller()
    const other = await seller()
    const { orderId, headers } = await order([s])

    const early = await post(`/api/v1/seller/orders/${orderId}/dispatch`, s.headers, {
      carrier: 'Blue Dart',
      trackingNumber: 'BD1',
    })
    assert.equal(early.statusCode, 409, early.body)
    assert.match(early.json().error.message, /This order is paid and cannot be dispatched now/)

    for (const action of ['accept', 'cancel']) {
      const foreign = await post(`/api/v1/seller/orders/${orderId}/${action}`, other.headers, {
        reason: 'Not my order at all, really.',
      })
      assert.equal(foreign.statusCode, 404, foreign.body)
    }
    const foreignView = await ctx.server.inject({
      url: `/api/v1/seller/orders/${orderId}`,
      headers: other.headers,
    })
    assert.equal(foreignView.statusCode, 404)
    assert.equal(
      (await ctx.server.inject({ url: '/api/v1/seller/orders', headers: other.headers })).json().total,
      0,
    )

    assert.equal((await post(`/api/v1/seller/orders/${orderId}/accept`, s.headers)).statusCode, 200)
    const twice = await post(`/api/v1/seller/orders/${orderId}/accept`, s.headers)
    assert.equal(twice.statusCode, 409)
    assert.match(twice.json().error.message, /This order is accepted/)
    await post(`/api/v1/seller/orders/${orderId}/dispatch`, s.headers, {
      carrier: 'VRL',
      trackingNumber: 'LR-42',
    })

    const late = await post(`/api/v1/orders/${orderId}/cancel`, headers, { reason: 'Changed my mind' })
    assert.equal(late.statusCode, 409, late.body)
    assert.equal(late.json().error.code, 'already_dispatched')
    assert.match(late.json().error.message, /already dispatched/)
    const sellerLate = await post(`/api/v1/seller/orders/${orderId}/cancel`, s.headers, {
      reason: 'We cannot deliver after all.',
    })
    assert.equal(sellerLate.statusCode, 409)
    assert.match(sellerLate.json().error.message, /This order is dispatched/)
  })

  it('lists every input problem at once', async () => {
    const s = await seller()
    const { orderId } = await order([s])
    const dispatch = await post(`/api/v1/seller/orders/${orderId}/dispatch`, s.headers, {
      carrier: 'x'.repeat(61),
    })
    assert.equal(dispatch.statusCode, 400, dispatch.body)
    const fields = dispatch.json().error.fields
    assert.match(fields.carrier, /at most 60/)
    assert.match(fields.trackingNumber, /tracking number/)
    const tooLong = await post(`/api/v1/seller/orders/${orderId}/dispatch`, s.headers, {
      carrier: '',
      trackingNumber: 'T'.repeat(41),
    })
    assert.deepEqual(Object.keys(tooLong.json().error.fields).sort(), ['carrier', 'trackingNumber'])

    const short = await post(`/api/v1/seller/orders/${orderId}/cancel`, s.headers, { reason: 'no' })
    assert.equal(short.statusCode, 400)
    assert.match(short.json().error.fields.reason, /10 to 500 characters/)
    const missing = await post(`/api/v1/seller/orders/${orderId}/cancel`, s.headers, {})
    assert.equal(missing.statusCode, 400)
    assert.ok(missing.json().error.fields.reason)
  })

  it('lets the buyer cancel a paid order: refunded in full, stock back, the buyer mailed', async () => {
    const s = await seller()
    const { orderId, headers, buyer, product, paymentId } = await order([s])
    assert.equal(await stockOf(product.id), 3)

    const cancelled = await post(`/api/v1/orders/${orderId}/cancel`, headers, { reason: 'Ordered twice' })
    assert.equal(cancelled.statusCode, 200, cancelled.body)
    assert.deepEqual(cancelled.json(), { order: { id: orderId, status: 'cancelled' }, refund: 'issued' })
    assert.equal((await payments.findPayment(ctx.db, paymentId))!.status, 'refunded')
    assert.equal(await stockOf(product.id), 5)
    assert.deepEqual(
      (await mails('order-cancelled', buyer.id)).map((m) => m.data),
      [{ orderId, cancelledBy: 'buyer', reason: 'Ordered twice', refund: 'issued' }],
    )
    const again = await post(`/api/v1/orders/${orderId}/cancel`, headers)
    assert.equal(again.statusCode, 409)
    // Another buyer cannot cancel it (404, like a missing order).
    const stranger = await buildUser(ctx.db, { emailVerifiedAt: new Date() })
    const foreign = await post(`/api/v1/orders/${orderId}/cancel`, await sessionHeaders(stranger.id))
    assert.equal(foreign.statusCode, 404)
  })

  it('leaves the refund to staff when the payment also covered another live order', async () => {
    const s = await seller()
    const other = await seller()
    const { orderIds, paymentId, buyer, product } = await order([s, other])
    const orderId = orderIds.get(s.business.id)!

    const cancelled = await post(`/api/v1/seller/orders/${orderId}/cancel`, s.headers, {
      reason: 'The pump model is discontinued.',
    })
    assert.equal(cancelled.statusCode, 200, cancelled.body)
    assert.equal(cancelled.json().refund, 'pending_staff')
    assert.equal((await payments.findPayment(ctx.db, paymentId))!.status, 'captured', 'no part refund')
    assert.equal(await stockOf(product.id), 5)
    assert.deepEqual(
      (await mails('order-cancelled', buyer.id)).map((m) => m.data),
      [
        {
          orderId,
          cancelledBy: 'seller',
          reason: 'The pump model is discontinued.',
          refund: 'pending_staff',
        },
      ],
    )
  })

  it('cancels an unpaid order for the buyer with nothing to refund; the seller cannot cancel it', async () => {
    const s = await seller()
    const { orderId, headers, product } = await order([s], { pay: false })
    const bySeller = await post(`/api/v1/seller/orders/${orderId}/cancel`, s.headers, {
      reason: 'We cannot deliver there.',
    })
    assert.equal(bySeller.statusCode, 409)
    assert.match(bySeller.json().error.message, /awaiting payment/)
    const cancelled = await post(`/api/v1/orders/${orderId}/cancel`, headers)
    assert.equal(cancelled.statusCode, 200, cancelled.body)
    assert.equal(cancelled.json().refund, 'none')
    assert.equal(await stockOf(product.id), 5)
  })
})
