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

describe('the person’s grievance pages', () => {
  const ctx = useAccountServer()

  const signedIn = async (overrides: Parameters<typeof buildUser>[1] = {}) => {
    const user = await buildUser(ctx.app.db, overrides)
    const { token } = await accounts.createSession(ctx.app.db, { userId: user.id, sharedDevice: false })
    const browser = new TestBrowser(ctx.server)
    browser.cookies.set('mandi_session', token)
    return { user, browser }
  }
  const raise = (userId: string, subject: string) =>
    ctx.app.db.transaction((tx) =>
      privacy.createGrievance(
        tx,
        { userId, category: 'consent', subject, message: 'I never agreed to offers by email.' },
        new Date(),
      ),
    )

  it('lists one’s own tickets; another’s answers 404', async () => {
    const a = await signedIn()
    const b = await signedIn()
    const mine = await raise(a.user.id, 'Mine: offers by email')
    const theirs = await raise(b.user.id, 'Theirs: offers by email')
    const list = await a.browser.get('/account/grievances')
    assert.equal(list.statusCode, 200)
    assert.match(list.body, new RegExp(privacy.grievanceReference(mine.id)))
    assert.doesNotMatch(list.body, /Theirs: offers/)
    const page = await a.browser.get(`/account/grievances/${mine.id}`)
    assert.equal(page.statusCode, 200)
    assert.match(
      visibleText(page.body),
      /The grievance officer acknowledges it by \d{1,2} [A-Z][a-z]{2} \d{4}/,
    )
    assert.match(visibleText(page.body), /I never agreed to offers by email/)
    assert.equal((await a.browser.get(`/account/grievances/${theirs.id}`)).statusCode, 404)
    assert.equal((await a.browser.get('/account/grievances/not-a-uuid')).statusCode, 404)
  })

  it('refuses an empty reply, replies, and reopens once resolved with a new deadline', async () => {
    const { user, browser } = await signedIn()
    const g = await raise(user.id, 'Reply and reopen')
    await browser.get(`/account/grievances/${g.id}`)
    const empty = await browser.post(`/account/grievances/${g.id}/reply`, { body: '   ' })
    assert.equal(empty.statusCode, 400)
    assert.match(empty.body, /Please correct the following/)
    const sent = await browser.post(`/account/grievances/${g.id}/reply`, { body: 'Any news?' })
    assert.equal(sent.statusCode, 303)
    const staff = await buildUser(ctx.app.db, { roles: ['buyer', 'support'] })
    await ctx.app.db.transaction((tx) =>
      privacy.resolveGrievance(tx, g.id, { userId: staff.id, note: 'Offers are off now.' }, new Date()),
    )
    const resolved = await browser.get(`/account/grievances/${g.id}`)
    assert.match(resolved.body, /Reopen the grievance/)
    assert.doesNotMatch(resolved.body, /action="[^"]+\/reply"/)
    const reopened = await browser.post(`/account/grievances/${g.id}/reopen`, { reason: 'They came again.' })
    assert.equal(reopened.statusCode, 303)
    const after = await browser.get(`/account/grievances/${g.id}`)
    const text = visibleText(after.body)
    assert.match(text, /Reopened/)
    assert.match(text, /Any news\?/)
    assert.match(text, /Offers are off now\./)
    assert.match(text, /They came again\./)
    const [row] = await privacy.listGrievancesForUser(ctx.app.db, user.id)
    assert.equal(row!.status, 'open')
    assert.ok(row!.resolveBy.getTime() > Date.now() + 29 * 86_400_000)
  })
})

describe('the nominee page', () => {
  const ctx = useAccountServer()

  it('names a nominee, keeping what was typed on error, shows them, and removes them', async () => {
    const user = await buildUser(ctx.app.db, { name: 'Sunita Das' })
    const { token } = await accounts.createSession(ctx.app.db, { userId: user.id, sharedDevice: false })
    const browser = new TestBrowser(ctx.server)
    browser.cookies.set('mandi_session', token)

    const centre = await browser.get('/account/privacy')
    assert.match(centre.body, /href="\/account\/privacy\/nominee"/)
    const page = await browser.get('/account/privacy/nominee')
    assert.equal(page.statusCode, 200)
    assert.match(page.body, /You have not named a nominee/)

    const bad = await browser.post('/account/privacy/nominee', {
      name: 'Amit Das',
      email: user.email,
      relationship: 'other',
      relationshipOther: 'x'.repeat(61),
    })
    assert.equal(bad.statusCode, 400)
    assert.match(bad.body, /href="#email"/)
    assert.match(bad.body, /href="#relationshipOther"/)
    assert.match(bad.body, /your own email address/)
    assert.match(bad.body, /value="Amit Das"/)
    assert.match(bad.body, /<option value="other" selected/)

    const email = `amit.${Date.now()}@example.in`
    const ok = await browser.post('/account/privacy/nominee', {
      name: 'Amit Das',
      email,
      relationship: 'other',
      relationshipOther: 'Brother-in-law',
    })
    assert.equal(ok.statusCode, 303)
    const shown = await browser.get('/account/privacy/nominee')
    assert.match(shown.body, /emailed them to say that you named them/)
    const text = visibleText(shown.body)
    assert.match(text, /Name Amit Das Email amit\.\d+@example\.in Relationship Brother-in-law/)
    const [mail] = await ctx.app.db
      .select()
      .from(outboxMessages)
      .where(and(eq(outboxMessages.kind, 'nominee-named'), eq(outboxMessages.toAddress, email)))
    assert.equal((mail!.data as { personName: string }).personName, 'Sunita Das')
    const ledger = visibleText((await browser.get('/account/privacy')).body)
    assert.match(ledger, /Amit Das, your nominee/)

    await browser.post('/account/privacy/nominee/remove', {})
    assert.match((await browser.get('/account/privacy/nominee')).body, /You have not named a nominee/)
  })
})

describe('the staff grievance queue', () => {
  const ctx = useAccountServer()

  const session = async (roles: string[]) => {
    const user = await buildUser(ctx.app.db, { roles })
    const { token } = await accounts.createSession(ctx.app.db, { userId: user.id, sharedDevice: false })
    const browser = new TestBrowser(ctx.server)
    browser.cookies.set('mandi_session', token)
    return { user, browser }
  }

  it('refuses non-staff with 404 and sends the signed-out to sign in', async () => {
    const { browser } = await session(['buyer', 'seller'])
    assert.equal((await browser.get('/admin/grievances')).statusCode, 404)
    const anonymous = await new TestBrowser(ctx.server).get('/admin/grievances')
    assert.equal(anonymous.statusCode, 303)
    assert.match(String(anonymous.headers.location), /^\/account\/sign-in/)
  })

  it('puts overdue tickets first, then the nearest deadline, each with its clock, and no one’s words', async () => {
    const person = await buildUser(ctx.app.db)
    const HOUR = 3_600_000
    const at = (hoursAgo: number) => new Date(Date.now() - hoursAgo * HOUR)
    const raise = (subject: string, createdAt: Date) =>
      ctx.app.db.transaction((tx) =>
        privacy.createGrievance(
          tx,
          { userId: person.id, category: 'access', subject, message: 'Please tell me what you hold.' },
          createdAt,
        ),
      )
    const fresh = await raise('Staff queue: fresh', at(1))
    const stale = await raise('Staff queue: unacknowledged for 3 days', at(72))
    const older = await raise('Staff queue: 20 hours old', at(20))
    const { browser } = await session(['buyer', 'support'])
    const res = await browser.get('/admin/grievances')
    assert.equal(res.statusCode, 200)
    const order = [...res.body.matchAll(/data-grievance="([0-9a-f-]+)"/g)].map((m) => m[1])
    const ours = order.filter((id) => [fresh.id, stale.id, older.id].includes(id!))
    assert.deepEqual(ours, [stale.id, older.id, fresh.id])
    const text = visibleText(res.body)
    assert.match(text, /overdue by 24 h \(acknowledgement\)/)
    assert.match(text, /acknowledge within 27 h/)
    assert.match(text, /acknowledge within 46 h/)
    assert.doesNotMatch(res.body, /Staff queue:/, 'the queue shows references, not what people wrote')
  })

  it('opens a ticket only with a reason (logged for the person), then acknowledges, replies and resolves by mail', async () => {
    const person = await buildUser(ctx.app.db, { name: 'Gita Bose' })
    const g = await ctx.app.db.transaction((tx) =>
      privacy.createGrievance(
        tx,
        {
          userId: person.id,
          category: 'erasure',
          subject: 'Delete my old listing',
          message: 'Please delete it.',
        },
        new Date(),
      ),
    )
    const { browser } = await session(['buyer', 'admin'])
    const ask = await browser.get(`/admin/grievances/${g.id}`)
    assert.equal(ask.statusCode, 200)
    assert.match(ask.body, /Why do you need this person’s data\?/)
    assert.doesNotMatch(ask.body, /Delete my old listing/)
    const open = await browser.post(`/admin/grievances/${g.id}`, {
      access_reason: `Handling ${privacy.grievanceReference(g.id)}`,
    })
    assert.equal(open.statusCode, 200)
    assert.match(open.body, /Delete my old listing/)
    assert.match(open.body, /Gita Bose/)
    const staffViews = await privacy.listAccessTo(ctx.app.db, person.id)
    assert.ok(staffViews.some((v) => v.what === 'grievance'))

    const empty = await browser.post(`/admin/grievances/${g.id}/resolve`, { resolution: '' })
    assert.equal(empty.statusCode, 400)
    assert.match(empty.body, /href="#resolution"/)
    assert.equal((await browser.post(`/admin/grievances/${g.id}/acknowledge`, { note: '' })).statusCode, 303)
    assert.equal(
      (await browser.post(`/admin/grievances/${g.id}/reply`, { body: 'We are removing it today.' }))
        .statusCode,
      303,
    )
    assert.equal(
      (await browser.post(`/admin/grievances/${g.id}/resolve`, { resolution: 'Removed on request.' }))
        .statusCode,
      303,
    )
    const mails = await ctx.app.db
      .select()
      .from(outboxMessages)
      .where(and(eq(outboxMessages.kind, 'grievance-update'), eq(outboxMessages.toAddress, person.email)))
    assert.deepEqual(mails.map((m) => (m.data as { update: string }).update).sort(), [
      'acknowledged',
      'reply',
      'resolved',
    ])
    const page = visibleText((await browser.get(`/admin/grievances/${g.id}`)).body)
    assert.match(page, /Acknowledged by the grievance officer/)
    assert.match(page, /Removed on request\./)
  })
})
