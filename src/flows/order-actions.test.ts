import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { and, eq } from 'drizzle-orm'
import type { Db } from '#src/db/database.ts'
import { products } from '#src/modules/catalog/catalog.tables.ts'
import { outboxMessages } from '#src/modules/messaging/messaging.tables.ts'
import * as orders from '#src/modules/orders/index.ts'
import * as payments from '#src/modules/payments/index.ts'
import { buildBusiness, buildProduct, buildUser } from '#test/factories.ts'
import { testDatabaseKind, useTestDb } from '#test/setup.ts'
import { placeOrders, settleOrderPayment } from './checkout.ts'
import { acceptOrder, buyerCancelOrder, dispatchOrder, sellerCancelOrder } from './order-actions.ts'

const address = {
  name: 'Ravi Kulkarni',
  line1: 'Plot 4, MIDC Chakan',
  city: 'Pune',
  state: 'Maharashtra',
  pin: '410501',
  phone: '98123 45678',
}
const secret = 'sandbox-test-secret-0123456789abcdef'

async function stockOf(db: Db, id: number) {
  const [row] = await db.select({ stock: products.stock }).from(products).where(eq(products.id, id))
  return row!.stock
}

describe(`order actions (${testDatabaseKind})`, () => {
  const ctx = useTestDb()
  const sandbox = () =>
    payments.createSandboxGateway(ctx.db, { webhookSecret: secret, publicUrl: 'http://mandi.test' })
  const gateways = () => new Map([['sandbox', sandbox()]])

  /** Orders from each seller, paid with one sandbox payment and settled as the webhook would. */
  async function paidOrders(sellerCount: number) {
    const buyer = await buildUser(ctx.db, { emailVerifiedAt: new Date() })
    const sellers = []
    const items = []
    for (let i = 0; i < sellerCount; i++) {
      const business = await buildBusiness(ctx.db)
      const product = await buildProduct(ctx.db, {
        businessId: business.id,
        moq: 1,
        pricePaise: 100_000,
        hsnCode: '8413',
        gstRatePercent: 18,
        stock: 5,
      })
      sellers.push({ business, product })
      items.push({ productId: product.id, quantity: 2 })
    }
    const placed = await placeOrders(ctx.db, { buyerId: buyer.id, items, shippingAddress: address })
    const started = await payments.startPayment(ctx.db, sandbox(), {
      payerUserId: buyer.id,
      amountPaise: placed.totalPaise,
      purpose: 'orders',
      references: placed.orders.map((o) => o.id),
      payer: { name: 'Ravi', email: 'ravi@example.test', phone: null },
      returnUrl: 'http://mandi.test/account',
    })
    const ref = started.redirectUrl.split('/').pop()!
    await payments.decideSandboxPayment(ctx.db, ref, 'pay')
    const raw = Buffer.from(JSON.stringify({ id: `evt_${ref}`, type: 'payment.captured', payload: { ref } }))
    await payments.receiveWebhook(ctx.db, sandbox(), raw, {
      [payments.sandboxSignatureHeader]: payments.signSandboxBody(secret, raw),
    })
    const settled = await settleOrderPayment(ctx.db, started.id)
    assert.equal(settled.paid.length, sellerCount)
    const orderOf = (businessId: number) => placed.orders.find((o) => o.sellerId === businessId)!.id
    return { buyer, sellers, paymentId: started.id, orderOf }
  }

  const warnings = () => {
    const seen: { details: Record<string, unknown>; message: string }[] = []
    return {
      seen,
      log: { warn: (details: Record<string, unknown>, message: string) => seen.push({ details, message }) },
    }
  }

  const mailsOf = (kind: string) =>
    ctx.db.select({ data: outboxMessages.data }).from(outboxMessages).where(eq(outboxMessages.kind, kind))

  it('tells the seller of a paid order in the settling transaction, once', async () => {
    const { sellers, orderOf, paymentId } = await paidOrders(1)
    const orderId = orderOf(sellers[0]!.business.id)
    await settleOrderPayment(ctx.db, paymentId)
    const mails = await ctx.db
      .select({ data: outboxMessages.data })
      .from(outboxMessages)
      .where(
        and(
          eq(outboxMessages.kind, 'order-received'),
          eq(outboxMessages.recipientUserId, sellers[0]!.business.ownerUserId),
        ),
      )
    assert.deepEqual(
      mails.map((m) => m.data),
      [{ orderId, totalPaise: 236_000, itemCount: 1 }],
    )
  })

  it('refunds the whole payment and puts the stock back when the seller cancels an accepted order paid alone', async () => {
    const { sellers, orderOf, paymentId } = await paidOrders(1)
    const { business, product } = sellers[0]!
    const orderId = orderOf(business.id)
    await acceptOrder(ctx.db, { businessId: business.id }, orderId)
    assert.equal(await stockOf(ctx.db, product.id), 3)
    const result = await sellerCancelOrder(ctx.db, gateways(), { businessId: business.id }, orderId, {
      reason: '  Out of stock at the factory.  ',
    })
    assert.deepEqual(result, { id: orderId, status: 'cancelled', refund: 'issued' })
    assert.equal((await payments.findPayment(ctx.db, paymentId))!.status, 'refunded')
    assert.equal(await stockOf(ctx.db, product.id), 5)
    const history = await orders.orderHistory(ctx.db, orderId)
    assert.deepEqual(history.at(-1)!.reason, 'Out of stock at the factory.')
    assert.equal(history.at(-1)!.actor, 'seller')
  })

  it('leaves a shared payment to staff (logged, no part refund) when one of its orders is cancelled', async () => {
    const { buyer, sellers, orderOf, paymentId } = await paidOrders(2)
    const orderId = orderOf(sellers[0]!.business.id)
    const { seen, log } = warnings()
    const result = await buyerCancelOrder(ctx.db, gateways(), buyer.id, orderId, {}, { log })
    assert.equal(result.refund, 'pending_staff')
    assert.equal((await payments.findPayment(ctx.db, paymentId))!.status, 'captured')
    assert.deepEqual(
      seen.map((w) => w.details),
      [{ paymentId, orderIds: [orderId] }],
    )
    assert.match(seen[0]!.message, /refund its share by hand/)
    assert.equal(await stockOf(ctx.db, sellers[0]!.product.id), 5)
    assert.equal(await stockOf(ctx.db, sellers[1]!.product.id), 3, 'the other order keeps its stock')
    const mail = (await mailsOf('order-cancelled')).find(
      (m) => (m.data as { orderId: string }).orderId === orderId,
    )
    assert.deepEqual(mail!.data, { orderId, cancelledBy: 'buyer', reason: null, refund: 'pending_staff' })
  })

  it('still cancels when the gateway refund fails, and records it for staff', async () => {
    const { buyer, sellers, orderOf, paymentId } = await paidOrders(1)
    const orderId = orderOf(sellers[0]!.business.id)
    const { seen, log } = warnings()
    const result = await buyerCancelOrder(
      ctx.db,
      new Map(),
      buyer.id,
      orderId,
      { reason: 'Ordered twice' },
      { log },
    )
    assert.deepEqual(result, { id: orderId, status: 'cancelled', refund: 'pending_staff' })
    assert.equal((await payments.findPayment(ctx.db, paymentId))!.status, 'captured')
    assert.equal(seen.length, 1)
    assert.deepEqual(seen[0]!.details.orderIds, [orderId])
  })

  it('keeps the carrier and tracking number in the history and refuses moves the state machine does not allow', async () => {
    const { buyer, sellers, orderOf } = await paidOrders(1)
    const seller = { businessId: sellers[0]!.business.id }
    const orderId = orderOf(seller.businessId)
    await assert.rejects(dispatchOrder(ctx.db, seller, orderId, { carrier: 'VRL', trackingNumber: 'LR-1' }), {
      code: 'invalid_transition',
    })
    await assert.rejects(acceptOrder(ctx.db, { businessId: seller.businessId + 100_000 }, orderId), {
      code: 'order_not_found',
    })
    await assert.rejects(
      dispatchOrder(ctx.db, seller, orderId, {}),
      (error: { code: string; fields?: object }) => {
        assert.equal(error.code, 'invalid_input')
        assert.deepEqual(Object.keys(error.fields ?? {}).sort(), ['carrier', 'trackingNumber'])
        return true
      },
    )
    await acceptOrder(ctx.db, seller, orderId)
    await dispatchOrder(ctx.db, seller, orderId, { carrier: 'VRL', trackingNumber: 'LR-1' })
    assert.equal(
      (await orders.orderHistory(ctx.db, orderId)).at(-1)!.reason,
      'Dispatched with VRL, tracking number LR-1.',
    )
    await assert.rejects(buyerCancelOrder(ctx.db, gateways(), buyer.id, orderId, {}), {
      code: 'already_dispatched',
    })
  })
})
