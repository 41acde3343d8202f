import { randomBytes } from 'node:crypto'
import { and, eq, sql } from 'drizzle-orm'
import type { Db } from '../../db/database.ts'
import { invalid } from '../../shared/errors.ts'
import { recoveryCodes, users } from './accounts.tables.ts'
import type { AccountsDeps } from './registration.ts'
import { decryptSecret, encryptSecret, tokenHash } from './secrets.ts'
import { queueSecurityAlert } from './security-alerts.ts'
import { assertStepUp, type StepUpProof } from './step-up.ts'
import { generateTotpSecret, totpStep, totpUri } from './totp.ts'

/**
 * Step 1 of switching on (or re-enrolling) two-factor sign-in, after a step-up: a new secret,
 * stored sealed as pending. A second factor already on stays on, with its old secret and recovery
 * codes, until the new secret is confirmed. Returns the secret and the otpauth:// URI for the
 * authenticator app. Throws what assertStepUp throws.
 */
export async function startTwoFactorSetup(
  db: Db,
  deps: AccountsDeps,
  userId: string,
  proof: StepUpProof,
  now = new Date(),
) {
  await assertStepUp(db, deps, userId, proof, {}, now)
  const secret = generateTotpSecret()
  const [user] = await db
    .update(users)
    .set({ totpPendingSecret: encryptSecret(deps.secretKey, secret) })
    .where(eq(users.id, userId))
    .returning({ email: users.email })
  if (!user) throw invalid('user_not_found', 'This account no longer exists.')
  return { secret, uri: totpUri(secret, user.email) }
}

/**
 * Step 2: the person proves their app works by entering a code for the pending secret; it becomes
 * the active one, two-factor sign-in is on, and ten new single-use recovery codes are returned
 * (shown once; only hashes are kept). Throws invalid('two_factor_not_started' | 'invalid_totp').
 */
export async function confirmTwoFactor(db: Db, deps: AccountsDeps, userId: string, code: string, now = new Date()) {
  return db.transaction(async (tx) => {
    const [user] = await tx.select({ pending: users.totpPendingSecret }).from(users).where(eq(users.id, userId)).for('update')
    if (!user?.pending) throw invalid('two_factor_not_started', 'Start two-factor setup first.')
    const step = totpStep(decryptSecret(deps.secretKey, user.pending), code.trim(), now.getTime())
    if (step === null) {
      throw invalid('invalid_totp', 'That code is not right. Check the time on your phone and try the newest code.', {
        code: 'That code is not right.',
      })
    }
    // The confirming code's step is remembered, so it cannot then sign in a second time. Matching
    // on the pending secret makes a second confirmation with the same code find nothing.
    const [confirmed] = await tx
      .update(users)
      .set({
        totpSecret: user.pending,
        totpPendingSecret: null,
        totpEnabledAt: sql`now()`,
        totpLastStep: step,
      })
      .where(and(eq(users.id, userId), eq(users.totpPendingSecret, user.pending)))
      .returning({ id: users.id })
    if (!confirmed) throw invalid('two_factor_not_started', 'Start two-factor setup first.')
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId))
    const codes = Array.from({ length: 10 }, () => {
      const raw = randomBytes(8).toString('hex').slice(0, 10)
      return `${raw.slice(0, 5)}-${raw.slice(5)}`
    })
    await tx.insert(recoveryCodes).values(codes.map((c) => ({ userId, codeHash: tokenHash(c) })))
    await queueSecurityAlert(tx, userId, { kind: 'two-factor-changed', enabled: true }, now)
    return { recoveryCodes: codes }
  })
}

/** Switches two-factor sign-in off after a step-up (password and a current code). Throws what assertStepUp throws. */
export async function disableTwoFactor(
  db: Db,
  deps: AccountsDeps,
  userId: string,
  proof: StepUpProof,
  now = new Date(),
) {
  await assertStepUp(db, deps, userId, proof, {}, now)
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ totpSecret: null, totpPendingSecret: null, totpEnabledAt: null, totpLastStep: null })
      .where(eq(users.id, userId))
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId))
    await queueSecurityAlert(tx, userId, { kind: 'two-factor-changed', enabled: false }, now)
  })
}

/** Whether two-factor sign-in is switched on for the person, and since when. */
export async function twoFactorStatus(db: Db, userId: string): Promise<{ enabled: boolean; since: Date | null }> {
  const [row] = await db.select({ enabledAt: users.totpEnabledAt }).from(users).where(eq(users.id, userId))
  return { enabled: row?.enabledAt != null, since: row?.enabledAt ?? null }
}
