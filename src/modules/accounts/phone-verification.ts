import { randomInt, randomUUID, timingSafeEqual } from 'node:crypto'
import { and, desc, eq, gt, isNull, sql } from 'drizzle-orm'
import type { Db } from '../../db/database.ts'
import { conflict, invalid, notFound } from '../../shared/errors.ts'
import * as messaging from '../messaging/index.ts'
import { authTokens, users } from './accounts.tables.ts'
import { type AttemptLimit, clearAttempts, takeAttempt } from './attempt-limits.ts'
import type { AccountsDeps } from './deps.ts'
import { keyedHash } from './secrets.ts'
import { tokenLifetimes } from './tokens.ts'

/**
 * Codes texted to verify a mobile number: 3 sent an hour per account (an SMS costs money and
 * reaches someone's phone), and 5 wrong codes per account in 10 minutes, so a 6-digit code
 * cannot be guessed in its lifetime.
 */
export const phoneVerificationLimits = {
  send: { max: 3, windowSeconds: 3600 },
  confirm: { max: 5, windowSeconds: 600 },
} as const satisfies Record<string, AttemptLimit>

const sendKey = (deps: AccountsDeps, userId: string) =>
  `phone-verification:send:${keyedHash(deps.secretKey, userId)}`
const confirmKey = (deps: AccountsDeps, userId: string) =>
  `phone-verification:confirm:${keyedHash(deps.secretKey, userId)}`

// The row id and the number are hashed with the code: the hash is unique per row (the column is),
// and a code is bound to the number it was sent to.
function codeHash(deps: AccountsDeps, rowId: string, phone: string, code: string): string {
  return keyedHash(deps.secretKey, `phone-verification:${rowId}:${phone}:${code}`)
}

/**
 * Texts a fresh 6-digit code to the person's mobile number, within the limits; earlier codes stop
 * working. Throws invalid('phone_required'), conflict('phone_already_verified') or
 * rate_limited('rate_limited'). Returns the number the code went to.
 */
export async function sendPhoneVerificationCode(
  db: Db,
  deps: AccountsDeps,
  userId: string,
  now = new Date(),
) {
  const [user] = await db
    .select({ email: users.email, phone: users.phone, phoneVerifiedAt: users.phoneVerifiedAt })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1)
  if (!user) throw notFound('user_not_found', 'This account no longer exists.')
  if (!user.phone) {
    const message = 'Add your mobile number to your profile first.'
    throw invalid('phone_required', message, { phone: message })
  }
  if (user.phoneVerifiedAt)
    throw conflict('phone_already_verified', 'Your mobile number is already verified.')
  await takeAttempt(
    db,
    [{ key: sendKey(deps, userId), limit: phoneVerificationLimits.send }],
    (wait) => `Too many codes were asked for. Please wait ${wait}, and use the newest code already sent.`,
    now,
  )
  const phone = user.phone
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0')
  const id = randomUUID()
  await db.transaction(async (tx) => {
    await voidPendingCodes(tx, userId, now)
    await tx.insert(authTokens).values({
      id,
      userId,
      purpose: 'phone_verification',
      tokenHash: codeHash(deps, id, phone, code),
      email: user.email,
      phone,
      expiresAt: new Date(now.getTime() + tokenLifetimes.phone_verification * 1000),
      createdAt: now,
    })
    await messaging.queueMessage(tx, {
      kind: 'phone-verification',
      toUserId: userId,
      to: phone,
      data: { code, expiresInMinutes: tokenLifetimes.phone_verification / 60 },
    })
  })
  return { phone, expiresInMinutes: tokenLifetimes.phone_verification / 60 }
}

/**
 * Checks a code against the newest one sent to the person's current number; on a match the number
 * is verified and the code used up. Every attempt counts against the limit before the code is
 * compared (in constant time). Throws invalid('invalid_code' | 'code_expired') with the message at
 * the `code` field, or rate_limited('rate_limited').
 */
export async function confirmPhoneVerification(
  db: Db,
  deps: AccountsDeps,
  userId: string,
  input: unknown,
  now = new Date(),
) {
  const code = typeof input === 'string' ? input.replace(/[\s-]/g, '') : ''
  if (!/^\d{6}$/.test(code)) {
    const message = 'Enter the 6-digit code from the text message.'
    throw invalid('invalid_code', message, { code: message })
  }
  await takeAttempt(
    db,
    [{ key: confirmKey(deps, userId), limit: phoneVerificationLimits.confirm }],
    (wait) => `Too many wrong codes. Please wait ${wait}, or ask for a new code then.`,
    now,
  )
  await db.transaction(async (tx) => {
    const [user] = await tx
      .select({ phone: users.phone })
      .from(users)
      .where(eq(users.id, userId))
      .for('update')
    if (!user) throw notFound('user_not_found', 'This account no longer exists.')
    const [pending] = await tx
      .select({ id: authTokens.id, phone: authTokens.phone, tokenHash: authTokens.tokenHash })
      .from(authTokens)
      .where(
        and(
          eq(authTokens.userId, userId),
          eq(authTokens.purpose, 'phone_verification'),
          isNull(authTokens.usedAt),
          gt(authTokens.expiresAt, now),
        ),
      )
      .orderBy(desc(authTokens.createdAt))
      .limit(1)
    if (!pending || !user.phone || pending.phone !== user.phone) {
      const message = 'This code has expired or was already used. Ask for a new one.'
      throw invalid('code_expired', message, { code: message })
    }
    const given = Buffer.from(codeHash(deps, pending.id, user.phone, code))
    const expected = Buffer.from(pending.tokenHash)
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      const message = 'That code is not right. Check the text message and try again.'
      throw invalid('invalid_code', message, { code: message })
    }
    await voidPendingCodes(tx, userId, now)
    await tx.update(users).set({ phoneVerifiedAt: now, updatedAt: sql`now()` }).where(eq(users.id, userId))
  })
  await clearAttempts(db, confirmKey(deps, userId))
}

/** Uses up every unused code of the person: a newer code was sent, the number changed or was verified. */
export async function voidPendingCodes(tx: Db, userId: string, now = new Date()) {
  await tx
    .update(authTokens)
    .set({ usedAt: now })
    .where(
      and(
        eq(authTokens.userId, userId),
        eq(authTokens.purpose, 'phone_verification'),
        isNull(authTokens.usedAt),
      ),
    )
}
