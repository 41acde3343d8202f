import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { Page } from 'playwright-core'
import * as accounts from '#src/modules/accounts/index.ts'
import { buildUser } from '#test/factories.ts'
import { seriousAxeViolations, useLiveServer } from '../browser.ts'

// A support agent finds a person by email, is asked why, opens their data summary; the person then
// sees the view in their privacy centre. Without script, and with no serious axe violation.

describe('staff access in a real browser', () => {
  const people = { staff: '', person: '' }
  const live = useLiveServer(async (app) => {
    const staff = await buildUser(app.db, { name: 'Sunil Helpdesk', roles: ['support'] })
    const person = await buildUser(app.db, {
      name: 'Kavita Deshmukh',
      email: 'kavita@pune-traders.example',
      phone: '+919822011122',
    })
    people.staff = (await accounts.createSession(app.db, { userId: staff.id, sharedDevice: false })).token
    people.person = (await accounts.createSession(app.db, { userId: person.id, sharedDevice: false })).token
  })

  async function pageAs(token: string): Promise<Page> {
    const page = await live.browser.newPage()
    await page.route('**/*.js', (route) => route.abort())
    await live.browser.addCookies([{ name: 'mandi_session', value: token, url: live.url }])
    return page
  }

  it('finds the person, asks why, opens the summary, and the person sees it', async () => {
    const page = await pageAs(people.staff)
    await page.goto(`${live.url}/admin/people`)
    assert.deepEqual(await seriousAxeViolations(page), [])
    await page.getByLabel('Email address or mobile number').fill('kavita@pune-traders.example')
    await page.getByRole('button', { name: 'Find' }).click()
    await page.getByRole('link', { name: /Open data summary/ }).click()
    assert.match(await page.locator('h1').innerText(), /Why do you need this person’s data\?/)
    assert.deepEqual(await seriousAxeViolations(page), [])

    await page.getByRole('button', { name: /Open the data summary/ }).click()
    assert.match(await page.locator('.error-summary').innerText(), /Enter why you need/)
    assert.deepEqual(await seriousAxeViolations(page), [], 'the form with its errors')

    await page.getByLabel('Reason').fill('Ticket 5521: she asked which phone number we hold')
    await page.getByRole('button', { name: /Open the data summary/ }).click()
    assert.match(await page.locator('h1').innerText(), /Data summary: Kavita Deshmukh/)
    assert.match(await page.locator('main').innerText(), /\+919822011122/)
    assert.deepEqual(await seriousAxeViolations(page), [])
    await page.close()

    const own = await pageAs(people.person)
    await own.goto(`${live.url}/account/privacy`)
    const section = await own.locator('#staff-views').innerText()
    assert.match(section, /Mandi support staff/)
    assert.match(section, /Ticket 5521: she asked which phone number we hold/)
    assert.doesNotMatch(section, /Sunil/)
    assert.deepEqual(await seriousAxeViolations(own), [])
    await own.close()
  })
})
