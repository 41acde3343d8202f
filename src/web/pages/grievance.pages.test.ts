import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { and, eq } from 'drizzle-orm'
import * as accounts from '#src/modules/accounts/index.ts'
import { outboxMessages } from '#src/modules/messaging/messaging.tables.ts'
import * as privacy from '#src/modules/privacy/index.ts'
import { buildUser } from '#test/factories.ts'
import { TestBrowser, useAccountServer, visibleText } from './account/account-pages.test-support.ts'

describe('the grievance form at /grievance', () => {
  const ctx = useAccountServer()

  const signedIn = async (overrides: Parameters<typeof buildUser>[1] = {}) => {
    const user = await buildUser(ctx.app.db, overrides)
    const { token } = await accounts.createSession(ctx.app.db, { userId: user.id, sharedDevice: false })
    const browser = new TestBrowser(ctx.server)
    browser.cookies.set('mandi_session', token)
    return { user, browser }
  }

  it('signed out, asks for name and email too, and keeps everything typed when it reports every error', async () => {
    const browser = new TestBrowser(ctx.server)
    const page = await browser.get('/grievance')
    assert.equal(page.statusCode, 200)
    assert.match(page.body, /<form method="post" action="\/grievance"/)
    assert.match(page.body, /name="name"/)
    assert.match(page.body, /name="email"/)
    for (const c of privacy.grievanceCategories)
      assert.ok(page.body.includes(`value="${c}"`), `category ${c} is offered`)
    assert.ok(visibleText(page.body).includes(privacy.grievanceCategoryLabels.nominee_request))

    const res = await browser.post('/grievance', {
      name: 'Kavya & <Sons>',
      email: 'kavya-at-example.in',
      category: 'disclosure',
      subject: 'Hi',
      message: 'Too short',
    })
    assert.equal(res.statusCode, 400)
    assert.match(res.body, /Please correct the following/)
    for (const field of ['email', 'subject', 'message'])
      assert.match(res.body, new RegExp(`href="#${field}"`))
    assert.doesNotMatch(res.body, /href="#name"/)
    assert.match(res.body, /value="Kavya &amp; &lt;Sons>"/)
    assert.match(res.body, /value="kavya-at-example.in"/)
    assert.match(res.body, /<option value="disclosure" selected/)
    assert.match(res.body, /value="Hi"/)
    assert.match(res.body, />Too short<\/textarea>/)
  })

  it('signed out, a valid grievance answers with its reference and deadlines, and the receipt goes to the email given', async () => {
    const browser = new TestBrowser(ctx.server)
    await browser.get('/grievance')
    const email = `walk-in.${Date.now()}@example.in`
    const res = await browser.post('/grievance', {
      name: 'Kavya Menon',
      email,
      category: 'account',
      subject: 'A listing copies my catalogue',
      message: 'The seller at /s/copycat uses my photographs without permission.',
    })
    assert.equal(res.statusCode, 200)
    const reference = /Your reference: (GRV-[0-9A-F]{8})/.exec(res.body)?.[1]
    assert.ok(reference, 'the reference is shown')
    assert.match(visibleText(res.body), /acknowledges it by \d{1,2} [A-Z][a-z]{2} \d{4}/)
    const [mail] = await ctx.app.db
      .select()
      .from(outboxMessages)
      .where(and(eq(outboxMessages.kind, 'grievance-received'), eq(outboxMessages.toAddress, email)))
    assert.equal((mail!.data as { reference: string }).reference, reference)
  })

  it('signed in, asks only what, links the ticket to the account and opens it', async () => {
    const { user, browser } = await signedIn({ name: 'Rohit Sharma' })
    const page = await browser.get('/grievance')
    assert.doesNotMatch(page.body, /name="email"/)
    assert.match(page.body, /href="\/account\/grievances"/)
    const res = await browser.post('/grievance', {
      category: 'access',
      subject: 'What do you hold about me?',
      message: 'Please list everything you hold about me and who has seen it.',
    })
    assert.equal(res.statusCode, 303)
    const [g] = await privacy.listGrievancesForUser(ctx.app.db, user.id)
    assert.equal(res.headers.location, `/account/grievances/${g!.id}`)
    assert.equal(g!.requesterEmail, null)
  })
})
