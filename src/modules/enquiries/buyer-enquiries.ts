import { count, desc, eq } from 'drizzle-orm'
import type { Db } from '../../db/database.ts'
import { parseInput } from '../../shared/validation.ts'
import * as accounts from '../accounts/index.ts'
import { enquiries } from './enquiries.tables.ts'
import { contactSharesOf, sharedContactOf } from './contact-sharing.ts'
import { addThreadEvent, type EnquiryRow, findForParty } from './enquiry-records.ts'
import { type EnquiryContext, nowOf } from './enquiry-context.ts'
import { ReasonInput } from './enquiry-schemas.ts'
import { assertEnquiryTransition } from './lead-status.ts'

import { buyerUnread, callbacksOf, markRead, threadOf } from './thread.ts'

// The buyer's side: their enquiries, one enquiry with its thread and shares, close and reopen.

export interface EnquirySummary {
  id: string
  status: EnquiryRow['status']
  subject: string
  quantity: number
  unit: string
  seller: { id: number; name: string; slug: string; city: string }
  contactShared: boolean
  unread: boolean
  requirementId: string | null
  lastMessageAt: Date
  createdAt: Date
}

/** The buyer's enquiries, newest activity first. */
export async function listBuyerEnquiries(
  db: Db,
  buyerUserId: string,
  options: { page?: number; pageSize?: number } = {},
) {
  const pageSize = Math.min(Math.max(options.pageSize ?? 25, 1), 100)
  const page = Math.max(1, Math.floor(options.page ?? 1))
  const rows = await db
    .select({
      id: enquiries.id,
      status: enquiries.status,
      subject: enquiries.subject,
      quantity: enquiries.quantity,
      unit: enquiries.unit,
      businessId: enquiries.businessId,
      contactSharedAt: enquiries.contactSharedAt,
      unread: buyerUnread,
      requirementId: enquiries.requirementId,
      lastMessageAt: enquiries.lastMessageAt,
      createdAt: enquiries.createdAt,
    })
    .from(enquiries)
    .where(eq(enquiries.buyerUserId, buyerUserId))
    .orderBy(desc(enquiries.lastMessageAt), desc(enquiries.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize)
  const [totalRow] = await db
    .select({ n: count() })
    .from(enquiries)
    .where(eq(enquiries.buyerUserId, buyerUserId))
  const sellers = await accounts.businessCards(
    db,
    rows.map((r) => r.businessId),
  )
  const items: EnquirySummary[] = rows.flatMap((r) => {
    const seller = sellers.get(r.businessId)
    if (!seller) return []
    return {
      id: r.id,
      status: r.status,
      subject: r.subject,
      quantity: r.quantity,
      unit: r.unit,
      seller: { id: seller.id, name: seller.name, slug: seller.slug, city: seller.city },
      contactShared: r.contactSharedAt !== null,
      unread: Boolean(r.unread),
      requirementId: r.requirementId,
      lastMessageAt: r.lastMessageAt,
      createdAt: r.createdAt,
    }
  })
  return { items, total: totalRow?.n ?? 0, page, pageSize }
}

/** One enquiry as its buyer sees it: the seller, the thread, quotes and what they shared when. */
export async function getBuyerEnquiry(
  db: Db,
  buyerUserId: string,
  enquiryId: string,
  options: { markRead?: boolean; now?: Date } = {},
) {
  const enquiry = await findForParty(db, { party: 'buyer', userId: buyerUserId }, enquiryId)
  const card = await accounts.businessCard(db, enquiry.businessId)
  const seller = card && {
    id: card.id,
    name: card.name,
    slug: card.slug,
    city: card.city,
    state: card.state,
    verified: card.verified,
  }
  const thread = await threadOf(db, enquiry.id)
  const shares = await contactSharesOf(db, enquiry.id)
  const contact = await sharedContactOf(db, enquiry)
  const callbacks = await callbacksOf(db, enquiry, contact?.phone ?? null)
  if (options.markRead !== false) await markRead(db, enquiry.id, 'buyerReadAt', options.now)
  return {
    id: enquiry.id,
    status: enquiry.status,
    subject: enquiry.subject,
    productId: enquiry.productId,
    requirementId: enquiry.requirementId,
    quantity: enquiry.quantity,
    unit: enquiry.unit,
    message: enquiry.message,
    requiredBy: enquiry.requiredBy,
    deliveryCity: enquiry.deliveryCity,
    seller: seller!,
    contactShared: enquiry.contactSharedAt !== null,
    shares,
    sellerDeclined: enquiry.sellerNotInterestedReason,
    notInterestedReason: enquiry.buyerNotInterestedReason,
    latestQuote: [...thread].reverse().find((m) => m.quote)?.quote ?? null,
    thread,
    callbacks: callbacks.map(({ number: _n, numberIsMasked: _m, ...c }) => c),
    createdAt: enquiry.createdAt,
  }
}

/** The buyer closes (or reopens) their enquiry; an optional reason is shown to the seller. */
export async function setEnquiryStatus(
  db: Db,
  ctx: EnquiryContext,
  buyerUserId: string,
  enquiryId: string,
  to: 'open' | 'closed',
  reason?: string,
) {
  const why = reason?.trim() ? parseInput(ReasonInput, { reason }).reason : null
  return db.transaction(async (tx) => {
    const enquiry = await findForParty(tx, { party: 'buyer', userId: buyerUserId }, enquiryId, { lock: true })
    assertEnquiryTransition(enquiry.status, to)
    const now = nowOf(ctx)
    await tx
      .update(enquiries)
      .set({ status: to, updatedAt: now, ...(to === 'closed' ? { buyerNotInterestedReason: why } : {}) })
      .where(eq(enquiries.id, enquiry.id))
    await addThreadEvent(
      tx,
      enquiry.id,
      to === 'closed'
        ? `The buyer closed this enquiry${why ? `: ${why}` : '.'}`
        : 'The buyer reopened this enquiry.',
      now,
    )
    return { id: enquiry.id, status: to }
  })
}
