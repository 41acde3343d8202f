import { eq, sql } from 'drizzle-orm'
import type { Db } from '../../db/database.ts'
import { users } from './accounts.tables.ts'
import { revokeAllSessions } from './sessions.ts'

/**
 * What erasing an account needs from accounts beyond the inventory's column rules, in the eraser's
 * transaction: every session ends now, and every web process drops it from its cache (the rows
 * themselves are then deleted by the inventory's rule); the account loses every role, so it can
 * act as nobody (not a seller, not staff) and its kept business no longer names it anywhere as a
 * company (see companiesOf in cards.ts). Returns counts for the erasure report.
 */
export async function eraseSubject(tx: Db, userId: string): Promise<Record<string, number>> {
  const ended = await revokeAllSessions(tx, userId, 'account_erased')
  await tx.update(users).set({ roles: sql`'{}'::text[]`, erasedAt: new Date() }).where(eq(users.id, userId))
  return { 'sessions ended': ended }
}
