import assert from 'node:assert/strict'
import { before, describe, it } from 'node:test'
import sharp from 'sharp'
import * as catalog from '#src/modules/catalog/index.ts'
import { buildBusiness, buildUser } from '#test/factories.ts'
import { visibleText } from '../account/account-pages.test-support.ts'
import { browserFor, buildSubcategory, signedInSeller, useSellerServer } from './seller-test-support.ts'

describe('seller centre pages', () => {
  const ctx = useSellerServer()
  let categoryId: string
  before(async () => {
    categoryId = String((await buildSubcategory(ctx.app.db, 'Gate valves')).id)
  })

  const form = (overrides: Record<string, string | string[]> = {}) => ({
    title: 'Brass gate valve 2 inch',
    categoryId,
    description: 'Forged brass body.',
    specName: ['Size', 'Material', ''],
    specValue: ['2 inch', 'Brass', ''],
    price: '1,250.50',
    unit: 'piece',
    moq: '10',
    stock: '',
    ...overrides,
  })

  async function createThroughForm(
    browser: Awaited<ReturnType<typeof signedInSeller>>['browser'],
    fields = form(),
  ) {
    const res = await browser.submit('/seller/products/new', '/seller/products/new', fields)
    assert.equal(res.statusCode, 303, res.body.slice(0, 3000))
    return Number(/\/seller\/products\/(\d+)\/edit/.exec(res.headers.location as string)![1])
  }

  it('sends signed-out visitors to sign in, and tells people without a business profile what to complete', async () => {
    const anonymous = await ctx.server.inject({ url: '/seller' })
    assert.equal(anonymous.statusCode, 303)
    assert.equal(anonymous.headers.location, '/account/sign-in?next=%2Fseller')

    const buyer = await buildUser(ctx.app.db, { emailVerifiedAt: new Date() })
    const res = await (await browserFor(ctx, buyer.id)).get('/seller/products/new')
    assert.equal(res.statusCode, 403)
    assert.match(
      visibleText(res.body),
      /Complete your profile first: create your business profile with your GSTIN/,
    )
    assert.ok(res.body.includes('href="/account/business"'))

    const unverified = await buildUser(ctx.app.db, { emailVerifiedAt: null })
    await buildBusiness(ctx.app.db, { ownerUserId: unverified.id })
    const page = await (await browserFor(ctx, unverified.id)).get('/seller')
    assert.equal(page.statusCode, 403)
    assert.ok(page.body.includes('href="/account/profile#email"'))
  })

  it('creates a draft from the form, lists it, and publishes and unpublishes it', async () => {
    const { browser, seller } = await signedInSeller(ctx)
    const id = await createThroughForm(browser)
    const product = await catalog.getOwnProduct(ctx.app.db, seller, id)
    assert.equal(product.pricePaise, 125050)
    assert.deepEqual(product.specs, [
      { name: 'Size', value: '2 inch' },
      { name: 'Material', value: 'Brass' },
    ])
    const dashboard = await browser.get('/seller')
    assert.match(visibleText(dashboard.body), /Brass gate valve 2 inch Gate valves Draft ₹1,250.50 \/ piece/)

    const published = await browser.submit(`/seller/products/${id}/edit`, `/seller/products/${id}/publish`, {
      action: 'publish',
    })
    assert.equal(published.statusCode, 303)
    assert.equal((await catalog.getOwnProduct(ctx.app.db, seller, id)).status, 'published')
    assert.equal((await ctx.server.inject({ url: `/p/${id}/${product.slug}` })).statusCode, 200)
    await browser.submit(`/seller/products/${id}/edit`, `/seller/products/${id}/publish`, {
      action: 'unpublish',
    })
    assert.equal((await catalog.getOwnProduct(ctx.app.db, seller, id)).status, 'draft')
  })

  it('keeps what was typed and puts each error next to its field', async () => {
    const { browser } = await signedInSeller(ctx)
    const res = await browser.submit(
      '/seller/products/new',
      '/seller/products/new',
      form({ title: 'Tiny', price: 'about 500', moq: '0', specName: ['Size', ''], specValue: ['', ''] }),
    )
    assert.equal(res.statusCode, 400)
    assert.ok(res.body.includes('value="Tiny"'))
    assert.ok(res.body.includes('value="about 500"'))
    assert.ok(res.body.includes('value="Size"'))
    for (const field of ['title', 'price', 'moq']) assert.ok(res.body.includes(`id="${field}-error"`), field)
    assert.match(visibleText(res.body), /Row 1: Give this specification a value/)

    const noPrice = await browser.submit(
      '/seller/products/new',
      '/seller/products/new',
      form({ price: '', title: '' }),
    )
    assert.match(visibleText(noPrice.body), /tick "Price on request"/)
    assert.ok(
      noPrice.body.includes('id="title-error"'),
      'other mistakes are shown along with the missing price',
    )
    const onRequest = await browser.submit(
      '/seller/products/new',
      '/seller/products/new',
      form({ price: '', priceOnRequest: '1' }),
    )
    assert.equal(onRequest.statusCode, 303)
  })

  it("shows another seller's product to no one but its owner: 404 on every page and form", async () => {
    const owner = await signedInSeller(ctx)
    const stranger = await signedInSeller(ctx)
    const id = await createThroughForm(owner.browser, form({ title: 'Owner secret draft valve' }))
    await stranger.browser.get('/seller/products/new')
    const pages = [
      await stranger.browser.get(`/seller/products/${id}/edit`),
      await stranger.browser.post(`/seller/products/${id}/edit`, form({ title: 'Stolen listing title' })),
      await stranger.browser.post(`/seller/products/${id}/publish`, { action: 'publish' }),
      await stranger.browser.post(`/seller/products/${id}/delete`, {}),
    ]
    for (const res of pages) {
      assert.equal(res.statusCode, 404)
      assert.ok(!res.body.includes('Owner secret draft valve'))
    }
    assert.ok(!(await stranger.browser.get('/seller')).body.includes('Owner secret draft valve'))
    const product = await catalog.getOwnProduct(ctx.app.db, owner.seller, id)
    assert.equal(product.title, 'Owner secret draft valve')
    assert.equal(product.status, 'draft')
  })

  it('renders a script in a title or specification as inert text', async () => {
    const { browser } = await signedInSeller(ctx)
    const payload = '<script>alert(1)</script>'
    const id = await createThroughForm(
      browser,
      form({
        title: `Valve ${payload}`,
        specName: ['<img src=x onerror=alert(2)>'],
        specValue: [`"><svg onload=alert(3)>`],
      }),
    )
    for (const url of ['/seller', `/seller/products/${id}/edit`]) {
      const res = await browser.get(url)
      assert.equal(res.statusCode, 200)
      assert.ok(!res.body.includes('<script>alert'), url)
      assert.ok(!res.body.includes('<img src=x'), url)
      assert.ok(!res.body.includes('<svg onload'), url)
      assert.match(res.body, /&lt;script(>|&gt;)alert\(1\)&lt;\/script/, url)
    }
  })

  it('adds a photo as WebP widths, serves it, and refuses a text file named .jpg and a file over 8 MB', async () => {
    const { browser, seller } = await signedInSeller(ctx)
    const id = await createThroughForm(browser)
    await browser.get(`/seller/products/${id}/edit`)
    const fake = await browser.upload(`/seller/products/${id}/images`, {
      field: 'image',
      filename: 'photo.jpg',
      type: 'image/jpeg',
      data: Buffer.from('just some text, not a photo'),
    })
    assert.equal(fake.statusCode, 400)
    assert.match(visibleText(fake.body), /not a PNG, JPEG or WebP image, whatever its name says/)
    const big = await browser.upload(`/seller/products/${id}/images`, {
      field: 'image',
      filename: 'big.jpg',
      type: 'image/jpeg',
      data: Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.alloc(8 * 1024 * 1024 + 10)]),
    })
    assert.equal(big.statusCode, 400)
    assert.match(visibleText(big.body), /larger than 8 MB/)

    const png = await sharp({ create: { width: 1600, height: 1200, channels: 3, background: '#c2410c' } })
      .png()
      .toBuffer()
    const ok = await browser.upload(`/seller/products/${id}/images`, {
      field: 'image',
      filename: 'pump.png',
      type: 'image/png',
      data: png,
    })
    assert.equal(ok.statusCode, 303, ok.body.slice(0, 2000))
    const [image] = (await catalog.getOwnProduct(ctx.app.db, seller, id)).images
    assert.deepEqual(image?.widths, [320, 640, 1280])
    const urls = catalog.productImageUrls(image!)
    const served = await ctx.server.inject({ url: urls.src })
    assert.equal(served.statusCode, 200)
    assert.equal(served.headers['content-type'], 'image/webp')
    assert.equal((await sharp(served.rawPayload).metadata()).width, 640)
    assert.equal(
      (await ctx.server.inject({ url: '/uploads/products/1/..%2f..%2fsecret-640.webp' })).statusCode,
      404,
    )

    const edit = await browser.get(`/seller/products/${id}/edit`)
    assert.ok(edit.body.includes(urls.thumbnail))
    assert.equal((await browser.post(`/seller/products/${id}/images/${image!.id}/main`, {})).statusCode, 303)
    const removed = await browser.post(`/seller/products/${id}/images/${image!.id}/delete`, {})
    assert.equal(removed.statusCode, 303)
    assert.equal((await ctx.server.inject({ url: urls.src })).statusCode, 404)
  })

  it('imports a CSV: a progress page that refreshes itself, then each bad row reported', async () => {
    const { browser } = await signedInSeller(ctx)
    const template = await ctx.server.inject({ url: '/seller/import/template.csv' })
    assert.equal(template.headers['content-type'], 'text/csv; charset=utf-8')
    assert.match(template.body, /^title,category,unit,price,moq,stock,description,specs,status\r\n/)

    await browser.get('/seller/import')
    const csv =
      'title,category,unit,price\nBrass gate valve 1 inch,Gate valves,piece,850\nX,Gate valves,piece,850\n'
    const res = await browser.upload('/seller/import', {
      field: 'file',
      filename: 'valves.csv',
      type: 'text/csv',
      data: Buffer.from(csv),
    })
    assert.equal(res.statusCode, 303, res.body.slice(0, 2000))
    const progressUrl = res.headers.location as string
    const waiting = await browser.get(progressUrl)
    assert.ok(waiting.body.includes('<meta http-equiv="refresh" content="3"'))

    await catalog.runImportJob(ctx.app.db, ctx.app.config.dataDir, {})
    const done = await browser.get(progressUrl)
    assert.ok(!done.body.includes('http-equiv="refresh"'))
    assert.match(visibleText(done.body), /1 product imported; 1 row has mistakes/)
    assert.match(visibleText(done.body), /3 title Give the product a title of at least 5 characters/)

    const stranger = await signedInSeller(ctx)
    assert.equal((await stranger.browser.get(progressUrl)).statusCode, 404)
  })
})
