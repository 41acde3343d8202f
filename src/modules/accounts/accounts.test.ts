import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { count, eq, sql } from 'drizzle-orm'
import type { Db } from '#src/db/database.ts'
import { outboxMessages } from '#src/modules/messaging/messaging.tables.ts'
import { consentEvents } from '#src/modules/privacy/privacy.tables.ts'
import { makeGstin } from '#src/shared/gstin.ts'
import { testDatabaseKind, useTestDb } from '#test/setup.ts'
import { profileVersions, users } from './accounts.tables.ts'
import * as accounts from './index.ts'

const deps = { secretKey: 'test-secret-key-that-is-long-enough-for-signing', publicUrl: 'http://mandi.test' }
const context = { ip: '198.51.100.7', ipPrefix: '198.51.100.0', userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Chrome/156' }
let n = 0
const person = (overrides: Record<string, unknown> = {}) => ({
  email: `priya.${++n}.${Date.now()}@ganesh-pumps.example`,
  password: 'correct horse battery',
  name: 'Priya Natarajan',
  phone: '98765 43210',
  isAdultBusinessUser: true as const,
  ...overrides,
})

async function countRows(db: Db) {
  const tables = { users, profileVersions, outboxMessages, consentEvents }
  const out: Record<string, number> = {}
  for (const [name, table] of Object.entries(tables)) {
    const [row] = await db.select({ n: count() }).from(table)
    out[name] = row!.n
  }
  return out
}

async function linkToken(db: Db, userId: string, kind: string) {
  const [message] = await db
    .select({ data: outboxMessages.data })
    .from(outboxMessages)
    .where(sql`${outboxMessages.recipientUserId} = ${userId} and ${outboxMessages.kind} = ${kind}`)
    .orderBy(sql`${outboxMessages.createdAt} desc`)
    .limit(1)
  const url = String(message?.data.verifyUrl ?? message?.data.resetUrl)
  return new URL(url).searchParams.get('token')!
}

describe(`registration (${testDatabaseKind})`, () => {
  const ctx = useTestDb()

  it('creates the account, version 1 of the profile, the ticked consents, and queues email verification', async () => {
    const input = person({ consents: { marketing_email: true } })
    const user = await accounts.register(ctx.db, deps, input)
    assert.equal(user.email, input.email)
    assert.equal(user.phone, '+919876543210')
    assert.equal(user.emailVerifiedAt, null)
    assert.notEqual(user.passwordHash, input.password)
    const history = await accounts.listProfileHistory(ctx.db, user.id)
    assert.equal(history.length, 1)
    assert.deepEqual(
      history[0]!.changes.map((c) => c.field),
      ['email', 'name', 'phone'],
    )
    const consents = await ctx.db.select().from(consentEvents).where(eq(consentEvents.userId, user.id))
    assert.deepEqual(
      consents.map((c) => [c.purpose, c.action, c.channel]),
      [['marketing_email', 'grant', 'signup']],
    )
    assert.ok(await linkToken(ctx.db, user.id, 'email-verification'))
  })

  it('refuses someone under 18 without storing anything at all', async () => {
    const before = await countRows(ctx.db)
    const seventeen = new Date()
    seventeen.setUTCFullYear(seventeen.getUTCFullYear() - 17)
    await assert.rejects(accounts.register(ctx.db, deps, person({ dateOfBirth: seventeen.toISOString().slice(0, 10) })), {
      code: 'under_18',
    })
    assert.deepEqual(await countRows(ctx.db), before)
  })

  it('requires the adult business user declaration, a real mobile number and a strong password', async () => {
    await assert.rejects(accounts.register(ctx.db, deps, person({ isAdultBusinessUser: false })), (e: { fields: Record<string, string> }) => 'isAdultBusinessUser' in e.fields)
    await assert.rejects(accounts.register(ctx.db, deps, person({ phone: '12345' })), { code: 'invalid_phone' })
    await assert.rejects(accounts.register(ctx.db, deps, person({ password: 'short' })), (e: { fields: Record<string, string> }) =>
      /at least 10 characters/.test(e.fields.password ?? ''),
    )
    await assert.rejects(accounts.register(ctx.db, deps, person({ phone: '12345' })), (e: { fields: Record<string, string> }) =>
      /valid phone number/.test(e.fields.phone ?? ''),
    )
  })

  it('reports every problem at once, the weak password beside a bad email', async () => {
    await assert.rejects(accounts.register(ctx.db, deps, person({ password: 'short', email: 'nope' })), (e: { fields: Record<string, string> }) =>
      Boolean(e.fields.password && e.fields.email),
    )
  })

  it('refuses a second account with the same email, whatever its case', async () => {
    const input = person()
    await accounts.register(ctx.db, deps, input)
    await assert.rejects(accounts.register(ctx.db, deps, { ...input, email: input.email.toUpperCase() }), { code: 'email_taken' })
  })
})

describe(`profile history (${testDatabaseKind})`, () => {
  const ctx = useTestDb()

  it('records every change with old and new values, newest first, and skips no-op edits', async () => {
    const user = await accounts.register(ctx.db, deps, person())
    await accounts.updateProfile(ctx.db, user.id, { city: 'Coimbatore', state: 'tamil nadu', pin: '641021' })
    await accounts.updateProfile(ctx.db, user.id, { city: 'Tiruppur', name: 'Priya Natarajan' })
    const history = await accounts.listProfileHistory(ctx.db, user.id)
    assert.deepEqual(
      history.map((v) => v.version),
      [3, 2, 1],
    )
    assert.deepEqual(history[0]!.changes, [{ field: 'city', from: 'Coimbatore', to: 'Tiruppur' }])
    assert.deepEqual(history[1]!.changes, [
      { field: 'city', from: null, to: 'Coimbatore' },
      { field: 'state', from: null, to: 'Tamil Nadu' },
      { field: 'pin', from: null, to: '641021' },
    ])
    const profile = await accounts.findProfile(ctx.db, user.id)
    assert.equal(profile.city, 'Tiruppur')
    assert.equal(profile.version, 3)
  })

  it('refuses a bad PIN code with a message next to the field', async () => {
    const user = await accounts.register(ctx.db, deps, person())
    await assert.rejects(accounts.updateProfile(ctx.db, user.id, { pin: '041021' }), (e: { fields: Record<string, string> }) =>
      /6 digits/.test(e.fields.pin ?? ''),
    )
  })
})

describe(`sign-in and sessions (${testDatabaseKind})`, () => {
  const ctx = useTestDb()

  it('opens a session for the right password and refuses a wrong one', async () => {
    const input = person()
    await accounts.register(ctx.db, deps, input)
    await assert.rejects(accounts.signIn(ctx.db, deps, { ...input, password: 'wrong password!' }, context), {
      code: 'invalid_credentials',
    })
    const { session } = await accounts.signIn(ctx.db, deps, input, context)
    const valid = await accounts.validateSession(ctx.db, session.token)
    assert.equal(valid?.user.email, input.email)
    assert.equal(await accounts.validateSession(ctx.db, `${session.token}x`), null)
  })

  it('stops sign-in for an account after 10 failures in 15 minutes, even with the right password', async () => {
    const input = person()
    await accounts.register(ctx.db, deps, input)
    for (let i = 0; i < 10; i++) {
      await assert.rejects(accounts.signIn(ctx.db, deps, { ...input, password: `wrong-${i}-password` }, { ...context, ip: `203.0.113.${i}` }))
    }
    await assert.rejects(accounts.signIn(ctx.db, deps, input, { ...context, ip: '203.0.113.200' }), (e: { code: string; retryAfterSeconds: number }) => {
      assert.equal(e.code, 'rate_limited')
      assert.ok(e.retryAfterSeconds > 0 && e.retryAfterSeconds <= 15 * 60)
      return true
    })
    const later = new Date(Date.now() + 16 * 60 * 1000)
    const { session } = await accounts.signIn(ctx.db, deps, input, { ...context, ip: '203.0.113.201' }, later)
    assert.ok(session.token)
  })

  it('stops sign-in from one network after 100 failures across different accounts, and not from another network', async () => {
    const { max } = accounts.signInLimits.network
    const attempts = Array.from({ length: max }, (_, i) =>
      accounts.signIn(ctx.db, deps, { email: `nobody${i}@x.example`, password: 'whatever-1234' }, { ...context, ip: '192.0.2.50' }),
    )
    for (const outcome of await Promise.allSettled(attempts)) {
      assert.equal(outcome.status, 'rejected')
      assert.equal((outcome as PromiseRejectedResult).reason.code, 'invalid_credentials')
    }
    const input = person()
    await accounts.register(ctx.db, deps, input)
    await assert.rejects(accounts.signIn(ctx.db, deps, input, { ...context, ip: '192.0.2.50' }), { code: 'rate_limited' })
    assert.ok(await accounts.signIn(ctx.db, deps, input, { ...context, ip: '192.0.2.51' }))
  })

  it('does not lock account B when account A is locked by failures from the same network (an office behind one address)', async () => {
    const a = person()
    const b = person()
    await accounts.register(ctx.db, deps, a)
    await accounts.register(ctx.db, deps, b)
    const office = { ...context, ip: '192.0.2.77' }
    for (let i = 0; i < accounts.signInLimits.account.max + 2; i++) {
      await assert.rejects(accounts.signIn(ctx.db, deps, { ...a, password: `typo number ${i}` }, office))
    }
    await assert.rejects(accounts.signIn(ctx.db, deps, a, office), { code: 'rate_limited' })
    const { session } = await accounts.signIn(ctx.db, deps, b, office)
    assert.ok(session.token, 'a colleague on the same network still signs in')
  })

  it('tells people how long an account lock lasts, from the limit itself', () => {
    assert.equal(accounts.signInLockNotice(), 'After 10 unsuccessful attempts, signing in to that account pauses for up to 15 minutes.')
  })

  it('ends a shared-computer session after 30 idle minutes, a normal one much later', async () => {
    const input = person()
    await accounts.register(ctx.db, deps, input)
    const shared = (await accounts.signIn(ctx.db, deps, { ...input, sharedDevice: true }, context)).session
    const normal = (await accounts.signIn(ctx.db, deps, input, context)).session
    const in31Minutes = new Date(Date.now() + 31 * 60 * 1000)
    assert.equal(await accounts.validateSession(ctx.db, shared.token, in31Minutes), null)
    assert.ok(await accounts.validateSession(ctx.db, normal.token, in31Minutes))
  })

  it('signs out one session, all sessions, and other sessions on a password change', async () => {
    const input = person()
    const user = await accounts.register(ctx.db, deps, input)
    const a = (await accounts.signIn(ctx.db, deps, input, context)).session
    const b = (await accounts.signIn(ctx.db, deps, input, context)).session
    const c = (await accounts.signIn(ctx.db, deps, input, context)).session
    assert.equal((await accounts.listActiveSessions(ctx.db, user.id)).length, 3)

    assert.equal(await accounts.revokeSession(ctx.db, user.id, a.sessionId), true)
    assert.equal(await accounts.validateSession(ctx.db, a.token), null)

    await accounts.changePassword(ctx.db, deps, { userId: user.id, currentSessionId: b.sessionId, currentPassword: input.password, newPassword: 'a much better passphrase' })
    assert.ok(await accounts.validateSession(ctx.db, b.token), 'the session that changed the password stays')
    assert.equal(await accounts.validateSession(ctx.db, c.token), null)
    await assert.rejects(accounts.signIn(ctx.db, deps, input, context), { code: 'invalid_credentials' })

    await accounts.revokeAllSessions(ctx.db, user.id, 'signed_out_everywhere')
    assert.equal(await accounts.validateSession(ctx.db, b.token), null)
  })

  it('does not let one person sign out another person’s session', async () => {
    const one = person()
    const two = person()
    await accounts.register(ctx.db, deps, one)
    const other = await accounts.register(ctx.db, deps, two)
    const theirs = (await accounts.signIn(ctx.db, deps, one, context)).session
    assert.equal(await accounts.revokeSession(ctx.db, other.id, theirs.sessionId), false)
    assert.ok(await accounts.validateSession(ctx.db, theirs.token))
  })
})

describe(`emailed links (${testDatabaseKind})`, () => {
  const ctx = useTestDb()

  it('verifies an email address once; the link cannot be used again', async () => {
    const user = await accounts.register(ctx.db, deps, person())
    const token = await linkToken(ctx.db, user.id, 'email-verification')
    assert.deepEqual(await accounts.verifyEmail(ctx.db, token), { userId: user.id, verified: true })
    assert.ok((await accounts.findProfile(ctx.db, user.id)).emailVerifiedAt)
    await assert.rejects(accounts.verifyEmail(ctx.db, token), { code: 'link_expired' })
  })

  it('resets a password through a 30-minute link and signs out everywhere', async () => {
    const input = person()
    const user = await accounts.register(ctx.db, deps, input)
    const { session } = await accounts.signIn(ctx.db, deps, input, context)
    await accounts.requestPasswordReset(ctx.db, deps, input.email.toUpperCase(), context)
    await accounts.requestPasswordReset(ctx.db, deps, 'nobody-at-all@nowhere.example', context)
    const token = await linkToken(ctx.db, user.id, 'password-reset')
    await accounts.resetPassword(ctx.db, deps, token, 'brand new passphrase 7')
    assert.equal(await accounts.validateSession(ctx.db, session.token), null)
    assert.ok(await accounts.signIn(ctx.db, deps, { ...input, password: 'brand new passphrase 7' }, context))
    await assert.rejects(accounts.resetPassword(ctx.db, deps, token, 'another passphrase 8'), { code: 'link_expired' })
  })

  it('voids every other outstanding reset link when one is used', async () => {
    const input = person()
    const user = await accounts.register(ctx.db, deps, input)
    await accounts.requestPasswordReset(ctx.db, deps, input.email, context)
    const first = await linkToken(ctx.db, user.id, 'password-reset')
    await accounts.requestPasswordReset(ctx.db, deps, input.email, context)
    const second = await linkToken(ctx.db, user.id, 'password-reset')
    assert.notEqual(first, second)
    await accounts.resetPassword(ctx.db, deps, second, 'brand new passphrase 7')
    await assert.rejects(accounts.resetPassword(ctx.db, deps, first, 'an attacker passphrase 9'), { code: 'link_expired' })
    assert.ok(await accounts.signIn(ctx.db, deps, { ...input, password: 'brand new passphrase 7' }, context))
  })

  it('voids outstanding reset links when the password is changed', async () => {
    const input = person()
    const user = await accounts.register(ctx.db, deps, input)
    const { session } = await accounts.signIn(ctx.db, deps, input, context)
    await accounts.requestPasswordReset(ctx.db, deps, input.email, context)
    const token = await linkToken(ctx.db, user.id, 'password-reset')
    await accounts.changePassword(ctx.db, deps, {
      userId: user.id,
      currentSessionId: session.sessionId,
      currentPassword: input.password,
      newPassword: 'a much better passphrase',
    })
    await assert.rejects(accounts.resetPassword(ctx.db, deps, token, 'an attacker passphrase 9'), { code: 'link_expired' })
  })

  it('lifts the sign-in lock on the account once its password is reset from the emailed link', async () => {
    const input = person()
    const user = await accounts.register(ctx.db, deps, input)
    for (let i = 0; i <= accounts.signInLimits.account.max; i++) {
      await assert.rejects(accounts.signIn(ctx.db, deps, { ...input, password: `wrong ${i} password` }, context))
    }
    await assert.rejects(accounts.signIn(ctx.db, deps, input, context), { code: 'rate_limited' })
    await accounts.requestPasswordReset(ctx.db, deps, input.email, context)
    await accounts.resetPassword(ctx.db, deps, await linkToken(ctx.db, user.id, 'password-reset'), 'brand new passphrase 7')
    assert.ok(await accounts.signIn(ctx.db, deps, { ...input, password: 'brand new passphrase 7' }, context))
  })
})

describe(`two-factor sign-in (${testDatabaseKind})`, () => {
  const ctx = useTestDb()

  // The step a code was accepted at is remembered: tests use codes of distinct 30-second steps.
  const at = (stepsFromNow: number) => new Date(Date.now() + stepsFromNow * 30_000)

  async function withTwoFactor(input = person()) {
    const user = await accounts.register(ctx.db, deps, input)
    const { secret } = await accounts.startTwoFactorSetup(ctx.db, deps, user.id, { password: input.password })
    const { recoveryCodes } = await accounts.confirmTwoFactor(ctx.db, deps, user.id, accounts.totpCode(secret))
    return { input, user, secret, recoveryCodes }
  }

  it('asks for a code once switched on, and accepts each recovery code once', async () => {
    const input = person()
    const user = await accounts.register(ctx.db, deps, input)
    const { secret } = await accounts.startTwoFactorSetup(ctx.db, deps, user.id, { password: input.password })
    await assert.rejects(accounts.confirmTwoFactor(ctx.db, deps, user.id, '000000'), { code: 'invalid_totp' })
    const { recoveryCodes } = await accounts.confirmTwoFactor(ctx.db, deps, user.id, accounts.totpCode(secret))
    assert.equal(recoveryCodes.length, 10)

    await assert.rejects(accounts.signIn(ctx.db, deps, input, context), { code: 'totp_required' })
    const later = at(1)
    assert.ok(await accounts.signIn(ctx.db, deps, { ...input, totp: accounts.totpCode(secret, later.getTime()) }, context, later))
    assert.ok(await accounts.signIn(ctx.db, deps, { ...input, totp: recoveryCodes[0] }, context))
    await assert.rejects(accounts.signIn(ctx.db, deps, { ...input, totp: recoveryCodes[0] }, context), { code: 'invalid_totp' })
  })

  it('refuses a code that was already used, at sign-in and at step-up, with a message', async () => {
    const { input, user, secret } = await withTwoFactor()
    const later = at(1)
    const code = accounts.totpCode(secret, later.getTime())
    assert.ok(await accounts.signIn(ctx.db, deps, { ...input, totp: code }, context, later))
    await assert.rejects(accounts.signIn(ctx.db, deps, { ...input, totp: code }, context, later), (e: Error & { code: string }) => {
      assert.equal(e.code, 'totp_reused')
      assert.match(e.message, /already used/)
      return true
    })
    await assert.rejects(accounts.disableTwoFactor(ctx.db, deps, user.id, { password: input.password, code }), { code: 'totp_reused' })
    assert.equal((await accounts.twoFactorStatus(ctx.db, user.id)).enabled, true)
  })

  it('accepts one of two parallel sign-ins with the same code', async () => {
    const { input, secret } = await withTwoFactor()
    const later = at(1)
    const code = accounts.totpCode(secret, later.getTime())
    const outcomes = await Promise.allSettled(
      [0, 1, 2].map(() => accounts.signIn(ctx.db, deps, { ...input, totp: code }, context, later)),
    )
    assert.equal(outcomes.filter((o) => o.status === 'fulfilled').length, 1)
  })

  it('does not let the code that confirmed the setup sign in again', async () => {
    const input = person()
    const user = await accounts.register(ctx.db, deps, input)
    const { secret } = await accounts.startTwoFactorSetup(ctx.db, deps, user.id, { password: input.password })
    const code = accounts.totpCode(secret)
    await accounts.confirmTwoFactor(ctx.db, deps, user.id, code)
    await assert.rejects(accounts.confirmTwoFactor(ctx.db, deps, user.id, code), { code: 'two_factor_not_started' })
    await assert.rejects(accounts.signIn(ctx.db, deps, { ...input, totp: code }, context), { code: 'totp_reused' })
  })

  it('needs the password to start, and the password and a current code to re-enrol or switch off', async () => {
    const input = person()
    const user = await accounts.register(ctx.db, deps, input)
    await assert.rejects(accounts.startTwoFactorSetup(ctx.db, deps, user.id, {}), { code: 'step_up_required' })
    await assert.rejects(accounts.startTwoFactorSetup(ctx.db, deps, user.id, { password: 'not the password' }), {
      code: 'invalid_credentials',
    })
    const { secret } = await accounts.startTwoFactorSetup(ctx.db, deps, user.id, { password: input.password })
    await accounts.confirmTwoFactor(ctx.db, deps, user.id, accounts.totpCode(secret))

    await assert.rejects(accounts.startTwoFactorSetup(ctx.db, deps, user.id, { password: input.password }), (e: Error & { code: string; fields: Record<string, string> }) => {
      assert.equal(e.code, 'step_up_required')
      assert.ok(e.fields.code)
      return true
    })
    await assert.rejects(accounts.disableTwoFactor(ctx.db, deps, user.id, { password: input.password }), { code: 'step_up_required' })
    await assert.rejects(accounts.disableTwoFactor(ctx.db, deps, user.id, { code: accounts.totpCode(secret, at(1).getTime()) }), { code: 'step_up_required' })
    await assert.rejects(accounts.disableTwoFactor(ctx.db, deps, user.id, { password: input.password, code: '000000' }), { code: 'invalid_totp' })
    assert.equal((await accounts.twoFactorStatus(ctx.db, user.id)).enabled, true)
    await assert.rejects(accounts.signIn(ctx.db, deps, input, context), { code: 'totp_required' })
  })

  it('keeps the old secret and recovery codes working until a re-enrolment is confirmed', async () => {
    const { input, user, secret, recoveryCodes } = await withTwoFactor()
    const step1 = at(1)
    const { secret: fresh } = await accounts.startTwoFactorSetup(
      ctx.db,
      deps,
      user.id,
      { password: input.password, code: accounts.totpCode(secret, step1.getTime()) },
      step1,
    )
    assert.notEqual(fresh, secret)
    assert.equal((await accounts.twoFactorStatus(ctx.db, user.id)).enabled, true, 'still on while the new key is pending')
    await assert.rejects(accounts.signIn(ctx.db, deps, input, context), { code: 'totp_required' })
    const step2 = at(2)
    assert.ok(await accounts.signIn(ctx.db, deps, { ...input, totp: accounts.totpCode(secret, step2.getTime()) }, context, step2))
    assert.ok(await accounts.signIn(ctx.db, deps, { ...input, totp: recoveryCodes[0] }, context))

    const step3 = at(3)
    const { recoveryCodes: newCodes } = await accounts.confirmTwoFactor(ctx.db, deps, user.id, accounts.totpCode(fresh, step3.getTime()), step3)
    const step4 = at(4)
    await assert.rejects(
      accounts.signIn(ctx.db, deps, { ...input, totp: accounts.totpCode(secret, step4.getTime()) }, context, step4),
      { code: 'invalid_totp' },
      'the old key stops working once the new one is confirmed',
    )
    await assert.rejects(accounts.signIn(ctx.db, deps, { ...input, totp: recoveryCodes[1] }, context), { code: 'invalid_totp' })
    assert.ok(await accounts.signIn(ctx.db, deps, { ...input, totp: accounts.totpCode(fresh, step4.getTime()) }, context, step4))
    assert.ok(await accounts.signIn(ctx.db, deps, { ...input, totp: newCodes[0] }, context))
  })

  it('switches off with the password and an unused recovery code', async () => {
    const { input, user, recoveryCodes } = await withTwoFactor()
    await accounts.disableTwoFactor(ctx.db, deps, user.id, { password: input.password, code: recoveryCodes[3] })
    assert.equal((await accounts.twoFactorStatus(ctx.db, user.id)).enabled, false)
    assert.ok(await accounts.signIn(ctx.db, deps, input, context))
  })
})

describe(`business profiles (${testDatabaseKind})`, () => {
  const ctx = useTestDb()
  const address = { line1: 'Plot 7, GIDC Estate', city: 'Rajkot', state: 'Gujarat', pin: '360003' }

  it('makes the person a seller, with the PAN taken from a valid GSTIN', async () => {
    const user = await accounts.register(ctx.db, deps, person())
    const gstin = makeGstin('24', 'AAFCS1234K')
    const business = await accounts.saveBusinessProfile(ctx.db, user.id, { legalName: 'Shakti Valves Pvt Ltd', gstin: gstin.toLowerCase(), address })
    assert.equal(business.gstin, gstin)
    assert.equal(business.pan, 'AAFCS1234K')
    assert.equal(business.slug, 'shakti-valves-pvt-ltd')
    const profile = await accounts.findProfile(ctx.db, user.id)
    assert.deepEqual([...profile.roles].sort(), ['buyer', 'seller'])
  })

  it('refuses a GSTIN with a wrong check character, or from another state than the address', async () => {
    const user = await accounts.register(ctx.db, deps, person())
    const good = makeGstin('24', 'AAFCS9876K')
    const typo = `${good.slice(0, 14)}${good[14] === 'A' ? 'B' : 'A'}`
    await assert.rejects(accounts.saveBusinessProfile(ctx.db, user.id, { legalName: 'X Ltd', gstin: typo, address }), {
      code: 'invalid_gstin',
    })
    await assert.rejects(
      accounts.saveBusinessProfile(ctx.db, user.id, { legalName: 'X Ltd', gstin: makeGstin('27', 'AAFCS9876K'), address }),
      (e: Error & { code: string }) => e.code === 'invalid_gstin' && /Maharashtra/.test(e.message) && /Gujarat/.test(e.message),
    )
  })
})

describe('what each capability needs', () => {
  it('asks an unverified buyer without a phone to complete both, with links', () => {
    assert.deepEqual(accounts.missingRequirements({ emailVerifiedAt: null, phone: null }, 'send_enquiry'), ['verified_email', 'phone'])
    assert.throws(
      () => accounts.assertCapability({ emailVerifiedAt: null, phone: '+919876543210' }, 'send_enquiry'),
      (e: Error & { code: string; fields: Record<string, string> }) =>
        e.code === 'profile_incomplete' && /confirm your email address/.test(e.message) && e.fields.verified_email === '/account/profile#email',
    )
    assert.doesNotThrow(() => accounts.assertCapability({ emailVerifiedAt: new Date(), phone: '+919876543210' }, 'send_enquiry'))
  })

  it('counts the 18th birthday itself as 18', () => {
    assert.equal(accounts.isUnder18('2008-11-25', new Date('2026-11-25T10:00:00Z')), false)
    assert.equal(accounts.isUnder18('2008-11-26', new Date('2026-11-25T10:00:00Z')), true)
  })
})
