import assert from 'node:assert/strict'
import { before, describe, it } from 'node:test'
import { eq } from 'drizzle-orm'
import * as catalog from '#src/modules/catalog/index.ts'
import { products } from '#src/modules/catalog/catalog.tables.ts'
import { buildBusiness, buildCategory, buildProduct } from '#test/factories.ts'
import { testDatabaseKind, useTestApp } from '#test/setup.ts'

const XSS = '<script>alert(1)</script>'
const ESCAPED = /&lt;script(>|&gt;)alert\(1\)&lt;\/script(>|&gt;)/

const title = (html: string) => html.match(/<title>([^<]*)<\/title>/)?.[1]
const hrefs = (html: string) => [...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&'))
const jsonLd = (html: string) =>
  JSON.parse(html.match(/<script type="application\/ld\+json">(.*?)<\/script>/s)?.[1] ?? 'null')

describe(`city pages (${testDatabaseKind})`, () => {
  const ctx = useTestApp()
  const ids = {} as { valves: number; ballValves: number; pumps: number; draftId: number }

  before(async () => {
    const db = ctx.db
    const valves = await buildCategory(db, { slug: 'valves', name: 'Valves', position: 0 })
    const ballValves = await buildCategory(db, {
      slug: 'ball-valves',
      name: 'Ball valves',
      parentId: valves.id,
    })
    const gateValves = await buildCategory(db, {
      slug: 'gate-valves',
      name: 'Gate valves',
      parentId: valves.id,
    })
    const pumps = await buildCategory(db, { slug: 'pumps', name: 'Pumps', position: 1 })
    await buildCategory(db, { slug: 'bearings', name: 'Bearings', position: 2 })
    Object.assign(ids, { valves: valves.id, ballValves: ballValves.id, pumps: pumps.id })

    const deccan = await buildBusiness(db, {
      slug: 'deccan-valves',
      tradeName: 'Deccan Valves',
      city: 'Pune',
    })
    const bhosari = await buildBusiness(db, {
      slug: 'bhosari-flow',
      tradeName: 'Bhosari Flow Controls',
      city: 'pune',
    })
    const rajkot = await buildBusiness(db, {
      slug: 'rajkot-pumps',
      tradeName: 'Rajkot Pumps',
      city: 'Rajkot',
      state: 'Gujarat',
    })
    const draftsOnly = await buildBusiness(db, { slug: 'atlantis-drafts', city: 'Atlantis' })
    await buildBusiness(db, {
      slug: 'navi-mumbai-works',
      tradeName: 'Navi Mumbai Works',
      city: 'Navi Mumbai',
    })

    // Pune: 26 ball valves (two pages of 24), 1 gate valve, 1 pump; a draft and a suspended valve that must not count.
    for (let i = 1; i <= 25; i++) {
      await buildProduct(db, {
        businessId: deccan.id,
        categoryId: ballValves.id,
        title: `Brass Ball Valve ${i}`,
        publishedAt: new Date(Date.UTC(2026, 0, i)),
      })
    }
    await buildProduct(db, { businessId: bhosari.id, categoryId: ballValves.id, title: `${XSS} Ball Valve` })
    await buildProduct(db, {
      businessId: bhosari.id,
      categoryId: gateValves.id,
      title: 'Cast Iron Gate Valve PN16',
    })
    await buildProduct(db, { businessId: deccan.id, categoryId: pumps.id, title: 'Pune Monoblock Pump' })
    const draft = await buildProduct(db, {
      businessId: deccan.id,
      categoryId: gateValves.id,
      title: 'Secret Draft Valve',
      status: 'draft',
      publishedAt: null,
    })
    await buildProduct(db, {
      businessId: bhosari.id,
      categoryId: gateValves.id,
      title: 'Suspended Knockoff Valve',
      status: 'suspended',
    })
    ids.draftId = draft.id
    // Rajkot: pumps only. Atlantis: drafts only, so it has no city page.
    await buildProduct(db, { businessId: rajkot.id, categoryId: pumps.id, title: 'Rajkot Openwell Pump' })
    await buildProduct(db, {
      businessId: draftsOnly.id,
      categoryId: valves.id,
      title: 'Atlantis Valve',
      status: 'draft',
      publishedAt: null,
    })
  })

  describe('/suppliers', () => {
    it('lists the cities with published suppliers, alphabetically, with seller counts, linking to each city', async () => {
      const res = await ctx.server.inject('/suppliers')
      assert.equal(res.statusCode, 200)
      assert.equal(title(res.body), 'Industrial suppliers by city · Mandi')
      const list = res.body.match(/<ul class="city-index"[^>]*>(.*?)<\/ul>/s)?.[1] ?? ''
      // Pune's two spellings are one city; Atlantis (drafts only) and Navi Mumbai (no products) are not listed.
      assert.deepEqual(hrefs(list), ['/suppliers/pune', '/suppliers/rajkot'])
      assert.match(list, /href="\/suppliers\/pune">Pune<\/a> <span class="count">\(2 sellers\)<\/span>/)
      assert.match(list, /href="\/suppliers\/rajkot">Rajkot<\/a> <span class="count">\(1 seller\)<\/span>/)
      assert.match(res.body, /<strong>3 sellers<\/strong> in 2 cities/)
      assert.match(res.body, /<link rel="canonical" href="http:\/\/[^"]+\/suppliers"/)
      for (const href of hrefs(list)) assert.equal((await ctx.server.inject(href)).statusCode, 200, href)
    })
  })

  describe('/suppliers/:city', () => {
    it('lists the categories with products in the city, with counts of published products only', async () => {
      const res = await ctx.server.inject('/suppliers/pune')
      assert.equal(res.statusCode, 200)
      assert.equal(title(res.body), 'Industrial suppliers in Pune · Mandi')
      assert.match(res.body, /<h1>Industrial suppliers in Pune<\/h1>/)
      // 26 + 1 ball and gate valves, 1 pump; the draft and the suspended valve are not counted.
      assert.match(res.body, /<strong>28 products<\/strong> from 2 sellers/)
      assert.match(
        res.body,
        /href="\/suppliers\/pune\/valves">Valves<\/a> <span class="count">\(27\)<\/span>/,
      )
      assert.match(
        res.body,
        /href="\/suppliers\/pune\/ball-valves">Ball valves<\/a> <span class="count">\(26\)<\/span>/,
      )
      assert.match(res.body, /href="\/suppliers\/pune\/pumps">Pumps<\/a> <span class="count">\(1\)<\/span>/)
      // No products in the city: no link.
      assert.ok(!hrefs(res.body).includes('/suppliers/pune/bearings'))
      assert.match(res.body, /Deccan Valves/)
      assert.match(res.body, /Bhosari Flow Controls/)
      assert.doesNotMatch(res.body, /Rajkot Pumps|Rajkot Openwell Pump/)
      assert.doesNotMatch(res.body, /Secret Draft Valve|Suspended Knockoff Valve/)
      assert.match(res.body, /<link rel="canonical" href="http:\/\/[^"]+\/suppliers\/pune"/)
    })

    it('renders an XSS payload in a product title as text', async () => {
      const res = await ctx.server.inject('/suppliers/pune')
      assert.doesNotMatch(res.body, /<script>alert\(1\)<\/script>/)
      assert.match(res.body, ESCAPED)
    })

    it('answers 404 for a city with no seller, or only drafts', async () => {
      for (const url of ['/suppliers/timbuktu', '/suppliers/atlantis', '/suppliers/timbuktu/valves']) {
        const res = await ctx.server.inject(url)
        assert.equal(res.statusCode, 404, url)
        assert.match(res.body, /no sellers in that city/, url)
      }
    })

    it('answers 404 for a city that has sellers but nothing published', async () => {
      assert.equal((await ctx.server.inject('/suppliers/navi-mumbai')).statusCode, 404)
    })

    it('sends a differently written city address to the canonical one', async () => {
      const res = await ctx.server.inject('/suppliers/PUNE/valves?page=2')
      assert.equal(res.statusCode, 301)
      assert.equal(res.headers.location, '/suppliers/pune/valves?page=2')
    })
  })

  describe('/suppliers/:city/:category', () => {
    it('lists the category and its subcategories from sellers in the city, with an exact count', async () => {
      const res = await ctx.server.inject('/suppliers/pune/valves')
      assert.equal(res.statusCode, 200)
      assert.equal(title(res.body), 'Valves suppliers in Pune · Mandi')
      assert.match(res.body, /<h1>Valves suppliers in Pune<\/h1>/)
      assert.match(res.body, /<strong>27 products<\/strong> · showing 1–24/)
      assert.match(res.body, /Cast Iron Gate Valve PN16/)
      assert.doesNotMatch(res.body, /Pune Monoblock Pump|Rajkot|Secret Draft Valve|Suspended Knockoff Valve/)
      assert.doesNotMatch(res.body, /<script>alert\(1\)<\/script>/)
      // Subcategories with products in the city, with their counts; sellers of the category.
      assert.match(
        res.body,
        /href="\/suppliers\/pune\/ball-valves">Ball valves <span class="count">26<\/span>/,
      )
      assert.match(res.body, /Valves sellers in Pune/)
      assert.ok(hrefs(res.body).includes('/s/deccan-valves'))
      assert.ok(hrefs(res.body).includes('/c/valves'), 'links to the category in every city')
    })

    it('has breadcrumbs, a canonical address per page and JSON-LD for the list', async () => {
      const res = await ctx.server.inject('/suppliers/pune/ball-valves?page=2')
      assert.equal(res.statusCode, 200)
      const crumbs = res.body.match(/<nav class="breadcrumbs"[^>]*>(.*?)<\/nav>/s)?.[1] ?? ''
      assert.deepEqual(hrefs(crumbs), ['/', '/suppliers/pune', '/suppliers/pune/valves'])
      assert.match(crumbs, /aria-current="page">Ball valves</)
      assert.match(
        res.body,
        /<link rel="canonical" href="http:\/\/[^"]+\/suppliers\/pune\/ball-valves\?page=2"/,
      )
      assert.match(res.body, /<strong>26 products<\/strong> · showing 25–26/)
      // Newest first: page 2 holds the two oldest.
      assert.match(res.body, /Brass Ball Valve 1</)
      assert.match(res.body, /Brass Ball Valve 2</)
      assert.doesNotMatch(res.body, /Brass Ball Valve 3</)
      assert.ok(hrefs(res.body).includes('/suppliers/pune/ball-valves'), 'a link back to page 1')
      const data = jsonLd(res.body)
      const [breadcrumbs, list] = data['@graph']
      assert.equal(breadcrumbs['@type'], 'BreadcrumbList')
      assert.deepEqual(
        breadcrumbs.itemListElement.map((i: { name: string }) => i.name),
        ['Home', 'Suppliers in Pune', 'Valves', 'Ball valves'],
      )
      assert.equal(list['@type'], 'ItemList')
      assert.equal(list.numberOfItems, 26)
      assert.deepEqual(
        list.itemListElement.map((i: { position: number }) => i.position),
        [25, 26],
      )
    })

    it('says so, and is not indexed, when the city has none of the category', async () => {
      const res = await ctx.server.inject('/suppliers/rajkot/valves')
      assert.equal(res.statusCode, 200)
      assert.match(res.body, /No valves from sellers in Rajkot yet/)
      assert.match(res.body, /<meta name="robots" content="noindex"/)
    })

    it('answers 404 for an unknown category', async () => {
      const res = await ctx.server.inject('/suppliers/pune/unicorns')
      assert.equal(res.statusCode, 404)
      assert.match(res.body, /no category at this address/)
    })
  })

  describe('links and sitemap', () => {
    it('links the category page to its suppliers by city, and a storefront to its city', async () => {
      const category = await ctx.server.inject('/c/valves')
      assert.match(category.body, /Suppliers by city/)
      assert.ok(hrefs(category.body).includes('/suppliers/pune/valves'))
      assert.ok(!hrefs(category.body).includes('/suppliers/rajkot/valves'), 'no valves in Rajkot')
      const storefront = await ctx.server.inject('/s/rajkot-pumps')
      assert.ok(hrefs(storefront.body).includes('/suppliers/rajkot'))
    })

    it('lists city pages with published products in the sitemap', async () => {
      const index = await ctx.server.inject('/sitemap.xml')
      assert.match(index.body, /\/sitemaps\/cities\.xml</)
      const xml = (await ctx.server.inject('/sitemaps/cities.xml')).body
      const locs = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname).sort()
      assert.deepEqual(locs, [
        '/suppliers/pune',
        '/suppliers/pune/ball-valves',
        '/suppliers/pune/gate-valves',
        '/suppliers/pune/pumps',
        '/suppliers/pune/valves',
        '/suppliers/rajkot',
        '/suppliers/rajkot/pumps',
      ])
    })
  })
})

describe(`city pages with the catalogue cache (${testDatabaseKind})`, () => {
  const ctx = useTestApp({ config: { PAGE_CACHE_SECONDS: '300' } })

  it('counts a newly published product once the change is announced', async () => {
    const category = await buildCategory(ctx.db, { slug: 'motors', name: 'Motors' })
    const seller = await buildBusiness(ctx.db, { city: 'Coimbatore', state: 'Tamil Nadu' })
    await buildProduct(ctx.db, {
      businessId: seller.id,
      categoryId: category.id,
      title: 'Induction Motor 2 HP',
    })
    const later = await buildProduct(ctx.db, {
      businessId: seller.id,
      categoryId: category.id,
      title: 'Induction Motor 5 HP',
      status: 'draft',
      publishedAt: null,
    })
    const signedOut = await ctx.server.inject('/suppliers/coimbatore/motors')
    assert.match(signedOut.body, /<strong>1 product<\/strong>/)
    assert.equal((await ctx.server.inject('/suppliers/coimbatore/motors')).headers['x-cache'], 'hit')

    const invalidated = ctx.server.pageCache.nextInvalidation()
    await ctx.db.transaction(async (tx) => {
      await tx
        .update(products)
        .set({ status: 'published', publishedAt: new Date() })
        .where(eq(products.id, later.id))
      await catalog.announceCatalogChange(tx, `product:${later.id}`)
    })
    await invalidated
    const after = await ctx.server.inject('/suppliers/coimbatore/motors')
    assert.match(after.body, /<strong>2 products<\/strong>/)
    assert.match(after.body, /Induction Motor 5 HP/)
  })
})
