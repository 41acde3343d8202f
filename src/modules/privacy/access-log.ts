import type { Db } from '../../db/database.ts'
import { accessLog } from './privacy.tables.ts'

/**
 * Records that a staff member opened another person's personal data, with the reason they gave.
 * Call it in the transaction that reads the data. `what` names data, never values ("profile").
 */
export async function recordAccess(
  tx: Db,
  input: { actorUserId: string; subjectUserId: string; what: string; why: string },
) {
  const [row] = await tx.insert(accessLog).values(input).returning()
  return row!
}
