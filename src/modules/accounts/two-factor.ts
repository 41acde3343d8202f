import { randomBytes } from 'node:crypto'
import { eq, sql } from 'drizzle-orm'
import type { Db } from '../../db/database.ts'
import { AppError, invalid } from '../../shared/errors.ts'
import { recoveryCodes, users } from './accounts.tables.ts'
import type { AccountsDeps } from './registration.ts'
import { decryptSecret, encryptSecret, tokenHash } from './secrets.ts'
import { generateTotpSecret, totpUri, verifyTotp } from './totp.ts'
import { verifyPassword } from './passwords.ts'

/**
 * Step 1 of switching on two-factor sign-in: a new secret, stored sealed but not yet active.
 * Returns the secret and the otpauth:// URI for the authenticator app.
 */
export async function startTwoFactorSetup(db: Db, deps: AccountsDeps, userId: string) {
  const secret = generateTotpSecret()
  const [user] = await db
    .update(users)
    .set({ totpSecret: encryptSecret(deps.secretKey, secret), totpEnabledAt: null })
    .where(eq(users.id, userId))
    .returning({ email: users.email })
  if (!user) throw invalid('user_not_found', 'This account no longer exists.')
  return { secret, uri: totpUri(secret, user.email) }
}

/**
 * Step 2: the person proves their app works by entering a code; two-factor sign-in is switched
 * on and ten single-use recovery codes are returned (shown once; only hashes are kept).
 */
export async function confirmTwoFactor(db: Db, deps: AccountsDeps, userId: string, code: string) {
  return db.transaction(async (tx) => {
    const [user] = await tx.select({ sealed: users.totpSecret }).from(users).where(eq(users.id, userId)).for('update')
    if (!user?.sealed) throw invalid('two_factor_not_started', 'Start two-factor setup first.')
    if (!verifyTotp(decryptSecret(deps.secretKey, user.sealed), code.trim())) {
      throw invalid('invalid_totp', 'That code is not right. Check the time on your phone and try the newest code.', {
        code: 'That code is not right.',
      })
    }
    await tx.update(users).set({ totpEnabledAt: sql`now()` }).where(eq(users.id, userId))
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId))
    const codes = Array.from({ length: 10 }, () => {
      const raw = randomBytes(8).toString('hex').slice(0, 10)
      return `${raw.slice(0, 5)}-${raw.slice(5)}`
    })
    await tx.insert(recoveryCodes).values(codes.map((c) => ({ userId, codeHash: tokenHash(c) })))
    return { recoveryCodes: codes }
  })
}

/** Switches two-factor sign-in off after checking the password. */
export async function disableTwoFactor(db: Db, userId: string, password: string) {
  const [user] = await db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, userId))
  if (!user || !(await verifyPassword(user.hash, password))) {
    throw new AppError('unauthenticated', 'invalid_credentials', 'Your password is not right.')
  }
  await db.transaction(async (tx) => {
    await tx.update(users).set({ totpSecret: null, totpEnabledAt: null }).where(eq(users.id, userId))
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId))
  })
}

/** Whether two-factor sign-in is switched on for the person, and since when. */
export async function twoFactorStatus(db: Db, userId: string): Promise<{ enabled: boolean; since: Date | null }> {
  const [row] = await db.select({ enabledAt: users.totpEnabledAt }).from(users).where(eq(users.id, userId))
  return { enabled: row?.enabledAt != null, since: row?.enabledAt ?? null }
}
