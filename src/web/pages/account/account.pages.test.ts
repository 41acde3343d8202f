import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { eq } from 'drizzle-orm'
import * as accounts from '#src/modules/accounts/index.ts'
import { consentEvents } from '#src/modules/privacy/privacy.tables.ts'
import { buildProduct } from '#test/factories.ts'
import { testDatabaseKind } from '#test/setup.ts'
import {
  emailedToken,
  newPerson,
  registerThroughForm,
  TestBrowser,
  useAccountServer,
  visibleText,
} from './account-pages.test-support.ts'
import { users as usersTable } from '#src/modules/accounts/accounts.tables.ts'

describe(`registration and sign-in pages (${testDatabaseKind})`, () => {
  const ctx = useAccountServer()

  it('sends signed-out visitors of every account page to sign in, and back afterwards', async () => {
    const browser = new TestBrowser(ctx.server)
    for (const path of [
      '/account',
      '/account/profile',
      '/account/profile/history',
      '/account/security',
      '/account/business',
      '/account/privacy',
    ]) {
      const res = await browser.get(path)
      assert.equal(res.statusCode, 303, path)
      assert.equal(res.headers.location, `/account/sign-in?next=${encodeURIComponent(path)}`)
    }
    const { person } = await registerThroughForm(ctx)
    const fresh = new TestBrowser(ctx.server)
    await fresh.get('/account/sign-in?next=%2Faccount%2Fprivacy')
    const res = await fresh.post('/account/sign-in', {
      email: person.email,
      password: person.password,
      next: '/account/privacy',
    })
    assert.equal(res.statusCode, 303)
    assert.equal(res.headers.location, '/account/privacy')
    assert.equal((await fresh.get('/account/privacy')).statusCode, 200)
  })

  it('offers registration with the minimum password length, unticked consent boxes and "why we ask" lines', async () => {
    const res = await new TestBrowser(ctx.server).get('/account/register')
    assert.equal(res.statusCode, 200)
    assert.equal(res.headers['cache-control'], 'no-store')
    const text = visibleText(res.body)
    assert.match(text, new RegExp(`At least ${accounts.MIN_PASSWORD_LENGTH} characters`))
    for (const purpose of ['Offers by email', 'Personalised suggestions'])
      assert.match(text, new RegExp(purpose))
    for (const box of ['consents.marketing_email', 'consents.personalisation']) {
      const input = new RegExp(`<input[^>]*name="${box.replace('.', '\\.')}"[^>]*>`).exec(res.body)?.[0]
      assert.ok(input, box)
      assert.doesNotMatch(input, /checked/, `${box} is not ticked in advance`)
    }
    assert.match(res.body, /<input[^>]*name="isAdultBusinessUser"[^>]*required/)
    assert.match(text, /Why we ask: Your mobile number\. Used for running your account/)
    assert.match(res.body, /href="\/privacy\/data-we-hold#contact"/)
  })

  it('refuses a registration form posted without its CSRF token', async () => {
    const browser = new TestBrowser(ctx.server)
    await browser.get('/account/register')
    const res = await browser.post('/account/register', newPerson(), { csrf: false })
    assert.equal(res.statusCode, 403)
    const forged = await browser.post('/account/register', newPerson(), { csrf: 'forged-token' })
    assert.equal(forged.statusCode, 403)
  })

  it('shows each error at its field and in a summary, and keeps what was typed, the password too', async () => {
    const browser = new TestBrowser(ctx.server)
    const person = newPerson({ email: 'not an email', password: 'monsoon-secret-9', name: 'Priya Raghavan' })
    delete (person as Partial<typeof person>).isAdultBusinessUser
    const res = await browser.submit('/account/register', '/account/register', {
      ...person,
      dateOfBirth: '1988-04-02',
    })
    assert.equal(res.statusCode, 400)
    assert.match(res.body, /class="error-summary"/)
    assert.match(res.body, /href="#email">Email address: Enter an email address/)
    assert.match(res.body, /id="email-error"/)
    assert.match(res.body, /id="isAdultBusinessUser-error"[^>]*>.*Confirm that you are 18 or over/)
    assert.match(res.body, /value="not an email"/)
    assert.match(res.body, /value="Priya Raghavan"/)
    assert.match(res.body, /value="1988-04-02"/)
    // The answer to the POST keeps the password typed (a no-store page), so fixing the email does
    // not mean typing it again; the empty form never carries one.
    assert.match(res.body, /type="password"[^>]*value="monsoon-secret-9"/)
    assert.equal(res.headers['cache-control'], 'no-store')
    assert.doesNotMatch((await browser.get('/account/register')).body, /monsoon-secret-9/)

    const weak = await browser.post('/account/register', newPerson({ password: 'short' }))
    assert.equal(weak.statusCode, 400)
    assert.match(weak.body, /id="password-error"[^>]*>.*Use at least 10 characters/)

    const badPhone = await browser.post('/account/register', newPerson({ phone: '12' }))
    assert.equal(badPhone.statusCode, 400)
    assert.match(badPhone.body, /id="phone-error"[^>]*>.*valid phone number/)
  })

  it("reports every field's problem in one answer, the domain checks with the rest, and keeps every value", async () => {
    const browser = new TestBrowser(ctx.server)
    const res = await browser.submit('/account/register', '/account/register', {
      name: 'P',
      email: 'priya at sundaram',
      phone: '12',
      password: 'short-pw',
      dateOfBirth: '1850-01-01',
      gender: 'female',
    })
    assert.equal(res.statusCode, 400)
    const errorOf = (field: string) => new RegExp(`id="${field}-error"`)
    for (const field of ['name', 'email', 'phone', 'password', 'dateOfBirth', 'isAdultBusinessUser']) {
      assert.match(res.body, errorOf(field), `${field} has its error in the first answer`)
      assert.match(res.body, new RegExp(`href="#${field}"`), `${field} is in the summary`)
    }
    assert.match(res.body, /id="dateOfBirth-error"(?:(?!<\/p>)[\s\S])*1900 or later/)
    for (const typed of ['P', 'priya at sundaram', '12', 'short-pw', '1850-01-01']) {
      assert.match(res.body, new RegExp(`value="${typed}"`), `${typed} is kept`)
    }
    assert.match(res.body, /<option value="female" selected/)

    // The checks made after the schema (age, the password against the email, a number that
    // cannot take text messages) come together too, and not one per round.
    const domain = await browser.post(
      '/account/register',
      newPerson({
        email: 'priya.raghavan@sundaram.example',
        password: 'priya.raghavan-2026',
        phone: '12',
        dateOfBirth: '2020-01-01',
      }),
    )
    assert.equal(domain.statusCode, 400)
    for (const field of ['phone', 'password', 'dateOfBirth']) assert.match(domain.body, errorOf(field), field)
    assert.match(domain.body, /id="dateOfBirth-error"(?:(?!<\/p>)[\s\S])*18 or over/)
  })

  it('refuses a guessable password such as password12 and says why at the field', async () => {
    const browser = new TestBrowser(ctx.server)
    await browser.get('/account/register')
    for (const password of ['password12', 'india@2024']) {
      const res = await browser.post('/account/register', newPerson({ password }))
      assert.equal(res.statusCode, 400, password)
      assert.match(res.body, /id="password-error"[^>]*>.*too easy to guess/, password)
      assert.equal(browser.signedIn, false)
    }
  })

  it('registers, signs in with a flash to confirm the email, and records only the ticked consents', async () => {
    const browser = new TestBrowser(ctx.server)
    const person = newPerson({ 'consents.personalisation': 'yes' })
    const res = await browser.submit('/account/register', '/account/register', person)
    assert.equal(res.statusCode, 303)
    assert.equal(res.headers.location, '/account')
    const session = res.cookies.find((c) => c.name === 'mandi_session')!
    assert.equal(session.httpOnly, true)
    const account = await browser.get('/account')
    assert.equal(account.statusCode, 200)
    assert.match(visibleText(account.body), /Check your inbox to confirm your email/)
    assert.match(visibleText(account.body), /Not confirmed yet/)
    // The flash is shown once.
    assert.doesNotMatch(visibleText((await browser.get('/account')).body), /Check your inbox/)

    const [user] = await ctx.app.db.select().from(usersTable).where(eq(usersTable.email, person.email))
    const events = await ctx.app.db.select().from(consentEvents).where(eq(consentEvents.userId, user!.id))
    assert.deepEqual(
      events.map((e) => [e.purpose, e.action]),
      [['personalisation', 'grant']],
    )

    const again = await new TestBrowser(ctx.server).submit('/account/register', '/account/register', person)
    assert.equal(again.statusCode, 409)
    assert.match(again.body, /id="email-error"[^>]*>.*already exists/)
  })

  it('signs in, keeps the email but not the password on a failure, and refuses other sites as "next"', async () => {
    const { person } = await registerThroughForm(ctx)
    const browser = new TestBrowser(ctx.server, '192.0.2.10')
    await browser.get('/account/sign-in')
    const wrong = await browser.post('/account/sign-in', {
      email: person.email,
      password: 'wrong password here',
    })
    assert.equal(wrong.statusCode, 401)
    assert.match(visibleText(wrong.body), /The email address or password is not right/)
    assert.match(wrong.body, new RegExp(`value="${person.email}"`))
    assert.doesNotMatch(wrong.body, /wrong password here/)
    assert.ok(!browser.signedIn)

    for (const next of [
      '//evil.example/x',
      'https://evil.example/',
      '/\\evil.example',
      'javascript:alert(1)',
    ]) {
      const res = await new TestBrowser(ctx.server).submit('/account/sign-in', '/account/sign-in', {
        email: person.email,
        password: person.password,
        next,
      })
      assert.equal(res.statusCode, 303)
      assert.equal(res.headers.location, '/account', next)
    }
  })

  it('remembers a normal sign-in, but not one on a shared computer', async () => {
    const { person } = await registerThroughForm(ctx)
    const normal = await new TestBrowser(ctx.server).submit('/account/sign-in', '/account/sign-in', {
      email: person.email,
      password: person.password,
    })
    assert.ok(normal.cookies.find((c) => c.name === 'mandi_session')!.expires)
    const shared = await new TestBrowser(ctx.server).submit('/account/sign-in', '/account/sign-in', {
      email: person.email,
      password: person.password,
      sharedDevice: 'yes',
    })
    const cookie = shared.cookies.find((c) => c.name === 'mandi_session')!
    assert.equal(cookie.expires, undefined, 'a shared-computer session cookie ends with the browser')
    const page = await new TestBrowser(ctx.server).get('/account/sign-in')
    assert.match(visibleText(page.body), /This is a shared or public computer/)
    assert.match(visibleText(page.body), /signed out after 30 minutes without activity/)
  })

  it('answers too many failed sign-ins with 429 and says how long to wait', async () => {
    const { person } = await registerThroughForm(ctx)
    const browser = new TestBrowser(ctx.server, '198.51.100.7')
    await browser.get('/account/sign-in')
    let res = await browser.post('/account/sign-in', { email: person.email, password: 'not it at all 0' })
    for (let i = 1; i <= accounts.signInLimits.account.max; i++) {
      res = await browser.post('/account/sign-in', { email: person.email, password: `not it at all ${i}` })
    }
    assert.equal(res.statusCode, 429)
    assert.ok(Number(res.headers['retry-after']) > 60)
    assert.match(visibleText(res.body), /Too many sign-in attempts\. Please wait \d+ minutes/)
    assert.match(res.body, /value="[^"]*@sundaram-pumps\.example"/, 'the address typed is kept')
  })

  it('says on the sign-in page how long an account lock lasts', async () => {
    const page = await new TestBrowser(ctx.server).get('/account/sign-in')
    assert.match(
      visibleText(page.body),
      /After 10 unsuccessful attempts, signing in to that account pauses for up to 15 minutes\./,
    )
  })

  it('asks for the code of an account with two-factor sign-in, and accepts a right one', async () => {
    const { person, userId } = await registerThroughForm(ctx)
    const { secret } = await accounts.startTwoFactorSetup(ctx.app.db, ctx.app.accountsDeps, userId, {
      password: person.password,
    })
    await accounts.confirmTwoFactor(ctx.app.db, ctx.app.accountsDeps, userId, accounts.totpCode(secret))
    const browser = new TestBrowser(ctx.server, '203.0.113.20')
    const first = await browser.submit('/account/sign-in', '/account/sign-in', {
      email: person.email,
      password: person.password,
    })
    assert.equal(first.statusCode, 401)
    assert.match(first.body, /name="totp"/)
    assert.match(visibleText(first.body), /Your password was right/)
    assert.doesNotMatch(first.body, new RegExp(person.password))
    const wrongCode = await browser.post('/account/sign-in', {
      email: person.email,
      password: person.password,
      askTotp: 'yes',
      totp: '000000',
    })
    assert.equal(wrongCode.statusCode, 401)
    assert.match(wrongCode.body, /id="totp-error"/)
    const ok = await browser.post('/account/sign-in', {
      email: person.email,
      password: person.password,
      askTotp: 'yes',
      // The code that confirmed the setup was used up; the app's next code works.
      totp: accounts.totpCode(secret, Date.now() + 30_000),
    })
    assert.equal(ok.statusCode, 303)
    assert.ok(browser.signedIn)
  })

  it('shows "Sign in" and "Register" in the header when signed out, and the name with a sign-out form when signed in', async () => {
    const out = await new TestBrowser(ctx.server).get('/privacy')
    assert.match(out.body, /href="\/account\/sign-in\?next=%2Fprivacy"/)
    assert.match(out.body, /href="\/account\/register"/)
    const { browser } = await registerThroughForm(ctx, { name: 'Kavitha Subramanian' })
    const page = await browser.get('/privacy')
    assert.match(page.body, /class="account-menu"/)
    assert.match(page.body, /Kavitha/)
    assert.match(
      page.body,
      /<form method="post" action="\/account\/sign-out"><input type="hidden" name="_csrf" value="[^"]+"/,
    )
    assert.doesNotMatch(page.body, /href="\/account\/register"/)
  })

  it('shows every product page visitor the same enquiry card, and asks a signed-out one to sign in first', async () => {
    const product = await buildProduct(ctx.app.db)
    const url = `/p/${product.id}/${product.slug}`
    const enquire = `/enquire?productId=${product.id}`
    const anonymous = new TestBrowser(ctx.server)
    const out = await anonymous.get(url)
    assert.equal(out.statusCode, 200)
    assert.ok(out.body.includes(`href="${enquire}"`))
    const toSignIn = await anonymous.get(enquire)
    assert.equal(toSignIn.statusCode, 303)
    assert.equal(toSignIn.headers.location, `/account/sign-in?next=${encodeURIComponent(enquire)}`)
    const { browser } = await registerThroughForm(ctx)
    const signedIn = (await browser.get(url)).body
    const card = (html: string) =>
      /<section class="card enquire" id="enquire">[\s\S]*?<\/section>/.exec(html)?.[0]
    assert.ok(card(out.body))
    assert.equal(card(signedIn), card(out.body))
  })

  it('signs out from the header form, after which account pages ask to sign in again', async () => {
    const { browser } = await registerThroughForm(ctx)
    await browser.get('/privacy')
    const refused = await browser.post('/account/sign-out', {}, { csrf: false })
    assert.equal(refused.statusCode, 403)
    const res = await browser.post('/account/sign-out', {})
    assert.equal(res.statusCode, 303)
    assert.equal(res.headers.location, '/account/sign-in')
    assert.ok(!browser.signedIn)
    assert.match(visibleText((await browser.get('/account/sign-in')).body), /You have signed out/)
    assert.equal((await browser.get('/account')).statusCode, 303)
  })

  it('signs out every device at once', async () => {
    const { browser, person } = await registerThroughForm(ctx)
    const other = new TestBrowser(ctx.server)
    await other.submit('/account/sign-in', '/account/sign-in', {
      email: person.email,
      password: person.password,
    })
    assert.equal((await other.get('/account')).statusCode, 200)
    const res = await browser.submit('/account/security', '/account/sign-out-everywhere', {})
    assert.equal(res.statusCode, 303)
    assert.equal((await other.get('/account')).statusCode, 303)
    assert.equal((await browser.get('/account')).statusCode, 303)
  })
})

describe(`password reset and email confirmation pages (${testDatabaseKind})`, () => {
  const ctx = useAccountServer()

  it('answers the same for a known and an unknown address, and resets the password from the emailed link', async () => {
    const { person, userId } = await registerThroughForm(ctx)
    const browser = new TestBrowser(ctx.server)
    const unknown = await browser.submit('/account/forgot-password', '/account/forgot-password', {
      email: 'nobody-here@example.test',
    })
    const known = await browser.submit('/account/forgot-password', '/account/forgot-password', {
      email: person.email,
    })
    assert.equal(unknown.statusCode, 303)
    assert.equal(known.statusCode, 303)
    assert.match(
      visibleText((await browser.get('/account/forgot-password')).body),
      /If this address has a Mandi account/,
    )

    const token = await emailedToken(ctx.app.db, userId, 'password-reset')
    const form = await browser.get(`/account/reset-password?token=${token}`)
    assert.equal(form.statusCode, 200)
    const weak = await browser.post('/account/reset-password', { token, newPassword: 'short' })
    assert.equal(weak.statusCode, 400)
    assert.match(weak.body, /id="newPassword-error"/)
    const done = await browser.post('/account/reset-password', {
      token,
      newPassword: 'brand new copper monsoon',
    })
    assert.equal(done.statusCode, 303)
    assert.equal(done.headers.location, '/account/sign-in')
    const signIn = await new TestBrowser(ctx.server).submit('/account/sign-in', '/account/sign-in', {
      email: person.email,
      password: 'brand new copper monsoon',
    })
    assert.equal(signIn.statusCode, 303)

    const reused = await browser.submit(`/account/reset-password?token=${token}`, '/account/reset-password', {
      token,
      newPassword: 'another copper monsoon',
    })
    assert.equal(reused.statusCode, 400)
    assert.match(visibleText(reused.body), /This link has expired/)
    assert.match(reused.body, /href="\/account\/forgot-password"/)
  })

  it('confirms the email from the link, and offers a new link for a used one when signed in', async () => {
    const { browser, userId, person } = await registerThroughForm(ctx)
    const token = await emailedToken(ctx.app.db, userId, 'email-verification')
    const ok = await browser.get(`/account/verify-email?token=${token}`)
    assert.equal(ok.statusCode, 200)
    assert.match(visibleText(ok.body), /Your email address is confirmed/)
    assert.match(visibleText((await browser.get('/account')).body), /Confirmed/)

    const used = await browser.get(`/account/verify-email?token=${token}`)
    assert.equal(used.statusCode, 400)
    assert.match(visibleText(used.body), /expired or was already used/)
    assert.match(used.body, /action="\/account\/verify-email\/resend"/)
    const resent = await browser.post('/account/verify-email/resend', { back: '/account' })
    assert.equal(resent.statusCode, 303)
    assert.match(
      visibleText((await browser.get('/account')).body),
      new RegExp(`on its way to ${person.email}`),
    )
    assert.notEqual(await emailedToken(ctx.app.db, userId, 'email-verification'), token)

    const signedOut = await new TestBrowser(ctx.server).get(`/account/verify-email?token=${token}`)
    assert.doesNotMatch(signedOut.body, /action="\/account\/verify-email\/resend"/)
    assert.match(signedOut.body, /Sign in<\/a> to send yourself a new link/)
  })

  it('refuses a fourth confirmation link within the hour with 429 and how long to wait', async () => {
    const { browser } = await registerThroughForm(ctx)
    await browser.get('/account')
    for (let i = 0; i < accounts.emailLinkLimits.address.max; i++) {
      assert.equal((await browser.post('/account/verify-email/resend', { back: '/account' })).statusCode, 303)
    }
    const refused = await browser.post('/account/verify-email/resend', { back: '/account' })
    assert.equal(refused.statusCode, 429)
    assert.ok(Number(refused.headers['retry-after']) > 0)
    assert.match(
      visibleText(refused.body),
      /Too many confirmation links were asked for\. Please wait \d+ (minutes|hour)/,
    )
  })

  it('voids the other reset link once one is used', async () => {
    const { person, userId } = await registerThroughForm(ctx)
    const browser = new TestBrowser(ctx.server, '198.51.100.61')
    await browser.submit('/account/forgot-password', '/account/forgot-password', { email: person.email })
    const first = await emailedToken(ctx.app.db, userId, 'password-reset')
    await browser.submit('/account/forgot-password', '/account/forgot-password', { email: person.email })
    const second = await emailedToken(ctx.app.db, userId, 'password-reset')
    const done = await browser.submit(`/account/reset-password?token=${first}`, '/account/reset-password', {
      token: first,
      newPassword: 'brand new copper monsoon',
    })
    assert.equal(done.statusCode, 303)
    const other = await browser.submit(`/account/reset-password?token=${second}`, '/account/reset-password', {
      token: second,
      newPassword: 'someone else chose this',
    })
    assert.equal(other.statusCode, 400)
    assert.match(visibleText(other.body), /This link has expired/)
  })

  it('answers too many reset requests for one address with 429, keeping the address typed', async () => {
    const browser = new TestBrowser(ctx.server, '198.51.100.62')
    const email = 'not-registered-anywhere@example.test'
    for (let i = 0; i < accounts.emailLinkLimits.address.max; i++) {
      const asked = await browser.submit('/account/forgot-password', '/account/forgot-password', { email })
      assert.equal(asked.statusCode, 303, 'the same answer below the limit, registered or not')
    }
    await browser.get('/account/forgot-password')
    const refused = await browser.post('/account/forgot-password', { email })
    assert.equal(refused.statusCode, 429)
    assert.ok(Number(refused.headers['retry-after']) > 0)
    assert.match(
      visibleText(refused.body),
      /Too many reset links were asked for\. Please wait \d+ (minutes|hour)/,
    )
    assert.match(refused.body, /value="not-registered-anywhere@example\.test"/)
  })
})
