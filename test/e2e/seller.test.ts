import assert from 'node:assert/strict'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { after, before, describe, it } from 'node:test'
import { eq } from 'drizzle-orm'
import { type BrowserContext, chromium } from 'playwright-core'
import sharp from 'sharp'
import { type App, createApp } from '#src/app.ts'
import { loadTestSettings } from '#src/config.ts'
import { seedDemo } from '#src/demo/seed.ts'
import * as accounts from '#src/modules/accounts/index.ts'
import * as catalog from '#src/modules/catalog/index.ts'
import { createApiRegistry } from '#src/web/api/api-registry.ts'
import { sellerRoutes } from '#src/web/api/seller.routes.ts'
import { sellerCentrePages } from '#src/web/pages/seller/seller.pages.tsx'
import { createServer } from '#src/web/server.ts'
import { screenshot, seriousAxeViolations } from '../browser.ts'
import { openTestDatabase, testConfig } from '../setup.ts'
import { users as usersTable } from '#src/modules/accounts/accounts.tables.ts'

// A seller lists a product with a photo and publishes it; a buyer then finds it with a typo.
// (A live server like test/browser.ts's, plus the seller centre until server.ts registers it.)

const settings = loadTestSettings()

describe('seller centre in a real browser', () => {
  const live = {} as { app: App; url: string; browser: BrowserContext; close: () => Promise<void> }
  before(async () => {
    const app = await createApp(testConfig(), { database: await openTestDatabase() })
    await seedDemo(app.database, { products: 40 })
    const server = await createServer(app)
    if (!server.hasRoute({ method: 'GET', url: '/seller' })) sellerCentrePages(server, app)
    if (!server.hasRoute({ method: 'GET', url: '/api/v1/seller/products' }))
      sellerRoutes(createApiRegistry(server), app)
    await server.listen({ host: '127.0.0.1', port: 0 })
    const address = server.server.address()
    if (!address || typeof address !== 'object') throw new Error('server did not bind')
    const browser = await chromium.launchPersistentContext(
      mkdtempSync(path.join(tmpdir(), 'mandi-chromium-')),
      {
        executablePath: settings.chromiumPath,
        headless: true,
        viewport: { width: 1280, height: 900 },
        args: [
          '--headless',
          '--no-sandbox',
          '--disable-gpu',
          '--no-first-run',
          '--disable-background-networking',
        ],
      },
    )
    Object.assign(live, {
      app,
      url: `http://127.0.0.1:${address.port}`,
      browser,
      close: async () => {
        await browser.close()
        await server.close()
        await app.close()
      },
    })
  })
  after(() => live.close?.())

  async function signInAsDemoSeller() {
    const page = await live.browser.newPage()
    const signInPage = await page.goto(`${live.url}/account/sign-in`)
    if (signInPage?.status() === 200 && (await page.locator('input[type="password"]').count()) > 0) {
      const form = page.locator('form[action="/account/sign-in"]')
      await form.getByLabel(/email/i).fill('seller@demo.mandi.example')
      await form.locator('input[type="password"]').fill('demo-listings-2026')
      await form.locator('button[type="submit"]').click()
      await page.waitForURL((url) => !url.pathname.startsWith('/account/sign-in'))
    } else {
      const [user] = await live.app.db
        .select({ id: usersTable.id })
        .from(usersTable)
        .where(eq(usersTable.email, 'seller@demo.mandi.example'))
      const session = await accounts.createSession(live.app.db, { userId: user!.id, sharedDevice: false })
      await live.browser.addCookies([
        { name: 'mandi_session', value: session.token, url: live.url, httpOnly: true, sameSite: 'Lax' },
      ])
    }
    return page
  }

  it('lists a product with a photo and publishes it; a buyer finds it despite a typo', async () => {
    const page = await signInAsDemoSeller()
    await page.goto(`${live.url}/seller`)
    assert.equal(await page.locator('h1').textContent(), 'Your products')
    assert.deepEqual(await seriousAxeViolations(page), [])
    await screenshot(page, 'seller-dashboard-desktop')

    await page.getByRole('link', { name: 'Add a product' }).first().click()
    await page.waitForURL(/\/seller\/products\/new/)
    // An empty form comes back with its errors next to the fields; axe checks that state too.
    await page.getByRole('button', { name: 'Save as draft' }).click()
    await page.waitForSelector('.error-summary')
    assert.deepEqual(await seriousAxeViolations(page), [])
    await screenshot(page, 'seller-new-errors-desktop')

    await page.getByLabel('Product title').fill('Vortexaline hydropneumatic booster pump 2 HP')
    const category = page.getByLabel('Category')
    const firstChoice = await category.locator('option[value]:not([value=""])').first().getAttribute('value')
    await category.selectOption(firstChoice!)
    await page.getByLabel('Description').fill('Stainless steel booster set for apartment water pressure.')
    await page.getByLabel('Specification 1 name').fill('Power')
    await page.getByLabel('Specification 1 value').fill('2 HP')
    await page.getByLabel('Price per unit (₹)').fill('38,500')
    await page.getByLabel('Minimum order quantity').fill('1')
    await page.getByRole('button', { name: 'Save as draft' }).click()
    await page.waitForURL(/\/seller\/products\/\d+\/edit/)
    assert.match((await page.locator('.flash').first().textContent()) ?? '', /saved as a draft/)

    const photo = path.join(mkdtempSync(path.join(tmpdir(), 'mandi-photo-')), 'pump.jpg')
    writeFileSync(
      photo,
      await sharp({ create: { width: 1400, height: 1000, channels: 3, background: '#1a5297' } })
        .composite([
          {
            input: Buffer.from(
              '<svg width="600" height="400"><circle cx="300" cy="200" r="180" fill="#c2410c"/></svg>',
            ),
            top: 300,
            left: 400,
          },
        ])
        .jpeg()
        .toBuffer(),
    )
    await page.getByLabel('Add a photo').setInputFiles(photo)
    await page.getByLabel('Describe the photo').fill('Booster pump, front view')
    await page.getByRole('button', { name: 'Upload photo' }).click()
    await page.waitForURL(/#photos$/)
    const thumbnail = page.locator('.seller-photos img').first()
    assert.equal(await thumbnail.getAttribute('alt'), 'Booster pump, front view')
    assert.ok(await thumbnail.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth === 320))

    await page.locator('.seller-status').getByRole('button', { name: 'Publish' }).click()
    await page.waitForURL(/\/edit$/)
    assert.match((await page.locator('.seller-status').textContent()) ?? '', /Published/)
    assert.deepEqual(await seriousAxeViolations(page), [])
    await screenshot(page, 'seller-edit-desktop')

    await page.setViewportSize({ width: 360, height: 780 })
    for (const [url, name] of [
      [page.url(), 'seller-edit-phone'],
      [`${live.url}/seller`, 'seller-dashboard-phone'],
    ] as const) {
      await page.goto(url)
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
      assert.ok(overflow <= 0, `${name} is ${overflow}px wider than the screen`)
      await screenshot(page, name)
    }
    await page.setViewportSize({ width: 1280, height: 900 })

    await page.goto(`${live.url}/seller/api-keys`)
    await page.getByLabel('Name').fill('Tally sync')
    await page.getByLabel('Your password').fill('demo-listings-2026')
    await page.getByRole('button', { name: 'Make key' }).click()
    assert.match(await page.getByLabel('Your new key').inputValue(), /^mk_/)
    assert.deepEqual(await seriousAxeViolations(page), [])
    await screenshot(page, 'seller-api-keys-desktop')

    await page.goto(`${live.url}/seller/import`)
    assert.deepEqual(await seriousAxeViolations(page), [])
    await screenshot(page, 'seller-import-desktop')
    const csv = path.join(path.dirname(photo), 'valves.csv')
    writeFileSync(
      csv,
      'title,category,unit,price\nBrass gate valve 1 inch,Ball Valves,piece,850\nX,Ball Valves,piece,850\nGate valve 3 inch,Garden gnomes,piece,lots\n',
    )
    await page.getByLabel('CSV file').setInputFiles(csv)
    await page.getByRole('button', { name: 'Upload and check' }).click()
    await page.waitForURL(/\/seller\/import\/[0-9a-f-]{36}$/)
    assert.equal(await page.locator('meta[http-equiv="refresh"]').count(), 1)
    await catalog.runImportJob(live.app.db, live.app.config.dataDir, {})
    await page.reload()
    assert.equal(await page.locator('meta[http-equiv="refresh"]').count(), 0)
    assert.match((await page.locator('main').textContent()) ?? '', /1 product imported; 2 rows have mistakes/)
    assert.deepEqual(await seriousAxeViolations(page), [])
    await screenshot(page, 'seller-import-report-desktop')
    await page.close()

    // The buyer: a fresh visitor without the seller's cookies.
    await live.browser.clearCookies()
    const buyer = await live.browser.newPage()
    await buyer.goto(`${live.url}/`)
    const search = buyer.locator('header input[name="q"]')
    await search.fill('vortexalin booster')
    await search.press('Enter')
    await buyer.waitForURL(/\/search\?q=/)
    const result = buyer.locator('main a[href^="/p/"]', { hasText: 'Vortexaline' }).first()
    await result.click()
    await buyer.waitForURL(/\/p\/\d+\//)
    assert.match(
      (await buyer.locator('h1').textContent()) ?? '',
      /Vortexaline hydropneumatic booster pump 2 HP/,
    )
    assert.match((await buyer.locator('main').textContent()) ?? '', /₹38,500/)
    await screenshot(buyer, 'seller-product-as-buyer')
    await buyer.close()
  })
})
