import { eq, sql } from 'drizzle-orm'
import type { Db } from '../../db/database.ts'
import { nominees } from './rights.tables.ts'

// The nominee a person names under DPDP Act s14: someone who may use their rights for them if
// they die or can no longer act. One per person; naming another replaces the first.

/** The relationships offered as choices; anything else is written in (up to 60 characters). */
export const nomineeRelationships = [
  'Spouse',
  'Parent',
  'Child',
  'Sibling',
  'Other relative',
  'Business partner',
  'Lawyer',
  'Friend',
] as const

export const NOMINEE_RELATIONSHIP_MAX = 60

export type Nominee = typeof nominees.$inferSelect

export interface NomineeInput {
  name: string
  email: string
  relationship: string
}

export async function findNominee(db: Db, userId: string): Promise<Nominee | null> {
  const [row] = await db.select().from(nominees).where(eq(nominees.userId, userId)).limit(1)
  return row ?? null
}

/**
 * Names or replaces the person's nominee. Returns the row and the one it replaced (null when
 * there was none), so the caller can tell a newly named nominee that they were named.
 */
export async function saveNominee(
  tx: Db,
  userId: string,
  input: NomineeInput,
  now: Date,
): Promise<{ nominee: Nominee; previous: Nominee | null }> {
  const [previous] = await tx
    .select()
    .from(nominees)
    .where(eq(nominees.userId, userId))
    .for('update')
    .limit(1)
  const [row] = await tx
    .insert(nominees)
    .values({ userId, ...input, createdAt: now, updatedAt: now })
    .onConflictDoUpdate({
      target: nominees.userId,
      set: { name: input.name, email: input.email, relationship: input.relationship, updatedAt: now },
    })
    .returning()
  return { nominee: row!, previous: previous ?? null }
}

/** Removes the nominee; true when there was one. */
export async function removeNominee(tx: Db, userId: string): Promise<boolean> {
  const rows = await tx
    .delete(nominees)
    .where(eq(nominees.userId, userId))
    .returning({ userId: nominees.userId })
  return rows.length > 0
}

/** Who named this email address as their nominee (for staff handling a nominee's request). */
export async function findNominationsByEmail(db: Db, email: string): Promise<Nominee[]> {
  return db.select().from(nominees).where(sql`lower(${nominees.email}) = lower(${email.trim()})`).limit(20)
}
