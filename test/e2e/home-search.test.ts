import assert from 'node:assert/strict'
import { existsSync, statSync } from 'node:fs'
import { describe, it } from 'node:test'
import { seedDemo } from '#src/demo/seed.ts'
import { screenshot, seriousAxeViolations, useLiveServer } from '../browser.ts'

describe('home page and search in a real browser', () => {
  const live = useLiveServer(async (app) => {
    await seedDemo(app.database, { products: 150 })
  })

  it('shows categories and products, searches from the header box, and passes axe', async () => {
    const page = await live.browser.newPage()
    const response = await page.goto(`${live.url}/`)
    assert.equal(response?.status(), 200)
    assert.match(await page.title(), /Mandi/)
    const categoryLinks = await page.locator('a[href^="/c/"]').count()
    assert.ok(categoryLinks >= 6, `home page links categories (found ${categoryLinks})`)
    const productLinks = await page.locator('a[href^="/p/"]').count()
    assert.ok(productLinks >= 4, `home page shows featured products (found ${productLinks})`)
    assert.deepEqual(await seriousAxeViolations(page), [])
    const homeShot = await screenshot(page, 'home-desktop')

    const search = page.locator('header input[name="q"]')
    await search.fill('pump')
    await search.press('Enter')
    await page.waitForURL(/\/search\?q=pump/)
    assert.equal(await page.locator('header input[name="q"]').inputValue(), 'pump')
    const results = page.locator('main a[href^="/p/"]')
    assert.ok((await results.count()) > 0, 'the search for "pump" lists products')
    assert.match((await page.locator('main').textContent())?.toLowerCase() ?? '', /pump/)
    assert.deepEqual(await seriousAxeViolations(page), [])
    const resultsShot = await screenshot(page, 'search-desktop')

    for (const file of [homeShot, resultsShot]) assert.ok(existsSync(file) && statSync(file).size > 10_000)
    await page.close()
  })

  it('suggests products and categories as you type, as an accessible combobox', async () => {
    const page = await live.browser.newPage()
    await page.goto(`${live.url}/`)
    const box = page.locator('header input[name="q"]')
    assert.equal(await box.getAttribute('role'), 'combobox')
    await box.pressSequentially('pum', { delay: 40 })
    const options = page.getByRole('option')
    await options.first().waitFor({ timeout: 5000 })
    assert.ok((await options.count()) > 0)
    assert.match((await options.first().textContent())?.toLowerCase() ?? '', /pum/)
    assert.equal(await box.getAttribute('aria-expanded'), 'true')
    assert.deepEqual(await seriousAxeViolations(page), [])
    await page.close()
  })

  it('works on a 360-pixel phone screen without sideways scrolling', async () => {
    const page = await live.browser.newPage()
    await page.setViewportSize({ width: 360, height: 780 })
    await page.goto(`${live.url}/`)
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
    assert.ok(overflow <= 0, `page is ${overflow}px wider than the screen`)
    assert.ok(await page.locator('header input[name="q"]').isVisible(), 'the search box is visible on a phone')
    assert.deepEqual(await seriousAxeViolations(page), [])
    await screenshot(page, 'home-phone')
    await page.close()
  })

  it('searches without JavaScript, as a plain form', async () => {
    const page = await live.browser.newPage()
    // Our CSP already forbids inline script; blocking script files leaves the page with none at all.
    await page.route('**/*.js*', (route) => route.abort())
    await page.goto(`${live.url}/`)
    await page.locator('header input[name="q"]').fill('valve')
    await page.getByRole('button', { name: /search/i }).first().click()
    await page.waitForURL(/\/search\?q=valve/)
    assert.ok((await page.locator('main a[href^="/p/"]').count()) > 0)
    await page.close()
  })
})
