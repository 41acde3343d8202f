import assert from 'node:assert/strict'
import { before, describe, it } from 'node:test'
import { eq, sql } from 'drizzle-orm'
import { businesses } from '#src/modules/accounts/accounts.tables.ts'
import { buildBusiness, buildCategory, buildProduct } from '#test/factories.ts'
import { useTestDb } from '#test/setup.ts'
import {
  categoryAndDescendantIds,
  countPublishedByCategory,
  foldCategoryCounts,
  loadCategoryTree,
} from './catalog.queries.ts'
import { FILTERED_SEARCH_WINDOW, PRODUCTS_PER_PAGE, SEARCH_WINDOW } from './catalog.schemas.ts'
import { listProducts } from './catalog.search.ts'
import { products } from './catalog.tables.ts'
import { suggest } from './search-suggest.ts'
import { correctSpelling, refreshSearchTerms } from './search-terms.ts'

describe('product search', () => {
  const ctx = useTestDb()
  const ids = {} as Record<
    'gate' | 'ball' | 'butterfly' | 'pump' | 'bearing' | 'draft' | 'suspended' | 'hidden',
    number
  > & { valves: number; gateValves: number; pumps: number; bearings: number }

  before(async () => {
    const db = ctx.db
    const valves = await buildCategory(db, { slug: 'valves', name: 'Valves' })
    const gateValves = await buildCategory(db, {
      slug: 'gate-valves',
      name: 'Gate valves',
      parentId: valves.id,
    })
    const pumps = await buildCategory(db, { slug: 'pumps', name: 'Pumps' })
    const bearings = await buildCategory(db, { slug: 'bearings', name: 'Bearings' })
    const rajkot = await buildBusiness(db, {
      legalName: 'Rajkot Valve Works',
      city: 'Rajkot',
      state: 'Gujarat',
    })
    const pune = await buildBusiness(db, {
      legalName: 'Pune Pumps',
      city: 'Pune',
      state: 'Maharashtra',
      gstinVerifiedAt: null,
    })
    const day = (n: number) => new Date(Date.UTC(2026, 10, n))
    const product = (overrides: Parameters<typeof buildProduct>[1]) =>
      buildProduct(db, { description: '', specs: [], ...overrides })
    const gate = await product({
      businessId: rajkot.id,
      categoryId: gateValves.id,
      title: 'Cast Iron Gate Valve 2 inch PN16',
      pricePaise: 785_000,
      moq: 10,
      publishedAt: day(1),
    })
    const ball = await product({
      businessId: pune.id,
      categoryId: valves.id,
      title: 'Stainless Steel Ball Valve 1 inch',
      pricePaise: 125_000,
      moq: 1,
      publishedAt: day(3),
    })
    const butterfly = await product({
      businessId: rajkot.id,
      categoryId: valves.id,
      title: 'Wafer Butterfly Valve 4 inch',
      pricePaise: null,
      moq: 5,
      publishedAt: day(2),
    })
    const pump = await product({
      businessId: pune.id,
      categoryId: pumps.id,
      title: 'Centrifugal Monoblock Pump 1 HP',
      pricePaise: 900_000,
      moq: 2,
      publishedAt: day(4),
    })
    const bearing = await product({
      businessId: rajkot.id,
      categoryId: bearings.id,
      title: 'Deep Groove Ball Bearing 6204',
      pricePaise: 15_000,
      moq: 100,
      publishedAt: day(5),
    })
    const draft = await product({
      businessId: rajkot.id,
      categoryId: valves.id,
      title: 'Zirconium Secret Valve',
      status: 'draft',
    })
    const suspended = await product({
      businessId: rajkot.id,
      categoryId: valves.id,
      title: 'Quarantined Knockoff Valve',
      status: 'suspended',
    })
    // Published, then suspended by moderation: its words must leave the lexicon once refreshed.
    const hidden = await product({
      businessId: rajkot.id,
      categoryId: pumps.id,
      title: 'Vortexia Ejector Pump',
    })
    await db.update(products).set({ status: 'suspended' }).where(eq(products.id, hidden.id))
    await refreshSearchTerms(db)
    Object.assign(ids, {
      gate: gate.id,
      ball: ball.id,
      butterfly: butterfly.id,
      pump: pump.id,
      bearing: bearing.id,
      draft: draft.id,
      suspended: suspended.id,
      hidden: hidden.id,
      valves: valves.id,
      gateValves: gateValves.id,
      pumps: pumps.id,
      bearings: bearings.id,
    })
  })

  const titles = (page: { items: { title: string }[] }) => page.items.map((p) => p.title)

  it('finds every published product with a word in its title, and counts them exactly', async () => {
    const page = await listProducts(ctx.db, { q: 'valve', page: 1 })
    assert.equal(page.match, 'exact')
    assert.equal(page.total, 3)
    assert.equal(page.totalCapped, false)
    assert.deepEqual(new Set(page.items.map((p) => p.id)), new Set([ids.gate, ids.ball, ids.butterfly]))
  })

  it('finds a product while the last word is still being typed', async () => {
    assert.deepEqual(titles(await listProducts(ctx.db, { q: 'monobl', page: 1 })), [
      'Centrifugal Monoblock Pump 1 HP',
    ])
    assert.deepEqual(titles(await listProducts(ctx.db, { q: 'butterfly va', page: 1 })), [
      'Wafer Butterfly Valve 4 inch',
    ])
  })

  it('corrects "vlave" to valve and "bearnig" to bearing through the lexicon', async () => {
    const valves = await listProducts(ctx.db, { q: 'vlave', page: 1 })
    assert.equal(valves.match, 'corrected')
    assert.equal(valves.correctedQuery, 'valve')
    assert.equal(valves.total, 3)
    const bearings = await listProducts(ctx.db, { q: 'groove bearnig', page: 1 })
    assert.equal(bearings.correctedQuery, 'groove bearing')
    assert.deepEqual(titles(bearings), ['Deep Groove Ball Bearing 6204'])
  })

  it('shows products with some of the words when none has them all', async () => {
    const page = await listProducts(ctx.db, { q: 'butterfly pump', page: 1 })
    assert.equal(page.match, 'partial')
    assert.deepEqual(new Set(page.items.map((p) => p.id)), new Set([ids.butterfly, ids.pump]))
  })

  it('never returns drafts or suspended products, whatever the words', async () => {
    for (const q of [
      'zirconium',
      'secret valve',
      'quarantined',
      'knockoff',
      'vortexia',
      'valve',
      'pump',
      '',
    ]) {
      const page = await listProducts(ctx.db, { q, page: 1 })
      for (const id of [ids.draft, ids.suspended, ids.hidden]) {
        assert.ok(!page.items.some((p) => p.id === id), `${q} found ${id}`)
      }
    }
  })

  it('narrows by category, city, state, verified sellers, price and MOQ, with facet counts to match', async () => {
    const all = await listProducts(ctx.db, { page: 1 })
    assert.equal(all.total, 5)
    assert.deepEqual(
      new Map(all.facets.categories.map((c) => [c.categoryId, c.count])),
      new Map([
        [ids.gateValves, 1],
        [ids.valves, 2],
        [ids.pumps, 1],
        [ids.bearings, 1],
      ]),
    )
    assert.deepEqual(all.facets.cities, [
      { city: 'Rajkot', count: 3 },
      { city: 'Pune', count: 2 },
    ])
    assert.equal(all.facets.verified, 3)

    const tree = await loadCategoryTree(ctx.db)
    const valves = categoryAndDescendantIds(tree.bySlug.get('valves')!)
    const inValves = await listProducts(ctx.db, { categoryIds: valves, page: 1 })
    assert.equal(inValves.total, 3)
    const rajkotValves = await listProducts(ctx.db, { categoryIds: valves, city: 'rajkot', page: 1 })
    assert.deepEqual(new Set(rajkotValves.items.map((p) => p.id)), new Set([ids.gate, ids.butterfly]))
    assert.equal(rajkotValves.total, all.facets.cities[0]!.count - 1)

    const gujarat = await listProducts(ctx.db, { state: 'Gujarat', page: 1 })
    assert.equal(gujarat.total, 3)
    const verified = await listProducts(ctx.db, { verified: true, page: 1 })
    assert.equal(verified.total, all.facets.verified)
    assert.ok(verified.items.every((p) => p.seller.gstVerified))

    const priced = await listProducts(ctx.db, { minPricePaise: 100_000, maxPricePaise: 800_000, page: 1 })
    assert.deepEqual(new Set(priced.items.map((p) => p.id)), new Set([ids.gate, ids.ball]))
    const smallOrders = await listProducts(ctx.db, { maxMoq: 5, page: 1 })
    assert.deepEqual(
      new Set(smallOrders.items.map((p) => p.id)),
      new Set([ids.ball, ids.butterfly, ids.pump]),
    )
    const both = await listProducts(ctx.db, { q: 'valve', verified: true, maxMoq: 5, page: 1 })
    assert.deepEqual(titles(both), ['Wafer Butterfly Valve 4 inch'])
  })

  it('follows a seller that moves city or loses its verification', async () => {
    const [moved] = await ctx.db
      .update(businesses)
      .set({ city: 'Surat', gstinVerifiedAt: null })
      .where(eq(businesses.legalName, 'Rajkot Valve Works'))
      .returning()
    try {
      assert.equal((await listProducts(ctx.db, { city: 'Rajkot', page: 1 })).total, 0)
      assert.equal((await listProducts(ctx.db, { city: 'surat', page: 1 })).total, 3)
      assert.equal((await listProducts(ctx.db, { verified: true, page: 1 })).total, 0)
    } finally {
      await ctx.db
        .update(businesses)
        .set({ city: 'Rajkot', gstinVerifiedAt: new Date() })
        .where(eq(businesses.id, moved!.id))
    }
    assert.equal((await listProducts(ctx.db, { city: 'Rajkot', page: 1 })).total, 3)
  })

  it('sorts by price (price on request last) and by newest', async () => {
    const cheap = await listProducts(ctx.db, { sort: 'price_asc', page: 1 })
    assert.deepEqual(
      cheap.items.map((p) => p.pricePaise),
      [15_000, 125_000, 785_000, 900_000, null],
    )
    const dear = await listProducts(ctx.db, { q: 'valve', sort: 'price_desc', page: 1 })
    assert.deepEqual(
      dear.items.map((p) => p.pricePaise),
      [785_000, 125_000, null],
    )
    const newest = await listProducts(ctx.db, { sort: 'newest', page: 1 })
    assert.deepEqual(
      newest.items.map((p) => p.id),
      [ids.bearing, ids.pump, ids.ball, ids.butterfly, ids.gate],
    )
  })

  it('pages through the matches and returns nothing past the last page', async () => {
    const first = await listProducts(ctx.db, { page: 1, pageSize: 2, sort: 'newest' })
    const second = await listProducts(ctx.db, { page: 2, pageSize: 2, sort: 'newest' })
    const third = await listProducts(ctx.db, { page: 3, pageSize: 2, sort: 'newest' })
    assert.equal(first.pageCount, 3)
    assert.deepEqual(
      [...first.items, ...second.items, ...third.items].map((p) => p.id),
      [ids.bearing, ids.pump, ids.ball, ids.butterfly, ids.gate],
    )
    const ranked = await listProducts(ctx.db, { q: 'valve', page: 2, pageSize: 2 })
    assert.equal(ranked.items.length, 1)
    assert.equal((await listProducts(ctx.db, { page: 4, pageSize: 2 })).items.length, 0)
  })

  it('counts published products per category from the maintained counts, before and after folding', async () => {
    const tree = await loadCategoryTree(ctx.db)
    const before = await countPublishedByCategory(ctx.db, tree)
    assert.equal(before.get(ids.valves), 3)
    assert.equal(before.get(ids.gateValves), 1)
    assert.equal(before.get(ids.pumps), 1)
    await foldCategoryCounts(ctx.db)
    const after = await countPublishedByCategory(ctx.db, tree)
    assert.deepEqual(after, before)
  })

  it('suggests word completions, categories and products, never from drafts or suspended products', async () => {
    const found = await suggest(ctx.db, 'val')
    assert.ok(found.length <= 8)
    assert.deepEqual(found[0], { kind: 'query', text: 'valve' })
    assert.ok(found.some((s) => s.kind === 'category' && s.slug === 'valves'))
    assert.ok(found.some((s) => s.kind === 'product' && s.id === ids.ball))
    for (const q of ['zirc', 'secret', 'quaran', 'vortex']) {
      assert.deepEqual(await suggest(ctx.db, q), [], q)
    }
    assert.deepEqual(await suggest(ctx.db, '   '), [])
  })
})

describe('the search lexicon on a fresh database', () => {
  const ctx = useTestDb()

  it('learns the words of products inserted the normal way, so "vlave" is corrected to valve', async () => {
    assert.equal(await correctSpelling(ctx.db, 'vlave'), null)
    const product = await buildProduct(ctx.db, {
      title: 'Forged Brass Globe Valve',
      description: '',
      specs: [],
    })
    assert.equal(await correctSpelling(ctx.db, 'vlave'), 'valve')
    assert.equal(await correctSpelling(ctx.db, 'globe vlave '), 'globe valve')
    const page = await listProducts(ctx.db, { q: 'vlave', page: 1 })
    assert.deepEqual(
      page.items.map((p) => p.id),
      [product.id],
    )
  })

  it('leaves drafts out of the lexicon until they are published', async () => {
    const draft = await buildProduct(ctx.db, {
      title: 'Hydraulic Gearbox',
      status: 'draft',
      publishedAt: null,
    })
    const words = async () =>
      (await ctx.db.execute(sql`select term from search_terms where term = 'gearbox'`)) as unknown as {
        rows: unknown[]
      }
    assert.equal((await words()).rows.length, 0)
    await ctx.db
      .update(products)
      .set({ status: 'published', publishedAt: new Date() })
      .where(eq(products.id, draft.id))
    assert.equal((await words()).rows.length, 1)
  })
})

describe('the search window at more than a thousand matches', () => {
  const ctx = useTestDb()
  const bolts = 1_050

  before(async () => {
    const seller = await buildBusiness(ctx.db, { city: 'Ludhiana', state: 'Punjab' })
    const fasteners = await buildCategory(ctx.db, { slug: 'fasteners', name: 'Fasteners' })
    // One statement, as a CSV import or the seed writes: the statement triggers see all rows at once.
    await ctx.db.execute(sql`insert into products (business_id, category_id, slug, title, unit, moq, price_paise, status, published_at)
      select ${seller.id}, ${fasteners.id}, 'hex-bolt-' || n, 'Hex Bolt M' || n, 'piece', 100, n * 100, 'published',
        now() - n * interval '1 minute'
      from generate_series(1, ${bolts}) as n`)
  })

  it('caps the total at the window, says so, and stops paging at the window', async () => {
    const first = await listProducts(ctx.db, { q: 'bolt', page: 1 })
    assert.equal(first.total, SEARCH_WINDOW)
    assert.equal(first.totalCapped, true)
    assert.equal(first.window, SEARCH_WINDOW)
    assert.equal(first.pageCount, Math.ceil(SEARCH_WINDOW / PRODUCTS_PER_PAGE))
    assert.equal(first.items.length, PRODUCTS_PER_PAGE)
    const last = await listProducts(ctx.db, { q: 'bolt', page: first.pageCount })
    assert.equal(last.items.length, SEARCH_WINDOW - (first.pageCount - 1) * PRODUCTS_PER_PAGE)
    assert.equal((await listProducts(ctx.db, { q: 'bolt', page: first.pageCount + 1 })).items.length, 0)
    const browse = await listProducts(ctx.db, { sort: 'price_desc', page: first.pageCount + 1 })
    assert.equal(browse.items.length, 0)
    assert.equal(first.facets.categories[0]!.count, SEARCH_WINDOW)
  })

  it('counts and pages a smaller window when a seller, price or MOQ filter is on', async () => {
    for (const filter of [
      { city: 'ludhiana' },
      { verified: true },
      { maxMoq: 100 },
      { minPricePaise: 100 },
    ]) {
      const first = await listProducts(ctx.db, { q: 'bolt', page: 1, ...filter })
      assert.equal(first.total, FILTERED_SEARCH_WINDOW, JSON.stringify(filter))
      assert.equal(first.totalCapped, true)
      assert.equal(first.window, FILTERED_SEARCH_WINDOW)
      assert.equal(first.pageCount, Math.ceil(FILTERED_SEARCH_WINDOW / PRODUCTS_PER_PAGE))
      const past = await listProducts(ctx.db, { q: 'bolt', page: first.pageCount + 1, ...filter })
      assert.equal(past.items.length, 0)
    }
    // A filter that keeps nothing is not capped; a category alone keeps the whole window.
    assert.equal((await listProducts(ctx.db, { q: 'bolt', page: 1, city: 'Pune' })).total, 0)
    const tree = await loadCategoryTree(ctx.db)
    const inCategory = await listProducts(ctx.db, {
      q: 'bolt',
      page: 1,
      categoryIds: [tree.bySlug.get('fasteners')!.id],
    })
    assert.equal(inCategory.window, SEARCH_WINDOW)
    assert.equal(inCategory.total, SEARCH_WINDOW)
  })

  it('keeps the exact count per category however many products there are', async () => {
    const tree = await loadCategoryTree(ctx.db)
    const counts = await countPublishedByCategory(ctx.db, tree)
    assert.equal(counts.get(tree.bySlug.get('fasteners')!.id), bolts)
  })

  it('sorts the whole catalogue by price, not only the window', async () => {
    const dearest = await listProducts(ctx.db, { sort: 'price_desc', page: 1 })
    assert.equal(dearest.items[0]!.pricePaise, bolts * 100)
    const cheapest = await listProducts(ctx.db, { q: 'bolt', sort: 'price_asc', page: 1 })
    assert.equal(cheapest.items[0]!.pricePaise, 100)
  })
})
