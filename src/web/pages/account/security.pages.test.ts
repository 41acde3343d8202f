import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import * as accounts from '#src/modules/accounts/index.ts'
import { qrPath } from '#src/web/views/qr-code.tsx'
import { testDatabaseKind } from '#test/setup.ts'
import {
  registerThroughForm,
  TestBrowser,
  useAccountServer,
  visibleText,
} from './account-pages.test-support.ts'

describe(`the sign-in and security page (${testDatabaseKind})`, () => {
  const ctx = useAccountServer()

  it('lists where the person is signed in, with device, network and times', async () => {
    const { browser, person } = await registerThroughForm(ctx)
    const phone = new TestBrowser(
      ctx.server,
      '49.36.12.77',
      'Mozilla/5.0 (Linux; Android 14; SM-A546E) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Mobile Safari/537.36',
    )
    await phone.get('/account/sign-in')
    await phone.post('/account/sign-in', {
      email: person.email,
      password: person.password,
      sharedDevice: 'yes',
    })
    const res = await browser.get('/account/security')
    assert.equal(res.statusCode, 200)
    assert.equal(res.headers['cache-control'], 'no-store')
    const text = visibleText(res.body)
    assert.match(text, /Firefox on Linux This browser/)
    assert.match(
      text,
      /Chrome on SM-A546E Shared computer Network 49\.36\.12\.0 Signed in \d+ \w+ \d{4}, \d+:\d\d [ap]m Last seen/,
    )
    assert.doesNotMatch(text, /49\.36\.12\.77/)
    assert.equal([...res.body.matchAll(/name="sessionId"/g)].length, 2)
  })

  it("does nothing when another person's session id is put in the sign-out form", async () => {
    const victim = await registerThroughForm(ctx)
    const attacker = await registerThroughForm(ctx)
    const [victimSession] = await accounts.listActiveSessions(ctx.app.db, victim.userId)
    await attacker.browser.get('/account/security')
    const res = await attacker.browser.post('/account/security/sessions/sign-out', {
      sessionId: victimSession!.id,
    })
    assert.equal(res.statusCode, 303)
    assert.match(
      visibleText((await attacker.browser.get('/account/security')).body),
      /already ended, so nothing changed/,
    )
    assert.equal(
      (await victim.browser.get('/account')).statusCode,
      200,
      'the other person is still signed in',
    )
    assert.equal((await accounts.listActiveSessions(ctx.app.db, victim.userId)).length, 1)

    const junk = await attacker.browser.post('/account/security/sessions/sign-out', {
      sessionId: "' or 1=1 --",
    })
    assert.equal(junk.statusCode, 303)
    assert.equal((await attacker.browser.get('/account')).statusCode, 200)
  })

  it('signs out one of the person’s own other sessions, and needs the CSRF token to do it', async () => {
    const { browser, person, userId } = await registerThroughForm(ctx)
    const other = new TestBrowser(ctx.server)
    await other.submit('/account/sign-in', '/account/sign-in', {
      email: person.email,
      password: person.password,
    })
    const page = await browser.get('/account/security')
    const mine = /name="sessionId" value="([^"]+)"[^<]*<button[^>]*>Sign out here</.exec(page.body)![1]
    const sessions = await accounts.listActiveSessions(ctx.app.db, userId)
    assert.equal(sessions.length, 2)
    const target = sessions.find((s) => s.id !== mine)!.id

    const refused = await browser.post(
      '/account/security/sessions/sign-out',
      { sessionId: target },
      { csrf: false },
    )
    assert.equal(refused.statusCode, 403)
    assert.equal((await other.get('/account')).statusCode, 200)

    const res = await browser.post('/account/security/sessions/sign-out', { sessionId: target })
    assert.equal(res.statusCode, 303)
    assert.equal((await other.get('/account')).statusCode, 303, 'that device must sign in again')
    assert.equal((await browser.get('/account')).statusCode, 200, 'this browser stays signed in')
  })

  it('changes the password, refusing a wrong current one without echoing either', async () => {
    const { browser, person } = await registerThroughForm(ctx)
    const other = new TestBrowser(ctx.server)
    await other.submit('/account/sign-in', '/account/sign-in', {
      email: person.email,
      password: person.password,
    })
    await browser.get('/account/security')
    const wrong = await browser.post('/account/security/password', {
      currentPassword: 'a guess that is wrong',
      newPassword: 'river bank granite 77',
    })
    assert.equal(wrong.statusCode, 401)
    assert.match(wrong.body, /id="currentPassword-error"[^>]*>.*This is not your current password/)
    assert.doesNotMatch(wrong.body, /a guess that is wrong|river bank granite 77/)

    const weak = await browser.post('/account/security/password', {
      currentPassword: person.password,
      newPassword: 'tiny',
    })
    assert.equal(weak.statusCode, 400)
    assert.match(weak.body, /id="newPassword-error"/)

    const ok = await browser.post('/account/security/password', {
      currentPassword: person.password,
      newPassword: 'river bank granite 77',
    })
    assert.equal(ok.statusCode, 303)
    assert.match(
      visibleText((await browser.get('/account/security')).body),
      /Your password is changed\. 1 other session was signed out/,
    )
    assert.equal((await other.get('/account')).statusCode, 303)
  })

  it('shows the two-factor setup as a QR code of the otpauth link, with the setup key still written out', async () => {
    const { browser, person } = await registerThroughForm(ctx)
    await browser.get('/account/security')
    const setup = await browser.post('/account/security/two-factor/start', { password: person.password })
    assert.equal(setup.statusCode, 200)
    const secret = /<p class="secret"><code>([A-Z2-7 ]+)<\/code>/.exec(setup.body)![1]!.replace(/ /g, '')
    const uri = /<code class="otpauth">([^<]+)<\/code>/.exec(setup.body)![1]!.replace(/&amp;/g, '&')
    assert.match(uri, new RegExp(`^otpauth://totp/Mandi[^?]*\\?(.*&)?secret=${secret}(&|$)`))

    const svg = /<svg class="qr-code"[^>]*>(.*?)<\/svg>/s.exec(setup.body)
    assert.ok(svg, 'an inline SVG QR code on the page')
    assert.match(svg[0], /role="img"/)
    assert.match(svg[0], /aria-label="QR code to add Mandi to your authenticator app[^"]*"/)
    assert.match(svg[1]!, /<title>QR code to add Mandi to your authenticator app/)
    // The code drawn is the QR code of exactly that link (with the secret in it), not of something else.
    const drawn = /<path d="([^"]+)"/.exec(svg[1]!)![1]
    assert.equal(drawn, qrPath(uri).path)
    assert.notEqual(drawn, qrPath(uri.replace(secret, 'A'.repeat(secret.length))).path)
    assert.ok(qrPath(uri).size >= 25, 'a QR code of a version that holds the link')
  })

  it('switches two-factor sign-in on with the password and a code, shows the recovery codes once, and off with the password and a code', async () => {
    const { browser, person } = await registerThroughForm(ctx)
    await browser.get('/account/security')
    const bare = await browser.post('/account/security/two-factor/start', {})
    assert.equal(bare.statusCode, 403)
    assert.match(bare.body, /id="start-password-error"[^>]*>.*Enter your current password/)
    assert.match(visibleText(bare.body), /Two-factor sign-in Off/)

    const setup = await browser.post('/account/security/two-factor/start', { password: person.password })
    assert.equal(setup.statusCode, 200)
    const secret = /<p class="secret"><code>([A-Z2-7 ]+)<\/code>/.exec(setup.body)![1]!.replace(/ /g, '')
    assert.match(setup.body, /otpauth:\/\/totp\/Mandi/)

    const wrong = await browser.post('/account/security/two-factor/confirm', { code: '000000' })
    assert.equal(wrong.statusCode, 400)
    assert.match(wrong.body, /id="code-error"[^>]*>.*That code is not right/)

    const on = await browser.post('/account/security/two-factor/confirm', { code: accounts.totpCode(secret) })
    assert.equal(on.statusCode, 200)
    assert.equal(on.headers['cache-control'], 'no-store')
    const codes = [...on.body.matchAll(/<code>([a-z0-9]{5}-[a-z0-9]{5})<\/code>/g)].map((m) => m[1])
    assert.equal(codes.length, 10)
    assert.match(visibleText((await browser.get('/account/security')).body), /Two-factor sign-in On/)

    const fresh = new TestBrowser(ctx.server, '203.0.113.99')
    const ask = await fresh.submit('/account/sign-in', '/account/sign-in', {
      email: person.email,
      password: person.password,
    })
    assert.match(ask.body, /name="totp"/)
    const withRecovery = await fresh.post('/account/sign-in', {
      email: person.email,
      password: person.password,
      totp: codes[0]!,
    })
    assert.equal(withRecovery.statusCode, 303)

    await browser.get('/account/security')
    const noCode = await browser.post('/account/security/two-factor/disable', { password: person.password })
    assert.equal(noCode.statusCode, 403)
    assert.match(noCode.body, /id="disable-code-error"[^>]*>.*Enter the 6-digit code/)
    const badOff = await browser.post('/account/security/two-factor/disable', {
      password: 'not my password at all',
      code: codes[1]!,
    })
    assert.equal(badOff.statusCode, 401)
    assert.match(badOff.body, /id="disable-password-error"[^>]*>.*This is not your current password/)
    assert.doesNotMatch(badOff.body, /not my password at all/)
    assert.match(visibleText(badOff.body), /Two-factor sign-in On/)
    const off = await browser.post('/account/security/two-factor/disable', {
      password: person.password,
      code: accounts.totpCode(secret, Date.now() + 30_000),
    })
    assert.equal(off.statusCode, 303)
    assert.match(visibleText((await browser.get('/account/security')).body), /Two-factor sign-in Off/)
  })

  it('re-enrols only with the password and a current code, and keeps the old key working until the new one is confirmed', async () => {
    const { browser, person, userId } = await registerThroughForm(ctx)
    const { secret } = await accounts.startTwoFactorSetup(ctx.app.db, ctx.app.accountsDeps, userId, {
      password: person.password,
    })
    const { recoveryCodes } = await accounts.confirmTwoFactor(
      ctx.app.db,
      ctx.app.accountsDeps,
      userId,
      accounts.totpCode(secret),
    )
    await browser.get('/account/security')
    const passwordOnly = await browser.post('/account/security/two-factor/start', {
      password: person.password,
    })
    assert.equal(passwordOnly.statusCode, 403)
    assert.match(passwordOnly.body, /id="start-code-error"/)
    const restarted = await browser.post('/account/security/two-factor/start', {
      password: person.password,
      code: recoveryCodes[0]!,
    })
    assert.equal(restarted.statusCode, 200)
    assert.match(restarted.body, /<p class="secret">/)
    // The new key is not confirmed: the account still asks for a code, and the old app still works.
    const fresh = new TestBrowser(ctx.server, '203.0.113.98')
    const ask = await fresh.submit('/account/sign-in', '/account/sign-in', {
      email: person.email,
      password: person.password,
    })
    assert.equal(ask.statusCode, 401)
    assert.match(ask.body, /name="totp"/)
    const withOldApp = await fresh.post('/account/sign-in', {
      email: person.email,
      password: person.password,
      totp: accounts.totpCode(secret, Date.now() + 30_000),
    })
    assert.equal(withOldApp.statusCode, 303)
  })

  it('asks for the current code to change the password when two-factor sign-in is on, reporting every problem at once', async () => {
    const { browser, person, userId } = await registerThroughForm(ctx)
    const { secret } = await accounts.startTwoFactorSetup(ctx.app.db, ctx.app.accountsDeps, userId, {
      password: person.password,
    })
    await accounts.confirmTwoFactor(ctx.app.db, ctx.app.accountsDeps, userId, accounts.totpCode(secret))
    const page = await browser.get('/account/security')
    assert.match(page.body, /id="password-code"/)
    const everything = await browser.post('/account/security/password', { newPassword: 'tiny' })
    assert.equal(everything.statusCode, 403)
    assert.match(everything.body, /id="currentPassword-error"/)
    assert.match(everything.body, /id="newPassword-error"/)
    assert.match(everything.body, /id="password-code-error"/)
    const ok = await browser.post('/account/security/password', {
      currentPassword: person.password,
      newPassword: 'river bank granite 77',
      code: accounts.totpCode(secret, Date.now() + 30_000),
    })
    assert.equal(ok.statusCode, 303)
  })
})
