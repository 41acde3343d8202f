import assert from 'node:assert/strict'
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { before, describe, it } from 'node:test'
import sharp from 'sharp'
import * as accounts from '#src/modules/accounts/index.ts'
import { makeGstin } from '#src/shared/gstin.ts'
import { buildCategory } from '#test/factories.ts'
import { testDatabaseKind } from '#test/setup.ts'
import { registerThroughForm, useAccountServer, visibleText } from './account-pages.test-support.ts'

let pans = 0
// A PAN of a company ("C" in 4th place), different for every test so GSTINs never collide.
const newPan = () => `AAPC${'ABCDEFGHJK'[pans % 10]}${String(1000 + (++pans % 9000)).padStart(4, '0')}K`

const businessForm = (overrides: Record<string, string | string[]> = {}) => ({
  legalName: 'Sundaram Pumps Private Limited',
  tradeName: 'Sundaram Pumps',
  gstin: makeGstin('29', newPan()),
  businessType: 'manufacturer',
  yearEstablished: '1998',
  description: 'Monoblock and submersible pumps for farms and factories.',
  'address.line1': 'Plot 22, KIADB Industrial Area',
  'address.city': 'Bengaluru',
  'address.state': 'Karnataka',
  'address.pin': '560058',
  ...overrides,
})

const png = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 4, background: { r: 11, g: 61, b: 122, alpha: 1 } } })
    .png()
    .toBuffer()

describe(`the business profile page (${testDatabaseKind})`, () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'mandi-business-pages-'))
  const ctx = useAccountServer({ DATA_DIR: dataDir })
  const categories = { top: 0, sub: 0 }

  before(async () => {
    const top = await buildCategory(ctx.app.db, { name: 'Pumps' })
    const sub = await buildCategory(ctx.app.db, { name: 'Submersible Pumps', parentId: top.id })
    Object.assign(categories, { top: top.id, sub: sub.id })
  })

  it('offers the form with every category to choose from and "why we ask" for the GSTIN', async () => {
    const { browser } = await registerThroughForm(ctx)
    const res = await browser.get('/account/business')
    assert.equal(res.statusCode, 200)
    assert.match(visibleText(res.body), /Create your business profile/)
    assert.match(res.body, new RegExp(`name="categories" value="${categories.sub}"`))
    assert.match(visibleText(res.body), /All of Pumps/)
    assert.match(visibleText(res.body), /Why we ask: GST identification number/)
    assert.doesNotMatch(
      res.body,
      /enctype="multipart\/form-data"/,
      'no logo upload before the business exists',
    )
  })

  it('reports a GSTIN of another state together with every other field, keeping what was typed', async () => {
    const { browser } = await registerThroughForm(ctx)
    await browser.get('/account/business')
    const wrongState = makeGstin('27', newPan())
    const res = await browser.post(
      '/account/business',
      businessForm({ gstin: wrongState, legalName: 'S', 'address.pin': '05600', yearEstablished: '2999' }),
    )
    assert.equal(res.statusCode, 400)
    assert.match(res.body, /id="gstin-error"[^>]*>.*registered in Maharashtra \(state code 27\)/)
    for (const field of ['legalName', 'address-pin', 'yearEstablished']) {
      assert.match(res.body, new RegExp(`id="${field}-error"`), `${field} has its error in the same answer`)
    }
    for (const typed of [
      wrongState,
      'S',
      '05600',
      '2999',
      'Plot 22, KIADB Industrial Area',
      'Sundaram Pumps',
    ]) {
      assert.match(res.body, new RegExp(`value="${typed}"`), `${typed} is kept`)
    }
  })

  it('shows an invalid GSTIN next to the field and keeps what was typed', async () => {
    const { browser } = await registerThroughForm(ctx)
    await browser.get('/account/business')
    const wrongState = makeGstin('27', newPan())
    const res = await browser.post(
      '/account/business',
      businessForm({ gstin: wrongState, categories: [String(categories.sub)] }),
    )
    assert.equal(res.statusCode, 400)
    assert.match(
      res.body,
      /id="gstin-error"[^>]*>.*registered in Maharashtra \(state code 27\), but the address is in Karnataka/,
    )
    assert.match(res.body, new RegExp(`value="${wrongState}"`))
    assert.match(res.body, /value="Plot 22, KIADB Industrial Area"/)
    assert.match(res.body, new RegExp(`value="${categories.sub}" checked`))

    const typo = await browser.post('/account/business', businessForm({ gstin: '29AAPCA1234K1Z0' }))
    assert.equal(typo.statusCode, 400)
    assert.match(typo.body, /id="gstin-error"[^>]*>.*does not match; please check for a typo/)

    const missing = await browser.post(
      '/account/business',
      businessForm({ 'address.pin': '', legalName: '' }),
    )
    assert.equal(missing.statusCode, 400)
    assert.match(missing.body, /id="address-pin-error"/)
    assert.match(missing.body, /id="legalName-error"/)
  })

  it('creates the business profile with its categories, and makes the person a seller', async () => {
    const { browser, userId } = await registerThroughForm(ctx)
    const form = businessForm({ categories: [String(categories.top), String(categories.sub)] })
    const res = await browser.submit('/account/business', '/account/business', form)
    assert.equal(res.statusCode, 303)
    const business = await accounts.findBusinessByOwner(ctx.app.db, userId)
    assert.equal(business?.gstin, form.gstin)
    assert.deepEqual([...(business?.categoryIds ?? [])].sort(), [categories.top, categories.sub].sort())
    const page = await browser.get('/account/business')
    assert.match(visibleText(page.body), /Your business profile is created/)
    assert.match(page.body, /enctype="multipart\/form-data"/)
    const profile = await accounts.findProfile(ctx.app.db, userId)
    assert.ok(profile.roles.includes('seller'))

    const someoneElse = await registerThroughForm(ctx)
    const taken = await someoneElse.browser.submit(
      '/account/business',
      '/account/business',
      businessForm({ gstin: form.gstin }),
    )
    assert.equal(taken.statusCode, 409)
    assert.match(
      taken.body,
      /id="gstin-error"[^>]*>.*Another business on Mandi is registered with this GSTIN/,
    )
  })

  it('stores an uploaded PNG logo as a 256 × 256 WebP and serves it with a long cache', async () => {
    const { browser, userId } = await registerThroughForm(ctx)
    await browser.submit('/account/business', '/account/business', businessForm())
    await browser.get('/account/business')
    const res = await browser.upload('/account/business/logo', {
      field: 'logo',
      filename: 'logo.png',
      type: 'image/png',
      data: await png(900, 400),
    })
    assert.equal(res.statusCode, 303, res.body.slice(0, 500))
    const business = await accounts.findBusinessByOwner(ctx.app.db, userId)
    assert.match(business!.logoPath!, new RegExp(`^logos/${business!.id}-[0-9a-f]{16}\\.webp$`))
    const file = path.join(dataDir, 'uploads', business!.logoPath!)
    const meta = await sharp(readFileSync(file)).metadata()
    assert.deepEqual([meta.format, meta.width, meta.height], ['webp', 256, 256])

    const page = await browser.get('/account/business')
    assert.match(page.body, new RegExp(`<img class="logo-preview" src="/uploads/${business!.logoPath}"`))
    const served = await browser.get(`/uploads/${business!.logoPath}`)
    assert.equal(served.statusCode, 200)
    assert.match(String(served.headers['content-type']), /image\/webp/)
    assert.match(String(served.headers['cache-control']), /max-age=31536000/)
    assert.match(String(served.headers['cache-control']), /immutable/)
    assert.equal((await browser.get('/uploads/../.secret-key')).statusCode, 404)
    assert.equal((await browser.get('/uploads/logos/not-a-logo.txt')).statusCode, 404)
  })

  it('refuses a text file named logo.png, an image over 4000 × 4000 pixels and a file over 2 MB, with clear messages', async () => {
    const { browser, userId } = await registerThroughForm(ctx)
    await browser.submit('/account/business', '/account/business', businessForm())
    const logo = (data: Buffer) => ({ field: 'logo', filename: 'logo.png', type: 'image/png', data })

    await browser.get('/account/business')
    const text = await browser.upload('/account/business/logo', logo(Buffer.from('definitely a logo\n')))
    assert.equal(text.statusCode, 400)
    assert.match(text.body, /id="logo-error"[^>]*>.*not a PNG, JPEG or WebP image, whatever its name says/)

    const huge = await browser.upload('/account/business/logo', logo(await png(5000, 5000)))
    assert.equal(huge.statusCode, 400)
    assert.match(huge.body, /5000 × 5000 pixels; the largest we accept is 4000 × 4000/)

    const heavy = Buffer.concat([(await png(10, 10)).subarray(0, 8), Buffer.alloc(2 * 1024 * 1024 + 10, 7)])
    const big = await browser.upload('/account/business/logo', logo(heavy))
    assert.equal(big.statusCode, 400)
    assert.match(big.body, /larger than 2 MB/)

    const business = await accounts.findBusinessByOwner(ctx.app.db, userId)
    assert.equal(business!.logoPath, null)
  })

  it('refuses a logo upload without the CSRF token, and one from a person without a business', async () => {
    const { browser, userId } = await registerThroughForm(ctx)
    await browser.submit('/account/business', '/account/business', businessForm())
    const before = existsSync(path.join(dataDir, 'uploads', 'logos'))
      ? readdirSync(path.join(dataDir, 'uploads', 'logos')).length
      : 0
    const refused = await browser.upload(
      '/account/business/logo',
      { field: 'logo', filename: 'logo.png', type: 'image/png', data: await png(300, 300) },
      { csrf: false },
    )
    assert.equal(refused.statusCode, 403)
    assert.equal((await accounts.findBusinessByOwner(ctx.app.db, userId))!.logoPath, null)
    const after = existsSync(path.join(dataDir, 'uploads', 'logos'))
      ? readdirSync(path.join(dataDir, 'uploads', 'logos')).length
      : 0
    assert.equal(after, before)

    const buyer = await registerThroughForm(ctx)
    await buyer.browser.get('/account/business')
    const noBusiness = await buyer.browser.upload('/account/business/logo', {
      field: 'logo',
      filename: 'logo.png',
      type: 'image/png',
      data: await png(300, 300),
    })
    assert.equal(noBusiness.statusCode, 303)
    assert.match(
      visibleText((await buyer.browser.get('/account/business')).body),
      /Create your business profile first/,
    )
  })
})
