import { eq } from 'drizzle-orm'
import type { Db } from '../../db/database.ts'
import { AppError } from '../../shared/errors.ts'
import { users } from './accounts.tables.ts'
import { type AttemptLimit, clearAttempts, takeAttempt } from './attempt-limits.ts'
import { verifyPassword } from './passwords.ts'
import type { AccountsDeps } from './registration.ts'
import { checkSecondFactor, secondFactorRefusal } from './second-factor.ts'
import { keyedHash } from './secrets.ts'

/** 10 current-password checks per account in 15 minutes; a right one starts the count afresh. */
export const stepUpLimit: AttemptLimit = { max: 10, windowSeconds: 15 * 60 }

export interface StepUpProof {
  /** The current password. */
  password?: string | null | undefined
  /** When two-factor sign-in is on: a code from the app or an unused recovery code. */
  code?: string | null | undefined
}

export interface StepUpOptions {
  /** The form's names for the two fields (default 'password' and 'code'). */
  passwordField?: string
  codeField?: string
  /**
   * Problems the caller already found with the rest of its input. They are reported together with
   * the step-up's own, so a form shows every problem at once; with any of them the change will not
   * happen, so the second factor is only asked for, not used up, and assertStepUp returns after
   * the password check for the caller to throw its own error.
   */
  fields?: Record<string, string>
}

/**
 * Proves that the person at the keyboard is the account holder before a sensitive change (turning
 * two-factor sign-in off or re-enrolling it, a new password or email address, an API key): the
 * current password and, when two-factor sign-in is on, a current code or an unused recovery code.
 * Each check is counted before it is made (stepUpLimit). Throws forbidden('step_up_required') when
 * the password or code is missing, unauthenticated('invalid_credentials' | 'invalid_totp' |
 * 'totp_reused'), rate_limited('rate_limited'); every error carries the caller's `fields` too.
 */
export async function assertStepUp(
  db: Db,
  deps: AccountsDeps,
  userId: string,
  proof: StepUpProof,
  options: StepUpOptions = {},
  now = new Date(),
): Promise<void> {
  const passwordField = options.passwordField ?? 'password'
  const codeField = options.codeField ?? 'code'
  const problems = options.fields ?? {}
  const [user] = await db
    .select({
      id: users.id,
      hash: users.passwordHash,
      totpSecret: users.totpSecret,
      totpEnabledAt: users.totpEnabledAt,
    })
    .from(users)
    .where(eq(users.id, userId))
  const secondFactor = user?.totpEnabledAt && user.totpSecret ? user.totpSecret : null
  const password = proof.password ?? ''
  const code = proof.code?.trim() ?? ''

  const missing: Record<string, string> = {}
  if (!password) missing[passwordField] = 'Enter your current password to confirm it is you.'
  if (secondFactor && !code)
    missing[codeField] = 'Enter the 6-digit code from your authenticator app, or a recovery code.'
  if (Object.keys(missing).length > 0) {
    const message = password
      ? 'Enter a code from your authenticator app (or a recovery code) to make this change.'
      : 'Enter your current password to make this change.'
    throw new AppError('forbidden', 'step_up_required', message, { fields: { ...problems, ...missing } })
  }

  const key = `step-up:${keyedHash(deps.secretKey, userId)}`
  await takeAttempt(
    db,
    [{ key, limit: stepUpLimit }],
    (wait) => `Too many password checks. Please wait ${wait} and try again.`,
    now,
  )

  if (!user || !(await verifyPassword(user.hash, password))) {
    throw new AppError('unauthenticated', 'invalid_credentials', 'Your current password is not right.', {
      fields: { ...problems, [passwordField]: 'This is not your current password.' },
    })
  }
  if (Object.keys(problems).length > 0) return
  if (secondFactor) {
    const outcome = await checkSecondFactor(db, deps, { id: user.id, totpSecret: secondFactor }, code, now)
    if (outcome !== 'ok') throw secondFactorRefusal(outcome, codeField)
  }
  await clearAttempts(db, key)
}
