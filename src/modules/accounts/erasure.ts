import type { Db } from '../../db/database.ts'
import { revokeAllSessions } from './sessions.ts'

/**
 * What erasing an account needs from accounts beyond the inventory's column rules, in the eraser's
 * transaction: every session ends now, and every web process drops it from its cache (the rows
 * themselves are then deleted by the inventory's rule). Returns counts for the erasure report.
 */
export async function eraseSubject(tx: Db, userId: string): Promise<Record<string, number>> {
  const ended = await revokeAllSessions(tx, userId, 'account_erased')
  return { 'sessions ended': ended }
}
