import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { eq, sql } from 'drizzle-orm'
import * as flows from '#src/flows/index.ts'
import * as accounts from '#src/modules/accounts/index.ts'
import { products } from '#src/modules/catalog/catalog.tables.ts'
import * as orders from '#src/modules/orders/index.ts'
import * as payments from '#src/modules/payments/index.ts'
import { buildProduct, buildUser } from '#test/factories.ts'
import { testDatabaseKind, useTestApp } from '#test/setup.ts'
import { paymentSettings } from './payments.routes.ts'

// Issue 13's loop through the real server: checkout, the sandbox page's Pay, the signed webhook,
// and the orders paid once; a settlement that fails after the webhook committed is caught up by
// the sweeper; money that arrives after the order expired goes back to the payer.

const address = {
  name: 'Ravi Kulkarni',
  line1: 'Plot 4, MIDC Chakan',
  city: 'Pune',
  state: 'Maharashtra',
  pin: '410501',
  phone: '98123 45678',
}

describe(`settling order payments (${testDatabaseKind})`, () => {
  const ctx = useTestApp()
  const webhookUrl = '/api/v1/payments/webhooks/sandbox'
  const gateways = () => payments.createPaymentGateways(ctx.db, paymentSettings(ctx.app))

  async function checkout(stock = 5, quantity = 2) {
    const user = await buildUser(ctx.db, { emailVerifiedAt: new Date() })
    const session = await accounts.createSession(ctx.db, { userId: user.id, sharedDevice: false })
    const headers = { cookie: `mandi_session=${session.token}` }
    const product = await buildProduct(ctx.db, {
      moq: 1,
      pricePaise: 100_000,
      hsnCode: '8413',
      gstRatePercent: 18,
      stock,
    })
    const placed = await ctx.server.inject({
      method: 'POST',
      url: '/api/v1/checkout',
      headers,
      payload: { items: [{ productId: product.id, quantity }], shippingAddress: address },
    })
    assert.equal(placed.statusCode, 201, placed.body)
    const body = placed.json()
    const path = new URL(body.payment.redirectUrl).pathname
    return {
      user,
      headers,
      product,
      orderId: body.orders[0].id as string,
      paymentId: body.payment.id as string,
      path,
      ref: path.split('/').pop()!,
    }
  }

  const orderView = async (orderId: string, headers: Record<string, string>) => {
    const response = await ctx.server.inject({ url: `/api/v1/orders/${orderId}`, headers })
    assert.equal(response.statusCode, 200, response.body)
    return response.json().order
  }

  function capturedWebhook(ref: string, eventId = `evt_cap_${ref}`) {
    const payload = JSON.stringify({ id: eventId, type: 'payment.captured', payload: { ref } })
    return {
      method: 'POST' as const,
      url: webhookUrl,
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

  /** The payer presses Pay on the sandbox's hosted page (the form, as without script). */
  async function payOnPage(path: string) {
    const page = await ctx.server.inject({ url: path })
    const cookie = [page.headers['set-cookie']]
      .flat()
      .find((c) => c?.startsWith('_csrf='))!
      .split(';')[0]!
    const token = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!
    const paid = await ctx.server.inject({
      method: 'POST',
      url: path,
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: token, decision: 'pay' }).toString(),
    })
    assert.equal(paid.statusCode, 303)
  }

  /** The payments.sandbox-webhooks job, with the server itself as the receiving end. */
  const deliverToServer = () =>
    payments.deliverSandboxWebhooks(
      ctx.db,
      { webhookSecret: ctx.app.config.payments.sandboxWebhookSecret, publicUrl: ctx.app.config.publicUrl },
      async (url, body, webhookHeaders) =>
        (
          await ctx.server.inject({
            method: 'POST',
            url: new URL(url).pathname,
            payload: body,
            headers: webhookHeaders,
          })
        ).statusCode,
    )

  const stockOf = async (productId: number) =>
    (await ctx.db.select({ stock: products.stock }).from(products).where(eq(products.id, productId)))[0]!
      .stock

  const paidEvents = async (orderId: string) =>
    (await orders.orderHistory(ctx.db, orderId)).filter((e) => e.to === 'paid').length

  it('pays on the sandbox page: the delivered webhook marks the order paid and the order shows the captured payment', async () => {
    const { orderId, headers, path } = await checkout()
    const before = await orderView(orderId, headers)
    assert.equal(before.status, 'pending_payment')
    assert.deepEqual(before.payment, { status: 'created' })

    await payOnPage(path)
    const report = await deliverToServer()
    assert.equal(report.failed, 0)
    assert.ok(report.delivered >= 1)

    const order = await orderView(orderId, headers)
    assert.equal(order.status, 'paid')
    assert.deepEqual(order.payment, { status: 'captured' })
    assert.equal(order.totalPaise, 236_000)
    assert.equal(order.items.length, 1)
    const list = (await ctx.server.inject({ url: '/api/v1/orders', headers })).json().orders
    assert.deepEqual(list[0].payment, { status: 'captured' })
  })

  it('settles once for ten copies of the captured webhook sent at once', async () => {
    const { orderId, headers, ref } = await checkout()
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => ctx.server.inject(capturedWebhook(ref))),
    )
    assert.deepEqual(
      answers.map((a) => a.statusCode),
      Array(10).fill(200),
    )
    assert.equal(answers.filter((a) => a.json().outcome === 'applied').length, 1)
    assert.equal((await orderView(orderId, headers)).status, 'paid')
    assert.equal(await paidEvents(orderId), 1)
    // The sweeper finds nothing left to do.
    const sweep = await flows.settleCapturedPayments(ctx.db, gateways(), new Date())
    assert.deepEqual(sweep, { settled: 0, refunded: 0, failed: 0 })
    assert.equal(await paidEvents(orderId), 1)
  })

  it('answers 200 when settlement fails after the webhook committed; the sweeper settles the order', async () => {
    const { orderId, headers, ref, paymentId } = await checkout()
    await ctx.db.execute(sql`create or replace function test_refuse_paid() returns trigger language plpgsql as $$
      begin raise exception 'injected settlement failure'; end $$`)
    await ctx.db.execute(sql`create trigger test_refuse_paid before update on orders for each row
      when (new.status = 'paid') execute function test_refuse_paid()`)
    try {
      const answer = await ctx.server.inject(capturedWebhook(ref))
      assert.equal(answer.statusCode, 200, answer.body)
      assert.equal(answer.json().outcome, 'applied')
      assert.equal((await payments.findPayment(ctx.db, paymentId))!.status, 'captured')
      const waiting = await orderView(orderId, headers)
      assert.equal(waiting.status, 'pending_payment')
      assert.deepEqual(waiting.payment, { status: 'captured' })
      const failing = await flows.settleCapturedPayments(ctx.db, gateways(), new Date())
      assert.equal(failing.failed, 1)
    } finally {
      await ctx.db.execute(sql`drop trigger if exists test_refuse_paid on orders`)
      await ctx.db.execute(sql`drop function if exists test_refuse_paid()`)
    }
    const sweep = await flows.settleCapturedPayments(ctx.db, gateways(), new Date())
    assert.deepEqual(sweep, { settled: 1, refunded: 0, failed: 0 })
    assert.equal((await orderView(orderId, headers)).status, 'paid')
    assert.equal(await paidEvents(orderId), 1)
  })

  it('refunds money captured after the order expired; the order stays expired with its stock back', async () => {
    const { orderId, headers, ref, path, paymentId, product } = await checkout(5, 2)
    assert.equal(await stockOf(product.id), 3)
    const expired = await orders.releaseExpiredOrders(ctx.db, new Date(Date.now() + 31 * 60_000))
    assert.ok(expired.includes(orderId))
    assert.equal(await stockOf(product.id), 5)

    await payOnPage(path)
    assert.deepEqual(await deliverToServer(), { delivered: 1, retried: 0, failed: 0 })
    assert.equal((await payments.findPayment(ctx.db, paymentId))!.status, 'refunded')
    const order = await orderView(orderId, headers)
    assert.equal(order.status, 'expired')
    assert.deepEqual(order.payment, { status: 'refunded' })
    assert.equal(await stockOf(product.id), 5)
    assert.equal(await gateways().get('sandbox')!.fetchStatus(ref), 'refunded')
    // Nothing left for the sweeper; a repeated webhook changes nothing.
    assert.deepEqual(await flows.settleCapturedPayments(ctx.db, gateways(), new Date()), {
      settled: 0,
      refunded: 0,
      failed: 0,
    })
    assert.equal((await ctx.server.inject(capturedWebhook(ref))).json().outcome, 'ignored')
  })

  it('the sweeper refunds a late payment when the webhook could not (a crash after the capture)', async () => {
    const { orderId, ref, paymentId } = await checkout(5, 1)
    await orders.releaseExpiredOrders(ctx.db, new Date(Date.now() + 31 * 60_000))
    // The payer pays; the capture is committed as the webhook route would, but nothing after it ran.
    await payments.decideSandboxPayment(ctx.db, ref, 'pay')
    const gateway = gateways().get('sandbox')!
    const payload = JSON.stringify({ id: `evt_crash_${ref}`, type: 'payment.captured', payload: { ref } })
    await payments.receiveWebhook(ctx.db, gateway, Buffer.from(payload), {
      [payments.sandboxSignatureHeader]: payments.signSandboxBody(
        ctx.app.config.payments.sandboxWebhookSecret,
        payload,
      ),
    })
    assert.equal((await payments.findPayment(ctx.db, paymentId))!.status, 'captured')
    const sweep = await flows.settleCapturedPayments(ctx.db, gateways(), new Date())
    assert.deepEqual(sweep, { settled: 0, refunded: 1, failed: 0 })
    assert.equal((await payments.findPayment(ctx.db, paymentId))!.status, 'refunded')
    assert.equal((await orders.orderStatuses(ctx.db, [orderId])).get(orderId), 'expired')
  })

  it('pays the orders still waiting and leaves the share of a cancelled one to staff, without a refund', async () => {
    const { headers } = await checkout()
    const one = await buildProduct(ctx.db, {
      moq: 1,
      pricePaise: 100_000,
      hsnCode: '8413',
      gstRatePercent: 18,
    })
    const two = await buildProduct(ctx.db, {
      moq: 1,
      pricePaise: 50_000,
      hsnCode: '8413',
      gstRatePercent: 18,
    })
    const placed = await ctx.server.inject({
      method: 'POST',
      url: '/api/v1/checkout',
      headers,
      payload: {
        items: [
          { productId: one.id, quantity: 1 },
          { productId: two.id, quantity: 1 },
        ],
        shippingAddress: address,
      },
    })
    assert.equal(placed.statusCode, 201, placed.body)
    const body = placed.json()
    const [kept, dropped] = body.orders.map((o: { id: string }) => o.id) as [string, string]
    await ctx.db.transaction((tx) =>
      orders.transitionOrder(tx, dropped, 'cancelled', { by: 'buyer', reason: 'Changed my mind.' }),
    )
    const warnings: unknown[] = []
    const ref = new URL(body.payment.redirectUrl).pathname.split('/').pop()!
    await payments.decideSandboxPayment(ctx.db, ref, 'pay')
    const payload = JSON.stringify({ id: `evt_part_${ref}`, type: 'payment.captured', payload: { ref } })
    await payments.receiveWebhook(ctx.db, gateways().get('sandbox')!, Buffer.from(payload), {
      [payments.sandboxSignatureHeader]: payments.signSandboxBody(
        ctx.app.config.payments.sandboxWebhookSecret,
        payload,
      ),
    })
    const result = await flows.settlePaymentForOrders(ctx.db, gateways(), body.payment.id, {
      log: { warn: (details) => warnings.push(details) },
    })
    assert.deepEqual(result.paid, [kept])
    assert.deepEqual(result.forStaff, [dropped])
    assert.equal(result.refunded, false)
    assert.deepEqual(warnings, [{ paymentId: body.payment.id, orderIds: [dropped] }])
    assert.equal((await payments.findPayment(ctx.db, body.payment.id))!.status, 'captured')
    assert.equal((await orderView(kept, headers)).status, 'paid')
    assert.equal((await orderView(dropped, headers)).status, 'cancelled')
  })
})
