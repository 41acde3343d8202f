import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { and, asc, eq } from 'drizzle-orm'
import type { Db } from '#src/db/database.ts'
import { outboxMessages } from '#src/modules/messaging/messaging.tables.ts'
import { AppError } from '#src/shared/errors.ts'
import { buildUser } from '#test/factories.ts'
import { testDatabaseKind, useTestDb } from '#test/setup.ts'
import { authTokens, users } from './accounts.tables.ts'
import * as accounts from './index.ts'

const deps = { secretKey: 'test-secret-key-that-is-long-enough-for-signing', publicUrl: 'http://mandi.test' }

async function texts(db: Db, userId: string) {
  return db
    .select({
      channel: outboxMessages.channel,
      toAddress: outboxMessages.toAddress,
      data: outboxMessages.data,
    })
    .from(outboxMessages)
    .where(and(eq(outboxMessages.recipientUserId, userId), eq(outboxMessages.kind, 'phone-verification')))
    .orderBy(asc(outboxMessages.createdAt), asc(outboxMessages.id))
}

async function lastCode(db: Db, userId: string) {
  const sent = await texts(db, userId)
  return String(sent.at(-1)?.data.code)
}

async function phoneVerifiedAt(db: Db, userId: string) {
  const [row] = await db.select({ at: users.phoneVerifiedAt }).from(users).where(eq(users.id, userId))
  return row!.at
}

const refusedWith = (code: string) => (error: unknown) => error instanceof AppError && error.code === code

describe(`mobile number verification (${testDatabaseKind})`, () => {
  const ctx = useTestDb()

  it('texts one 6-digit code to the number, verifies it once, and refuses the same code again', async () => {
    const user = await buildUser(ctx.db, { phone: '+919845012345' })
    const sent = await accounts.sendPhoneVerificationCode(ctx.db, deps, user.id)
    assert.equal(sent.phone, '+919845012345')
    const queued = await texts(ctx.db, user.id)
    assert.equal(queued.length, 1)
    assert.equal(queued[0]!.channel, 'sms')
    assert.equal(queued[0]!.toAddress, '+919845012345')
    const code = String(queued[0]!.data.code)
    assert.match(code, /^\d{6}$/)
    const [token] = await ctx.db.select().from(authTokens).where(eq(authTokens.userId, user.id))
    assert.equal(token!.purpose, 'phone_verification')
    assert.equal(token!.phone, '+919845012345')
    assert.doesNotMatch(token!.tokenHash, new RegExp(code), 'only a hash of the code is stored')
    assert.equal(token!.expiresAt.getTime() - token!.createdAt.getTime(), 10 * 60 * 1000)

    assert.equal(await phoneVerifiedAt(ctx.db, user.id), null)
    await accounts.confirmPhoneVerification(ctx.db, deps, user.id, code)
    assert.ok(await phoneVerifiedAt(ctx.db, user.id))
    assert.ok((await accounts.findProfile(ctx.db, user.id)).phoneVerifiedAt)

    // Unverify by hand, to show the used code alone is refused.
    await ctx.db.update(users).set({ phoneVerifiedAt: null }).where(eq(users.id, user.id))
    await assert.rejects(
      accounts.confirmPhoneVerification(ctx.db, deps, user.id, code),
      refusedWith('code_expired'),
    )
    assert.equal(await phoneVerifiedAt(ctx.db, user.id), null)
  })

  it('refuses a wrong code, a malformed one, and a code older than 10 minutes', async () => {
    const user = await buildUser(ctx.db, { phone: '+919845012346' })
    const sentAt = new Date(Date.now() - 10 * 60 * 1000 - 1000)
    await accounts.sendPhoneVerificationCode(ctx.db, deps, user.id, sentAt)
    const code = await lastCode(ctx.db, user.id)
    await assert.rejects(
      accounts.confirmPhoneVerification(ctx.db, deps, user.id, code),
      refusedWith('code_expired'),
    )
    await assert.rejects(
      accounts.confirmPhoneVerification(ctx.db, deps, user.id, '12ab'),
      (error: unknown) => {
        assert.ok(error instanceof AppError)
        assert.equal(error.code, 'invalid_code')
        assert.ok(error.fields?.code)
        return true
      },
    )

    await accounts.sendPhoneVerificationCode(ctx.db, deps, user.id)
    const fresh = await lastCode(ctx.db, user.id)
    const wrong = fresh === '000000' ? '000001' : '000000'
    await assert.rejects(
      accounts.confirmPhoneVerification(ctx.db, deps, user.id, wrong),
      refusedWith('invalid_code'),
    )
    assert.equal(await phoneVerifiedAt(ctx.db, user.id), null)
    await accounts.confirmPhoneVerification(ctx.db, deps, user.id, fresh.replace(/^(\d{3})/, '$1 '))
    assert.ok(await phoneVerifiedAt(ctx.db, user.id))
  })

  it('only the newest code works', async () => {
    const user = await buildUser(ctx.db, { phone: '+919845012347' })
    await accounts.sendPhoneVerificationCode(ctx.db, deps, user.id)
    const first = await lastCode(ctx.db, user.id)
    await accounts.sendPhoneVerificationCode(ctx.db, deps, user.id)
    const second = await lastCode(ctx.db, user.id)
    if (first !== second) {
      await assert.rejects(
        accounts.confirmPhoneVerification(ctx.db, deps, user.id, first),
        refusedWith('invalid_code'),
      )
    }
    await accounts.confirmPhoneVerification(ctx.db, deps, user.id, second)
    assert.ok(await phoneVerifiedAt(ctx.db, user.id))
  })

  it('changing the number clears the verification, and a code sent to the old number confirms nothing', async () => {
    const user = await buildUser(ctx.db, { phone: '+919845012348' })
    await accounts.sendPhoneVerificationCode(ctx.db, deps, user.id)
    await accounts.confirmPhoneVerification(ctx.db, deps, user.id, await lastCode(ctx.db, user.id))
    assert.ok(await phoneVerifiedAt(ctx.db, user.id))

    // An unchanged number keeps its verification.
    await accounts.updateProfile(ctx.db, user.id, { phone: '98450 12348', city: 'Pune' })
    assert.ok(await phoneVerifiedAt(ctx.db, user.id))

    await accounts.updateProfile(ctx.db, user.id, { phone: '98450 99999' })
    assert.equal(await phoneVerifiedAt(ctx.db, user.id), null)

    // A code sent to the new number, then the number changes back: the code no longer works.
    await accounts.sendPhoneVerificationCode(ctx.db, deps, user.id)
    const sent = await texts(ctx.db, user.id)
    assert.equal(sent.at(-1)!.toAddress, '+919845099999')
    const codeForOld = String(sent.at(-1)!.data.code)
    await accounts.updateProfile(ctx.db, user.id, { phone: '98450 12348' })
    await assert.rejects(
      accounts.confirmPhoneVerification(ctx.db, deps, user.id, codeForOld),
      refusedWith('code_expired'),
    )
    // Even if the row had not been voided, it names another number.
    await ctx.db.update(authTokens).set({ usedAt: null }).where(eq(authTokens.userId, user.id))
    await assert.rejects(
      accounts.confirmPhoneVerification(ctx.db, deps, user.id, codeForOld),
      refusedWith('code_expired'),
    )
    assert.equal(await phoneVerifiedAt(ctx.db, user.id), null)
  })

  it('evaluates at most 5 wrong codes in 10 minutes, even sent in parallel', async () => {
    const user = await buildUser(ctx.db, { phone: '+919845012349' })
    await accounts.sendPhoneVerificationCode(ctx.db, deps, user.id)
    const code = await lastCode(ctx.db, user.id)
    const wrong = code === '000000' ? '000001' : '000000'
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, () => accounts.confirmPhoneVerification(ctx.db, deps, user.id, wrong)),
    )
    const codes = results.map((r) =>
      r.status === 'rejected' && r.reason instanceof AppError ? r.reason.code : 'other',
    )
    assert.equal(codes.filter((c) => c === 'invalid_code').length, 5, codes.join(','))
    assert.equal(codes.filter((c) => c === 'rate_limited').length, 5, codes.join(','))
    // The right code is refused too until the window ends.
    await assert.rejects(accounts.confirmPhoneVerification(ctx.db, deps, user.id, code), (error: unknown) => {
      assert.ok(error instanceof AppError)
      assert.equal(error.code, 'rate_limited')
      assert.ok(Number(error.retryAfterSeconds) > 0)
      return true
    })
    assert.equal(await phoneVerifiedAt(ctx.db, user.id), null)
    const later = new Date(Date.now() + 10 * 60 * 1000 + 1000)
    await assert.rejects(
      accounts.confirmPhoneVerification(ctx.db, deps, user.id, code, later),
      refusedWith('code_expired'),
      'by then the code has expired as well',
    )
  })

  it('texts at most 3 codes an hour, and none to a verified number', async () => {
    const user = await buildUser(ctx.db, { phone: '+919845012350' })
    for (let i = 0; i < 3; i++) await accounts.sendPhoneVerificationCode(ctx.db, deps, user.id)
    await assert.rejects(
      accounts.sendPhoneVerificationCode(ctx.db, deps, user.id),
      refusedWith('rate_limited'),
    )
    assert.equal((await texts(ctx.db, user.id)).length, 3)
    await accounts.confirmPhoneVerification(ctx.db, deps, user.id, await lastCode(ctx.db, user.id))
    await assert.rejects(
      accounts.sendPhoneVerificationCode(ctx.db, deps, user.id),
      refusedWith('phone_already_verified'),
    )
    const none = await buildUser(ctx.db, { phone: null })
    await assert.rejects(
      accounts.sendPhoneVerificationCode(ctx.db, deps, none.id),
      refusedWith('phone_required'),
    )
  })
})
