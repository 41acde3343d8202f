import assert from 'node:assert/strict'
import { before, describe, it } from 'node:test'
import { buildBusiness, buildCategory, buildProduct } from '#test/factories.ts'
import { useTestApp } from '#test/setup.ts'

describe('catalogue API', () => {
  const ctx = useTestApp()
  const data = {} as {
    valveId: number
    pumpId: number
    draftId: number
    suspendedId: number
    sellerId: number
  }

  before(async () => {
    const db = ctx.db
    const valves = await buildCategory(db, { slug: 'valves', name: 'Valves' })
    const ballValves = await buildCategory(db, {
      slug: 'ball-valves',
      name: 'Ball valves',
      parentId: valves.id,
    })
    const pumps = await buildCategory(db, { slug: 'pumps', name: 'Pumps' })
    const rajkot = await buildBusiness(db, {
      legalName: 'Rajkot Valve Works',
      city: 'Rajkot',
      state: 'Gujarat',
    })
    const pune = await buildBusiness(db, { legalName: 'Pune Pumps', city: 'Pune', gstinVerifiedAt: null })
    data.sellerId = rajkot.id
    const valve = await buildProduct(db, {
      businessId: rajkot.id,
      categoryId: ballValves.id,
      title: 'SS 316 Ball Valve 1 inch',
      slug: 'ss-316-ball-valve-1-inch',
      specs: [{ name: 'Size', value: '1 inch' }],
      pricePaise: 125_050,
    })
    const pump = await buildProduct(db, { businessId: pune.id, categoryId: pumps.id, pricePaise: null })
    const draft = await buildProduct(db, {
      businessId: rajkot.id,
      categoryId: ballValves.id,
      title: 'Draft Valve',
      status: 'draft',
    })
    const suspended = await buildProduct(db, {
      businessId: rajkot.id,
      categoryId: ballValves.id,
      title: 'Suspended Valve',
      status: 'suspended',
    })
    Object.assign(data, { valveId: valve.id, pumpId: pump.id, draftId: draft.id, suspendedId: suspended.id })
  })

  const getJson = async (url: string) => {
    const res = await ctx.server.inject(url)
    assert.match(res.headers['content-type'] as string, /application\/json/)
    return { status: res.statusCode, body: res.json() }
  }

  it('GET /api/v1/categories returns the tree', async () => {
    const { status, body } = await getJson('/api/v1/categories')
    assert.equal(status, 200)
    const valves = body.categories.find((c: { slug: string }) => c.slug === 'valves')
    assert.deepEqual(Object.keys(valves).sort(), ['children', 'id', 'name', 'slug'])
    assert.deepEqual(
      valves.children.map((c: { slug: string; name: string; children: unknown[] }) => [
        c.slug,
        c.name,
        c.children,
      ]),
      [['ball-valves', 'Ball valves', []]],
    )
  })

  it('GET /api/v1/products lists published products with their seller', async () => {
    const { status, body } = await getJson('/api/v1/products')
    assert.equal(status, 200)
    assert.equal(body.total, 2)
    assert.equal(body.page, 1)
    const valve = body.items.find((p: { id: number }) => p.id === data.valveId)
    assert.deepEqual(valve, {
      id: data.valveId,
      slug: 'ss-316-ball-valve-1-inch',
      title: 'SS 316 Ball Valve 1 inch',
      pricePaise: 125_050,
      unit: 'piece',
      moq: 2,
      seller: { id: data.sellerId, name: 'Rajkot Valve Works', city: 'Rajkot' },
    })
    assert.equal(body.items.find((p: { id: number }) => p.id === data.pumpId).pricePaise, null)
  })

  it('filters by keywords, by a top-level category slug (with its subcategories) and by city', async () => {
    const byWord = await getJson('/api/v1/products?q=ball')
    assert.deepEqual(
      byWord.body.items.map((p: { id: number }) => p.id),
      [data.valveId],
    )
    const byCategory = await getJson('/api/v1/products?category=valves')
    assert.deepEqual(
      byCategory.body.items.map((p: { id: number }) => p.id),
      [data.valveId],
    )
    const byCity = await getJson('/api/v1/products?city=pune')
    assert.deepEqual(
      byCity.body.items.map((p: { id: number }) => p.id),
      [data.pumpId],
    )
  })

  it('sorts by price, with "price on request" last', async () => {
    const { body } = await getJson('/api/v1/products?sort=price_desc')
    assert.deepEqual(
      body.items.map((p: { id: number }) => p.id),
      [data.valveId, data.pumpId],
    )
  })

  it('never lists drafts or suspended products', async () => {
    for (const q of ['draft', 'suspended', 'valve']) {
      const { body } = await getJson(`/api/v1/products?q=${q}`)
      const ids = body.items.map((p: { id: number }) => p.id)
      assert.ok(!ids.includes(data.draftId) && !ids.includes(data.suspendedId), q)
    }
  })

  it('filters by state, verified sellers, price and MOQ, and returns facet counts that match', async () => {
    const all = await getJson('/api/v1/products')
    assert.equal(all.body.totalCapped, false)
    assert.equal(all.body.match, 'all')
    assert.equal(all.body.correctedQuery, null)
    assert.deepEqual(all.body.facets, {
      categories: [
        { slug: 'ball-valves', name: 'Ball valves', parent: 'valves', count: 1 },
        { slug: 'pumps', name: 'Pumps', parent: null, count: 1 },
        { slug: 'valves', name: 'Valves', parent: null, count: 1 },
      ],
      cities: [
        { city: 'Pune', count: 1 },
        { city: 'Rajkot', count: 1 },
      ],
      verified: 1,
    })
    const ids = async (query: string) =>
      (await getJson(`/api/v1/products?${query}`)).body.items.map((p: { id: number }) => p.id)
    assert.deepEqual(await ids('state=gujarat'), [data.valveId])
    assert.deepEqual(await ids('verified=true'), [data.valveId])
    assert.deepEqual(await ids('minPricePaise=100000&maxPricePaise=200000'), [data.valveId])
    assert.deepEqual(await ids('minPricePaise=200000'), [])
    assert.deepEqual(await ids('maxMoq=1'), [])
    assert.deepEqual(
      await ids('maxMoq=2&verified=false'),
      [data.valveId, data.pumpId].sort((a, b) => b - a),
    )
  })

  it('says which words it searched for when it corrected a misspelling', async () => {
    const { status, body } = await getJson('/api/v1/products?q=blal%20vlave')
    assert.equal(status, 200)
    assert.equal(body.match, 'corrected')
    assert.equal(body.correctedQuery, 'ball valve')
    assert.deepEqual(
      body.items.map((p: { id: number }) => p.id),
      [data.valveId],
    )
  })

  it('GET /api/v1/search/suggest completes words and names categories and products, eight at most', async () => {
    const { status, body } = await getJson('/api/v1/search/suggest?q=ball%20va')
    assert.equal(status, 200)
    assert.ok(body.suggestions.length >= 1 && body.suggestions.length <= 8)
    assert.deepEqual(body.suggestions[0], { kind: 'query', text: 'ball valve', url: '/search?q=ball+valve' })
    assert.ok(
      body.suggestions.some(
        (s: { kind: string; url: string }) => s.kind === 'category' && s.url === '/c/ball-valves',
      ),
    )
    assert.ok(
      body.suggestions.some(
        (s: { kind: string; url: string }) =>
          s.kind === 'product' && s.url === `/p/${data.valveId}/ss-316-ball-valve-1-inch`,
      ),
    )
    for (const s of body.suggestions) assert.deepEqual(Object.keys(s).sort(), ['kind', 'text', 'url'])
    assert.deepEqual((await getJson('/api/v1/search/suggest?q=')).body, { suggestions: [] })
    const hidden = await getJson('/api/v1/search/suggest?q=suspended')
    assert.deepEqual(hidden.body, { suggestions: [] })
    const tooLong = await getJson(`/api/v1/search/suggest?q=${'a'.repeat(101)}`)
    assert.equal(tooLong.status, 400)
  })

  it('refuses bad parameters with 400 and a message that says what to fix', async () => {
    const page = await getJson('/api/v1/products?page=-1')
    assert.equal(page.status, 400)
    assert.equal(page.body.error.code, 'invalid_query')
    assert.match(page.body.error.message, /page must be a whole number/)
    assert.ok(page.body.error.fields.page)

    const sort = await getJson('/api/v1/products?sort=cheapest')
    assert.equal(sort.status, 400)
    assert.match(sort.body.error.message, /sort must be one of/)

    const category = await getJson('/api/v1/products?category=no-such-thing')
    assert.equal(category.status, 400)
    assert.equal(category.body.error.code, 'unknown_category')
  })

  it('GET /api/v1/products/:id returns the product with specs, category and seller', async () => {
    const { status, body } = await getJson(`/api/v1/products/${data.valveId}`)
    assert.equal(status, 200)
    assert.deepEqual(body.product, {
      id: data.valveId,
      slug: 'ss-316-ball-valve-1-inch',
      title: 'SS 316 Ball Valve 1 inch',
      description: 'Cast iron body, suitable for clean water transfer in factories and buildings.',
      pricePaise: 125_050,
      unit: 'piece',
      moq: 2,
      category: { slug: 'ball-valves', name: 'Ball valves' },
      specs: [{ name: 'Size', value: '1 inch' }],
      images: [],
      seller: {
        id: data.sellerId,
        slug: body.product.seller.slug,
        name: 'Rajkot Valve Works',
        city: 'Rajkot',
        state: 'Gujarat',
        gstVerified: true,
      },
    })
  })

  it('answers 404 product_not_found in JSON for unknown, draft and suspended products', async () => {
    for (const id of [999_999, data.draftId, data.suspendedId]) {
      const { status, body } = await getJson(`/api/v1/products/${id}`)
      assert.equal(status, 404, String(id))
      assert.equal(body.error.code, 'product_not_found')
    }
    const bad = await getJson('/api/v1/products/abc')
    assert.equal(bad.status, 400)
  })

  it('answers unknown API addresses with JSON, not an HTML page', async () => {
    const { status, body } = await getJson('/api/v1/nothing-here')
    assert.equal(status, 404)
    assert.equal(body.error.code, 'not_found')
  })

  it('documents the catalogue routes in the OpenAPI document', async () => {
    const { body } = await getJson('/api/openapi.json')
    for (const path of [
      '/api/v1/categories',
      '/api/v1/products',
      '/api/v1/products/{id}',
      '/api/v1/search/suggest',
    ]) {
      assert.ok(body.paths[path]?.get, path)
    }
    const names = body.paths['/api/v1/products'].get.parameters.map((p: { name: string }) => p.name)
    assert.deepEqual(names.sort(), [
      'category',
      'city',
      'maxMoq',
      'maxPricePaise',
      'minPricePaise',
      'page',
      'q',
      'sort',
      'state',
      'verified',
    ])
  })
})
