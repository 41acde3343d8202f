import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { eq } from 'drizzle-orm'
import { testDatabaseKind, useTestDb } from '#test/setup.ts'
import { attemptLimits } from './accounts.tables.ts'
import * as accounts from './index.ts'

const limit = { max: 10, windowSeconds: 15 * 60 }
const message = (wait: string) => `Please wait ${wait}.`
let n = 0
const newKey = () => `test:${++n}:${Date.now()}`

describe(`attempt limits (${testDatabaseKind})`, () => {
  const ctx = useTestDb()

  it('lets exactly `max` of 30 parallel attempts through, and refuses the rest with the wait', async () => {
    const key = newKey()
    const now = new Date()
    const outcomes = await Promise.allSettled(
      Array.from({ length: 30 }, () => accounts.takeAttempt(ctx.db, [{ key, limit }], message, now)),
    )
    assert.equal(outcomes.filter((o) => o.status === 'fulfilled').length, limit.max)
    for (const refused of outcomes.filter((o) => o.status === 'rejected')) {
      const error = (refused as PromiseRejectedResult).reason
      assert.equal(error.code, 'rate_limited')
      assert.equal(error.kind, 'rate_limited')
      assert.equal(error.retryAfterSeconds, limit.windowSeconds)
      assert.equal(error.message, 'Please wait 15 minutes.')
    }
  })

  it('starts a new window once the old one has ended, and never asks for a wait beyond it', async () => {
    const key = newKey()
    const start = new Date()
    for (let i = 0; i < limit.max; i++) await accounts.takeAttempt(ctx.db, [{ key, limit }], message, start)
    const tenMinutesOn = new Date(start.getTime() + 10 * 60 * 1000)
    await assert.rejects(accounts.takeAttempt(ctx.db, [{ key, limit }], message, tenMinutesOn), {
      retryAfterSeconds: 5 * 60,
    })
    const windowOver = new Date(start.getTime() + limit.windowSeconds * 1000)
    await accounts.takeAttempt(ctx.db, [{ key, limit }], message, windowOver)
    const [row] = await ctx.db.select().from(attemptLimits).where(eq(attemptLimits.key, key))
    assert.equal(row!.attempts, 1)
  })

  it('refuses when any one of several keys is over, counting the attempt against all of them', async () => {
    const account = newKey()
    const network = newKey()
    const wide = { max: 100, windowSeconds: 900 }
    for (let i = 0; i < limit.max; i++) {
      await accounts.takeAttempt(
        ctx.db,
        [
          { key: account, limit },
          { key: network, limit: wide },
        ],
        message,
      )
    }
    await assert.rejects(
      accounts.takeAttempt(
        ctx.db,
        [
          { key: account, limit },
          { key: network, limit: wide },
        ],
        message,
      ),
      { code: 'rate_limited' },
    )
    await accounts.takeAttempt(
      ctx.db,
      [
        { key: newKey(), limit },
        { key: network, limit: wide },
      ],
      message,
    )
    const [row] = await ctx.db.select().from(attemptLimits).where(eq(attemptLimits.key, network))
    assert.equal(row!.attempts, limit.max + 2)
  })

  it('starts afresh after clearAttempts, and gives one back with refundAttempt', async () => {
    const key = newKey()
    for (let i = 0; i < limit.max; i++) await accounts.takeAttempt(ctx.db, [{ key, limit }], message)
    await accounts.refundAttempt(ctx.db, key)
    await accounts.takeAttempt(ctx.db, [{ key, limit }], message)
    await assert.rejects(accounts.takeAttempt(ctx.db, [{ key, limit }], message), { code: 'rate_limited' })
    await accounts.clearAttempts(ctx.db, key)
    await accounts.takeAttempt(ctx.db, [{ key, limit }], message)
  })

  it('prunes only counters whose window has ended', async () => {
    const old = newKey()
    const current = newKey()
    const now = new Date()
    await accounts.takeAttempt(
      ctx.db,
      [{ key: old, limit }],
      message,
      new Date(now.getTime() - 16 * 60 * 1000),
    )
    await accounts.takeAttempt(
      ctx.db,
      [{ key: current, limit }],
      message,
      new Date(now.getTime() - 14 * 60 * 1000),
    )
    await accounts.pruneAttemptLimits(ctx.db, now)
    const left = (await ctx.db.select({ key: attemptLimits.key }).from(attemptLimits)).map((r) => r.key)
    assert.ok(!left.includes(old))
    assert.ok(left.includes(current))
  })

  it('says how long a wait is in words', () => {
    assert.equal(accounts.describeWait(1), '1 second')
    assert.equal(accounts.describeWait(61), '2 minutes')
    assert.equal(accounts.describeWait(15 * 60), '15 minutes')
    assert.equal(accounts.describeWait(3600), '1 hour')
  })
})
