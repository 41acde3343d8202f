import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { eq } from 'drizzle-orm'
import { strFromU8, unzipSync } from 'fflate'
import * as flows from '#src/flows/index.ts'
import { enquiries } from '#src/modules/enquiries/enquiries.tables.ts'
import * as privacy from '#src/modules/privacy/index.ts'
import { dataExports } from '#src/modules/privacy/rights.tables.ts'
import { buildSeller } from '#test/enquiry-factories.ts'
import { testDatabaseKind } from '#test/setup.ts'
import { assertLabelledForms } from '../enquiries/markup.test-support.ts'
import { registerThroughForm, useAccountServer, visibleText } from './account-pages.test-support.ts'
import { longValueOnPage } from './privacy-data.pages.tsx'

const DAY = 86_400_000

describe(`your data and its export, as pages (${testDatabaseKind})`, () => {
  const ctx = useAccountServer()

  it('the privacy centre links to "Your data" and to the download', async () => {
    const { browser } = await registerThroughForm(ctx)
    const page = await browser.get('/account/privacy')
    assert.match(page.body, /href="\/account\/privacy\/data"/)
    assert.match(page.body, /href="\/account\/privacy\/export"/)
  })

  it('"Your data" lists every value by category with why and how long, hides secrets, cuts long texts, and names who received it', async () => {
    const { browser, person, userId } = await registerThroughForm(ctx)
    const seller = await buildSeller(ctx.app.db)
    const longMessage = `We need cast iron valves for a new plant. ${'Details follow. '.repeat(40)}`.trim()
    await ctx.app.db.insert(enquiries).values({
      buyerUserId: userId,
      businessId: seller.business.id,
      subject: 'Cast iron gate valve',
      quantity: 40,
      unit: 'piece',
      message: longMessage,
    })
    await privacy.recordDisclosure(ctx.app.db, {
      subjectUserId: userId,
      recipient: 'Kovai Pumps (seller)',
      recipientKind: 'seller',
      fields: ['name', 'email'],
      purpose: 'enquiries',
    })

    const res = await browser.get('/account/privacy/data')
    assert.equal(res.statusCode, 200)
    assert.equal(res.headers['cache-control'], 'no-store')
    assertLabelledForms(res.body)
    const text = visibleText(res.body)
    for (const title of ['Who you are', 'How to reach you', 'How you sign in', 'What you write and upload']) {
      assert.match(res.body, new RegExp(`<h2 class="card-title" id="data-[a-z]+">${title}</h2>`), title)
    }
    assert.match(
      text,
      new RegExp(`Your email address, used to sign in and to reach you ${person.email} Running your account`),
    )
    assert.match(
      text,
      /A one-way hash of your password \(we never store the password itself\) held \(not shown\)/,
    )
    assert.doesNotMatch(res.body, /\$argon2/)
    assert.ok(longMessage.length > longValueOnPage)
    assert.match(
      text,
      new RegExp(`${longMessage.length} characters in all; the full text is in your download`),
    )
    assert.doesNotMatch(text, new RegExp(longMessage.slice(0, longValueOnPage + 40).replace(/[.]/g, '\\.')))
    assert.match(text, /Who received it/)
    assert.match(text, /Kovai Pumps \(seller\) Name, Email address Enquiries and matchmaking/)
  })

  it('export without script: ask (303), watch it pending with a self-refreshing page, then download it while it lasts', async () => {
    const { browser, person, userId } = await registerThroughForm(ctx)
    const empty = await browser.get('/account/privacy/export')
    assert.equal(empty.statusCode, 200)
    assertLabelledForms(empty.body)
    assert.match(visibleText(empty.body), /You have not asked for a copy yet/)
    assert.doesNotMatch(empty.body, /http-equiv="refresh"/)

    const noToken = await browser.post('/account/privacy/export', {}, { csrf: false })
    assert.equal(noToken.statusCode, 403)

    const asked = await browser.post('/account/privacy/export', {})
    assert.equal(asked.statusCode, 303)
    assert.equal(asked.headers.location, '/account/privacy/export')
    const pending = await browser.get('/account/privacy/export')
    assert.match(visibleText(pending.body), /We are preparing your copy/)
    assert.match(visibleText(pending.body), /Being prepared/)
    assert.match(pending.body, /<meta http-equiv="refresh" content="5"/)
    assert.doesNotMatch(
      pending.body,
      /action="\/account\/privacy\/export"/,
      'no second request while one is pending',
    )
    assert.match(pending.body, /href="\/account\/privacy\/export\?refresh=off">Stop checking automatically</)
    const stopped = await browser.get('/account/privacy/export?refresh=off')
    assert.doesNotMatch(stopped.body, /http-equiv="refresh"/)
    assert.match(visibleText(stopped.body), /Being prepared .* Check again/)

    const [row] = await ctx.app.db.select().from(dataExports).where(eq(dataExports.userId, userId))
    await flows.runDataExportJob(ctx.app.db, ctx.app.config, { exportId: row!.id })

    const ready = await browser.get('/account/privacy/export')
    assert.doesNotMatch(ready.body, /http-equiv="refresh"/)
    const text = visibleText(ready.body)
    assert.match(text, /Ready to download/)
    const [built] = await ctx.app.db.select().from(dataExports).where(eq(dataExports.id, row!.id))
    const until = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Asia/Kolkata',
      day: 'numeric',
      month: 'short',
      year: 'numeric',
    })
      .format(built!.expiresAt!)
      .replace('Sept', 'Sep')
    assert.match(text, new RegExp(`Works until ${until}`))
    const link = `/account/privacy/exports/${row!.id}/download`
    assert.match(ready.body, new RegExp(`href="${link}"`))
    assert.match(ready.body, /action="\/account\/privacy\/export"/, 'a new copy can be asked for again')

    const download = await browser.get(link)
    assert.equal(download.statusCode, 200)
    const data = JSON.parse(strFromU8(unzipSync(new Uint8Array(download.rawPayload))['data.json']!))
    assert.equal(data.tables.users.rows[0].email, person.email)

    const other = await registerThroughForm(ctx)
    assert.equal((await other.browser.get(link)).statusCode, 404)

    await flows.expireDataExports(ctx.app.db, ctx.app.config.dataDir, new Date(Date.now() + 7 * DAY + 1000))
    const gone = await browser.get(link)
    assert.equal(gone.statusCode, 410)
    assert.match(visibleText(gone.body), /This link no longer works.*Ask for a new copy/)
    assert.match(visibleText((await browser.get('/account/privacy/export')).body), /Expired/)
  })
})
