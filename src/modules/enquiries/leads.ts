import { and, asc, count, desc, eq, ilike, inArray, or, type SQL, sql } from 'drizzle-orm'
import type { Db } from '../../db/database.ts'
import { conflict, invalid } from '../../shared/errors.ts'
import { formatQuantity, formatRupees } from '../../shared/format.ts'
import { parseInput } from '../../shared/validation.ts'
import * as accounts from '../accounts/index.ts'
import * as catalog from '../catalog/index.ts'
import * as messaging from '../messaging/index.ts'
import { abuseReports, buyerBlocks, enquiries, enquiryMessages, leadNotes } from './enquiries.tables.ts'
import { sharedContactOf } from './contact-sharing.ts'
import { type EnquiryContext, nowOf } from './enquiry-context.ts'
import { addThreadEvent, findForParty } from './enquiry-records.ts'
import { redactContactDetails } from './reply-text.ts'
import { NoteInput, QuoteInput, ReasonInput } from './enquiry-schemas.ts'
import { assertTransition, type LeadStatus, leadStatuses } from './lead-status.ts'
import { forwardMessage } from './relay-forward.ts'
import { callbacksOf, markRead, sellerUnread, threadOf } from './thread.ts'

// The seller's lead manager. What a seller reads about a buyer is the buyer card — name, company
// and city; email and phone come only from sharedContactOf, which answers null unless the buyer
// shares them right now.

export interface SellerActor {
  userId: string
  businessId: number
}

export interface LeadFilters {
  status?: LeadStatus | undefined
  /** Words in the subject, the buyer's name or the first message. */
  q?: string | undefined
  unread?: boolean | undefined
  kind?: 'enquiry' | 'requirement' | undefined
  page?: number | undefined
  pageSize?: number | undefined
}

export interface BuyerCard {
  name: string
  company: string | null
  city: string | null
}

export interface LeadSummary {
  id: string
  status: LeadStatus
  kind: 'enquiry' | 'requirement'
  subject: string
  quantity: number
  unit: string
  buyer: BuyerCard
  contactShared: boolean
  unread: boolean
  lastMessageAt: Date
  createdAt: Date
}

async function leadConditions(db: Db, businessId: number, filters: LeadFilters): Promise<SQL> {
  const conditions: SQL[] = [eq(enquiries.businessId, businessId)]
  if (filters.status) conditions.push(eq(enquiries.leadStatus, filters.status))
  else conditions.push(sql`${enquiries.leadStatus} <> 'spam'`)
  if (filters.kind === 'requirement') conditions.push(sql`${enquiries.requirementId} is not null`)
  if (filters.kind === 'enquiry') conditions.push(sql`${enquiries.requirementId} is null`)
  if (filters.unread) conditions.push(sellerUnread)
  const q = filters.q?.trim()
  if (q) {
    const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
    // The buyer's name lives in accounts: ask which of this seller's buyers are so named.
    const buyers = await db
      .selectDistinct({ id: enquiries.buyerUserId })
      .from(enquiries)
      .where(eq(enquiries.businessId, businessId))
    const named = await accounts.peopleNamedLike(
      db,
      buyers.map((b) => b.id),
      q,
    )
    conditions.push(
      or(
        ilike(enquiries.subject, pattern),
        ilike(enquiries.message, pattern),
        named.size > 0 ? inArray(enquiries.buyerUserId, [...named]) : undefined,
      )!,
    )
  }
  return and(...conditions)!
}

/** What the seller reads about a buyer: name, company and city (else the delivery city). */
export function buyerCardOf(person: accounts.PersonCard | undefined, deliveryCity: string | null): BuyerCard {
  return {
    name: person?.name ?? 'A buyer',
    company: person?.company ?? null,
    city: person?.city ?? deliveryCity,
  }
}

/** One page of a seller's leads, newest activity first, with counts per status and unread. */
export async function listLeads(db: Db, seller: SellerActor, filters: LeadFilters = {}) {
  const pageSize = Math.min(Math.max(filters.pageSize ?? 25, 1), 100)
  const page = Math.max(1, Math.floor(filters.page ?? 1))
  const where = await leadConditions(db, seller.businessId, filters)
  const rows = await db
    .select({
      id: enquiries.id,
      status: enquiries.leadStatus,
      requirementId: enquiries.requirementId,
      subject: enquiries.subject,
      quantity: enquiries.quantity,
      unit: enquiries.unit,
      buyerUserId: enquiries.buyerUserId,
      deliveryCity: enquiries.deliveryCity,
      contactSharedAt: enquiries.contactSharedAt,
      unread: sellerUnread,
      lastMessageAt: enquiries.lastMessageAt,
      createdAt: enquiries.createdAt,
    })
    .from(enquiries)
    .where(where)
    .orderBy(desc(enquiries.lastMessageAt), desc(enquiries.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize)
  const [totalRow] = await db.select({ n: count() }).from(enquiries).where(where)
  const statusRows = await db
    .select({
      status: enquiries.leadStatus,
      n: count(),
      unread: sql<number>`count(*) filter (where ${sellerUnread})::int`,
    })
    .from(enquiries)
    .where(eq(enquiries.businessId, seller.businessId))
    .groupBy(enquiries.leadStatus)
  const counts = Object.fromEntries(leadStatuses.map((s) => [s, 0])) as Record<LeadStatus, number>
  let unread = 0
  for (const row of statusRows) {
    counts[row.status] = row.n
    if (row.status !== 'spam') unread += Number(row.unread)
  }
  const buyers = await accounts.personCards(
    db,
    rows.map((r) => r.buyerUserId),
  )
  const items: LeadSummary[] = rows.map((r) => ({
    id: r.id,
    status: r.status,
    kind: r.requirementId ? 'requirement' : 'enquiry',
    subject: r.subject,
    quantity: r.quantity,
    unit: r.unit,
    buyer: buyerCardOf(buyers.get(r.buyerUserId), r.deliveryCity),
    contactShared: r.contactSharedAt !== null,
    unread: Boolean(r.unread),
    lastMessageAt: r.lastMessageAt,
    createdAt: r.createdAt,
  }))
  const unreachable = await unreachableAlerts(db, seller.businessId)
  return { items, total: totalRow?.n ?? 0, page, pageSize, counts, unread, unreachable }
}

/**
 * Where the business owner's lead alerts could not go (an SMS to a landline), from the outbox's
 * skipped rows: the lead list tells the seller, so they can add a mobile number. Empty once a
 * later alert on that channel was queued normally.
 */
export async function unreachableAlerts(db: Db, businessId: number): Promise<messaging.UnreachableChannel[]> {
  const business = await accounts.businessCard(db, businessId)
  return business ? messaging.findUnreachableChannels(db, business.ownerUserId) : []
}

/** How many of the seller's leads (spam aside) have something they have not read; for the seller centre menu. */
export async function countUnreadLeads(db: Db, seller: SellerActor): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(enquiries)
    .where(
      and(eq(enquiries.businessId, seller.businessId), sql`${enquiries.leadStatus} <> 'spam'`, sellerUnread),
    )
  return row?.n ?? 0
}

/**
 * One lead as its seller sees it: the need, the buyer's card, the thread, private notes,
 * call-back requests, and contact details only while shared. Marks it read unless asked not to.
 */
export async function getLead(
  db: Db,
  seller: SellerActor,
  enquiryId: string,
  options: { markRead?: boolean; now?: Date } = {},
) {
  const enquiry = await findForParty(db, { party: 'seller', ...seller }, enquiryId)
  const card = await accounts.personCard(db, enquiry.buyerUserId)
  const buyer = await accounts.personContact(db, enquiry.buyerUserId)
  const contact = await sharedContactOf(db, enquiry)
  // What the buyer typed stays flagged in the thread, but their own email and phone are masked
  // for the seller until shared — the same rule the relay applies to forwarded emails.
  const mask = (text: string) =>
    redactContactDetails(text, {
      emails: contact?.email || !buyer ? [] : [buyer.email],
      phones: contact?.phone || !buyer?.phone ? [] : [buyer.phone],
    })
  const productRef = enquiry.productId
    ? (await catalog.productSummaries(db, [enquiry.productId])).get(enquiry.productId)
    : undefined
  const product = productRef && { id: productRef.id, slug: productRef.slug, title: productRef.title }
  const [blocked] = await db
    .select({ one: sql<number>`1` })
    .from(buyerBlocks)
    .where(
      and(eq(buyerBlocks.businessId, seller.businessId), eq(buyerBlocks.buyerUserId, enquiry.buyerUserId)),
    )
  const thread = (await threadOf(db, enquiry.id)).map((m) => ({ ...m, body: mask(m.body) }))
  const notes = await db
    .select({ id: leadNotes.id, body: leadNotes.body, createdAt: leadNotes.createdAt })
    .from(leadNotes)
    .where(eq(leadNotes.enquiryId, enquiry.id))
    .orderBy(asc(leadNotes.id))
  const callbacks = await callbacksOf(db, enquiry, contact?.phone ?? null)
  if (options.markRead !== false) await markRead(db, enquiry.id, 'sellerReadAt', options.now)
  return {
    id: enquiry.id,
    status: enquiry.leadStatus,
    enquiryStatus: enquiry.status,
    kind: enquiry.requirementId ? ('requirement' as const) : ('enquiry' as const),
    subject: enquiry.subject,
    product: product ?? null,
    quantity: enquiry.quantity,
    unit: enquiry.unit,
    message: mask(enquiry.message),
    requiredBy: enquiry.requiredBy,
    deliveryCity: enquiry.deliveryCity,
    matchReasons: enquiry.matchReasons ?? [],
    buyer: {
      name: card?.name ?? 'A buyer',
      company: card?.company ?? null,
      city: card?.city ?? enquiry.deliveryCity,
    } satisfies BuyerCard,
    contact,
    contactShared: contact !== null,
    buyerBlocked: Boolean(blocked),
    notInterestedReason: enquiry.sellerNotInterestedReason,
    thread,
    notes,
    callbacks,
    createdAt: enquiry.createdAt,
  }
}

/** Moves a lead along new → contacted → quoted → won/lost (or spam), with a readable refusal. */
export async function setLeadStatus(
  db: Db,
  ctx: EnquiryContext,
  seller: SellerActor,
  enquiryId: string,
  to: unknown,
) {
  if (typeof to !== 'string' || !leadStatuses.includes(to as LeadStatus)) {
    throw invalid('invalid_status', `Choose a status: ${leadStatuses.join(', ')}.`, {
      status: 'Unknown status.',
    })
  }
  return db.transaction(async (tx) => {
    const enquiry = await findForParty(tx, { party: 'seller', ...seller }, enquiryId, { lock: true })
    assertTransition(enquiry.leadStatus, to as LeadStatus)
    await tx
      .update(enquiries)
      .set({ leadStatus: to as LeadStatus, updatedAt: nowOf(ctx) })
      .where(eq(enquiries.id, enquiry.id))
    return { id: enquiry.id, status: to as LeadStatus }
  })
}

/** A private note on a lead; only the seller's business sees it. */
export async function addLeadNote(db: Db, seller: SellerActor, enquiryId: string, input: unknown) {
  const { body } = parseInput(NoteInput, input)
  const enquiry = await findForParty(db, { party: 'seller', ...seller }, enquiryId)
  const [note] = await db
    .insert(leadNotes)
    .values({ enquiryId: enquiry.id, authorUserId: seller.userId, body })
    .returning()
  return note!
}

/**
 * Sends a quote into the thread (and to the buyer through the relay) and marks the lead quoted.
 * A later quote replaces an earlier one in the buyer's eyes; both stay in the thread.
 */
export async function sendQuote(
  db: Db,
  ctx: EnquiryContext,
  seller: SellerActor,
  enquiryId: string,
  input: unknown,
) {
  const quote = parseInput(QuoteInput, input)
  const now = nowOf(ctx)
  if (Date.parse(`${quote.validUntil}T23:59:59Z`) < now.getTime()) {
    throw invalid('quote_expired', 'The quote must be valid until today or later.', {
      validUntil: 'Choose a future date.',
    })
  }
  return db.transaction(async (tx) => {
    const enquiry = await findForParty(tx, { party: 'seller', ...seller }, enquiryId, { lock: true })
    if (enquiry.status !== 'open')
      throw conflict('enquiry_not_open', 'The buyer has closed this enquiry, so it cannot take a quote.')
    assertTransition(enquiry.leadStatus, 'quoted')
    const total = Math.round(quote.pricePaisePerUnit * quote.quantity)
    const body = `Quote: ${formatRupees(quote.pricePaisePerUnit)} per ${quote.unit} for ${formatQuantity(quote.quantity, quote.unit)} (${formatRupees(total)} in all), valid until ${quote.validUntil}.${quote.terms ? `\nTerms: ${quote.terms}` : ''}`
    const [message] = await tx
      .insert(enquiryMessages)
      .values({
        enquiryId: enquiry.id,
        author: 'seller',
        authorUserId: seller.userId,
        body,
        quote: { ...quote, terms: quote.terms ?? '' },
        createdAt: now,
      })
      .returning()
    await tx
      .update(enquiries)
      .set({
        leadStatus: 'quoted',
        lastMessageAt: now,
        sellerReadAt: now,
        updatedAt: now,
        ...(enquiry.firstReplyAt === null ? { firstReplyAt: now } : {}),
      })
      .where(eq(enquiries.id, enquiry.id))
    await forwardMessage(tx, ctx, { enquiryId: enquiry.id, author: 'seller', messageId: message!.id, body })
    return message!
  })
}

/** "Not interested": the seller declines with a reason the buyer sees; the lead becomes lost. */
export async function declineLead(
  db: Db,
  ctx: EnquiryContext,
  seller: SellerActor,
  enquiryId: string,
  input: unknown,
) {
  const { reason } = parseInput(ReasonInput, input)
  return db.transaction(async (tx) => {
    const enquiry = await findForParty(tx, { party: 'seller', ...seller }, enquiryId, { lock: true })
    assertTransition(enquiry.leadStatus, 'lost')
    const now = nowOf(ctx)
    await tx
      .update(enquiries)
      .set({ leadStatus: 'lost', sellerNotInterestedReason: reason, updatedAt: now })
      .where(eq(enquiries.id, enquiry.id))
    await addThreadEvent(tx, enquiry.id, `The seller is not interested: ${reason}`, now)
    return { id: enquiry.id, status: 'lost' as const }
  })
}

/** Reports a lead as spam: the lead moves to spam and moderators get a report. */
export async function reportSpam(
  db: Db,
  ctx: EnquiryContext,
  seller: SellerActor,
  enquiryId: string,
  input: unknown,
) {
  const { reason } = parseInput(ReasonInput, input)
  return db.transaction(async (tx) => {
    const enquiry = await findForParty(tx, { party: 'seller', ...seller }, enquiryId, { lock: true })
    if (enquiry.leadStatus !== 'spam') assertTransition(enquiry.leadStatus, 'spam')
    await tx
      .update(enquiries)
      .set({ leadStatus: 'spam', updatedAt: nowOf(ctx) })
      .where(eq(enquiries.id, enquiry.id))
    await tx.insert(abuseReports).values({ enquiryId: enquiry.id, reporterUserId: seller.userId, reason })
    return { id: enquiry.id, status: 'spam' as const }
  })
}

/** Blocks the buyer of a lead from sending this business further enquiries or requirements. */
export async function blockBuyer(db: Db, seller: SellerActor, enquiryId: string, input: unknown) {
  const { reason } = parseInput(ReasonInput, input)
  const enquiry = await findForParty(db, { party: 'seller', ...seller }, enquiryId)
  await db
    .insert(buyerBlocks)
    .values({ businessId: seller.businessId, buyerUserId: enquiry.buyerUserId, reason })
    .onConflictDoNothing()
  return { blocked: true }
}

export async function unblockBuyer(db: Db, seller: SellerActor, enquiryId: string) {
  const enquiry = await findForParty(db, { party: 'seller', ...seller }, enquiryId)
  await db
    .delete(buyerBlocks)
    .where(
      and(eq(buyerBlocks.businessId, seller.businessId), eq(buyerBlocks.buyerUserId, enquiry.buyerUserId)),
    )
  return { blocked: false }
}
