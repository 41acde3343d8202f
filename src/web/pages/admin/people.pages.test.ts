import assert from 'node:assert/strict'
import { before, describe, it } from 'node:test'
import { eq } from 'drizzle-orm'
import * as accounts from '#src/modules/accounts/index.ts'
import * as privacy from '#src/modules/privacy/index.ts'
import { accessLog } from '#src/modules/privacy/privacy.tables.ts'
import { buildUser } from '#test/factories.ts'
import { testDatabaseKind, useTestApp } from '#test/setup.ts'
import { TestBrowser, visibleText } from '../account/account-pages.test-support.ts'
import { users as usersTable } from '#src/modules/accounts/accounts.tables.ts'

describe(`staff access to a person's data at /admin/people (${testDatabaseKind})`, () => {
  const ctx = useTestApp()
  let person: Awaited<ReturnType<typeof buildUser>>
  let supportUser: Awaited<ReturnType<typeof buildUser>>
  const browserFor = async (userId: string) => {
    const browser = new TestBrowser(ctx.server)
    const session = await accounts.createSession(ctx.app.db, { userId, sharedDevice: false })
    browser.cookies.set('mandi_session', session.token)
    return browser
  }
  const logFor = (subjectUserId: string) =>
    ctx.app.db
      .select()
      .from(accessLog)
      .where(eq(accessLog.subjectUserId, subjectUserId))
      .orderBy(accessLog.id)

  before(async () => {
    person = await buildUser(ctx.app.db, {
      name: 'Kavita Deshmukh',
      email: 'Kavita.Deshmukh@pune-traders.example',
      phone: '+919822011122',
      city: 'Pune',
    })
    supportUser = await buildUser(ctx.app.db, {
      name: 'Sunil Helpdesk',
      email: 'sunil.helpdesk@mandi-staff.example',
      roles: ['support'],
    })
  })

  it('sends signed-out visitors to sign in and shows everyone without a staff role a 404', async () => {
    const anonymous = new TestBrowser(ctx.server)
    const res = await anonymous.get(`/admin/people/${person.id}`)
    assert.equal(res.statusCode, 303)
    assert.match(String(res.headers.location), /^\/account\/sign-in\?next=/)
    for (const roles of [['buyer'], ['buyer', 'seller'], ['moderator']]) {
      const other = await buildUser(ctx.app.db, { roles })
      const browser = await browserFor(other.id)
      for (const url of [
        '/admin/people',
        `/admin/people?contact=${encodeURIComponent(person.email)}`,
        `/admin/people/${person.id}`,
      ]) {
        const page = await browser.get(url)
        assert.equal(page.statusCode, 404, `${roles.join('+')} at ${url}`)
        assert.doesNotMatch(page.body, /Kavita|Deshmukh/)
      }
      const posted = await browser.post(`/admin/people/${person.id}`, {
        access_reason: 'Curious about this buyer, honestly',
      })
      assert.equal(posted.statusCode, 404)
    }
    assert.deepEqual(await logFor(person.id), [], 'nothing was opened')
  })

  it('finds a person by their exact email address or mobile number, and nobody by a fragment', async () => {
    const staff = await browserFor(supportUser.id)
    for (const contact of ['kavita.deshmukh@PUNE-TRADERS.example', ' 98220 11122 ', '+91 98220 11122']) {
      const res = await staff.get(`/admin/people?contact=${encodeURIComponent(contact)}`)
      assert.equal(res.statusCode, 200, contact)
      assert.match(visibleText(res.body), /1 person found/)
      assert.match(res.body, new RegExp(`href="/admin/people/${person.id}"`))
    }
    const none = await staff.get(`/admin/people?contact=${encodeURIComponent('nobody@pune-traders.example')}`)
    assert.match(visibleText(none.body), /Nobody has that email address or mobile number/)

    const fragment = await staff.get('/admin/people?contact=Kavita')
    assert.equal(fragment.statusCode, 400)
    assert.match(visibleText(fragment.body), /Enter a full email address/)
    assert.match(fragment.body, /name="contact"[^>]*value="Kavita"/, 'what was typed is kept')
    assert.doesNotMatch(fragment.body, /Deshmukh/)
    assert.deepEqual(await logFor(person.id), [], 'a search opens nobody’s data')
  })

  it('asks why before opening the data summary, logs the reason, and asks again only for another purpose', async () => {
    const staff = await browserFor(supportUser.id)
    const form = await staff.get(`/admin/people/${person.id}`)
    assert.equal(form.statusCode, 200)
    assert.match(visibleText(form.body), /Why do you need this person’s data\?/)
    assert.doesNotMatch(form.body, /pune-traders|9822011122/, 'no data before a reason')
    assert.match(form.body, /<a href="\/admin\/people" aria-current="page">People<\/a>/)
    assert.match(form.body, /<a href="\/admin\/grievances">Grievances<\/a>/)
    assert.deepEqual(await logFor(person.id), [])

    const short = await staff.post(`/admin/people/${person.id}`, { access_reason: 'because' })
    assert.equal(short.statusCode, 400)
    assert.match(visibleText(short.body), /at least 10 characters/)
    assert.match(short.body, /<textarea[^>]*>because<\/textarea>/, 'what was typed is kept')
    assert.doesNotMatch(short.body, /pune-traders/)
    assert.deepEqual(await logFor(person.id), [])

    const reason = 'Ticket 5521: she asked which phone number we hold'
    const opened = await staff.post(`/admin/people/${person.id}`, { access_reason: reason })
    assert.equal(opened.statusCode, 200)
    assert.equal(opened.headers['cache-control'], 'no-store')
    const text = visibleText(opened.body)
    assert.match(text, /Kavita\.Deshmukh@pune-traders\.example/)
    assert.match(text, /\+919822011122/)
    assert.match(text, /Data summary: Kavita Deshmukh/)
    assert.match(text, /Running your account/, 'each value with its purpose, from the inventory')
    let log = await logFor(person.id)
    assert.equal(log.length, 1)
    assert.equal(log[0]!.actorUserId, supportUser.id)
    assert.equal(log[0]!.what, 'data summary')
    assert.equal(log[0]!.why, reason)

    // Within the working session the reason is remembered: no form, but each view is logged.
    const again = await staff.get(`/admin/people/${person.id}`)
    assert.equal(again.statusCode, 200)
    assert.doesNotMatch(visibleText(again.body), /Why do you need/)
    assert.match(visibleText(again.body), /Kavita\.Deshmukh@pune-traders\.example/)
    log = await logFor(person.id)
    assert.deepEqual(
      log.map((entry) => entry.why),
      [reason, reason],
    )

    // Another staff member is asked for their own reason.
    const admin = await buildUser(ctx.app.db, { roles: ['buyer', 'admin'] })
    const adminPage = await (await browserFor(admin.id)).get(`/admin/people/${person.id}`)
    assert.match(visibleText(adminPage.body), /Why do you need this person’s data\?/)
    assert.equal((await logFor(person.id)).length, 2)
  })

  it('shows the person who viewed their data by role, when and why, never by name or email', async () => {
    const browser = await browserFor(person.id)
    const res = await browser.get('/account/privacy')
    assert.equal(res.statusCode, 200)
    const text = visibleText(res.body)
    assert.match(text, /Staff viewed your data/)
    assert.match(
      text,
      /Mandi support staff Your data summary Ticket 5521: she asked which phone number we hold/,
    )
    assert.doesNotMatch(text, /Sunil|Helpdesk|mandi-staff\.example/)

    const api = await ctx.server.inject({
      url: '/api/v1/me/staff-views',
      cookies: { mandi_session: browser.cookies.get('mandi_session')! },
    })
    assert.equal(api.statusCode, 200)
    const { staffViews } = api.json() as {
      staffViews: { role: string; what: string; why: string; at: string }[]
    }
    assert.equal(staffViews.length, 2)
    assert.deepEqual(
      { ...staffViews[0]!, at: undefined },
      {
        role: 'Mandi support staff',
        what: 'data summary',
        why: 'Ticket 5521: she asked which phone number we hold',
        at: undefined,
      },
    )
    assert.ok(Date.parse(staffViews[0]!.at) <= Date.now())
    assert.doesNotMatch(api.body, /Sunil|mandi-staff|actor/i)

    // The role is the one they acted in: a later promotion does not rewrite what the person was told.
    await ctx.app.db
      .update(usersTable)
      .set({ roles: ['buyer', 'admin'] })
      .where(eq(usersTable.id, supportUser.id))
    const later = await ctx.server.inject({
      url: '/api/v1/me/staff-views',
      cookies: { mandi_session: browser.cookies.get('mandi_session')! },
    })
    const roles = (later.json() as { staffViews: { role: string }[] }).staffViews.map((v) => v.role)
    assert.deepEqual(roles, ['Mandi support staff', 'Mandi support staff'])
  })

  it('tells everyone in the privacy notice how staff access works, from the guard’s own rules', async () => {
    const res = await new TestBrowser(ctx.server).get('/privacy')
    const text = visibleText(res.body)
    assert.match(text, /\(administrator or support staff\) can open someone else’s personal data/)
    assert.match(
      text,
      /every view is logged with it, and you can see each one \(their role, never their name, when and why\) in your privacy centre/,
    )
  })

  it('answers 404 for an id that is no person', async () => {
    const staff = await browserFor(supportUser.id)
    assert.equal((await staff.get('/admin/people/not-a-uuid')).statusCode, 404)
    assert.equal((await staff.get('/admin/people/00000000-0000-4000-8000-000000000000')).statusCode, 404)
  })
})

describe(`the access log reads (${testDatabaseKind})`, () => {
  const ctx = useTestApp()

  it('remembers a reason only from the given time on, and lists a person’s entries newest first', async () => {
    const staff = await buildUser(ctx.app.db, { roles: ['support'] })
    const subject = await buildUser(ctx.app.db)
    const entry = { actorUserId: staff.id, subjectUserId: subject.id, what: 'data summary' }
    await privacy.recordAccess(ctx.app.db, {
      ...entry,
      actorRole: 'support',
      why: 'Ticket 1: first look at the account',
    })
    await privacy.recordAccess(ctx.app.db, {
      ...entry,
      actorRole: 'support',
      why: 'Ticket 2: second look at the account',
    })
    const hourAgo = new Date(Date.now() - 3_600_000)
    assert.equal(
      await privacy.latestAccessReason(ctx.app.db, { ...entry, since: hourAgo }),
      'Ticket 2: second look at the account',
    )
    const later = new Date(Date.now() + 3_600_000)
    assert.equal(await privacy.latestAccessReason(ctx.app.db, { ...entry, since: later }), null)
    assert.equal(
      await privacy.latestAccessReason(ctx.app.db, { ...entry, what: 'grievance', since: hourAgo }),
      null,
    )
    const listed = await privacy.listAccessTo(ctx.app.db, subject.id)
    assert.deepEqual(
      listed.map((e) => e.why),
      ['Ticket 2: second look at the account', 'Ticket 1: first look at the account'],
    )
  })
})
