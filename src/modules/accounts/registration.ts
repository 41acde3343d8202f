import { eq, sql } from 'drizzle-orm'
import type { Db } from '../../db/database.ts'
import { conflict } from '../../shared/errors.ts'
import { parseInputAll, validOrUndefined } from '../../shared/validation.ts'
import * as messaging from '../messaging/index.ts'
import * as privacy from '../privacy/index.ts'
import { dateOfBirthInput, emailInput, RegisterInput } from './accounts.schemas.ts'
import { users } from './accounts.tables.ts'
import { hashPassword, passwordProblem } from './passwords.ts'
import { mobileNumber } from './phone.ts'
import { isUnder18, phoneProblem, recordFirstVersion } from './profile.ts'
import { issueToken, tokenLifetimes } from './tokens.ts'
import type { AccountsDeps } from './deps.ts'

export type { AccountsDeps } from './deps.ts'

/**
 * Creates an account, its first profile version, the consents the person ticked, and queues the
 * email-verification message, all in one transaction. Someone under 18 is refused before anything
 * is written. Throws invalid(...) with per-field messages, or conflict('email_taken').
 */
export async function register(db: Db, deps: AccountsDeps, input: unknown) {
  // Every problem in one answer: the schema's, and the checks that need no database.
  const raw = (input && typeof input === 'object' ? input : {}) as Record<string, unknown>
  const dateOfBirth = validOrUndefined(dateOfBirthInput, raw.dateOfBirth)
  const weak =
    typeof raw.password === 'string'
      ? passwordProblem(raw.password, {
          email: validOrUndefined(emailInput, raw.email),
          name: typeof raw.name === 'string' ? raw.name : undefined,
        })
      : null
  const data = parseInputAll(RegisterInput, input, [
    dateOfBirth &&
      isUnder18(dateOfBirth) && {
        field: 'dateOfBirth',
        message: 'You must be 18 or over.',
        code: 'under_18',
        summary: 'Mandi is for businesses, and you must be 18 or over to register.',
      },
    weak && { field: 'password', message: weak, code: 'weak_password' },
    phoneProblem(raw.phone),
  ])
  const phone = mobileNumber(data.phone)
  const passwordHash = await hashPassword(data.password)

  return db.transaction(async (tx) => {
    const [existing] = await tx
      .select({ id: users.id })
      .from(users)
      .where(eq(users.email, data.email))
      .limit(1)
    if (existing) throw emailTaken()
    const [user] = await tx
      .insert(users)
      .values({
        email: data.email,
        name: data.name,
        phone,
        passwordHash,
        dateOfBirth: data.dateOfBirth ?? null,
        gender: data.gender ?? null,
        adultBusinessDeclaredAt: sql`now()`,
        roles: ['buyer'],
      })
      .onConflictDoNothing({ target: users.email })
      .returning()
    if (!user) throw emailTaken()
    await recordFirstVersion(tx, user.id, {
      email: user.email,
      name: user.name,
      phone,
      dateOfBirth: user.dateOfBirth,
      gender: user.gender,
    })
    for (const purpose of ['marketing_email', 'personalisation'] as const) {
      if (data.consents?.[purpose]) {
        await privacy.recordConsent(tx, { userId: user.id, purpose, action: 'grant', channel: 'signup' })
      }
    }
    await sendVerificationEmail(tx, deps, user)
    return user
  })
}

/** Issues a fresh verification link and queues the email, in the caller's transaction. */
export async function sendVerificationEmail(
  tx: Db,
  deps: AccountsDeps,
  user: { id: string; email: string; name: string },
) {
  const token = await issueToken(tx, { userId: user.id, purpose: 'email_verification', email: user.email })
  await messaging.queueMessage(tx, {
    kind: 'email-verification',
    toUserId: user.id,
    to: user.email,
    data: {
      firstName: firstName(user.name),
      verifyUrl: `${deps.publicUrl}/account/verify-email?token=${token}`,
      expiresInHours: tokenLifetimes.email_verification / 3600,
    },
  })
}

export function firstName(name: string): string {
  return (name.trim().split(/\s+/)[0] ?? name).slice(0, 60)
}

function emailTaken() {
  return conflict(
    'email_taken',
    'An account with this email address already exists. Sign in, or reset your password.',
  )
}
