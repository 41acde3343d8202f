import { and, eq, isNull, sql } from 'drizzle-orm'
import type { Db } from '../../db/database.ts'
import { AppError, invalid, notFound } from '../../shared/errors.ts'
import { parseInput } from '../../shared/validation.ts'
import * as messaging from '../messaging/index.ts'
import { SignInInput } from './accounts.schemas.ts'
import { authTokens, users } from './accounts.tables.ts'
import { type AttemptLimit, clearAttempts, describeWait, refundAttempt, takeAttempt } from './attempt-limits.ts'
import { limitEmailLink } from './email-links.ts'
import { burnPasswordCheck, hashPassword, passwordProblem, verifyPassword } from './passwords.ts'
import { firstName, type AccountsDeps } from './registration.ts'
import { checkSecondFactor, secondFactorRefusal } from './second-factor.ts'
import { isNewDevice, queueSecurityAlert } from './security-alerts.ts'
import { keyedHash } from './secrets.ts'
import { createSession, revokeAllSessions } from './sessions.ts'
import { assertStepUp } from './step-up.ts'
import { consumeToken, issueToken, tokenLifetimes } from './tokens.ts'

/**
 * Sign-in limits. Per account: 10 attempts in 15 minutes, then that account waits until the
 * window ends (at most 15 minutes); a successful sign-in starts it afresh. Per network: 100 wrong
 * attempts in 15 minutes, so one office behind one address is not locked out by a few people's
 * typos, while one stranger can lock a given account for at most the account window.
 */
export const signInLimits = {
  account: { max: 10, windowSeconds: 15 * 60 },
  network: { max: 100, windowSeconds: 15 * 60 },
} as const satisfies Record<string, AttemptLimit>

/** What the sign-in page tells people about the account limit, from the limit itself. */
export function signInLockNotice(): string {
  const { max, windowSeconds } = signInLimits.account
  return `After ${max} unsuccessful attempts, signing in to that account pauses for up to ${describeWait(windowSeconds)}.`
}

export interface SignInContext {
  ip: string | undefined
  ipPrefix: string | undefined
  userAgent: string | undefined
}

/**
 * Checks the password (and the second factor when switched on) and opens a session. Every attempt
 * is counted per account and per network before the password is checked, by one statement in
 * PostgreSQL, so the limit holds across every web process and under parallel requests.
 * Throws AppError: unauthenticated 'invalid_credentials' | 'totp_required' | 'invalid_totp' |
 * 'totp_reused', rate_limited 'rate_limited' (with retryAfterSeconds).
 */
export async function signIn(db: Db, deps: AccountsDeps, input: unknown, context: SignInContext, now = new Date()) {
  const data = parseInput(SignInInput, input)
  const accountKey = signInAccountKey(deps, data.email)
  const networkKey = context.ip ? `sign-in:network:${keyedHash(deps.secretKey, context.ip)}` : null
  await takeAttempt(
    db,
    [
      { key: accountKey, limit: signInLimits.account },
      networkKey ? { key: networkKey, limit: signInLimits.network } : null,
    ],
    (wait) => `Too many sign-in attempts. Please wait ${wait} and try again, or reset your password.`,
    now,
  )

  const [user] = await db.select().from(users).where(eq(users.email, data.email)).limit(1)
  let passwordOk = false
  if (user) passwordOk = await verifyPassword(user.passwordHash, data.password)
  else await burnPasswordCheck(data.password)
  if (!user || !passwordOk) {
    throw new AppError('unauthenticated', 'invalid_credentials', 'The email address or password is not right.')
  }
  if (user.totpEnabledAt && user.totpSecret) {
    if (!data.totp) {
      // The password was right: not a guess against the network's budget (the account's still counts).
      await refundAttempt(db, networkKey)
      throw new AppError('unauthenticated', 'totp_required', 'Enter the 6-digit code from your authenticator app.')
    }
    const outcome = await checkSecondFactor(db, deps, { id: user.id, totpSecret: user.totpSecret }, data.totp, now)
    if (outcome !== 'ok') throw secondFactorRefusal(outcome, 'totp')
  }
  await clearAttempts(db, accountKey)
  await refundAttempt(db, networkKey)
  const session = await db.transaction(async (tx) => {
    // Compared with the person's earlier sessions as stored (the agent cut to 400 characters).
    const device = { userAgent: context.userAgent?.slice(0, 400) ?? null, ipPrefix: context.ipPrefix ?? null }
    const newDevice = await isNewDevice(tx, user.id, device)
    const opened = await createSession(tx, {
      userId: user.id,
      sharedDevice: data.sharedDevice ?? false,
      userAgent: context.userAgent,
      ipPrefix: context.ipPrefix,
    })
    if (newDevice) await queueSecurityAlert(tx, user.id, { kind: 'new-device-sign-in', ...device })
    return opened
  })
  return { session, userId: user.id }
}

function signInAccountKey(deps: AccountsDeps, email: string): string {
  return `sign-in:account:${keyedHash(deps.secretKey, email.trim().toLowerCase())}`
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
 * way, so the form cannot be used to find out who is registered; the limits (per address, known
 * or not, and per network) apply alike. Throws rate_limited('rate_limited') over a limit.
 */
export async function requestPasswordReset(
  db: Db,
  deps: AccountsDeps,
  email: string,
  context: Pick<SignInContext, 'ip'>,
  now = new Date(),
) {
  const address = email.trim().toLowerCase()
  await limitEmailLink(db, deps, 'password-reset', address, context, now)
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

/**
 * Sets a new password from a reset link, voids every other outstanding reset link, signs out every
 * session and lifts the sign-in limit on the account. Throws invalid('link_expired' | 'weak_password').
 */
export async function resetPassword(db: Db, deps: AccountsDeps, token: string, newPassword: string) {
  const { userId, email } = await db.transaction(async (tx) => {
    const used = await consumeToken(tx, 'password_reset', token)
    await setPassword(tx, used.userId, newPassword, used.email)
    await voidResetLinks(tx, used.userId)
    await revokeAllSessions(tx, used.userId, 'password_reset')
    await queueSecurityAlert(tx, used.userId, { kind: 'password-changed', viaResetLink: true })
    return used
  })
  await clearAttempts(db, signInAccountKey(deps, email))
  return { userId }
}

/**
 * Changes the password after a step-up (the current password, and a code when two-factor sign-in
 * is on), voids outstanding reset links and signs out every other session. Throws what
 * assertStepUp throws, or invalid('weak_password'); a weak new password is reported together with
 * a missing or wrong current password.
 */
export async function changePassword(
  db: Db,
  deps: AccountsDeps,
  input: { userId: string; currentSessionId: string; currentPassword: string; newPassword: string; code?: string | undefined },
) {
  const [user] = await db.select({ email: users.email }).from(users).where(eq(users.id, input.userId))
  if (!user) throw notFound('user_not_found', 'This account no longer exists.')
  const weak = passwordProblem(input.newPassword, { email: user.email })
  const problems: Record<string, string> = weak ? { newPassword: weak } : {}
  await assertStepUp(
    db,
    deps,
    input.userId,
    { password: input.currentPassword, code: input.code },
    { passwordField: 'currentPassword', fields: problems },
  )
  if (weak) throw invalid('weak_password', weak, problems)
  return db.transaction(async (tx) => {
    await setPassword(tx, input.userId, input.newPassword, user.email)
    await voidResetLinks(tx, input.userId)
    const signedOut = await revokeAllSessions(tx, input.userId, 'password_changed', input.currentSessionId)
    await queueSecurityAlert(tx, input.userId, { kind: 'password-changed', viaResetLink: false })
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

/** Marks every unused reset link of the person used, in the caller's transaction. */
export async function voidResetLinks(tx: Db, userId: string) {
  await tx
    .update(authTokens)
    .set({ usedAt: sql`now()` })
    .where(and(eq(authTokens.userId, userId), eq(authTokens.purpose, 'password_reset'), isNull(authTokens.usedAt)))
}
