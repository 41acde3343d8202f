import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { seedDemo } from '#src/demo/seed.ts'
import * as catalog from '#src/modules/catalog/index.ts'
import { seriousAxeViolations, useLiveServer } from '../browser.ts'

describe('city pages in a real browser', () => {
  const live = useLiveServer(async (app) => {
    await seedDemo(app.database, { products: 150 })
  })

  it('goes from a city to one of its categories, and both pass axe on a desktop and a phone', async () => {
    const [city] = await catalog.listSupplierCities(live.app.db)
    assert.ok(city, 'the demo catalogue has a city with sellers')
    const page = await live.browser.newPage()
    const response = await page.goto(`${live.url}/suppliers/${city.slug}`)
    assert.equal(response?.status(), 200)
    assert.equal(await page.locator('h1').textContent(), `Industrial suppliers in ${city.name}`)
    assert.deepEqual(await seriousAxeViolations(page), [])

    await page.locator(`main a[href^="/suppliers/${city.slug}/"]`).first().click()
    await page.waitForURL(new RegExp(`/suppliers/${city.slug}/[a-z0-9-]+$`))
    assert.match((await page.locator('h1').textContent()) ?? '', new RegExp(`suppliers in ${city.name}$`))
    assert.ok(
      (await page.locator('main a[href^="/p/"]').count()) > 0,
      'the city category page lists products',
    )
    assert.deepEqual(await seriousAxeViolations(page), [])

    await page.setViewportSize({ width: 360, height: 780 })
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
    assert.ok(overflow <= 0, `page is ${overflow}px wider than the screen`)
    assert.deepEqual(await seriousAxeViolations(page), [])
    await page.close()
  })
})
