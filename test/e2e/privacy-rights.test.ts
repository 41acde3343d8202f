import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { eq } from 'drizzle-orm'
import type { Page } from 'playwright-core'
import { runDataExportJob, runPendingErasures } from '#src/flows/index.ts'
import * as accounts from '#src/modules/accounts/index.ts'
import { users } from '#src/modules/accounts/accounts.tables.ts'
import { seriousAxeViolations, useLiveServer } from '../browser.ts'

// A person signs in, asks for a copy of their data from the privacy centre and downloads it once
// the job has built it; then erases their account from the privacy centre and is signed out. All
// without script, with no serious axe violation on the way.

const person = {
  email: 'leela.kulkarni@satara-spices.example',
  password: 'cardamom harvest 7731',
  name: 'Leela Kulkarni',
}

describe('privacy rights in a real browser: export, then erasure', () => {
  const live = useLiveServer(async (app) => {
    await accounts.register(app.db, app.accountsDeps, {
      ...person,
      phone: '+91 98220 33445',
      isAdultBusinessUser: true,
    })
  })

  async function signedIn(): Promise<Page> {
    await live.browser.clearCookies()
    const page = await live.browser.newPage()
    await page.route('**/*.js*', (route) => route.abort())
    await page.goto(`${live.url}/account/sign-in`)
    await page.getByLabel('Email address').fill(person.email)
    await page.getByLabel('Password', { exact: true }).fill(person.password)
    await page.getByRole('button', { name: 'Sign in' }).click()
    return page
  }

  it('requests an export from the privacy centre, and the download link appears once the job ran', async () => {
    const page = await signedIn()
    await page.goto(`${live.url}/account/privacy`)
    await page.getByRole('link', { name: 'Download a copy' }).click()
    await page.getByRole('button', { name: /Prepare a new copy/ }).click()
    assert.match(await page.locator('main').innerText(), /preparing your copy/i)

    await runDataExportJob(live.app.db, live.app.config, {})
    await page.reload()
    const link = page.getByRole('link', { name: /Download your data/ })
    assert.equal(await link.count(), 1, 'the download link appears')
    assert.deepEqual(await seriousAxeViolations(page), [])
    const response = await page.request.get(`${live.url}${await link.getAttribute('href')}`)
    assert.equal(response.status(), 200)
    assert.equal(response.headers()['content-type'], 'application/zip')
    await page.close()
  })

  it('erases the account from the privacy centre: every error at once, then signed out', async () => {
    const page = await signedIn()
    await page.goto(`${live.url}/account/privacy`)
    await page.getByRole('link', { name: 'Erase your account' }).click()
    assert.match(await page.locator('h1').innerText(), /Erase your account/)
    // What will happen is generated from the inventory: a legal hold names its reason and term.
    const plan = await page.locator('main').innerText()
    assert.match(plan, /GSTIN/)
    assert.match(plan, /Legal and tax obligations/)
    assert.deepEqual(await seriousAxeViolations(page), [])

    // Nothing filled in: both problems reported together.
    await page.getByRole('button', { name: 'Erase my account' }).click()
    const errors = await page.locator('.error-summary').innerText()
    assert.match(errors, /current password/i)
    assert.match(errors, /Tick the box/)
    assert.deepEqual(await seriousAxeViolations(page), [], 'the form with its errors')

    // A wrong password keeps the ticked box.
    await page.getByLabel(/I understand/).check()
    await page.getByLabel('Your password').fill('not my password')
    await page.getByRole('button', { name: 'Erase my account' }).click()
    assert.match(await page.locator('.error-summary').innerText(), /not your current password/i)
    assert.equal(await page.getByLabel(/I understand/).isChecked(), true)

    await page.getByLabel('Your password').fill(person.password)
    await page.getByRole('button', { name: 'Erase my account' }).click()
    assert.match(await page.locator('h1').innerText(), /Your account is being erased/)
    assert.match(await page.locator('main').innerText(), /signed out on every device/)
    assert.deepEqual(await seriousAxeViolations(page), [])

    // Signed out: the account pages ask to sign in again.
    await page.goto(`${live.url}/account/privacy`)
    assert.match(page.url(), /\/account\/sign-in/)

    assert.equal(await runPendingErasures(live.app.db), 1)
    const left = await live.app.db.select().from(users).where(eq(users.email, person.email))
    assert.equal(left.length, 0, 'the address is no longer on any account')
    await page.close()
  })
})
