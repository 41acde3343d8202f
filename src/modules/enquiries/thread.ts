import { asc, desc, eq, sql } from 'drizzle-orm'
import type { Db } from '../../db/database.ts'
import { callbackRequests, enquiries, enquiryMessages, type QuoteTerms } from './enquiries.tables.ts'
import type { EnquiryRow } from './enquiry-records.ts'

// What both sides of an enquiry read: the thread, call-back requests and unread markers. Contact
// details are not here; they come only from sharedContactOf.

// Written out as "enquiries"."column": in a query over enquiries alone Drizzle leaves its columns
// unqualified, and inside the subquery a bare "id" would be the message's own id.
export const own = (column: { name: string }) => sql`${enquiries}.${sql.identifier(column.name)}`
// Unread for the seller: the buyer wrote (or the lead arrived) after the seller last opened it.
export const sellerUnread = sql<boolean>`(${own(enquiries.sellerReadAt)} is null or exists (
  select 1 from enquiry_messages m where m.enquiry_id = ${own(enquiries.id)} and m.author = 'buyer' and m.created_at > ${own(enquiries.sellerReadAt)}))`
export const buyerUnread = sql<boolean>`exists (
  select 1 from enquiry_messages m where m.enquiry_id = ${own(enquiries.id)} and m.author = 'seller'
  and (${own(enquiries.buyerReadAt)} is null or m.created_at > ${own(enquiries.buyerReadAt)}))`

export async function markRead(
  db: Db,
  enquiryId: string,
  side: 'sellerReadAt' | 'buyerReadAt',
  now = new Date(),
) {
  await db
    .update(enquiries)
    .set({ [side]: now })
    .where(eq(enquiries.id, enquiryId))
}

export interface ThreadEntry {
  id: number
  author: 'buyer' | 'seller' | 'system'
  body: string
  via: 'web' | 'email'
  flaggedContact: boolean
  quote: QuoteTerms | null
  createdAt: Date
}

export async function threadOf(db: Db, enquiryId: string): Promise<ThreadEntry[]> {
  return db
    .select({
      id: enquiryMessages.id,
      author: enquiryMessages.author,
      body: enquiryMessages.body,
      via: enquiryMessages.via,
      flaggedContact: enquiryMessages.flaggedContact,
      quote: enquiryMessages.quote,
      createdAt: enquiryMessages.createdAt,
    })
    .from(enquiryMessages)
    .where(eq(enquiryMessages.enquiryId, enquiryId))
    .orderBy(asc(enquiryMessages.id))
}

export async function callbacksOf(db: Db, enquiry: EnquiryRow, contactPhone: string | null) {
  const rows = await db
    .select()
    .from(callbackRequests)
    .where(eq(callbackRequests.enquiryId, enquiry.id))
    .orderBy(desc(callbackRequests.id))
  return rows.map((r) => ({
    id: r.id,
    preferredTime: r.preferredTime,
    status: r.status,
    createdAt: r.createdAt,
    // The real number only while the buyer shares their phone; otherwise the provider's virtual number.
    number: r.revealNumber && contactPhone ? contactPhone : r.maskedNumber,
    numberIsMasked: !(r.revealNumber && contactPhone),
  }))
}
