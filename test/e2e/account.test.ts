import assert from 'node:assert/strict'
import { existsSync, mkdtempSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { after, before, describe, it } from 'node:test'
import { type BrowserContext, chromium, type Page } from 'playwright-core'
import { createApp } from '#src/app.ts'
import { loadTestSettings } from '#src/config.ts'
import { accountPages } from '#src/web/pages/account/account.pages.tsx'
import { createServer } from '#src/web/server.ts'
import { screenshot, seriousAxeViolations } from '../browser.ts'
import { openTestDatabase, testConfig } from '../setup.ts'

// Like useLiveServer in test/browser.ts, but adds the account pages when server.ts does not (yet).
function useAccountLiveServer() {
  const live = {} as { url: string; browser: BrowserContext }
  let close = async () => {}
  before(async () => {
    const app = await createApp(testConfig(), { database: await openTestDatabase() })
    const server = await createServer(app)
    if (!server.hasRoute({ method: 'GET', url: '/account' })) accountPages(server, app)
    await server.listen({ host: '127.0.0.1', port: 0 })
    const address = server.server.address()
    if (!address || typeof address !== 'object') throw new Error('server did not bind')
    const browser = await chromium.launchPersistentContext(
      mkdtempSync(path.join(tmpdir(), 'mandi-chromium-')),
      {
        executablePath: loadTestSettings().chromiumPath,
        headless: true,
        viewport: { width: 1280, height: 900 },
        args: [
          '--headless',
          '--no-sandbox',
          '--disable-gpu',
          '--disable-quic',
          '--no-first-run',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
        ],
      },
    )
    Object.assign(live, { url: `http://127.0.0.1:${address.port}`, browser })
    close = async () => {
      await browser.close()
      await server.close()
      await app.close()
    }
  })
  after(() => close())
  return live
}

describe('an account, end to end in a real browser', () => {
  const live = useAccountLiveServer()

  async function newPage(width = 1280): Promise<Page> {
    const page = await live.browser.newPage()
    await page.setViewportSize({ width, height: width < 500 ? 780 : 900 })
    // Every account page must work without script: block any that a page might load.
    await page.route('**/*.js*', (route) => route.abort())
    return page
  }

  async function shots(page: Page, name: string) {
    const files = [await screenshot(page, `${name}-desktop`)]
    await page.setViewportSize({ width: 360, height: 780 })
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
    assert.ok(overflow <= 0, `${name} is ${overflow}px wider than a 360-pixel phone`)
    assert.deepEqual(await seriousAxeViolations(page), [], `${name} at 360 px`)
    files.push(await screenshot(page, `${name}-phone`))
    await page.setViewportSize({ width: 1280, height: 900 })
    for (const file of files) assert.ok(existsSync(file) && statSync(file).size > 5_000)
  }

  it('registers, completes and edits the profile, reads its history, and signs out', async () => {
    const page = await newPage()

    await page.goto(`${live.url}/account/register`)
    assert.deepEqual(await seriousAxeViolations(page), [])
    await shots(page, 'account-register')
    await page.getByLabel('Full name').fill('Meenakshi Iyer')
    await page.getByLabel('Email address').fill('meenakshi.iyer@kaveri-valves.example')
    await page.getByLabel('Mobile number').fill('98450 12345')
    await page.getByLabel('Password').fill('kaveri gate valve 2026')
    await page.getByLabel('I am 18 or over and use Mandi for my business').check()
    await page.getByRole('button', { name: 'Create account' }).click()
    await page.waitForURL(`${live.url}/account`)
    assert.match((await page.locator('main').textContent()) ?? '', /Check your inbox to confirm your email/)

    // No built capability needs a postal address yet (orders will), so the account page does not ask for one.
    await page.goto(`${live.url}/account/profile#address`)
    await page.getByLabel('Building and street').fill('7, Kaveri Industrial Estate, Hosur Road')
    await page.getByLabel('City or town').fill('Bengaluru')
    await page.getByLabel('State').selectOption('Karnataka')
    await page.getByLabel('PIN code').fill('560068')
    await page.getByRole('button', { name: 'Save changes' }).click()
    await page.waitForURL(`${live.url}/account/profile`)
    assert.match((await page.locator('main').textContent()) ?? '', /Your profile is saved/)
    assert.deepEqual(await seriousAxeViolations(page), [])
    await shots(page, 'account-profile')

    for (const city of ['Hosur', 'Krishnagiri']) {
      await page.getByLabel('City or town').fill(city)
      await page.getByRole('button', { name: 'Save changes' }).click()
      await page.waitForURL(`${live.url}/account/profile`)
    }

    await page
      .getByRole('navigation', { name: 'My account' })
      .getByRole('link', { name: 'Profile history' })
      .click()
    await page.waitForURL(`${live.url}/account/profile/history`)
    const versions = page.locator('.history-version')
    assert.equal(await versions.count(), 4)
    const newest = (await versions.nth(0).textContent()) ?? ''
    const before = (await versions.nth(1).textContent()) ?? ''
    assert.match(newest, /Version 4/)
    assert.match(newest, /City:\s*Hosur\s*→\s*changed to\s*Krishnagiri/)
    assert.match(before, /Version 3/)
    assert.match(before, /City:\s*Bengaluru\s*→\s*changed to\s*Hosur/)
    assert.match(newest, /by you/)
    assert.deepEqual(await seriousAxeViolations(page), [])
    await shots(page, 'account-history')

    await page.locator('.account-menu summary').click()
    await page.locator('.account-menu').getByRole('button', { name: 'Sign out' }).click()
    await page.waitForURL(`${live.url}/account/sign-in`)
    assert.match((await page.locator('main').textContent()) ?? '', /You have signed out/)

    await page.goto(`${live.url}/account`)
    assert.equal(new URL(page.url()).pathname, '/account/sign-in')
    assert.equal(new URL(page.url()).searchParams.get('next'), '/account')
    await page.close()
  })
})
