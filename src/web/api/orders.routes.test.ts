import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { eq } from 'drizzle-orm'
import * as accounts from '#src/modules/accounts/index.ts'
import { products } from '#src/modules/catalog/catalog.tables.ts'
import { buildBusiness, buildProduct, buildUser } from '#test/factories.ts'
import { useTestApp } from '#test/setup.ts'

// The cart, checkout and buyer's orders through the JSON API (issue 13's published contract).

const address = {
  name: 'Ravi Kulkarni',
  line1: 'Plot 4, MIDC Chakan',
  city: 'Pune',
  state: 'Maharashtra',
  pin: '410501',
  phone: '98123 45678',
}

describe('orders API', () => {
  const ctx = useTestApp()

  const signedIn = async () => {
    const user = await buildUser(ctx.db, { emailVerifiedAt: new Date() })
    const session = await accounts.createSession(ctx.db, { userId: user.id, sharedDevice: false })
    return { user, headers: { cookie: `mandi_session=${session.token}` } }
  }
  const sellable = (overrides: Partial<typeof products.$inferInsert> = {}) =>
    buildProduct(ctx.db, { moq: 1, pricePaise: 100_000, hsnCode: '8413', gstRatePercent: 18, ...overrides })
  const post = (url: string, headers: Record<string, string>, payload: object) =>
    ctx.server.inject({ method: 'POST', url, headers, payload })

  it('puts products in the cart, groups them per seller with GST, and takes them out', async () => {
    const { headers } = await signedIn()
    const seller = await buildBusiness(ctx.db, { tradeName: 'Kovai Pumps' })
    const pump = await sellable({ businessId: seller.id, pricePaise: 785_000, moq: 2, stock: 10 })
    const valve = await sellable({ businessId: seller.id, pricePaise: 12_345, gstRatePercent: 12 })

    const added = await post('/api/v1/cart/items', headers, { productId: pump.id, quantity: 3 })
    assert.equal(added.statusCode, 200, added.body)
    await post('/api/v1/cart/items', headers, { productId: valve.id, quantity: 7 })
    const again = await post('/api/v1/cart/items', headers, { productId: pump.id, quantity: 4 })
    const { cart } = again.json()
    assert.equal(cart.lineCount, 2, 'the same product twice is one line')
    assert.equal(cart.sellers.length, 1)
    const [group] = cart.sellers
    assert.equal(group.sellerName, 'Kovai Pumps')
    assert.equal(group.deliveryPaise, null)
    assert.deepEqual(
      group.lines.map((l: { quantity: number; taxablePaise: number; taxPaise: number }) => [
        l.quantity,
        l.taxablePaise,
        l.taxPaise,
      ]),
      [
        [4, 3_140_000, 565_200],
        [7, 86_415, 10_370],
      ],
    )
    assert.equal(cart.totalPaise, 3_140_000 + 565_200 + 86_415 + 10_370)

    const removed = await ctx.server.inject({
      method: 'DELETE',
      url: `/api/v1/cart/items/${pump.id}`,
      headers,
    })
    assert.equal(removed.statusCode, 200)
    assert.equal(removed.json().cart.lineCount, 1)
    const read = await ctx.server.inject({ url: '/api/v1/cart', headers })
    assert.equal(read.json().cart.sellers[0].lines[0].productId, valve.id)
  })

  it('refuses below the MOQ, above the stock and unpublished products with a message naming them', async () => {
    const { headers } = await signedIn()
    const bolts = await sellable({ title: 'Hex bolt M12', moq: 100, unit: 'piece' })
    const bearings = await sellable({ title: 'Bearing 6205', stock: 3, unit: 'piece' })
    const hidden = await sellable({ title: 'Draft valve', status: 'draft', publishedAt: null })

    const low = await post('/api/v1/cart/items', headers, { productId: bolts.id, quantity: 10 })
    assert.equal(low.statusCode, 400)
    assert.equal(low.json().error.code, 'below_moq')
    assert.match(low.json().error.message, /minimum order for "Hex bolt M12" is 100 piece/)
    const high = await post('/api/v1/cart/items', headers, { productId: bearings.id, quantity: 4 })
    assert.equal(high.statusCode, 400)
    assert.match(high.json().error.message, /Only 3 piece of "Bearing 6205" are in stock/)
    const draft = await post('/api/v1/cart/items', headers, { productId: hidden.id, quantity: 1 })
    assert.equal(draft.statusCode, 404)
    const bad = await post('/api/v1/cart/items', headers, { productId: 'x', quantity: 0 })
    assert.equal(bad.statusCode, 400)
    assert.deepEqual(Object.keys(bad.json().error.fields).sort(), ['productId', 'quantity'])
    assert.equal((await ctx.server.inject({ url: '/api/v1/cart', headers })).json().cart.lineCount, 0)
  })

  it('checks out the cart: 201 with one order per seller and the payment to complete', async () => {
    const { headers } = await signedIn()
    const one = await sellable({ stock: 5 })
    const two = await sellable()
    await post('/api/v1/cart/items', headers, { productId: one.id, quantity: 2 })
    await post('/api/v1/cart/items', headers, { productId: two.id, quantity: 1 })
    const placed = await post('/api/v1/checkout', headers, { shippingAddress: address, poNumber: 'PO-77' })
    assert.equal(placed.statusCode, 201, placed.body)
    const body = placed.json()
    assert.equal(body.orders.length, 2)
    for (const order of body.orders) {
      assert.deepEqual(Object.keys(order).sort(), ['id', 'sellerId', 'status', 'totalPaise'])
      assert.equal(order.status, 'pending_payment')
    }
    assert.equal(body.payment.gateway, 'sandbox')
    assert.ok(body.payment.id && body.payment.redirectUrl)
    const [row] = await ctx.db.select({ stock: products.stock }).from(products).where(eq(products.id, one.id))
    assert.equal(row!.stock, 3)
    assert.equal((await ctx.server.inject({ url: '/api/v1/cart', headers })).json().cart.lineCount, 0)

    const list = await ctx.server.inject({ url: '/api/v1/orders', headers })
    assert.equal(list.json().orders.length, 2)
    const detail = await ctx.server.inject({ url: `/api/v1/orders/${body.orders[0].id}`, headers })
    assert.equal(detail.statusCode, 200)
    assert.equal(detail.json().order.items.length, 1)
    assert.equal(detail.json().order.totalPaise, body.orders[0].totalPaise)

    const stranger = await signedIn()
    const hidden = await ctx.server.inject({
      url: `/api/v1/orders/${body.orders[0].id}`,
      headers: stranger.headers,
    })
    assert.equal(hidden.statusCode, 404)
  })

  it('answers 409 naming the product that ran out, and every address problem at once', async () => {
    const { headers } = await signedIn()
    const last = await sellable({ title: 'Servo motor 750 W', stock: 1 })
    const [first, second] = await Promise.all([
      post('/api/v1/checkout', headers, {
        items: [{ productId: last.id, quantity: 1 }],
        shippingAddress: address,
      }),
      post('/api/v1/checkout', headers, {
        items: [{ productId: last.id, quantity: 1 }],
        shippingAddress: address,
      }),
    ])
    assert.deepEqual([first.statusCode, second.statusCode].sort(), [201, 409])
    const refused = first.statusCode === 409 ? first : second
    assert.equal(refused.json().error.code, 'out_of_stock')
    assert.match(refused.json().error.message, /Servo motor 750 W/)

    const bad = await post('/api/v1/checkout', headers, {
      items: [{ productId: last.id, quantity: 1 }],
      shippingAddress: { ...address, state: 'Bombay', pin: '4105', phone: '123' },
      billingGstin: '27AAACR5055K1Z1',
      poNumber: 'P'.repeat(41),
    })
    assert.equal(bad.statusCode, 400)
    assert.deepEqual(Object.keys(bad.json().error.fields).sort(), [
      'billingGstin',
      'poNumber',
      'shippingAddress.phone',
      'shippingAddress.pin',
      'shippingAddress.state',
    ])
  })

  it('asks to sign in', async () => {
    for (const [method, url] of [
      ['GET', '/api/v1/cart'],
      ['POST', '/api/v1/checkout'],
      ['GET', '/api/v1/orders'],
    ] as const) {
      const payload = { items: [{ productId: 1, quantity: 1 }], shippingAddress: address }
      const response = await ctx.server.inject({ method, url, ...(method === 'POST' ? { payload } : {}) })
      assert.equal(response.statusCode, 401, url)
    }
  })
})
