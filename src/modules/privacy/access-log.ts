import { and, desc, eq, gte } from 'drizzle-orm'
import type { Db } from '../../db/database.ts'
import { accessLog } from './privacy.tables.ts'

/**
 * Records that a staff member opened another person's personal data, with the reason they gave.
 * Call it in the request that reads the data. `what` names data, never values ("data summary").
 */
export async function recordAccess(
  tx: Db,
  input: { actorUserId: string; actorRole: string; subjectUserId: string; what: string; why: string },
) {
  const [row] = await tx.insert(accessLog).values(input).returning()
  return row!
}

/**
 * The reason this staff member last gave for opening this person's `what`, if they gave it at or
 * after `since`; null otherwise. Lets the staff guard ask for a reason once per person and purpose
 * within a working session rather than on every page.
 */
export async function latestAccessReason(
  db: Db,
  input: { actorUserId: string; subjectUserId: string; what: string; since: Date },
): Promise<string | null> {
  const [row] = await db
    .select({ why: accessLog.why })
    .from(accessLog)
    .where(
      and(
        eq(accessLog.subjectUserId, input.subjectUserId),
        eq(accessLog.actorUserId, input.actorUserId),
        eq(accessLog.what, input.what),
        gte(accessLog.createdAt, input.since),
      ),
    )
    .orderBy(desc(accessLog.createdAt), desc(accessLog.id))
    .limit(1)
  return row?.why ?? null
}

/** One time a staff member opened the person's data. */
export interface AccessEntry {
  id: number
  /** Resolve to a role for display; never show the staff member's name or email to the person. */
  actorUserId: string
  /** The role they acted in, as recorded then (null for entries from before it was recorded). */
  actorRole: string | null
  what: string
  why: string
  at: Date
}

/** Every time staff opened this person's data, newest first: what the privacy centre shows them. */
export async function listAccessTo(db: Db, subjectUserId: string, limit = 200): Promise<AccessEntry[]> {
  return db
    .select({
      id: accessLog.id,
      actorUserId: accessLog.actorUserId,
      actorRole: accessLog.actorRole,
      what: accessLog.what,
      why: accessLog.why,
      at: accessLog.createdAt,
    })
    .from(accessLog)
    .where(eq(accessLog.subjectUserId, subjectUserId))
    .orderBy(desc(accessLog.createdAt), desc(accessLog.id))
    .limit(limit)
}
