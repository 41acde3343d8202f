import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { eq, inArray } from 'drizzle-orm'
import type { Db } from '#src/db/database.ts'
import { products } from '#src/modules/catalog/catalog.tables.ts'
import * as orders from '#src/modules/orders/index.ts'
import { orderEvents, orderItems, orders as ordersTable } from '#src/modules/orders/orders.tables.ts'
import * as privacy from '#src/modules/privacy/index.ts'
import { makeGstin } from '#src/shared/gstin.ts'
import { buildBusiness, buildProduct, buildUser } from '#test/factories.ts'
import { testDatabaseKind, useTestDb } from '#test/setup.ts'
import { payments as paymentsTable } from '#src/modules/payments/payments.tables.ts'
import { placeOrders, settleOrderPayment } from './checkout.ts'

const address = {
  name: 'Ravi Kulkarni',
  line1: 'Plot 4, MIDC Chakan',
  city: 'Pune',
  state: 'Maharashtra',
  pin: '410501',
  phone: '98123 45678',
}

async function buyer(db: Db) {
  return buildUser(db, { emailVerifiedAt: new Date() })
}

/** A published product with a price, HSN code and GST rate; stock untracked unless given. */
async function sellable(db: Db, overrides: Partial<typeof products.$inferInsert> = {}) {
  return buildProduct(db, {
    moq: 1,
    pricePaise: 100_000,
    hsnCode: '8413',
    gstRatePercent: 18,
    stock: null,
    ...overrides,
  })
}

async function stockOf(db: Db, id: number) {
  const [row] = await db.select({ stock: products.stock }).from(products).where(eq(products.id, id))
  return row!.stock
}

describe('placeOrders', () => {
  const ctx = useTestDb()

  it('places one order per seller from the cart, with GST by the delivery state, and empties the cart', async () => {
    const person = await buyer(ctx.db)
    const pune = await buildBusiness(ctx.db, { state: 'Maharashtra' })
    const bengaluru = await buildBusiness(ctx.db, { state: 'Karnataka', city: 'Bengaluru', pin: '560058' })
    const pump = await sellable(ctx.db, { businessId: pune.id, pricePaise: 785_000, stock: 10, moq: 2 })
    const valve = await sellable(ctx.db, { businessId: bengaluru.id, pricePaise: 12_345, gstRatePercent: 12 })
    await orders.addToCart(ctx.db, person.id, { productId: pump.id, quantity: 3 })
    await orders.addToCart(ctx.db, person.id, { productId: valve.id, quantity: 7 })

    const gstin = makeGstin('27', 'AAACR5055K')
    const placed = await placeOrders(ctx.db, {
      buyerId: person.id,
      shippingAddress: address,
      billingGstin: gstin.toLowerCase(),
      poNumber: 'PO/2026/0042',
    })
    assert.equal(placed.orders.length, 2)
    const byseller = new Map(placed.orders.map((o) => [o.sellerId, o]))
    // Intra-state (Maharashtra → Maharashtra): 9% + 9% of ₹23,550 = ₹4,239.
    assert.equal(byseller.get(pune.id)!.totalPaise, 2_355_000 + 423_900)
    // Inter-state (Karnataka → Maharashtra): 12% of ₹864.15 = ₹103.698 → 10,370 paise.
    assert.equal(byseller.get(bengaluru.id)!.totalPaise, 86_415 + 10_370)
    assert.equal(placed.totalPaise, 2_355_000 + 423_900 + 86_415 + 10_370)
    assert.ok(placed.orders.every((o) => o.status === 'pending_payment'))

    const [row] = await ctx.db
      .select()
      .from(ordersTable)
      .where(eq(ordersTable.id, byseller.get(pune.id)!.id))
    assert.equal(row!.billingGstin, gstin)
    assert.equal(row!.poNumber, 'PO/2026/0042')
    assert.equal(row!.shipPhone, '+919812345678')
    assert.equal(row!.placeOfSupplyState, 'Maharashtra')
    assert.equal(row!.deliveryPaise, null, 'delivery is to be agreed')
    assert.ok(row!.reservationExpiresAt! > new Date())
    const items = await ctx.db.select().from(orderItems).where(eq(orderItems.orderId, row!.id))
    assert.deepEqual(
      items.map((i) => [i.title, i.hsnCode, i.quantity, i.unitPricePaise, i.gstRatePercent, i.stockReserved]),
      [[pump.title, '8413', 3, 785_000, 18, true]],
    )
    assert.equal(await stockOf(ctx.db, pump.id), 7)
    assert.equal(await stockOf(ctx.db, valve.id), null, 'untracked stock stays untracked')
    const events = await ctx.db.select().from(orderEvents).where(eq(orderEvents.orderId, row!.id))
    assert.deepEqual(
      events.map((e) => [e.fromStatus, e.toStatus, e.actor]),
      [[null, 'pending_payment', 'buyer']],
    )
    assert.equal((await orders.cartOf(ctx.db, person.id)).lineCount, 0)

    const ledger = await privacy.listDisclosures(ctx.db, person.id)
    for (const order of placed.orders) {
      const entries = ledger.filter((d) => d.reference?.endsWith(`:${order.id}`))
      assert.deepEqual(entries.map((d) => `${d.reference!.split(':')[0]} ${d.fields.join(',')}`).sort(), [
        'order name,address,phone',
        'order-billing gstin',
      ])
      assert.ok(entries.every((d) => d.recipientKind === 'seller' && d.purpose === 'orders'))
    }
  })

  it('checks out the listed items instead of the cart, and leaves the cart alone', async () => {
    const person = await buyer(ctx.db)
    const product = await sellable(ctx.db)
    const other = await sellable(ctx.db)
    await orders.addToCart(ctx.db, person.id, { productId: other.id, quantity: 1 })
    const placed = await placeOrders(ctx.db, {
      buyerId: person.id,
      items: [{ productId: product.id, quantity: 4 }],
      shippingAddress: address,
    })
    assert.equal(placed.orders.length, 1)
    const ledger = await privacy.listDisclosures(ctx.db, person.id)
    assert.deepEqual(
      ledger.filter((d) => d.reference === `order:${placed.orders[0]!.id}`).map((d) => d.fields),
      [['name', 'address', 'phone']],
      'no GSTIN given, none recorded as disclosed',
    )
    assert.equal((await orders.cartOf(ctx.db, person.id)).lineCount, 1)
  })

  it('names every problem with the address, GSTIN and PO number at once', async () => {
    const person = await buyer(ctx.db)
    const product = await sellable(ctx.db)
    await assert.rejects(
      placeOrders(ctx.db, {
        buyerId: person.id,
        items: [{ productId: product.id, quantity: 1 }],
        shippingAddress: { name: 'R', line1: '', city: 'Pune', state: 'Bombay', pin: '41102', phone: '12' },
        billingGstin: '27AAACR5055K1Z1',
        poNumber: 'P'.repeat(41),
      }),
      (error: { code: string; fields: Record<string, string> }) => {
        assert.equal(error.code, 'invalid_input')
        assert.deepEqual(Object.keys(error.fields).sort(), [
          'billingGstin',
          'poNumber',
          'shippingAddress.line1',
          'shippingAddress.name',
          'shippingAddress.phone',
          'shippingAddress.pin',
          'shippingAddress.state',
        ])
        return true
      },
    )
  })

  it('refuses below the MOQ, price on request and missing tax details, naming the product, and orders nothing', async () => {
    const person = await buyer(ctx.db)
    const bulk = await sellable(ctx.db, { title: 'Hex bolt M12 zinc plated', moq: 100, unit: 'piece' })
    const quoted = await sellable(ctx.db, { title: 'Custom gearbox', pricePaise: null })
    const untaxed = await sellable(ctx.db, { title: 'Gate valve 2 inch', gstRatePercent: null })
    const cases = [
      {
        id: bulk.id,
        quantity: 10,
        code: 'below_moq',
        words: /minimum order for "Hex bolt M12 zinc plated" is 100 piece/,
      },
      { id: quoted.id, quantity: 1, code: 'price_on_request', words: /"Custom gearbox" has no listed price/ },
      {
        id: untaxed.id,
        quantity: 1,
        code: 'tax_details_missing',
        words: /"Gate valve 2 inch" cannot be ordered online yet/,
      },
    ]
    for (const c of cases) {
      await assert.rejects(
        placeOrders(ctx.db, {
          buyerId: person.id,
          items: [{ productId: c.id, quantity: c.quantity }],
          shippingAddress: address,
        }),
        (error: Error & { code: string }) => {
          assert.equal(error.code, c.code)
          assert.match(error.message, c.words)
          return true
        },
      )
    }
    const placed = await ctx.db.select().from(ordersTable).where(eq(ordersTable.buyerUserId, person.id))
    assert.equal(placed.length, 0)
  })

  it('answers out_of_stock naming the product when fewer are left than asked', async () => {
    const person = await buyer(ctx.db)
    const product = await sellable(ctx.db, { title: 'Bearing 6205 ZZ', stock: 2, unit: 'piece' })
    await assert.rejects(
      placeOrders(ctx.db, {
        buyerId: person.id,
        items: [{ productId: product.id, quantity: 3 }],
        shippingAddress: address,
      }),
      { code: 'out_of_stock', message: 'Only 2 piece of "Bearing 6205 ZZ" are in stock; you asked for 3.' },
    )
    assert.equal(await stockOf(ctx.db, product.id), 2)
  })

  it('refuses a buyer whose email is not confirmed', async () => {
    const person = await buildUser(ctx.db, { emailVerifiedAt: null })
    const product = await sellable(ctx.db)
    await assert.rejects(
      placeOrders(ctx.db, {
        buyerId: person.id,
        items: [{ productId: product.id, quantity: 1 }],
        shippingAddress: address,
      }),
      { code: 'profile_incomplete' },
    )
  })

  it('sells the last unit to exactly one of 200 simultaneous checkouts, and rolls the others back whole', async () => {
    const people = await Promise.all(Array.from({ length: 8 }, () => buyer(ctx.db)))
    const seller = await buildBusiness(ctx.db)
    const last = await sellable(ctx.db, { businessId: seller.id, title: 'Servo motor 750 W', stock: 1 })
    const plenty = await sellable(ctx.db, { businessId: seller.id, title: 'Motor mount', stock: 1000 })
    const attempts = 200
    const results = await Promise.allSettled(
      Array.from({ length: attempts }, (_, i) =>
        placeOrders(ctx.db, {
          buyerId: people[i % people.length]!.id,
          items: [
            { productId: plenty.id, quantity: 1 },
            { productId: last.id, quantity: 1 },
          ],
          shippingAddress: address,
        }),
      ),
    )
    const won = results.filter((r) => r.status === 'fulfilled')
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected')
    assert.equal(won.length, 1, `exactly one order on ${testDatabaseKind}`)
    for (const r of lost) {
      assert.equal(r.reason.code, 'out_of_stock', String(r.reason))
      assert.match(r.reason.message, /Servo motor 750 W/)
    }
    assert.equal(await stockOf(ctx.db, last.id), 0)
    assert.equal(await stockOf(ctx.db, plenty.id), 999, 'the losers took nothing from the other product')
    const placed = await ctx.db
      .select({ id: ordersTable.id })
      .from(ordersTable)
      .where(
        inArray(
          ordersTable.buyerUserId,
          people.map((p) => p.id),
        ),
      )
    assert.equal(placed.length, 1)
  })

  it('gives the stock back when the reservation runs out unpaid', async () => {
    const person = await buyer(ctx.db)
    const product = await sellable(ctx.db, { stock: 5 })
    const placed = await placeOrders(
      ctx.db,
      { buyerId: person.id, items: [{ productId: product.id, quantity: 5 }], shippingAddress: address },
      { now: () => new Date(Date.now() - 31 * 60_000) },
    )
    assert.equal(await stockOf(ctx.db, product.id), 0)
    const expired = await orders.releaseExpiredOrders(ctx.db)
    assert.deepEqual(expired, [placed.orders[0]!.id])
    assert.equal(await stockOf(ctx.db, product.id), 5)
    const [row] = await ctx.db
      .select({ status: ordersTable.status })
      .from(ordersTable)
      .where(eq(ordersTable.id, placed.orders[0]!.id))
    assert.equal(row!.status, 'expired')
  })

  it('marks the orders of a captured payment paid, once, and reports those it came too late for', async () => {
    const person = await buyer(ctx.db)
    const product = await sellable(ctx.db, { stock: 10 })
    const other = await sellable(ctx.db, { stock: 10 })
    const first = await placeOrders(ctx.db, {
      buyerId: person.id,
      items: [
        { productId: product.id, quantity: 2 },
        { productId: other.id, quantity: 1 },
      ],
      shippingAddress: address,
    })
    const expired = await placeOrders(
      ctx.db,
      { buyerId: person.id, items: [{ productId: product.id, quantity: 1 }], shippingAddress: address },
      { now: () => new Date(Date.now() - 31 * 60_000) },
    )
    await orders.releaseExpiredOrders(ctx.db)
    const stranger = await buyer(ctx.db)
    const strangers = await placeOrders(ctx.db, {
      buyerId: stranger.id,
      items: [{ productId: other.id, quantity: 1 }],
      shippingAddress: address,
    })
    const ids = [...first.orders.map((o) => o.id), expired.orders[0]!.id, strangers.orders[0]!.id]
    const [payment] = await ctx.db
      .insert(paymentsTable)
      .values({
        payerUserId: person.id,
        amountPaise: first.totalPaise + expired.totalPaise,
        gateway: 'sandbox',
        status: 'pending',
        purpose: 'orders',
        referenceIds: ids,
      })
      .returning()
    const pending = await settleOrderPayment(ctx.db, payment!.id)
    assert.deepEqual(
      pending,
      { paid: [], alreadyPaid: [], late: [] },
      'nothing happens before the money is captured',
    )

    await ctx.db.update(paymentsTable).set({ status: 'captured' }).where(eq(paymentsTable.id, payment!.id))
    const settled = await settleOrderPayment(ctx.db, payment!.id)
    assert.deepEqual(settled.paid.sort(), first.orders.map((o) => o.id).sort())
    assert.deepEqual(settled.late, [expired.orders[0]!.id])
    const statuses = await ctx.db
      .select({ id: ordersTable.id, status: ordersTable.status })
      .from(ordersTable)
      .where(inArray(ordersTable.id, ids))
    const statusOf = new Map(statuses.map((r) => [r.id, r.status]))
    assert.equal(statusOf.get(first.orders[0]!.id), 'paid')
    assert.equal(
      statusOf.get(strangers.orders[0]!.id),
      'pending_payment',
      "another buyer's order is not touched",
    )

    const again = await settleOrderPayment(ctx.db, payment!.id)
    assert.deepEqual(again.paid, [])
    assert.equal(again.alreadyPaid.length, 2)
    const paidEvents = await ctx.db
      .select()
      .from(orderEvents)
      .where(
        inArray(
          orderEvents.orderId,
          first.orders.map((o) => o.id),
        ),
      )
    assert.equal(
      paidEvents.filter((e) => e.toStatus === 'paid').length,
      2,
      'one paid event per order, however often called',
    )
    assert.equal(await stockOf(ctx.db, product.id), 8, 'a paid order keeps its stock')
  })
})
