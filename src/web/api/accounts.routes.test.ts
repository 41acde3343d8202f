import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { and, count, eq } from 'drizzle-orm'
import type { FastifyInstance, HTTPMethods } from 'fastify'
import * as accounts from '#src/modules/accounts/index.ts'
import { outboxMessages } from '#src/modules/messaging/messaging.tables.ts'
import * as privacy from '#src/modules/privacy/index.ts'
import { makeGstin } from '#src/shared/gstin.ts'
import { testDatabaseKind, useTestApp } from '#test/setup.ts'

let n = 0
const newPerson = () => ({
  email: `arjun.${++n}.${Date.now()}@bharat-bearings.example`,
  password: 'steady bearing 4217',
  name: 'Arjun Mehta',
  phone: '+91 91234 56789',
  isAdultBusinessUser: true,
})

type Inject = FastifyInstance['inject']
const json = (server: FastifyInstance, method: string, url: string, cookie?: string, payload?: unknown) =>
  server.inject({
    method: method as HTTPMethods,
    url,
    ...(payload === undefined ? {} : { payload: payload as object }),
    headers: cookie ? { cookie } : {},
  })

async function registered(server: FastifyInstance) {
  const person = newPerson()
  const res = await json(server, 'POST', '/api/v1/auth/register', undefined, person)
  assert.equal(res.statusCode, 201, res.body)
  const cookie = res.cookies.find((c) => c.name === 'mandi_session')!
  return { person, cookie: `mandi_session=${cookie.value}`, id: res.json().user.id as string }
}

async function login(server: FastifyInstance, person: { email: string; password: string }) {
  const res = await json(server, 'POST', '/api/v1/auth/login', undefined, {
    email: person.email,
    password: person.password,
  })
  assert.equal(res.statusCode, 200, res.body)
  return `mandi_session=${res.cookies.find((c) => c.name === 'mandi_session')!.value}`
}

describe('accounts API', () => {
  const ctx = useTestApp()

  it('registers with 201 and an HttpOnly, SameSite=Lax session cookie', async () => {
    const person = newPerson()
    const res = await json(ctx.server, 'POST', '/api/v1/auth/register', undefined, person)
    assert.equal(res.statusCode, 201)
    const cookie = res.cookies.find((c) => c.name === 'mandi_session')!
    assert.equal(cookie.httpOnly, true)
    assert.equal(cookie.sameSite, 'Lax')
    assert.deepEqual(
      {
        email: res.json().user.email,
        phone: res.json().user.phone,
        emailVerified: res.json().user.emailVerified,
      },
      { email: person.email, phone: '+919123456789', emailVerified: false },
    )
    const again = await json(ctx.server, 'POST', '/api/v1/auth/register', undefined, person)
    assert.equal(again.statusCode, 409)
    assert.equal(again.json().error.code, 'email_taken')
  })

  it('answers bad registrations with 400, a code and a message per field', async () => {
    const res = await json(ctx.server, 'POST', '/api/v1/auth/register', undefined, {
      ...newPerson(),
      email: 'not-an-email',
      isAdultBusinessUser: false,
    })
    assert.equal(res.statusCode, 400)
    assert.ok(res.json().error.fields.email)
    assert.ok(res.json().error.fields.isAdultBusinessUser)
    const young = await json(ctx.server, 'POST', '/api/v1/auth/register', undefined, {
      ...newPerson(),
      dateOfBirth: '2015-01-01',
    })
    assert.equal(young.statusCode, 400)
    assert.equal(young.json().error.code, 'under_18')
  })

  it('signs in with 200, refuses a wrong password with 401, and rate-limits with 429 and Retry-After', async () => {
    const { person } = await registered(ctx.server)
    assert.ok(await login(ctx.server, person))
    let last: Awaited<ReturnType<Inject>> | undefined
    // From a network of their own, so the per-network limit does not spill into the other tests.
    const attempt = (password: string) =>
      ctx.server.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: person.email, password },
        remoteAddress: '198.51.100.99',
      })
    for (let i = 0; i < 11; i++) last = await attempt(`nope-${i}-nope`)
    assert.equal(last!.statusCode, 429)
    assert.equal(last!.json().error.code, 'rate_limited')
    assert.ok(Number(last!.headers['retry-after']) > 60)
    assert.equal((await attempt(person.password)).statusCode, 429, 'even the right password waits')
  })

  it('refuses every account route without a session (401)', async () => {
    for (const [method, url] of [
      ['GET', '/api/v1/me'],
      ['GET', '/api/v1/me/profile/history'],
      ['GET', '/api/v1/me/sessions'],
      ['GET', '/api/v1/me/business'],
      ['PATCH', '/api/v1/me/profile'],
      ['POST', '/api/v1/auth/logout-all'],
    ]) {
      const res = await json(ctx.server, method!, url!, undefined, method === 'GET' ? undefined : {})
      assert.equal(res.statusCode, 401, `${method} ${url}`)
      assert.equal(res.json().error.code, 'unauthenticated')
    }
  })

  it('refuses a session after logout, after logout-all and after a password change, on every route family', async () => {
    const { person, cookie: first } = await registered(ctx.server)
    const routes = ['/api/v1/me', '/api/v1/me/sessions', '/api/v1/me/profile/history', '/api/v1/me/consents']
    const refused = async (cookie: string) => {
      for (const url of routes)
        assert.equal((await json(ctx.server, 'GET', url, cookie)).statusCode, 401, url)
      assert.equal(
        (await json(ctx.server, 'PATCH', '/api/v1/me/profile', cookie, { city: 'Pune' })).statusCode,
        401,
      )
    }

    assert.equal((await json(ctx.server, 'POST', '/api/v1/auth/logout', first)).statusCode, 204)
    await refused(first)

    const a = await login(ctx.server, person)
    const b = await login(ctx.server, person)
    assert.equal((await json(ctx.server, 'POST', '/api/v1/auth/logout-all', a)).statusCode, 204)
    await refused(a)
    await refused(b)

    const c = await login(ctx.server, person)
    const d = await login(ctx.server, person)
    const changed = await json(ctx.server, 'POST', '/api/v1/me/password', c, {
      currentPassword: person.password,
      newPassword: 'new steady bearing 99',
    })
    assert.equal(changed.statusCode, 200)
    assert.equal(changed.json().signedOutSessions, 1)
    await refused(d)
    assert.equal((await json(ctx.server, 'GET', '/api/v1/me', c)).statusCode, 200)
  })

  it('keeps each change as a version and shows old and new values, newest first', async () => {
    const { cookie } = await registered(ctx.server)
    await json(ctx.server, 'PATCH', '/api/v1/me/profile', cookie, {
      city: 'Ahmedabad',
      state: 'Gujarat',
      pin: '380015',
    })
    const second = await json(ctx.server, 'PATCH', '/api/v1/me/profile', cookie, { city: 'Vadodara' })
    assert.equal(second.statusCode, 200)
    assert.equal(second.json().profile.address.city, 'Vadodara')
    const history = (await json(ctx.server, 'GET', '/api/v1/me/profile/history', cookie)).json()
    assert.deepEqual(
      history.versions.map((v: { version: number }) => v.version),
      [3, 2, 1],
    )
    assert.deepEqual(history.versions[0].changes, [{ field: 'city', from: 'Ahmedabad', to: 'Vadodara' }])
  })

  it('never lets one person see or end another person’s sessions or see their history', async () => {
    const alice = await registered(ctx.server)
    const bob = await registered(ctx.server)
    await json(ctx.server, 'PATCH', '/api/v1/me/profile', alice.cookie, { city: 'Ludhiana' })
    const aliceSessions = (await json(ctx.server, 'GET', '/api/v1/me/sessions', alice.cookie)).json().sessions
    const del = await json(ctx.server, 'DELETE', `/api/v1/me/sessions/${aliceSessions[0].id}`, bob.cookie)
    assert.equal(del.statusCode, 404)
    assert.equal((await json(ctx.server, 'GET', '/api/v1/me', alice.cookie)).statusCode, 200)
    const bobHistory = JSON.stringify(
      (await json(ctx.server, 'GET', '/api/v1/me/profile/history', bob.cookie)).json(),
    )
    assert.doesNotMatch(bobHistory, /Ludhiana/)
    const bobSessions = (await json(ctx.server, 'GET', '/api/v1/me/sessions', bob.cookie)).json().sessions
    assert.ok(bobSessions.every((s: { id: string }) => s.id !== aliceSessions[0].id))
  })

  it('lists sessions with the device and the truncated network, and ends one by id', async () => {
    const { person } = await registered(ctx.server)
    const res = await ctx.server.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: person.email, password: person.password },
      remoteAddress: '203.0.113.77',
      headers: {
        'user-agent':
          'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36',
      },
    })
    const cookie = `mandi_session=${res.cookies.find((c) => c.name === 'mandi_session')!.value}`
    const sessions = (await json(ctx.server, 'GET', '/api/v1/me/sessions', cookie)).json().sessions
    const current = sessions.find((s: { current: boolean }) => s.current)
    assert.equal(current.device, 'Chrome on Windows')
    assert.equal(current.network, '203.0.113.0')
    const other = sessions.find((s: { current: boolean }) => !s.current)
    assert.equal(
      (await json(ctx.server, 'DELETE', `/api/v1/me/sessions/${other.id}`, cookie)).statusCode,
      204,
    )
    assert.equal(
      (await json(ctx.server, 'GET', '/api/v1/me/sessions', cookie)).json().sessions.length,
      sessions.length - 1,
    )
  })

  it('creates a business profile, and refuses a bad GSTIN with 400 invalid_gstin', async () => {
    const { cookie } = await registered(ctx.server)
    assert.equal((await json(ctx.server, 'GET', '/api/v1/me/business', cookie)).statusCode, 404)
    const address = { line1: '22 Focal Point', city: 'Ludhiana', state: 'Punjab', pin: '141010' }
    const bad = await json(ctx.server, 'PUT', '/api/v1/me/business', cookie, {
      legalName: 'Bharat Bearings',
      gstin: '03AABCB1234K1Z0',
      address,
    })
    assert.equal(bad.statusCode, 400)
    assert.equal(bad.json().error.code, 'invalid_gstin')
    const gstin = makeGstin('03', 'AABCB1234K')
    const ok = await json(ctx.server, 'PUT', '/api/v1/me/business', cookie, {
      legalName: 'Bharat Bearings',
      gstin,
      address,
    })
    assert.equal(ok.statusCode, 200, ok.body)
    assert.equal(ok.json().business.pan, 'AABCB1234K')
    assert.ok((await json(ctx.server, 'GET', '/api/v1/me', cookie)).json().user.roles.includes('seller'))
  })

  it('refuses cross-site state changes made with the session cookie', async () => {
    const { cookie } = await registered(ctx.server)
    const crossSite = await ctx.server.inject({
      method: 'PATCH',
      url: '/api/v1/me/profile',
      headers: { cookie, origin: 'https://evil.example', 'content-type': 'application/json' },
      payload: JSON.stringify({ city: 'Nowhere' }),
    })
    assert.equal(crossSite.statusCode, 403)
    assert.equal(crossSite.json().error.code, 'cross_site_request')
    const formPost = await ctx.server.inject({
      method: 'POST',
      url: '/api/v1/auth/logout-all',
      headers: { cookie, 'content-type': 'text/plain' },
      payload: 'x',
    })
    assert.ok([403, 415].includes(formPost.statusCode))
    assert.equal(
      (await json(ctx.server, 'GET', '/api/v1/me', cookie)).statusCode,
      200,
      'the session survived',
    )
  })

  it('grants and withdraws consent with a receipt that verifies, and shows the person their disclosures', async () => {
    const { cookie, id } = await registered(ctx.server)
    const grant = await json(ctx.server, 'PUT', '/api/v1/me/consents/marketing_email', cookie, {
      granted: true,
    })
    assert.equal(grant.statusCode, 200)
    const receipt = (
      await json(ctx.server, 'GET', `/api/v1/me/consents/receipts/${grant.json().receiptId}`, cookie)
    ).json().receipt
    assert.equal(privacy.verifyReceipt(receipt, ctx.app.receipts.publicJwk).valid, true)
    await json(ctx.server, 'PUT', '/api/v1/me/consents/marketing_email', cookie, { granted: false })
    const consents = (await json(ctx.server, 'GET', '/api/v1/me/consents', cookie)).json().consents
    assert.equal(consents.find((c: { purpose: string }) => c.purpose === 'marketing_email').granted, false)
    assert.equal(
      (await json(ctx.server, 'PUT', '/api/v1/me/consents/orders', cookie, { granted: false })).statusCode,
      400,
    )

    await privacy.recordDisclosure(ctx.db, {
      subjectUserId: id,
      recipient: 'Payment gateway',
      recipientKind: 'payment_gateway',
      fields: ['name', 'email'],
      purpose: 'orders',
    })
    const ledger = (await json(ctx.server, 'GET', '/api/v1/me/disclosures', cookie)).json().disclosures
    assert.deepEqual(
      ledger.map((d: { recipient: string; fields: string[] }) => [d.recipient, d.fields]),
      [['Payment gateway', ['name', 'email']]],
    )
  })
})

describe(`accounts API limits under parallel requests (${testDatabaseKind})`, () => {
  const ctx = useTestApp()
  const statuses = (responses: { statusCode: number }[]) => {
    const counts: Record<number, number> = {}
    for (const r of responses) counts[r.statusCode] = (counts[r.statusCode] ?? 0) + 1
    return counts
  }

  it('evaluates at most 10 of 30 parallel wrong passwords for one account; the rest get 429 rate_limited with Retry-After', async (t) => {
    const { person } = await registered(ctx.server)
    const responses = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        ctx.server.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { email: person.email, password: `wrong guess ${i}` },
          remoteAddress: '198.51.100.30',
        }),
      ),
    )
    const counts = statuses(responses)
    t.diagnostic(`${counts[401] ?? 0} of 30 evaluated before 429 (${testDatabaseKind})`)
    assert.ok((counts[401] ?? 0) <= accounts.signInLimits.account.max, JSON.stringify(counts))
    assert.equal((counts[401] ?? 0) + (counts[429] ?? 0), 30, JSON.stringify(counts))
    const limited = responses.find((r) => r.statusCode === 429)!
    assert.equal(limited.json().error.code, 'rate_limited')
    assert.match(limited.json().error.message, /Please wait \d+ minutes/)
    const retryAfter = Number(limited.headers['retry-after'])
    assert.ok(retryAfter > 0 && retryAfter <= accounts.signInLimits.account.windowSeconds, String(retryAfter))
    const right = await ctx.server.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: person.email, password: person.password },
      remoteAddress: '198.51.100.31',
    })
    assert.equal(right.statusCode, 429, 'the account waits, whatever the network')
  })

  it('does not lock a colleague out when another account on the same network is locked', async () => {
    const a = await registered(ctx.server)
    const b = await registered(ctx.server)
    const office = '203.0.113.150'
    const login = (email: string, password: string) =>
      ctx.server.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email, password },
        remoteAddress: office,
      })
    const failures = await Promise.all(
      Array.from({ length: 15 }, (_, i) => login(a.person.email, `typo ${i} typo`)),
    )
    assert.ok(
      failures.some((r) => r.statusCode === 429),
      'account A is locked',
    )
    assert.equal((await login(b.person.email, b.person.password)).statusCode, 200)
  })

  it('queues at most 3 reset emails for 30 parallel requests, and answers the same below the limit for any address', async (t) => {
    const { person, id } = await registered(ctx.server)
    const ask = (email: string, remoteAddress: string) =>
      ctx.server.inject({
        method: 'POST',
        url: '/api/v1/auth/password-reset',
        payload: { email },
        remoteAddress,
      })
    const responses = await Promise.all(Array.from({ length: 30 }, () => ask(person.email, '198.51.100.40')))
    const [queued] = await ctx.db
      .select({ n: count() })
      .from(outboxMessages)
      .where(and(eq(outboxMessages.recipientUserId, id), eq(outboxMessages.kind, 'password-reset')))
    t.diagnostic(`${queued!.n} reset emails queued for 30 parallel requests (${testDatabaseKind})`)
    assert.equal(queued!.n, accounts.emailLinkLimits.address.max)
    assert.deepEqual(statuses(responses), { 202: 3, 429: 27 })
    const limited = responses.find((r) => r.statusCode === 429)!
    assert.equal(limited.json().error.code, 'rate_limited')
    assert.ok(Number(limited.headers['retry-after']) > 0)

    const known = await ask(person.email.replace('@', '+x@'), '198.51.100.41')
    const unknown = await ask('nobody.here@bharat-bearings.example', '198.51.100.41')
    assert.equal(known.statusCode, 202)
    assert.deepEqual(unknown.json(), known.json())
  })

  it('limits reset requests from one network across addresses', async () => {
    const responses = await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        ctx.server.inject({
          method: 'POST',
          url: '/api/v1/auth/password-reset',
          payload: { email: `someone.${i}@elsewhere.example` },
          remoteAddress: '198.51.100.42',
        }),
      ),
    )
    assert.deepEqual(statuses(responses), { 202: accounts.emailLinkLimits.network.max, 429: 5 })
  })

  it('limits resent confirmation links to 3 an hour per account', async () => {
    const { cookie, id } = await registered(ctx.server)
    const responses = await Promise.all(
      Array.from({ length: 6 }, () => json(ctx.server, 'POST', '/api/v1/me/verify-email/resend', cookie, {})),
    )
    assert.deepEqual(statuses(responses), { 202: 3, 429: 3 })
    const [queued] = await ctx.db
      .select({ n: count() })
      .from(outboxMessages)
      .where(and(eq(outboxMessages.recipientUserId, id), eq(outboxMessages.kind, 'email-verification')))
    assert.equal(queued!.n, 1 + 3, 'the one sent at registration and three more')
  })

  it('verifies the mobile number through the API: 10 parallel wrong codes evaluate at most 5, 6 parallel sends queue 3 texts', async () => {
    const { cookie, id } = await registered(ctx.server)
    const sends = await Promise.all(
      Array.from({ length: 6 }, () => json(ctx.server, 'POST', '/api/v1/me/phone/verification', cookie, {})),
    )
    assert.deepEqual(statuses(sends), { 202: 3, 429: 3 })
    const limited = sends.find((r) => r.statusCode === 429)!
    assert.equal(limited.json().error.code, 'rate_limited')
    assert.ok(Number(limited.headers['retry-after']) > 0)
    const texts = await ctx.db
      .select({
        toAddress: outboxMessages.toAddress,
        data: outboxMessages.data,
        createdAt: outboxMessages.createdAt,
      })
      .from(outboxMessages)
      .where(and(eq(outboxMessages.recipientUserId, id), eq(outboxMessages.kind, 'phone-verification')))
    assert.equal(texts.length, 3)
    assert.ok(texts.every((t) => t.toAddress === '+919123456789'))
    const codes = texts.map((t) => String(t.data.code))
    const wrong = ['000000', '111111', '222222', '333333'].find((c) => !codes.includes(c))!

    const guesses = await Promise.all(
      Array.from({ length: 10 }, () =>
        json(ctx.server, 'POST', '/api/v1/me/phone/verification/confirm', cookie, { code: wrong }),
      ),
    )
    const counts = statuses(guesses)
    assert.ok((counts[400] ?? 0) <= accounts.phoneVerificationLimits.confirm.max, JSON.stringify(counts))
    assert.equal((counts[400] ?? 0) + (counts[429] ?? 0), 10, JSON.stringify(counts))
    assert.equal(guesses.find((r) => r.statusCode === 400)!.json().error.code, 'invalid_code')
    const me = await json(ctx.server, 'GET', '/api/v1/me', cookie)
    assert.equal(me.json().user.phoneVerified, false)
  })

  it('confirms the newest code once through the API, and says so in /me', async () => {
    const { cookie, id } = await registered(ctx.server)
    const sent = await json(ctx.server, 'POST', '/api/v1/me/phone/verification', cookie, {})
    assert.equal(sent.statusCode, 202, sent.body)
    assert.equal(sent.json().expiresInMinutes, 10)
    const [text] = await ctx.db
      .select({ data: outboxMessages.data })
      .from(outboxMessages)
      .where(and(eq(outboxMessages.recipientUserId, id), eq(outboxMessages.kind, 'phone-verification')))
    const code = String(text!.data.code)
    const ok = await json(ctx.server, 'POST', '/api/v1/me/phone/verification/confirm', cookie, { code })
    assert.equal(ok.statusCode, 200, ok.body)
    assert.equal(ok.json().user.phoneVerified, true)
    const again = await json(ctx.server, 'POST', '/api/v1/me/phone/verification/confirm', cookie, { code })
    assert.equal(again.statusCode, 400)
    assert.equal(again.json().error.code, 'code_expired')
    const resend = await json(ctx.server, 'POST', '/api/v1/me/phone/verification', cookie, {})
    assert.equal(resend.statusCode, 409)
    assert.equal(resend.json().error.code, 'phone_already_verified')
  })

  it('counts wrong current passwords: 30 parallel password changes evaluate at most 10', async () => {
    const { person, cookie } = await registered(ctx.server)
    const responses = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        json(ctx.server, 'POST', '/api/v1/me/password', cookie, {
          currentPassword: `not it ${i}`,
          newPassword: 'fresh copper valve 88',
        }),
      ),
    )
    const counts = statuses(responses)
    assert.ok((counts[401] ?? 0) <= accounts.stepUpLimit.max, JSON.stringify(counts))
    assert.equal((counts[401] ?? 0) + (counts[429] ?? 0), 30, JSON.stringify(counts))
    assert.equal(responses.find((r) => r.statusCode === 429)!.json().error.code, 'rate_limited')
    const right = await json(ctx.server, 'POST', '/api/v1/me/password', cookie, {
      currentPassword: person.password,
      newPassword: 'fresh copper valve 88',
    })
    assert.equal(right.statusCode, 429, 'even the right password waits')
  })
})

describe(`two-factor and other sensitive changes need a step-up (${testDatabaseKind})`, () => {
  const ctx = useTestApp()
  // A code is accepted once per 30-second step, and setup was confirmed with the current one: the
  // next step's code (accepted within one step of the clock) is the one code left to use.
  const nextCode = (secret: string) => accounts.totpCode(secret, Date.now() + 30_000)

  async function withTwoFactor() {
    const account = await registered(ctx.server)
    const started = await json(ctx.server, 'POST', '/api/v1/me/two-factor', account.cookie, {
      password: account.person.password,
    })
    assert.equal(started.statusCode, 200, started.body)
    const { secret } = started.json()
    const confirmed = await json(ctx.server, 'POST', '/api/v1/me/two-factor/confirm', account.cookie, {
      code: accounts.totpCode(secret),
    })
    assert.equal(confirmed.statusCode, 200, confirmed.body)
    return { ...account, secret: secret as string, recoveryCodes: confirmed.json().recoveryCodes as string[] }
  }

  it('refuses to start two-factor setup without the password (403, with a message), and with a wrong one (401)', async () => {
    const { cookie, person } = await registered(ctx.server)
    const bare = await json(ctx.server, 'POST', '/api/v1/me/two-factor', cookie)
    assert.equal(bare.statusCode, 403)
    assert.equal(bare.json().error.code, 'step_up_required')
    assert.match(bare.json().error.message, /current password/)
    const wrong = await json(ctx.server, 'POST', '/api/v1/me/two-factor', cookie, {
      password: 'a wrong guess 1',
    })
    assert.equal(wrong.statusCode, 401)
    assert.equal(wrong.json().error.code, 'invalid_credentials')
    const ok = await json(ctx.server, 'POST', '/api/v1/me/two-factor', cookie, { password: person.password })
    assert.equal(ok.statusCode, 200)
    assert.match(ok.json().uri, /^otpauth:\/\/totp\//)
  })

  it('does not switch the second factor off when re-enrolment starts: a password-only sign-in still needs a code', async () => {
    const { person, cookie, secret } = await withTwoFactor()
    const withoutCode = await json(ctx.server, 'POST', '/api/v1/me/two-factor', cookie, {
      password: person.password,
    })
    assert.equal(withoutCode.statusCode, 403)
    assert.match(withoutCode.json().error.message, /code/)
    const restarted = await json(ctx.server, 'POST', '/api/v1/me/two-factor', cookie, {
      password: person.password,
      code: nextCode(secret),
    })
    assert.equal(restarted.statusCode, 200)
    const signIn = await json(ctx.server, 'POST', '/api/v1/auth/login', undefined, {
      email: person.email,
      password: person.password,
    })
    assert.equal(signIn.statusCode, 401)
    assert.equal(signIn.json().error.code, 'totp_required')
  })

  it('switches off only with the password and a current code (or a recovery code)', async () => {
    const { person, cookie, secret } = await withTwoFactor()
    const noPassword = await json(ctx.server, 'DELETE', '/api/v1/me/two-factor', cookie, {
      code: nextCode(secret),
    })
    assert.equal(noPassword.statusCode, 403)
    assert.equal(noPassword.json().error.code, 'step_up_required')
    const noCode = await json(ctx.server, 'DELETE', '/api/v1/me/two-factor', cookie, {
      password: person.password,
    })
    assert.equal(noCode.statusCode, 403)
    const wrongCode = await json(ctx.server, 'DELETE', '/api/v1/me/two-factor', cookie, {
      password: person.password,
      code: '000000',
    })
    assert.equal(wrongCode.statusCode, 401)
    const code = nextCode(secret)
    const off = await json(ctx.server, 'DELETE', '/api/v1/me/two-factor', cookie, {
      password: person.password,
      code,
    })
    assert.equal(off.statusCode, 204)
    assert.ok(await login(ctx.server, person))
  })

  it('refuses the same code twice at sign-in, with a message', async () => {
    const { person, secret } = await withTwoFactor()
    const code = accounts.totpCode(secret, Date.now() + 30_000)
    const attempt = () =>
      json(ctx.server, 'POST', '/api/v1/auth/login', undefined, {
        email: person.email,
        password: person.password,
        totp: code,
      })
    // The code of the next step is accepted while the clock is within one step of it.
    assert.equal((await attempt()).statusCode, 200)
    const again = await attempt()
    assert.equal(again.statusCode, 401)
    assert.equal(again.json().error.code, 'totp_reused')
    assert.match(again.json().error.message, /already used/)
  })

  it('changes the password only with a current code when two-factor sign-in is on', async () => {
    const { person, cookie, secret } = await withTwoFactor()
    const noCode = await json(ctx.server, 'POST', '/api/v1/me/password', cookie, {
      currentPassword: person.password,
      newPassword: 'fresh copper valve 88',
    })
    assert.equal(noCode.statusCode, 403)
    assert.ok(noCode.json().error.fields.code)
    const noPassword = await json(ctx.server, 'POST', '/api/v1/me/password', cookie, {
      newPassword: 'fresh copper valve 88',
      code: nextCode(secret),
    })
    assert.equal(noPassword.statusCode, 403)
    const ok = await json(ctx.server, 'POST', '/api/v1/me/password', cookie, {
      currentPassword: person.password,
      newPassword: 'fresh copper valve 88',
      code: nextCode(secret),
    })
    assert.equal(ok.statusCode, 200, ok.body)
  })

  it('changes the email address only with the password; the old address no longer signs in', async () => {
    const { person, cookie } = await registered(ctx.server)
    const other = await registered(ctx.server)
    const email = `moved.${Date.now()}@bharat-bearings.example`
    const bare = await json(ctx.server, 'PUT', '/api/v1/me/email', cookie, { email })
    assert.equal(bare.statusCode, 403)
    assert.equal(bare.json().error.code, 'step_up_required')
    const taken = await json(ctx.server, 'PUT', '/api/v1/me/email', cookie, {
      email: other.person.email,
      password: person.password,
    })
    assert.equal(taken.statusCode, 409)
    const moved = await json(ctx.server, 'PUT', '/api/v1/me/email', cookie, {
      email,
      password: person.password,
    })
    assert.equal(moved.statusCode, 200, moved.body)
    assert.equal(moved.json().user.email, email)
    assert.equal(moved.json().user.emailVerified, false)
    const old = await json(ctx.server, 'POST', '/api/v1/auth/login', undefined, {
      email: person.email,
      password: person.password,
    })
    assert.equal(old.statusCode, 401)
    assert.ok(await login(ctx.server, { email, password: person.password }))
  })
})
