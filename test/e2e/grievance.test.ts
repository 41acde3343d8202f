import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { Page } from 'playwright-core'
import * as accounts from '#src/modules/accounts/index.ts'
import { buildUser } from '#test/factories.ts'
import { seriousAxeViolations, useLiveServer } from '../browser.ts'

// A grievance from the form (signed out, then signed in), the person's ticket and nominee pages,
// and the officer's queue and ticket: without script, and with no serious axe violation.

describe('grievances and the nominee in a real browser', () => {
  const tokens = { staff: '', person: '' }
  const live = useLiveServer(async (app) => {
    const staff = await buildUser(app.db, { name: 'Rekha Officer', roles: ['support'] })
    const person = await buildUser(app.db, {
      name: 'Naveen Kulkarni',
      email: 'naveen@kulkarni-tools.example',
    })
    tokens.staff = (await accounts.createSession(app.db, { userId: staff.id, sharedDevice: false })).token
    tokens.person = (await accounts.createSession(app.db, { userId: person.id, sharedDevice: false })).token
  })

  async function pageAs(token: string | null): Promise<Page> {
    const context = live.browser
    const page = await context.newPage()
    await page.route('**/*.js', (route) => route.abort())
    if (token) await context.addCookies([{ name: 'mandi_session', value: token, url: live.url }])
    else await context.clearCookies()
    return page
  }

  it('signed out: the form reports every error, keeps what was typed, then gives a reference', async () => {
    const page = await pageAs(null)
    await page.goto(`${live.url}/grievance`)
    assert.deepEqual(await seriousAxeViolations(page), [])
    await page.getByLabel('Your name').fill('Lata Shinde')
    await page.getByLabel('Your email address').fill('lata-at-example')
    await page.getByRole('button', { name: 'Send to the grievance officer' }).click()
    assert.match(await page.locator('.error-summary').innerText(), /email address like/)
    assert.equal(await page.getByLabel('Your name').inputValue(), 'Lata Shinde')
    assert.deepEqual(await seriousAxeViolations(page), [], 'the form with its errors')

    await page.getByLabel('Your email address').fill('lata@shinde-traders.example')
    await page.getByLabel('What is it about?').selectOption('disclosure')
    await page.getByLabel('Subject').fill('Who has my number?')
    await page.getByLabel(/What happened/).fill('A seller I never wrote to keeps calling me about valves.')
    await page.getByRole('button', { name: 'Send to the grievance officer' }).click()
    assert.match(await page.locator('h1').innerText(), /Grievance received/)
    assert.match(await page.locator('main').innerText(), /GRV-[0-9A-F]{8}/)
    assert.deepEqual(await seriousAxeViolations(page), [])
    await page.close()
  })

  it('signed in: raises a ticket, follows it, names a nominee; the officer acknowledges and resolves it', async () => {
    const page = await pageAs(tokens.person)
    await page.goto(`${live.url}/grievance`)
    await page.getByLabel('What is it about?').selectOption('access')
    await page.getByLabel('Subject').fill('What do you hold about me?')
    await page.getByLabel(/What happened/).fill('Please list everything you hold about me.')
    await page.getByRole('button', { name: 'Send to the grievance officer' }).click()
    assert.match(await page.locator('h1').innerText(), /Grievance GRV-/)
    assert.match(await page.locator('main').innerText(), /acknowledges it by/)
    assert.deepEqual(await seriousAxeViolations(page), [])
    const ticketUrl = page.url()

    await page.goto(`${live.url}/account/privacy/nominee`)
    assert.deepEqual(await seriousAxeViolations(page), [])
    await page.getByLabel('Your nominee’s full name').fill('Asha Kulkarni')
    await page.getByLabel('Your nominee’s email address').fill('asha@kulkarni-family.example')
    await page.getByLabel('How are they related to you?').selectOption('Spouse')
    await page.getByRole('button', { name: 'Save your nominee' }).click()
    assert.match(await page.locator('main').innerText(), /emailed them to say that you named them/)
    assert.deepEqual(await seriousAxeViolations(page), [])

    const staff = await pageAs(tokens.staff)
    await staff.goto(`${live.url}/admin/grievances`)
    assert.deepEqual(await seriousAxeViolations(staff), [])
    const ticketId = new URL(ticketUrl).pathname.split('/').at(-1)
    await staff.locator(`table.grievance-queue a[href="/admin/grievances/${ticketId}"]`).click()
    await staff.getByLabel('Reason').fill('Handling this access request within the deadline')
    await staff.getByRole('button', { name: /Open the grievance/ }).click()
    assert.match(await staff.locator('main').innerText(), /What do you hold about me\?/)
    assert.deepEqual(await seriousAxeViolations(staff), [])
    await staff.getByRole('button', { name: 'Acknowledge' }).click()
    await staff.getByLabel('What was decided and done').fill('We sent you the full summary of your data.')
    await staff.getByRole('button', { name: 'Resolve' }).click()
    assert.match(await staff.locator('main').innerText(), /Resolved/)
    await staff.close()

    // One browser context: the person's session cookie again.
    await live.browser.addCookies([{ name: 'mandi_session', value: tokens.person, url: live.url }])
    await page.goto(ticketUrl)
    const text = await page.locator('main').innerText()
    assert.match(text, /We sent you the full summary of your data\./)
    assert.match(text, /Reopen the grievance/)
    assert.deepEqual(await seriousAxeViolations(page), [])
    await page.close()
  })
})
