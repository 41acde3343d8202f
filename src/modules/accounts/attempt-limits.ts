import { eq, sql } from 'drizzle-orm'
import type { Db } from '../../db/database.ts'
import { AppError } from '../../shared/errors.ts'
import { attemptLimits } from './accounts.tables.ts'

// Limits that hold across processes and under concurrency. Each attempt is decided and recorded by
// one statement, BEFORE the password (or anything else) is checked:
//
//   insert … on conflict (key) do update set attempts = case when the window ended then 1
//                                                           else attempts + 1 end … returning
//
// PostgreSQL locks the row for the upsert, so thirty parallel attempts are numbered 1 to 30 and
// only the first `max` go on. Windows are fixed: they start with the first attempt, and a key over
// its limit waits until its window ends — never longer than `windowSeconds`.

export interface AttemptLimit {
  /** Attempts allowed in one window. */
  max: number
  windowSeconds: number
}

export interface LimitedKey {
  key: string
  limit: AttemptLimit
}

/**
 * Counts one attempt against every key, in one statement, and throws rate_limited (code
 * 'rate_limited', retryAfterSeconds) when any key is over its limit. `message` receives the wait,
 * in words ("12 minutes"). Keys are taken in sorted order, so two attempts never wait on each other's rows.
 */
export async function takeAttempt(
  db: Db,
  keys: readonly (LimitedKey | null | undefined)[],
  message: (wait: string) => string,
  now = new Date(),
): Promise<void> {
  const given = keys.filter((k): k is LimitedKey => Boolean(k))
  if (given.length === 0) return
  const byKey = new Map(given.map((k) => [k.key, k]))
  const sorted = [...byKey.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
  const windowEnded = sql`attempt_limits.window_started_at + make_interval(secs => excluded.window_seconds) <= excluded.window_started_at`
  const rows = await db
    .insert(attemptLimits)
    .values(
      sorted.map((k) => ({
        key: k.key,
        attempts: 1,
        windowStartedAt: now,
        windowSeconds: k.limit.windowSeconds,
      })),
    )
    .onConflictDoUpdate({
      target: attemptLimits.key,
      set: {
        attempts: sql`case when ${windowEnded} then 1 else attempt_limits.attempts + 1 end`,
        windowStartedAt: sql`case when ${windowEnded} then excluded.window_started_at else attempt_limits.window_started_at end`,
        windowSeconds: sql`excluded.window_seconds`,
      },
    })
    .returning({
      key: attemptLimits.key,
      attempts: attemptLimits.attempts,
      windowStartedAt: attemptLimits.windowStartedAt,
    })

  let retryAfterSeconds = 0
  for (const row of rows) {
    const limit = byKey.get(row.key)!.limit
    if (row.attempts <= limit.max) continue
    const endsAt = new Date(row.windowStartedAt).getTime() + limit.windowSeconds * 1000
    retryAfterSeconds = Math.max(retryAfterSeconds, Math.ceil((endsAt - now.getTime()) / 1000), 1)
  }
  if (retryAfterSeconds > 0) {
    throw new AppError('rate_limited', 'rate_limited', message(describeWait(retryAfterSeconds)), {
      retryAfterSeconds,
    })
  }
}

/** Forgets a key's attempts (after a successful sign-in, the account starts afresh). */
export async function clearAttempts(db: Db, key: string | null | undefined): Promise<void> {
  if (key) await db.delete(attemptLimits).where(eq(attemptLimits.key, key))
}

/** Gives back one attempt: used when an attempt turned out not to be a guess (the password was right). */
export async function refundAttempt(db: Db, key: string | null | undefined): Promise<void> {
  if (!key) return
  await db
    .update(attemptLimits)
    .set({ attempts: sql`greatest(${attemptLimits.attempts} - 1, 0)` })
    .where(eq(attemptLimits.key, key))
}

/** Deletes counters whose window has ended: they no longer limit anything (the inventory's retention). */
export async function pruneAttemptLimits(db: Db, now = new Date()): Promise<number> {
  const deleted = await db
    .delete(attemptLimits)
    .where(
      sql`${attemptLimits.windowStartedAt} + make_interval(secs => ${attemptLimits.windowSeconds}) <= ${now.toISOString()}::timestamptz`,
    )
    .returning({ key: attemptLimits.key })
  return deleted.length
}

/** "45 seconds", "1 minute", "15 minutes", "1 hour": how long a wait or a window is, in words. */
export function describeWait(seconds: number): string {
  if (seconds < 60) return plural(Math.max(1, Math.ceil(seconds)), 'second')
  if (seconds < 3600 || seconds % 3600 !== 0) return plural(Math.ceil(seconds / 60), 'minute')
  return plural(seconds / 3600, 'hour')
}

function plural(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? '' : 's'}`
}
