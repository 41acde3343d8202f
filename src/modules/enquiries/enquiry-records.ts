import { and, eq, sql } from 'drizzle-orm'
import type { Db } from '../../db/database.ts'
import { notFound } from '../../shared/errors.ts'
import { isUuid } from '../../shared/validation.ts'
import { buyerBlocks, enquiries, enquiryMessages } from './enquiries.tables.ts'

// The enquiry row as each party may reach it, and the small writes every enquiry file shares.
// A leaf: it imports only the tables, so the files that send, share, forward and call back can
// all use it without importing one another.

export type Party =
  | { party: 'buyer'; userId: string }
  | { party: 'seller'; userId: string; businessId: number }

export type EnquiryRow = typeof enquiries.$inferSelect

/**
 * The enquiry as one party may see it; not_found for anything else. The seller side is scoped
 * by business, the buyer side by account, so another seller's lead is "not found", never "forbidden".
 */
export async function findForParty(
  db: Db,
  actor: Party,
  enquiryId: string,
  options: { lock?: boolean } = {},
) {
  if (!isUuid(enquiryId)) throw notFound('enquiry_not_found', 'There is no such enquiry.')
  const scope =
    actor.party === 'buyer'
      ? eq(enquiries.buyerUserId, actor.userId)
      : eq(enquiries.businessId, actor.businessId)
  const query = db
    .select()
    .from(enquiries)
    .where(and(eq(enquiries.id, enquiryId), scope))
  const [row] = options.lock ? await query.for('update') : await query
  if (!row) throw notFound('enquiry_not_found', 'There is no such enquiry.')
  return row
}

export async function isBlocked(db: Db, businessId: number, buyerUserId: string): Promise<boolean> {
  const [row] = await db
    .select({ one: sql<number>`1` })
    .from(buyerBlocks)
    .where(and(eq(buyerBlocks.businessId, businessId), eq(buyerBlocks.buyerUserId, buyerUserId)))
  return Boolean(row)
}

/** The businesses that blocked this buyer. */
export async function businessesBlocking(db: Db, buyerUserId: string): Promise<number[]> {
  const rows = await db
    .select({ businessId: buyerBlocks.businessId })
    .from(buyerBlocks)
    .where(eq(buyerBlocks.buyerUserId, buyerUserId))
  return rows.map((r) => Number(r.businessId))
}

/** A system line in the thread that both sides see, e.g. "Contact details shared". */
export async function addThreadEvent(tx: Db, enquiryId: string, body: string, at: Date) {
  await tx.insert(enquiryMessages).values({ enquiryId, author: 'system', body, createdAt: at })
}

/** The buyer's first name as sellers see it: the first word, never an email address. */
export function firstName(name: string, fallback: string): string {
  return name.trim().split(/\s+/)[0]?.replace(/@.*/, '').slice(0, 40) || fallback
}
