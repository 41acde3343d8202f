import { and, desc, eq, isNotNull } from 'drizzle-orm'
import type { Db } from '../../db/database.ts'
import { notFound } from '../../shared/errors.ts'
import { enquiries, enquiryMessages } from './enquiries.tables.ts'
import { findForParty } from './enquiry-records.ts'
import { canTransition } from './lead-status.ts'

// A buyer accepting a seller's quote: the quote as plain facts for the flow that turns it into an
// order (src/flows/accept-quote.ts), and the thread's note that it was accepted. Orders are not
// imported here; the flow joins the two modules.

export interface BuyerQuote {
  enquiryId: string
  businessId: number
  productId: number | null
  enquiryOpen: boolean
  quoteMessageId: number
  unit: string
  pricePaisePerUnit: number
  quantity: number
  /** The last day the quote holds, YYYY-MM-DD (valid through the end of that day, UTC). */
  validUntil: string
  terms: string
  /** False when the seller sent a newer quote in the same thread. */
  latest: boolean
}

/**
 * The quote message `quoteMessageId` in the buyer's own enquiry, or notFound('quote_not_found')
 * (another buyer's enquiry, a message that is no quote, or none at all answer the same).
 */
export async function quoteForBuyer(
  db: Db,
  buyerId: string,
  enquiryId: string,
  quoteMessageId: number,
): Promise<BuyerQuote> {
  const missing = () => notFound('quote_not_found', 'There is no such quote in your enquiries.')
  const enquiry = await findForParty(db, { party: 'buyer', userId: buyerId }, enquiryId).catch(() => {
    throw missing()
  })
  const quotes = await db
    .select({ id: enquiryMessages.id, quote: enquiryMessages.quote })
    .from(enquiryMessages)
    .where(
      and(
        eq(enquiryMessages.enquiryId, enquiry.id),
        eq(enquiryMessages.author, 'seller'),
        isNotNull(enquiryMessages.quote),
      ),
    )
    .orderBy(desc(enquiryMessages.id))
  const found = quotes.find((q) => q.id === quoteMessageId)
  if (!found?.quote) throw missing()
  return {
    enquiryId: enquiry.id,
    businessId: enquiry.businessId,
    productId: enquiry.productId,
    enquiryOpen: enquiry.status === 'open',
    quoteMessageId: found.id,
    unit: found.quote.unit,
    pricePaisePerUnit: found.quote.pricePaisePerUnit,
    quantity: found.quote.quantity,
    validUntil: found.quote.validUntil,
    terms: found.quote.terms,
    latest: quotes[0]!.id === found.id,
  }
}

/**
 * In the caller's transaction: writes "Quote accepted — order …" into the thread as a system
 * message and moves the seller's lead to won when its status allows that (a lead already won or
 * lost stays as it is).
 */
export async function recordQuoteAccepted(
  tx: Db,
  input: { enquiryId: string; orderId: string; now?: Date },
): Promise<void> {
  const now = input.now ?? new Date()
  const [enquiry] = await tx
    .select({ leadStatus: enquiries.leadStatus })
    .from(enquiries)
    .where(eq(enquiries.id, input.enquiryId))
    .for('update')
  if (!enquiry) return
  await tx.insert(enquiryMessages).values({
    enquiryId: input.enquiryId,
    author: 'system',
    body: `Quote accepted — order ${input.orderId} is placed and awaits payment.`,
    createdAt: now,
  })
  await tx
    .update(enquiries)
    .set({
      lastMessageAt: now,
      updatedAt: now,
      ...(canTransition(enquiry.leadStatus, 'won') ? { leadStatus: 'won' as const } : {}),
    })
    .where(eq(enquiries.id, input.enquiryId))
}
