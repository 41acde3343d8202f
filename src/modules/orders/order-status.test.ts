import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { eq } from 'drizzle-orm'
import { products } from '#src/modules/catalog/catalog.tables.ts'
import { buildProduct, buildUser } from '#test/factories.ts'
import { useTestDb } from '#test/setup.ts'
import { orderEvents, orders, orderStatusValues, type OrderStatus } from './orders.tables.ts'
import { allowedFrom, canTransition, orderTransitions, transitionOrder } from './order-status.ts'
import { createOrder, releaseExpiredOrders } from './orders.ts'

const address = {
  name: 'Ravi Kulkarni',
  line1: 'Plot 4, MIDC Chakan',
  line2: null,
  city: 'Pune',
  state: 'Maharashtra',
  pin: '410501',
  phone: '+919812345678',
}

describe('order state machine', () => {
  const ctx = useTestDb()

  async function buildOrder(options: { stock?: number | null; quantity?: number; expiresAt?: Date } = {}) {
    const buyer = await buildUser(ctx.db)
    const product = await buildProduct(ctx.db, { stock: options.stock ?? null })
    const quantity = options.quantity ?? 2
    const order = await createOrder(ctx.db, {
      buyerUserId: buyer.id,
      businessId: product.businessId,
      shippingAddress: address,
      billingGstin: null,
      poNumber: null,
      source: 'cart',
      deliveryPaise: null,
      reservationExpiresAt: options.expiresAt ?? new Date(Date.now() + 30 * 60_000),
      items: [
        {
          productId: product.id,
          title: product.title,
          hsnCode: null,
          unit: product.unit,
          unitPricePaise: 785_000,
          quantity,
          gstRatePercent: null,
          taxablePaise: 785_000 * quantity,
          taxPaise: null,
          stockReserved: options.stock != null,
        },
      ],
    })
    return { order, product }
  }

  async function putIn(id: string, status: OrderStatus) {
    await ctx.db.update(orders).set({ status }).where(eq(orders.id, id))
  }

  it('declares the moves the issue asks for, and none out of a final status', () => {
    assert.deepEqual(orderTransitions.pending_payment, ['paid', 'cancelled', 'expired'])
    assert.deepEqual(orderTransitions.paid, ['accepted', 'cancelled'])
    assert.deepEqual(orderTransitions.accepted, ['dispatched', 'cancelled'])
    assert.deepEqual(orderTransitions.dispatched, ['delivered'])
    for (const final of ['delivered', 'cancelled', 'expired'] as const)
      assert.deepEqual(orderTransitions[final], [])
    assert.deepEqual(allowedFrom('cancelled').sort(), ['accepted', 'paid', 'pending_payment'])
  })

  it('makes every allowed move and refuses every other one, writing an event only when it moves', async () => {
    const { order } = await buildOrder()
    for (const from of orderStatusValues) {
      for (const to of orderStatusValues) {
        await putIn(order.id, from)
        const before = await ctx.db.select().from(orderEvents).where(eq(orderEvents.orderId, order.id))
        if (canTransition(from, to)) {
          const moved = await ctx.db.transaction((tx) =>
            transitionOrder(tx, order.id, to, { by: 'seller', reason: `${from} to ${to}` }),
          )
          assert.deepEqual(moved, { id: order.id, from, to }, `${from} → ${to}`)
          const [row] = await ctx.db
            .select({ status: orders.status })
            .from(orders)
            .where(eq(orders.id, order.id))
          assert.equal(row!.status, to)
          const after = await ctx.db.select().from(orderEvents).where(eq(orderEvents.orderId, order.id))
          assert.equal(after.length, before.length + 1)
          const event = after.find((e) => e.reason === `${from} to ${to}`)!
          assert.equal(event.fromStatus, from)
          assert.equal(event.toStatus, to)
          assert.equal(event.actor, 'seller')
        } else {
          await assert.rejects(
            ctx.db.transaction((tx) => transitionOrder(tx, order.id, to, { by: 'buyer' })),
            { code: 'invalid_transition' },
            `${from} → ${to} must be refused`,
          )
          const [row] = await ctx.db
            .select({ status: orders.status })
            .from(orders)
            .where(eq(orders.id, order.id))
          assert.equal(row!.status, from)
          const after = await ctx.db.select().from(orderEvents).where(eq(orderEvents.orderId, order.id))
          assert.equal(after.length, before.length)
        }
      }
    }
  })

  it('says an unknown order is not found', async () => {
    await assert.rejects(
      ctx.db.transaction((tx) =>
        transitionOrder(tx, '00000000-0000-4000-8000-000000000000', 'paid', { by: 'system' }),
      ),
      { code: 'order_not_found' },
    )
  })

  it('lets only one of two parallel moves out of the same status win', async () => {
    const { order } = await buildOrder()
    await putIn(order.id, 'paid')
    const results = await Promise.allSettled([
      ctx.db.transaction((tx) => transitionOrder(tx, order.id, 'accepted', { by: 'seller' })),
      ctx.db.transaction((tx) => transitionOrder(tx, order.id, 'accepted', { by: 'seller' })),
    ])
    assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1)
  })

  it('puts reserved stock back once when an order is cancelled', async () => {
    const { order, product } = await buildOrder({ stock: 5, quantity: 3 })
    await ctx.db.update(products).set({ stock: 2 }).where(eq(products.id, product.id))
    await ctx.db.transaction((tx) =>
      transitionOrder(tx, order.id, 'cancelled', { by: 'buyer', reason: 'Ordered twice' }),
    )
    const [row] = await ctx.db
      .select({ stock: products.stock })
      .from(products)
      .where(eq(products.id, product.id))
    assert.equal(row!.stock, 5)
  })

  it('expires unpaid orders whose reservation ran out and puts their stock back', async () => {
    const { order, product } = await buildOrder({
      stock: 4,
      quantity: 4,
      expiresAt: new Date(Date.now() - 1000),
    })
    await ctx.db.update(products).set({ stock: 0 }).where(eq(products.id, product.id))
    const { order: fresh } = await buildOrder()
    const expired = await releaseExpiredOrders(ctx.db)
    assert.ok(expired.includes(order.id))
    assert.ok(!expired.includes(fresh.id))
    const [row] = await ctx.db
      .select({ stock: products.stock })
      .from(products)
      .where(eq(products.id, product.id))
    assert.equal(row!.stock, 4)
    assert.deepEqual(await releaseExpiredOrders(ctx.db), [], 'a second run finds nothing')
    const [again] = await ctx.db
      .select({ stock: products.stock })
      .from(products)
      .where(eq(products.id, product.id))
    assert.equal(again!.stock, 4)
  })
})
