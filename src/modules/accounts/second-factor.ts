import { and, eq, isNull, lt, or, sql } from 'drizzle-orm'
import type { Db } from '../../db/database.ts'
import { AppError } from '../../shared/errors.ts'
import { recoveryCodes, users } from './accounts.tables.ts'
import type { AccountsDeps } from './registration.ts'
import { decryptSecret, tokenHash } from './secrets.ts'
import { totpStep } from './totp.ts'

// The second factor, checked the same way at sign-in and at step-up: a 6-digit code from the
// authenticator app (each 30-second step accepted once) or an unused recovery code (each once).

export type SecondFactorOutcome = 'ok' | 'wrong' | 'reused'

/** Checks a code against the person's active secret, or as a recovery code; a code that works is used up. */
export async function checkSecondFactor(
  db: Db,
  deps: AccountsDeps,
  user: { id: string; totpSecret: string },
  code: string,
  now = new Date(),
): Promise<SecondFactorOutcome> {
  const given = code.trim()
  if (/^\d{6}$/.test(given)) {
    const step = totpStep(decryptSecret(deps.secretKey, user.totpSecret), given, now.getTime())
    if (step === null) return 'wrong'
    return (await acceptTotpStep(db, user.id, step)) ? 'ok' : 'reused'
  }
  return (await useRecoveryCode(db, user.id, given)) ? 'ok' : 'wrong'
}

/**
 * Records `step` as the last accepted one, only if it is later than the one recorded: one
 * statement, so of two requests with the same code exactly one is accepted.
 */
export async function acceptTotpStep(db: Db, userId: string, step: number): Promise<boolean> {
  const accepted = await db
    .update(users)
    .set({ totpLastStep: step })
    .where(and(eq(users.id, userId), or(isNull(users.totpLastStep), lt(users.totpLastStep, step))))
    .returning({ id: users.id })
  return accepted.length > 0
}

async function useRecoveryCode(db: Db, userId: string, code: string): Promise<boolean> {
  const used = await db
    .update(recoveryCodes)
    .set({ usedAt: sql`now()` })
    .where(
      and(
        eq(recoveryCodes.userId, userId),
        eq(recoveryCodes.codeHash, tokenHash(code.toLowerCase())),
        isNull(recoveryCodes.usedAt),
      ),
    )
    .returning({ id: recoveryCodes.id })
  return used.length > 0
}

/** The error for a code that did not work, with its message on the form field `field`. */
export function secondFactorRefusal(
  outcome: Exclude<SecondFactorOutcome, 'ok'>,
  field: string,
  otherFields: Record<string, string> = {},
): AppError {
  if (outcome === 'reused') {
    const message =
      'This code was already used. Wait for the next code in your app (they change every 30 seconds).'
    return new AppError('unauthenticated', 'totp_reused', message, {
      fields: { ...otherFields, [field]: message },
    })
  }
  return new AppError(
    'unauthenticated',
    'invalid_totp',
    'That code is not right. Codes change every 30 seconds.',
    {
      fields: {
        ...otherFields,
        [field]: 'That code is not right. Use the newest code in your app, or an unused recovery code.',
      },
    },
  )
}
