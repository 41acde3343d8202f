import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { eq } from 'drizzle-orm'
import * as accounts from '#src/modules/accounts/index.ts'
import * as catalog from '#src/modules/catalog/index.ts'
import { products } from '#src/modules/catalog/catalog.tables.ts'
import { buildProduct, buildUser } from '#test/factories.ts'
import { testDatabaseKind, useTestApp } from '#test/setup.ts'

describe(`anonymous page cache (${testDatabaseKind})`, () => {
  const ctx = useTestApp({ config: { PAGE_CACHE_SECONDS: '300' } })

  it('serves a repeated anonymous page from memory', async () => {
    const product = await buildProduct(ctx.db, { title: 'Cached Gate Valve 2 inch' })
    const url = `/p/${product.id}/${product.slug}`
    const first = await ctx.server.inject(url)
    assert.equal(first.headers['x-cache'], 'miss')
    const second = await ctx.server.inject(url)
    assert.equal(second.headers['x-cache'], 'hit')
    assert.equal(second.body, first.body)
    // A hit is answered before the header plugins run, so the stored security headers must come with it.
    for (const header of ['content-security-policy', 'x-content-type-options', 'referrer-policy', 'x-frame-options']) {
      assert.equal(second.headers[header], first.headers[header], header)
    }
    assert.ok(second.headers['content-security-policy'])
    assert.notEqual(second.headers['x-request-id'], first.headers['x-request-id'])
  })

  it('shows a price edit on the next request once the change is announced', async () => {
    const product = await buildProduct(ctx.db, { title: 'Cast Iron Butterfly Valve', pricePaise: 450_000 })
    const url = `/p/${product.id}/${product.slug}`
    assert.match((await ctx.server.inject(url)).body, /₹4,500/)
    assert.equal((await ctx.server.inject(url)).headers['x-cache'], 'hit')

    const invalidated = ctx.server.pageCache.nextInvalidation()
    await ctx.db.transaction(async (tx) => {
      await tx.update(products).set({ pricePaise: 520_000 }).where(eq(products.id, product.id))
      await catalog.announceCatalogChange(tx, `product:${product.id}`)
    })
    await invalidated
    const after = await ctx.server.inject(url)
    assert.notEqual(after.headers['x-cache'], 'hit')
    assert.match(after.body, /₹5,200/)
    assert.doesNotMatch(after.body, /₹4,500/)
  })

  it('keeps serving the cached page when a change is rolled back', async () => {
    const product = await buildProduct(ctx.db, { title: 'Globe Valve Forged Steel' })
    const url = `/p/${product.id}/${product.slug}`
    await ctx.server.inject(url)
    await ctx.db
      .transaction(async (tx) => {
        await catalog.announceCatalogChange(tx, `product:${product.id}`)
        throw new Error('changed my mind')
      })
      .catch(() => {})
    await new Promise((resolve) => setTimeout(resolve, 50))
    assert.equal((await ctx.server.inject(url)).headers['x-cache'], 'hit')
  })

  it('never caches or serves cached pages to someone signed in', async () => {
    const product = await buildProduct(ctx.db, { title: 'Needle Valve SS 316' })
    const url = `/p/${product.id}/${product.slug}`
    await ctx.server.inject(url)
    const user = await buildUser(ctx.db)
    const session = await accounts.createSession(ctx.db, { userId: user.id, sharedDevice: false })
    const signedIn = await ctx.server.inject({ url, headers: { cookie: `mandi_session=${session.token}` } })
    assert.equal(signedIn.headers['x-cache'], undefined)
  })

  it('leaves JSON, probes and pages with cookies alone', async () => {
    await ctx.server.inject('/api/v1/categories')
    assert.equal((await ctx.server.inject('/api/v1/categories')).headers['x-cache'], undefined)
    assert.equal((await ctx.server.inject('/healthz')).headers['x-cache'], undefined)
  })
})

describe(`page cache under a burst (${testDatabaseKind})`, () => {
  const ctx = useTestApp({ config: { PAGE_CACHE_SECONDS: '300' } })

  it('renders a cold page once for many simultaneous requests', async () => {
    const product = await buildProduct(ctx.db, { title: 'Ball Valve Burst Test' })
    const url = `/p/${product.id}/${product.slug}`
    const before = ctx.server.pageCache.misses
    const responses = await Promise.all(Array.from({ length: 12 }, () => ctx.server.inject(url)))
    assert.ok(responses.every((r) => r.statusCode === 200 && r.body === responses[0]!.body))
    assert.equal(ctx.server.pageCache.misses - before, 1)
    assert.equal(responses.filter((r) => r.headers['x-cache'] === 'hit').length, 11)
  })
})
