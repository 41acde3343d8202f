import { and, eq, gt, isNull } from 'drizzle-orm'
import type { Db } from '../../db/database.ts'
import { invalid } from '../../shared/errors.ts'
import { authTokens } from './accounts.tables.ts'
import { randomToken, tokenHash } from './secrets.ts'

export type TokenPurpose = (typeof authTokens.$inferInsert)['purpose']

export const tokenLifetimes: Record<TokenPurpose, number> = {
  email_verification: 48 * 3600,
  password_reset: 30 * 60,
  phone_verification: 10 * 60,
}

/** Creates a single-use link token; only its hash is stored. Returns the token for the emailed link. */
export async function issueToken(tx: Db, input: { userId: string; purpose: TokenPurpose; email: string }, now = new Date()) {
  const token = randomToken()
  await tx.insert(authTokens).values({
    userId: input.userId,
    purpose: input.purpose,
    email: input.email,
    tokenHash: tokenHash(token),
    expiresAt: new Date(now.getTime() + tokenLifetimes[input.purpose] * 1000),
    createdAt: now,
  })
  return token
}

/**
 * Uses a token once. Throws invalid('link_expired') for an unknown, used or expired token, with a
 * message that says what to do next.
 */
export async function consumeToken(tx: Db, purpose: TokenPurpose, token: string, now = new Date()) {
  const [used] = await tx
    .update(authTokens)
    .set({ usedAt: now })
    .where(
      and(
        eq(authTokens.tokenHash, tokenHash(token)),
        eq(authTokens.purpose, purpose),
        isNull(authTokens.usedAt),
        gt(authTokens.expiresAt, now),
      ),
    )
    .returning({ userId: authTokens.userId, email: authTokens.email })
  if (!used) {
    throw invalid(
      'link_expired',
      purpose === 'password_reset'
        ? 'This reset link has expired or was already used. Ask for a new one.'
        : 'This confirmation link has expired or was already used. Sign in to send a new one.',
    )
  }
  return used
}
