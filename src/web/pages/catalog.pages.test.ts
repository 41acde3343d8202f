import assert from 'node:assert/strict'
import { before, describe, it } from 'node:test'
import { buildBusiness, buildCategory, buildProduct } from '#test/factories.ts'
import { useTestApp } from '#test/setup.ts'

const XSS = '<script>alert(1)</script>'
// Text is escaped as &lt;script>…; > needs no escaping outside attributes.
const ESCAPED = /&lt;script(>|&gt;)alert\(1\)&lt;\/script(>|&gt;)/

describe('catalogue pages', () => {
  const ctx = useTestApp()
  const data = {} as {
    valve: { id: number; slug: string }
    pump: { id: number; slug: string }
    xss: { id: number; slug: string }
    draft: { id: number; slug: string }
    suspended: { id: number; slug: string }
    sellerSlug: string
    quietSellerSlug: string
  }

  before(async () => {
    const db = ctx.db
    const valves = await buildCategory(db, { slug: 'valves', name: 'Valves', position: 1 })
    const gateValves = await buildCategory(db, {
      slug: 'gate-valves',
      name: 'Gate valves',
      parentId: valves.id,
    })
    const pumps = await buildCategory(db, { slug: 'pumps', name: 'Pumps', position: 0 })
    const seller = await buildBusiness(db, {
      slug: 'rajkot-valve-works',
      legalName: 'Rajkot Valve Works Pvt Ltd',
      tradeName: 'Rajkot Valve Works',
      city: 'Rajkot',
      state: 'Gujarat',
      yearEstablished: 2003,
      gstinVerifiedAt: new Date('2026-11-20T06:00:00Z'),
      description: 'Forged and cast valves for water and steam lines.',
    })
    const quiet = await buildBusiness(db, { slug: 'nothing-published-yet' })
    data.sellerSlug = seller.slug
    data.quietSellerSlug = quiet.slug
    data.valve = await buildProduct(db, {
      businessId: seller.id,
      categoryId: gateValves.id,
      title: 'Cast Iron Gate Valve 2 inch PN16',
      slug: 'cast-iron-gate-valve-2-inch-pn16',
      specs: [
        { name: 'Size', value: '2 inch' },
        { name: 'Body material', value: 'Cast iron' },
        { name: 'Pressure rating', value: 'PN16' },
      ],
      pricePaise: 785_000,
      unit: 'piece',
      moq: 10,
    })
    data.pump = await buildProduct(db, {
      businessId: seller.id,
      categoryId: pumps.id,
      title: 'Centrifugal Monoblock Pump 1 HP',
      slug: 'centrifugal-monoblock-pump-1-hp',
      pricePaise: null,
    })
    data.xss = await buildProduct(db, {
      businessId: seller.id,
      categoryId: gateValves.id,
      title: `${XSS} Valve`,
    })
    data.draft = await buildProduct(db, {
      businessId: seller.id,
      categoryId: gateValves.id,
      title: 'Secret Draft Valve',
      status: 'draft',
      publishedAt: null,
    })
    data.suspended = await buildProduct(db, {
      businessId: seller.id,
      categoryId: gateValves.id,
      title: 'Suspended Knockoff Valve',
      status: 'suspended',
    })
    await buildProduct(db, {
      businessId: quiet.id,
      categoryId: pumps.id,
      title: 'Unlisted Pump',
      status: 'draft',
    })
  })

  const get = async (url: string) => {
    const res = await ctx.server.inject(url)
    return { status: res.statusCode, body: res.body, headers: res.headers }
  }

  describe('home page', () => {
    it('lists the categories and a recently listed product', async () => {
      const { status, body } = await get('/')
      assert.equal(status, 200)
      assert.match(body, /<a href="\/c\/valves">Valves<\/a>/)
      assert.match(body, /<a href="\/c\/gate-valves">Gate valves<\/a>/)
      assert.match(body, /Cast Iron Gate Valve 2 inch PN16/)
      assert.match(body, /Rajkot Valve Works/)
      assert.match(body, /<link rel="canonical" href="http:\/\/[^"]+\/"/)
    })

    it('never shows drafts or suspended products', async () => {
      const { body } = await get('/')
      assert.doesNotMatch(body, /Secret Draft Valve|Suspended Knockoff Valve|Unlisted Pump/)
    })
  })

  describe('search', () => {
    it('finds a product by a word in its title and says how many matched', async () => {
      const { status, body } = await get('/search?q=gate')
      assert.equal(status, 200)
      assert.match(body, /Cast Iron Gate Valve 2 inch PN16/)
      assert.match(body, /<strong>1 product<\/strong>/)
      assert.match(
        body,
        /id="site-q"[^>]*value="gate"|value="gate"[^>]*id="site-q"/,
        'the query is echoed in the search box',
      )
    })

    it('finds a product while the last word is still being typed', async () => {
      const { body } = await get('/search?q=monobl')
      assert.match(body, /Centrifugal Monoblock Pump 1 HP/)
    })

    it('finds valves when "valve" is misspelt, and says which words it searched for instead', async () => {
      const { status, body } = await get('/search?q=vlave')
      assert.equal(status, 200)
      assert.match(body, /Cast Iron Gate Valve 2 inch PN16/)
      assert.match(body, /Showing results for “valve”/)
      assert.match(body, /No products matched “vlave”/)
    })

    it('shows suggestions when nothing matches', async () => {
      const { status, body } = await get('/search?q=zzqqxx')
      assert.equal(status, 200)
      assert.match(body, /No products match “zzqqxx”/)
      assert.match(body, /Check the spelling/)
      assert.match(body, /href="\/c\/pumps"/)
    })

    it('never finds drafts or suspended products', async () => {
      for (const q of ['secret draft', 'knockoff', 'unlisted']) {
        const { body } = await get(`/search?q=${encodeURIComponent(q)}`)
        assert.doesNotMatch(body, /Secret Draft Valve|Suspended Knockoff Valve|Unlisted Pump/, q)
      }
    })

    it('narrows by price in rupees, MOQ and verified sellers, keeps the filters in the form, and shows facets', async () => {
      const { status, body } = await get('/search?q=valve&minPrice=5000&maxPrice=8000&maxMoq=10&verified=1')
      assert.equal(status, 200)
      assert.match(body, /Cast Iron Gate Valve 2 inch PN16/)
      // The gate valve and the hostile-title valve: same seller, ₹7,850 each, MOQ 10 and 2.
      assert.match(body, /<strong>2 products<\/strong>/)
      assert.match(body, /name="minPrice"[^>]*value="5000"/)
      assert.match(body, /name="maxMoq"[^>]*value="10"/)
      assert.match(body, /id="filter-verified"[^>]*checked/)
      assert.match(body, /3 active/)
      const cheaper = await get('/search?q=valve&maxPrice=5000')
      assert.doesNotMatch(cheaper.body, /Cast Iron Gate Valve 2 inch PN16/)
      const facets = await get('/search?q=valve')
      assert.match(facets.body, /By category/)
      assert.match(facets.body, /href="\/search\?q=valve&amp;category=gate-valves"/)
      assert.match(facets.body, /href="\/search\?q=valve&amp;city=Rajkot"/)
    })

    it('ignores a nonsense filter value but keeps the others', async () => {
      const { status, body } = await get('/search?q=valve&maxMoq=lots&city=rajkot')
      assert.equal(status, 200)
      assert.match(body, /name="city"[^>]*value="rajkot"/)
      assert.match(body, /Cast Iron Gate Valve 2 inch PN16/)
    })

    it('loads the suggestions script from its own file, deferred', async () => {
      const { body } = await get('/search?q=valve')
      assert.match(body, /<script src="\/static\/js\/suggest\.js\?v=[0-9a-f]+" defer/)
      const script = await ctx.server.inject('/static/js/suggest.js')
      assert.equal(script.statusCode, 200)
      assert.match(script.body, /role', 'combobox'/)
    })

    it('forgives a nonsense page number instead of failing', async () => {
      const { status } = await get('/search?q=valve&page=-1')
      assert.equal(status, 200)
    })
  })

  describe('category page', () => {
    it('shows breadcrumbs, subcategories and the products of every subcategory', async () => {
      const { status, body } = await get('/c/valves')
      assert.equal(status, 200)
      assert.match(body, /aria-label="Breadcrumb"/)
      assert.match(body, /href="\/c\/gate-valves"/)
      assert.match(body, /Cast Iron Gate Valve 2 inch PN16/)
      assert.doesNotMatch(body, /Centrifugal Monoblock Pump/)
      assert.doesNotMatch(body, /Secret Draft Valve|Suspended Knockoff Valve/)
    })

    it('filters a category by seller and price, and gives the exact count when unfiltered', async () => {
      const all = await get('/c/valves')
      assert.match(all.body, /<strong>2 products<\/strong>/)
      const filtered = await get('/c/valves?maxMoq=5')
      assert.match(filtered.body, /<strong>1 product<\/strong>/)
      assert.doesNotMatch(filtered.body, /Cast Iron Gate Valve 2 inch PN16/)
      const none = await get('/c/valves?state=Kerala')
      assert.match(none.body, /No valves match these filters/)
    })

    it('answers 404 for an unknown category', async () => {
      const { status, body } = await get('/c/no-such-category')
      assert.equal(status, 404)
      assert.match(body, /We could not find that page/)
    })
  })

  describe('product page', () => {
    it('shows specifications, the price as ₹7,850 per piece, the MOQ and the seller', async () => {
      const { status, body } = await get(`/p/${data.valve.id}/${data.valve.slug}`)
      assert.equal(status, 200)
      assert.match(body, /<h1[^>]*>Cast Iron Gate Valve 2 inch PN16<\/h1>/)
      assert.match(body, /₹7,850/)
      assert.match(body, /\/ piece/)
      assert.match(body, /10 pieces/)
      assert.match(body, /<th scope="row">Pressure rating<\/th><td>PN16<\/td>/)
      assert.match(body, /href="\/s\/rajkot-valve-works"/)
      assert.match(body, /GST verified/)
      assert.match(body, /checked 20 Nov 2026/)
      assert.match(body, /id="enquire"/)
      assert.ok(body.includes(`href="/enquire?productId=${data.valve.id}"`))
    })

    it('says "Price on request" when the seller gave no price', async () => {
      const { body } = await get(`/p/${data.pump.id}/${data.pump.slug}`)
      assert.match(body, /Price on request/)
    })

    it('redirects permanently to the canonical address when the slug is wrong or missing', async () => {
      for (const url of [`/p/${data.valve.id}/old-title`, `/p/${data.valve.id}`]) {
        const { status, headers } = await get(url)
        assert.equal(status, 301, url)
        assert.equal(headers.location, `/p/${data.valve.id}/${data.valve.slug}`)
      }
    })

    it('answers an HTML 404 for unknown, draft and suspended products', async () => {
      for (const url of [
        '/p/999999/anything',
        `/p/${data.draft.id}/${data.draft.slug}`,
        `/p/${data.suspended.id}/x`,
        '/p/abc/x',
      ]) {
        const { status, body, headers } = await get(url)
        assert.equal(status, 404, url)
        assert.match(headers['content-type'] as string, /text\/html/)
        assert.match(body, /We could not find that page/)
        assert.match(body, /id="nf-q"/, 'offers a search box')
        assert.match(body, /href="\/c\/valves"/, 'links the categories')
        assert.doesNotMatch(body, /Secret Draft Valve|Suspended Knockoff Valve/)
      }
    })
  })

  describe('seller storefront', () => {
    it('shows the business, its GST verification date and its published products', async () => {
      const { status, body } = await get(`/s/${data.sellerSlug}`)
      assert.equal(status, 200)
      assert.match(body, /<h1>Rajkot Valve Works<\/h1>/)
      assert.match(body, /Rajkot, Gujarat/)
      assert.match(body, /GSTIN checked on 20 Nov 2026/)
      assert.match(body, /2003/)
      assert.match(body, /Cast Iron Gate Valve 2 inch PN16/)
      assert.doesNotMatch(body, /Secret Draft Valve|Suspended Knockoff Valve/)
    })

    it('has no storefront for a business with nothing published', async () => {
      assert.equal((await get(`/s/${data.quietSellerSlug}`)).status, 404)
      assert.equal((await get('/s/no-such-seller')).status, 404)
    })
  })

  describe('escaping', () => {
    it('renders a title like <script>alert(1)</script> as text on every page that shows it', async () => {
      const pages = [
        '/',
        '/search?q=alert',
        '/c/valves',
        '/c/gate-valves',
        `/p/${data.xss.id}/${data.xss.slug}`,
        `/s/${data.sellerSlug}`,
      ]
      for (const url of pages) {
        const { status, body } = await get(url)
        assert.equal(status, 200, url)
        // Pages carry no script but their own files from /static/js/, so any other <script is injected.
        assert.ok(!withoutOwnScripts(body).includes('<script'), `${url} contains a raw script tag`)
        assert.match(body, ESCAPED, `${url} shows the title as text`)
      }
    })

    it('echoes a hostile search query as text', async () => {
      const { body } = await get(`/search?q=${encodeURIComponent(XSS)}`)
      assert.ok(!withoutOwnScripts(body).includes('<script'))
      assert.match(body, ESCAPED)
    })
  })
})

function withoutOwnScripts(body: string): string {
  return (
    body
      .replace(/<script src="\/static\/js\/[\w.-]+\?v=[0-9a-f]+" defer(="")?><\/script>/g, '')
      // Structured data is a data block; structured-data.test.ts checks that no value can close it.
      .replace(/<script type="application\/ld\+json">[^<]*<\/script>/g, '')
  )
}
