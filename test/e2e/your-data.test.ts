import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { eq } from 'drizzle-orm'
import type { Page } from 'playwright-core'
import * as flows from '#src/flows/index.ts'
import * as accounts from '#src/modules/accounts/index.ts'
import { users } from '#src/modules/accounts/accounts.tables.ts'
import * as privacy from '#src/modules/privacy/index.ts'
import { buildEnquiry, buildSeller } from '../enquiry-factories.ts'
import { screenshot, seriousAxeViolations, useLiveServer } from '../browser.ts'

// "Your data" and the export page in Chromium without script: readable at phone width, no serious
// axe violation, and a pending export turns into a download link by the page's own meta refresh.

const person = {
  email: 'farhan.shaikh@kolhapur-forgings.example',
  password: 'forged crankshaft 5521',
  name: 'Farhan Shaikh',
}

describe('your data and its export in a real browser', () => {
  const live = useLiveServer(async (app) => {
    await accounts.register(app.db, app.accountsDeps, {
      ...person,
      phone: '+91 98220 11223',
      isAdultBusinessUser: true,
    })
    const [buyer] = await app.db.select().from(users).where(eq(users.email, person.email))
    const seller = await buildSeller(app.db)
    await buildEnquiry(
      app.db,
      { buyer: buyer!, seller },
      {
        message: `Please quote for forged flanges, 200 pieces. ${'Drawings to follow by email. '.repeat(20)}`,
      },
    )
    await privacy.recordDisclosure(app.db, {
      subjectUserId: buyer!.id,
      recipient: 'Kovai Pumps (seller)',
      recipientKind: 'seller',
      fields: ['name'],
      purpose: 'enquiries',
    })
  })

  async function signedIn(width = 1280): Promise<Page> {
    await live.browser.clearCookies()
    const page = await live.browser.newPage()
    await page.setViewportSize({ width, height: 900 })
    await page.route('**/*.js*', (route) => route.abort())
    await page.goto(`${live.url}/account/sign-in`)
    await page.getByLabel('Email address').fill(person.email)
    await page.getByLabel('Password', { exact: true }).fill(person.password)
    await page.getByRole('button', { name: 'Sign in' }).click()
    return page
  }

  it('shows every value by category, secrets held not shown, and who received it, on a phone too', async () => {
    for (const width of [1280, 360]) {
      const page = await signedIn(width)
      await page.goto(`${live.url}/account/privacy`)
      await page.getByRole('link', { name: 'See your data' }).click()
      assert.equal(new URL(page.url()).pathname, '/account/privacy/data')
      const main = await page.locator('main').innerText()
      assert.match(main, new RegExp(person.email.replaceAll('.', '\\.')))
      assert.match(main, /held \(not shown\)/)
      assert.match(main, /characters in all; the full text is in your download/)
      assert.match(main, /Kovai Pumps \(seller\)/)
      assert.deepEqual(await seriousAxeViolations(page), [])
      await screenshot(page, `your-data-${width}`)
      await page.close()
    }
  })

  it('a pending export page reloads itself until the download appears, without script, and the person can stop that', async () => {
    const page = await signedIn()
    await page.goto(`${live.url}/account/privacy/export`)
    await page.getByRole('button', { name: 'Prepare a new copy' }).click()
    assert.match(await page.locator('main').innerText(), /Being prepared/)
    // axe reports any timed refresh (WCAG 2.2.1); ours can be turned off on the page itself, which
    // that criterion accepts, so this one rule is checked by hand below instead.
    assert.deepEqual(await seriousAxeViolations(page, ['meta-refresh']), [])

    await page.getByRole('link', { name: 'Stop checking automatically' }).click()
    assert.equal(await page.locator('meta[http-equiv="refresh"]').count(), 0)
    assert.deepEqual(await seriousAxeViolations(page), [])
    await flows.runDataExportJob(live.app.db, live.app.config, {})
    await page.getByRole('link', { name: 'Check again' }).click()
    await page.getByRole('link', { name: /Download your data/ }).waitFor({ timeout: 5000 })
    assert.deepEqual(await seriousAxeViolations(page), [])

    await page.goto(`${live.url}/account/privacy/export`)
    await page.getByRole('button', { name: 'Prepare a new copy' }).click()
    assert.equal(
      await page.getByRole('link', { name: /Download your data/ }).count(),
      1,
      'only the earlier copy',
    )
    await flows.runDataExportJob(live.app.db, live.app.config, {})
    // No reload from the test: the page's <meta http-equiv="refresh"> brings the new state.
    await page
      .getByRole('link', { name: /Download your data/ })
      .nth(1)
      .waitFor({ timeout: 15_000 })
    assert.match(await page.locator('main').innerText(), /Works until/)
    await page.close()
  })
})
