import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { buildBusiness, buildCategory, buildProduct } from '#test/factories.ts'
import { useTestApp } from '#test/setup.ts'

describe('sitemap.xml', () => {
  const ctx = useTestApp()

  it('indexes chunked files that list published products and their sellers, never drafts or suspended ones', async () => {
    const category = await buildCategory(ctx.db, { slug: 'gate-valves-sitemap', name: 'Gate Valves' })
    const seller = await buildBusiness(ctx.db, { slug: 'sitemap-valves-co' })
    const hidden = await buildBusiness(ctx.db, { slug: 'only-drafts-co' })
    const live = await buildProduct(ctx.db, {
      businessId: seller.id,
      categoryId: category.id,
      slug: 'gate-valve-live',
    })
    const draft = await buildProduct(ctx.db, {
      businessId: hidden.id,
      categoryId: category.id,
      slug: 'gate-valve-draft',
      status: 'draft',
      publishedAt: null,
    })
    const suspended = await buildProduct(ctx.db, {
      businessId: seller.id,
      categoryId: category.id,
      slug: 'gate-valve-suspended',
      status: 'suspended',
    })

    const index = await ctx.server.inject('/sitemap.xml')
    assert.equal(index.statusCode, 200)
    assert.match(String(index.headers['content-type']), /application\/xml/)
    const files = [...index.body.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname)
    assert.deepEqual(files, [
      '/sitemaps/pages.xml',
      '/sitemaps/cities.xml',
      '/sitemaps/sellers-0.xml',
      '/sitemaps/products-0.xml',
    ])

    const productsXml = (await ctx.server.inject('/sitemaps/products-0.xml')).body
    assert.match(
      productsXml,
      new RegExp(`/p/${live.id}/gate-valve-live</loc><lastmod>\\d{4}-\\d{2}-\\d{2}</lastmod>`),
    )
    assert.doesNotMatch(productsXml, new RegExp(`/p/(${draft.id}|${suspended.id})/`))

    const sellersXml = (await ctx.server.inject('/sitemaps/sellers-0.xml')).body
    assert.match(sellersXml, /\/s\/sitemap-valves-co</)
    assert.doesNotMatch(sellersXml, /only-drafts-co/)

    assert.match((await ctx.server.inject('/sitemaps/pages.xml')).body, /\/c\/gate-valves-sitemap</)
    assert.equal((await ctx.server.inject('/sitemaps/products-99.xml')).statusCode, 200)
    assert.equal((await ctx.server.inject('/sitemaps/orders-0.xml')).statusCode, 404)
  })

  it('points robots.txt at the sitemap and keeps private areas out', async () => {
    const res = await ctx.server.inject('/robots.txt')
    assert.match(res.body, /Sitemap: http:\/\/.+\/sitemap\.xml/)
    assert.match(res.body, /Disallow: \/account/)
  })
})
