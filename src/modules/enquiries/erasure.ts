import { and, eq, isNull, or, sql } from 'drizzle-orm'
import type { Db } from '../../db/database.ts'
import * as accounts from '../accounts/index.ts'
import { buyRequirements, contactShares, enquiries, enquiryMessages } from './enquiries.tables.ts'

/**
 * What erasing an account needs from enquiries beyond the inventory's column rules, in the
 * eraser's transaction: every contact share the person gave ends (the seller's lead stops showing
 * the details), their open buy requirements close so no seller is matched to a gone buyer, and
 * each thread they were in says so to the other party, who keeps the thread. Returns report counts.
 */
export async function eraseSubject(tx: Db, userId: string): Promise<Record<string, number>> {
  const now = new Date()
  const shares = await tx
    .update(contactShares)
    .set({ revokedAt: now })
    .where(and(eq(contactShares.buyerUserId, userId), isNull(contactShares.revokedAt)))
    .returning({ enquiryId: contactShares.enquiryId })
  await tx
    .update(enquiries)
    .set({ contactSharedAt: null, updatedAt: now })
    .where(and(eq(enquiries.buyerUserId, userId), sql`${enquiries.contactSharedAt} is not null`))
  const requirements = await tx
    .update(buyRequirements)
    .set({ status: 'closed', closedAt: now })
    .where(and(eq(buyRequirements.buyerUserId, userId), eq(buyRequirements.status, 'open')))
    .returning({ id: buyRequirements.id })
  // A system line in each thread, as sharing and revoking write one: both sides see it.
  const business = await accounts.findBusinessByOwner(tx, userId)
  const threads = await tx
    .select({ id: enquiries.id, buyerUserId: enquiries.buyerUserId })
    .from(enquiries)
    .where(
      business
        ? or(eq(enquiries.buyerUserId, userId), eq(enquiries.businessId, business.id))
        : eq(enquiries.buyerUserId, userId),
    )
  if (threads.length > 0) {
    await tx.insert(enquiryMessages).values(
      threads.map((t) => ({
        enquiryId: t.id,
        author: 'system' as const,
        body:
          t.buyerUserId === userId
            ? 'The buyer erased their Mandi account. Their details are no longer shared.'
            : 'The seller erased their Mandi account.',
        createdAt: now,
      })),
    )
  }
  return { 'contact shares ended': shares.length, 'buy requirements closed': requirements.length }
}
