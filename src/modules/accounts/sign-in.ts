import { and, count, eq, gt, inArray, isNull, lt, min, sql } from 'drizzle-orm'
import type { Db } from '../../db/database.ts'
import { AppError } from '../../shared/errors.ts'
import { parseInput } from '../../shared/validation.ts'
import * as messaging from '../messaging/index.ts'
import { SignInInput } from './accounts.schemas.ts'
import { recoveryCodes, signInFailures, users } from './accounts.tables.ts'
import { burnPasswordCheck, hashPassword, passwordProblem, verifyPassword } from './passwords.ts'
import { firstName, type AccountsDeps } from './registration.ts'
import { decryptSecret, keyedHash, tokenHash } from './secrets.ts'
import { createSession, revokeAllSessions } from './sessions.ts'
import { consumeToken, issueToken, tokenLifetimes } from './tokens.ts'
import { verifyTotp } from './totp.ts'

/** 10 failed sign-ins in 15 minutes, per account or per network, and sign-in waits. */
export const signInLimit = { failures: 10, windowSeconds: 15 * 60 }

export interface SignInContext {
  ip: string | undefined
  ipPrefix: string | undefined
  userAgent: string | undefined
}

/**
 * Checks the password (and the second factor when switched on) and opens a session. Failures are
 * counted per account and per IP in PostgreSQL, so the limit holds across every web process.
 * Throws AppError: unauthenticated 'invalid_credentials' | 'totp_required' | 'invalid_totp',
 * rate_limited 'too_many_attempts' (with retryAfterSeconds).
 */
export async function signIn(db: Db, deps: AccountsDeps, input: unknown, context: SignInContext, now = new Date()) {
  const data = parseInput(SignInInput, input)
  const keys = [`acct:${keyedHash(deps.secretKey, data.email)}`]
  if (context.ip) keys.push(`ip:${keyedHash(deps.secretKey, context.ip)}`)
  await assertNotThrottled(db, keys, now)

  const [user] = await db.select().from(users).where(eq(users.email, data.email)).limit(1)
  let passwordOk = false
  if (user) passwordOk = await verifyPassword(user.passwordHash, data.password)
  else await burnPasswordCheck(data.password)
  if (!user || !passwordOk) {
    await recordFailure(db, keys, now)
    throw new AppError('unauthenticated', 'invalid_credentials', 'The email address or password is not right.')
  }
  if (user.totpEnabledAt && user.totpSecret) {
    if (!data.totp) {
      throw new AppError('unauthenticated', 'totp_required', 'Enter the 6-digit code from your authenticator app.')
    }
    const secondFactorOk =
      /^\d{6}$/.test(data.totp)
        ? verifyTotp(decryptSecret(deps.secretKey, user.totpSecret), data.totp, now.getTime())
        : await useRecoveryCode(db, user.id, data.totp)
    if (!secondFactorOk) {
      await recordFailure(db, keys, now)
      throw new AppError('unauthenticated', 'invalid_totp', 'That code is not right. Codes change every 30 seconds.')
    }
  }
  await db.delete(signInFailures).where(eq(signInFailures.throttleKey, keys[0]!))
  const session = await createSession(db, {
    userId: user.id,
    sharedDevice: data.sharedDevice ?? false,
    userAgent: context.userAgent,
    ipPrefix: context.ipPrefix,
  })
  return { session, userId: user.id }
}

async function assertNotThrottled(db: Db, keys: string[], now: Date) {
  const since = new Date(now.getTime() - signInLimit.windowSeconds * 1000)
  const rows = await db
    .select({ key: signInFailures.throttleKey, failures: count(), oldest: min(signInFailures.createdAt) })
    .from(signInFailures)
    .where(and(inArray(signInFailures.throttleKey, keys), gt(signInFailures.createdAt, since)))
    .groupBy(signInFailures.throttleKey)
  const blocked = rows.filter((r) => r.failures >= signInLimit.failures)
  if (blocked.length === 0) return
  const oldest = Math.min(...blocked.map((r) => new Date(r.oldest ?? now).getTime()))
  const retryAfterSeconds = Math.max(1, Math.ceil((oldest + signInLimit.windowSeconds * 1000 - now.getTime()) / 1000))
  throw new AppError(
    'rate_limited',
    'too_many_attempts',
    `Too many failed sign-ins. Please wait ${Math.ceil(retryAfterSeconds / 60)} minutes and try again, or reset your password.`,
    { retryAfterSeconds },
  )
}

async function recordFailure(db: Db, keys: string[], now: Date) {
  await db.insert(signInFailures).values(keys.map((throttleKey) => ({ throttleKey, createdAt: now })))
}

/** Deletes throttle rows older than a day (the inventory's retention). */
export async function pruneSignInFailures(db: Db, now = new Date()) {
  await db.delete(signInFailures).where(lt(signInFailures.createdAt, new Date(now.getTime() - 24 * 3600 * 1000)))
}

async function useRecoveryCode(db: Db, userId: string, code: string): Promise<boolean> {
  const used = await db
    .update(recoveryCodes)
    .set({ usedAt: sql`now()` })
    .where(and(eq(recoveryCodes.userId, userId), eq(recoveryCodes.codeHash, tokenHash(code.toLowerCase())), isNull(recoveryCodes.usedAt)))
    .returning({ id: recoveryCodes.id })
  return used.length > 0
}

/** Confirms an email address from the emailed link. Throws invalid('link_expired'). */
export async function verifyEmail(db: Db, token: string) {
  return db.transaction(async (tx) => {
    const { userId, email } = await consumeToken(tx, 'email_verification', token)
    // A link for an address the person has since changed confirms nothing.
    const [user] = await tx
      .update(users)
      .set({ emailVerifiedAt: sql`coalesce(${users.emailVerifiedAt}, now())` })
      .where(and(eq(users.id, userId), eq(users.email, email)))
      .returning({ id: users.id })
    return { userId, verified: Boolean(user) }
  })
}

/**
 * Emails a reset link valid for 30 minutes if the address has an account. Says nothing either
 * way, so the form cannot be used to find out who is registered.
 */
export async function requestPasswordReset(db: Db, deps: AccountsDeps, email: string) {
  const address = email.trim().toLowerCase()
  await db.transaction(async (tx) => {
    const [user] = await tx.select({ id: users.id, name: users.name, email: users.email }).from(users).where(eq(users.email, address))
    if (!user) return
    const token = await issueToken(tx, { userId: user.id, purpose: 'password_reset', email: user.email })
    await messaging.queueMessage(tx, {
      kind: 'password-reset',
      toUserId: user.id,
      to: user.email,
      data: {
        firstName: firstName(user.name),
        resetUrl: `${deps.publicUrl}/account/reset-password?token=${token}`,
        expiresInMinutes: tokenLifetimes.password_reset / 60,
      },
    })
  })
}

/** Sets a new password from a reset link and signs out every session. Throws invalid(...). */
export async function resetPassword(db: Db, token: string, newPassword: string) {
  return db.transaction(async (tx) => {
    const { userId, email } = await consumeToken(tx, 'password_reset', token)
    await setPassword(tx, userId, newPassword, email)
    await revokeAllSessions(tx, userId, 'password_reset')
    return { userId }
  })
}

/**
 * Changes the password after checking the current one, and signs out every other session.
 * Throws unauthenticated('invalid_credentials') or invalid('weak_password').
 */
export async function changePassword(
  db: Db,
  input: { userId: string; currentSessionId: string; currentPassword: string; newPassword: string },
) {
  const [user] = await db.select({ hash: users.passwordHash, email: users.email }).from(users).where(eq(users.id, input.userId))
  if (!user || !(await verifyPassword(user.hash, input.currentPassword))) {
    throw new AppError('unauthenticated', 'invalid_credentials', 'Your current password is not right.', {
      fields: { currentPassword: 'This is not your current password.' },
    })
  }
  return db.transaction(async (tx) => {
    await setPassword(tx, input.userId, input.newPassword, user.email)
    const signedOut = await revokeAllSessions(tx, input.userId, 'password_changed', input.currentSessionId)
    return { signedOut }
  })
}

async function setPassword(tx: Db, userId: string, password: string, email: string) {
  const weak = passwordProblem(password, { email })
  if (weak) throw new AppError('invalid', 'weak_password', weak, { fields: { newPassword: weak } })
  await tx
    .update(users)
    .set({ passwordHash: await hashPassword(password), passwordChangedAt: sql`now()`, updatedAt: sql`now()` })
    .where(eq(users.id, userId))
}
