import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { desc, eq } from 'drizzle-orm'
import * as privacy from '#src/modules/privacy/index.ts'
import { consentEvents } from '#src/modules/privacy/privacy.tables.ts'
import { testDatabaseKind } from '#test/setup.ts'
import { registerThroughForm, useAccountServer, visibleText } from './account-pages.test-support.ts'

describe(`the privacy centre (${testDatabaseKind})`, () => {
  const ctx = useAccountServer()

  const eventsOf = (userId: string) =>
    ctx.app.db
      .select()
      .from(consentEvents)
      .where(eq(consentEvents.userId, userId))
      .orderBy(desc(consentEvents.id))

  it('shows every consent purpose as a switch, off until switched on', async () => {
    const { browser } = await registerThroughForm(ctx)
    const res = await browser.get('/account/privacy')
    assert.equal(res.statusCode, 200)
    assert.equal(res.headers['cache-control'], 'no-store')
    for (const purpose of privacy.consentPurposes) {
      assert.match(
        res.body,
        new RegExp(`<h3 id="consent-${purpose}-title">${privacy.purposes[purpose].title}</h3>`),
      )
    }
    assert.equal([...res.body.matchAll(/aria-pressed="false"/g)].length, privacy.consentPurposes.length)
    assert.match(res.body, /href="\/privacy\/data-we-hold"/)
  })

  it('records a switch as a consent event from the web, with a receipt that verifies', async () => {
    const { browser, userId } = await registerThroughForm(ctx)
    await browser.get('/account/privacy')
    const on = await browser.post('/account/privacy/consents', {
      purpose: 'marketing_email',
      action: 'grant',
    })
    assert.equal(on.statusCode, 303)
    assert.equal(on.headers.location, '/account/privacy#consent-marketing_email')
    const [grant] = await eventsOf(userId)
    assert.deepEqual([grant!.purpose, grant!.action, grant!.channel], ['marketing_email', 'grant', 'web'])
    assert.ok(grant!.receiptId)

    const page = await browser.get('/account/privacy')
    assert.match(visibleText(page.body), /“Offers by email” is on/)
    assert.match(page.body, /id="consent-marketing_email-state">On</)
    assert.match(page.body, new RegExp(`href="/account/privacy/receipts/${grant!.receiptId}"`))

    const download = await browser.get(`/account/privacy/receipts/${grant!.receiptId}`)
    assert.equal(download.statusCode, 200)
    assert.match(
      String(download.headers['content-disposition']),
      new RegExp(`attachment; filename="mandi-consent-receipt-${grant!.receiptId}\\.json"`),
    )
    assert.match(String(download.headers['content-type']), /application\/json/)
    const check = privacy.verifyReceipt(download.json().receipt, ctx.app.receipts.publicJwk)
    assert.equal(check.valid, true)
    if (check.valid) {
      assert.equal(check.claims.sub, userId)
      assert.equal(check.claims.purpose.code, 'marketing_email')
      assert.equal(check.claims.channel, 'web')
    }

    const off = await browser.post('/account/privacy/consents', {
      purpose: 'marketing_email',
      action: 'withdraw',
    })
    assert.equal(off.statusCode, 303)
    const [withdrawal] = await eventsOf(userId)
    assert.deepEqual([withdrawal!.action, withdrawal!.channel], ['withdraw', 'web'])
    assert.equal(await privacy.hasConsent(ctx.app.db, userId, 'marketing_email'), false)
    assert.match((await browser.get('/account/privacy')).body, /id="consent-marketing_email-state">Off</)
  })

  it("refuses another person's receipt, a purpose that is not a choice, and a change without the CSRF token", async () => {
    const owner = await registerThroughForm(ctx)
    await owner.browser.get('/account/privacy')
    await owner.browser.post('/account/privacy/consents', { purpose: 'personalisation', action: 'grant' })
    const [grant] = await eventsOf(owner.userId)

    const other = await registerThroughForm(ctx)
    assert.equal((await other.browser.get(`/account/privacy/receipts/${grant!.receiptId}`)).statusCode, 404)
    assert.equal((await other.browser.get('/account/privacy/receipts/not-a-uuid')).statusCode, 404)

    await other.browser.get('/account/privacy')
    const before = (await eventsOf(other.userId)).length
    const notAChoice = await other.browser.post('/account/privacy/consents', {
      purpose: 'account',
      action: 'withdraw',
    })
    assert.equal(notAChoice.statusCode, 400)
    const noToken = await other.browser.post(
      '/account/privacy/consents',
      { purpose: 'analytics', action: 'grant' },
      { csrf: false },
    )
    assert.equal(noToken.statusCode, 403)
    assert.equal((await eventsOf(other.userId)).length, before)
  })

  it('shows the disclosure ledger: an empty state first, then who received which details, why and when', async () => {
    const { browser, userId } = await registerThroughForm(ctx)
    assert.match(visibleText((await browser.get('/account/privacy')).body), /No one yet/)
    await privacy.recordDisclosure(ctx.app.db, {
      subjectUserId: userId,
      recipient: 'Shree Ganesh Engineering Works (seller)',
      recipientKind: 'seller',
      fields: ['name', 'email', 'phone'],
      purpose: 'enquiries',
      reference: 'enquiry:1',
    })
    const text = visibleText((await browser.get('/account/privacy')).body)
    assert.doesNotMatch(text, /No one yet/)
    assert.match(
      text,
      /Shree Ganesh Engineering Works \(seller\) Name, Email address, Mobile number Enquiries and matchmaking — needed for the service you asked for/,
    )
  })
})
