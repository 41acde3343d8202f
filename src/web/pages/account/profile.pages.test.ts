import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { and, eq } from 'drizzle-orm'
import * as accounts from '#src/modules/accounts/index.ts'
import { outboxMessages } from '#src/modules/messaging/messaging.tables.ts'
import { buildUser } from '#test/factories.ts'
import { testDatabaseKind } from '#test/setup.ts'
import {
  emailedToken,
  registerThroughForm,
  useAccountServer,
  visibleText,
} from './account-pages.test-support.ts'

const address = {
  addressLine1: '14, 2nd Cross, Peenya Industrial Area',
  addressLine2: '',
  city: 'Bengaluru',
  state: 'Karnataka',
  pin: '560058',
}

describe(`the profile pages (${testDatabaseKind})`, () => {
  const ctx = useAccountServer()

  it('shows the profile form with the anchors the requirement links point at', async () => {
    const { browser, person } = await registerThroughForm(ctx)
    const res = await browser.get('/account/profile')
    assert.equal(res.statusCode, 200)
    assert.equal(res.headers['cache-control'], 'no-store')
    for (const anchor of ['email', 'phone', 'address']) assert.match(res.body, new RegExp(`id="${anchor}"`))
    assert.match(res.body, new RegExp(`value="${person.name}"`))
    assert.match(res.body, /value="\+919845012345"/)
    assert.match(
      visibleText(res.body),
      /Why we ask: Your postal address \(optional\), for deliveries and invoices/,
    )
  })

  it('keeps what was typed and shows the error at the field when a value is wrong', async () => {
    const { browser } = await registerThroughForm(ctx)
    await browser.get('/account/profile')
    const res = await browser.post('/account/profile', {
      name: 'Priya R',
      phone: '98450 12345',
      ...address,
      pin: '05600',
    })
    assert.equal(res.statusCode, 400)
    assert.match(res.body, /id="pin-error"[^>]*>.*A PIN code has 6 digits/)
    assert.match(res.body, /href="#pin"/)
    assert.match(res.body, /value="05600"/)
    assert.match(res.body, /value="Priya R"/)
    assert.match(res.body, /value="14, 2nd Cross, Peenya Industrial Area"/)
    assert.match(res.body, /<option value="Karnataka" selected>/)
  })

  it('reports every problem in one answer, the age and mobile checks with the fields, and keeps every value', async () => {
    const { browser } = await registerThroughForm(ctx)
    await browser.get('/account/profile')
    const res = await browser.post('/account/profile', {
      name: 'P',
      phone: '12',
      dateOfBirth: '2015-06-01',
      gender: 'male',
      ...address,
      pin: '05600',
    })
    assert.equal(res.statusCode, 400)
    for (const field of ['name', 'phone', 'dateOfBirth', 'pin']) {
      assert.match(res.body, new RegExp(`id="${field}-error"`), `${field} has its error in the same answer`)
      assert.match(res.body, new RegExp(`href="#${field}"`), `${field} is in the summary`)
    }
    assert.match(res.body, /id="dateOfBirth-error"[^>]*>.*18 or over/)
    for (const typed of ['P', '12', '2015-06-01', '05600', '14, 2nd Cross, Peenya Industrial Area']) {
      assert.match(res.body, new RegExp(`value="${typed}"`), `${typed} is kept`)
    }

    const old = await browser.post('/account/profile', {
      name: 'Priya R',
      phone: '98450 12345',
      dateOfBirth: '1850-01-01',
    })
    assert.equal(old.statusCode, 400)
    assert.match(old.body, /id="dateOfBirth-error"[^>]*>.*1900 or later/)
    const future = await browser.post('/account/profile', {
      name: 'Priya R',
      phone: '98450 12345',
      dateOfBirth: '2999-01-01',
    })
    assert.match(future.body, /id="dateOfBirth-error"[^>]*>.*cannot be in the future/)
  })

  it('refuses a profile change posted without its CSRF token', async () => {
    const { browser } = await registerThroughForm(ctx)
    await browser.get('/account/profile')
    const res = await browser.post(
      '/account/profile',
      { name: 'Someone Else', phone: '98450 12345' },
      { csrf: false },
    )
    assert.equal(res.statusCode, 403)
  })

  it('saves changes, and lists every version newest first with old and new values and who made them', async () => {
    const { browser, person, userId } = await registerThroughForm(ctx)
    const base = { name: person.name, phone: person.phone, dateOfBirth: '', gender: '' }
    const first = await browser.submit('/account/profile', '/account/profile', { ...base, ...address })
    assert.equal(first.statusCode, 303)
    assert.equal(first.headers.location, '/account/profile')
    assert.match(visibleText((await browser.get('/account/profile')).body), /Your profile is saved/)
    await browser.post('/account/profile', { ...base, ...address, city: 'Tumakuru' })
    await browser.post('/account/profile', { ...base, ...address, city: 'Mysuru' })
    const staff = await buildUser(ctx.app.db, { roles: ['admin'] })
    await accounts.updateProfile(ctx.app.db, userId, { gender: 'prefer_not_to_say' }, staff.id)

    const res = await browser.get('/account/profile/history')
    assert.equal(res.statusCode, 200)
    const text = visibleText(res.body)
    const order = ['Version 5', 'Version 4', 'Version 3', 'Version 2', 'Version 1'].map((v) =>
      text.indexOf(v),
    )
    assert.deepEqual(
      [...order].sort((a, b) => a - b),
      order,
      'newest first',
    )
    assert.ok(order.every((i) => i >= 0))
    assert.match(text, /Version 5.*by Mandi staff.*Gender: \(empty\) → changed to Prefer not to say/)
    assert.match(text, /Version 4.*by you.*City: Tumakuru → changed to Mysuru/)
    assert.match(text, /Version 3.*by you.*City: Bengaluru → changed to Tumakuru/)
    assert.match(text, /Version 2.*PIN code: \(empty\) → changed to 560058/)
    assert.match(text, /Version 1.*when the account was created.*Name: \(empty\) → changed to Priya Raghavan/)
    assert.match(
      res.body,
      /<time datetime="[^"]+">\d{1,2} [A-Z][a-z]{2} \d{4}, \d{1,2}:\d{2} (am|pm)<\/time>/,
    )
  })

  it('says nothing changed when the form is saved as it was', async () => {
    const { browser, person } = await registerThroughForm(ctx)
    await browser.submit('/account/profile', '/account/profile', {
      name: person.name,
      phone: '+919845012345',
    })
    assert.match(visibleText((await browser.get('/account/profile')).body), /Nothing had changed/)
  })

  it('changes the sign-in email only with the password, reporting every problem at once and keeping what was typed', async () => {
    const { browser, person, userId } = await registerThroughForm(ctx)
    const page = await browser.get('/account/profile')
    assert.match(page.body, /action="\/account\/profile\/email"/)

    const both = await browser.post('/account/profile/email', { email: 'not an address' })
    assert.equal(both.statusCode, 403)
    assert.match(both.body, /id="new-email-error"/)
    assert.match(both.body, /id="email-password-error"[^>]*>.*Enter your current password/)
    assert.match(both.body, /value="not an address"/)

    const moved = `moved.${Date.now()}@sundaram-pumps.example`
    const wrong = await browser.post('/account/profile/email', {
      email: moved,
      password: 'a wrong guess here',
    })
    assert.equal(wrong.statusCode, 401)
    assert.match(wrong.body, new RegExp(`value="${moved.replace(/\./g, '\\.')}"`))
    assert.doesNotMatch(wrong.body, /a wrong guess here/)
    assert.equal((await accounts.findProfile(ctx.app.db, userId)).email, person.email)

    const ok = await browser.post('/account/profile/email', { email: moved, password: person.password })
    assert.equal(ok.statusCode, 303)
    const after = await browser.get('/account/profile')
    assert.match(visibleText(after.body), new RegExp(`You now sign in with ${moved.replace(/\./g, '\\.')}`))
    assert.match(visibleText(after.body), /Not confirmed yet/)
    const history = await accounts.listProfileHistory(ctx.app.db, userId)
    assert.deepEqual(history[0]!.changes, [{ field: 'email', from: person.email, to: moved }])
  })

  it('verifies the mobile number with a texted code, reporting a wrong code at the field and keeping it', async () => {
    const { browser, person, userId } = await registerThroughForm(ctx)
    const page = await browser.get('/account/profile')
    assert.match(visibleText(page.body), /Not verified — send a code/)
    assert.match(page.body, /action="\/account\/profile\/phone\/send"/)

    const sent = await browser.post('/account/profile/phone/send', {})
    assert.equal(sent.statusCode, 303)
    assert.equal(sent.headers.location, '/account/profile#phone-verification')
    const [sms] = await ctx.app.db
      .select({ toAddress: outboxMessages.toAddress, data: outboxMessages.data })
      .from(outboxMessages)
      .where(and(eq(outboxMessages.recipientUserId, userId), eq(outboxMessages.kind, 'phone-verification')))
    assert.equal(sms!.toAddress, '+919845012345')
    const code = String(sms!.data.code)
    assert.match(
      visibleText((await browser.get('/account/profile')).body),
      /We texted a 6-digit code to \+919845012345/,
    )

    const wrongCode = code === '111111' ? '222222' : '111111'
    const wrong = await browser.post('/account/profile/phone/confirm', { code: wrongCode })
    assert.equal(wrong.statusCode, 400)
    assert.match(wrong.body, /id="code-error"[^>]*>.*That code is not right/)
    assert.match(wrong.body, /href="#code"/)
    assert.match(wrong.body, new RegExp(`value="${wrongCode}"`))

    const ok = await browser.post('/account/profile/phone/confirm', { code })
    assert.equal(ok.statusCode, 303)
    const verified = visibleText((await browser.get('/account/profile')).body)
    assert.match(verified, /Your mobile number is verified/)
    assert.match(verified, /\+919845012345 Verified/)
    assert.doesNotMatch(verified, /Not verified/)

    await browser.post('/account/profile', { name: person.name, phone: '98450 54321' })
    assert.match(visibleText((await browser.get('/account/profile')).body), /\+919845054321 Not verified/)
  })

  it('refuses a fourth code in an hour with Retry-After, on the profile page', async () => {
    const { browser } = await registerThroughForm(ctx)
    await browser.get('/account/profile')
    for (let i = 0; i < 3; i++) {
      assert.equal((await browser.post('/account/profile/phone/send', {})).statusCode, 303)
    }
    const refused = await browser.post('/account/profile/phone/send', {})
    assert.equal(refused.statusCode, 429)
    assert.ok(Number(refused.headers['retry-after']) > 0)
    assert.match(visibleText(refused.body), /Too many codes were asked for/)
  })
})

describe(`the account overview (${testDatabaseKind})`, () => {
  const ctx = useAccountServer()

  it('shows what each capability still needs, with links, and updates as the profile is completed', async () => {
    const { browser, person, userId } = await registerThroughForm(ctx)
    const before = await browser.get('/account')
    assert.equal(before.statusCode, 200)
    assert.match(before.body, /href="\/account\/profile#email">Confirm your email address/)
    // Only capabilities whose feature exists are listed: orders (the one needing an address) are not built.
    assert.doesNotMatch(before.body, /Add your postal address/)
    assert.match(before.body, /href="\/account\/business">Create your business profile/)
    assert.match(visibleText(before.body), /Send enquiries Needs 1 more/)

    const token = await emailedToken(ctx.app.db, userId, 'email-verification')
    await accounts.verifyEmail(ctx.app.db, token)
    await browser.submit('/account/profile', '/account/profile', {
      name: person.name,
      phone: person.phone,
      ...address,
    })
    const after = visibleText((await browser.get('/account')).body)
    assert.match(after, /Send enquiries Ready/)
    assert.doesNotMatch(after, /Place orders/)
    assert.match(after, /Sell on Mandi Needs 1 more/)
    assert.match(after, /Confirmed/)
  })
})
