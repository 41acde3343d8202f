import { and, desc, eq, sql } from 'drizzle-orm'
import type { Db } from '../../db/database.ts'
import { toCsv } from '../../shared/csv.ts'
import * as accounts from '../accounts/index.ts'
import { enquiries } from './enquiries.tables.ts'
import type { SellerActor } from './leads.ts'
import { redactContactDetails } from './reply-text.ts'
import { own } from './thread.ts'

// A seller's leads as CSV or JSON, with the buyer's email and phone only where shared now.

/**
 * Every lead of the business for export, with the buyer's email and phone only where the buyer
 * shares them now. Spam is left out.
 */
export async function exportLeads(db: Db, seller: SellerActor) {
  const rows = await db
    .select({
      id: enquiries.id,
      createdAt: enquiries.createdAt,
      status: enquiries.leadStatus,
      kind: sql<string>`case when ${enquiries.requirementId} is null then 'enquiry' else 'requirement' end`,
      subject: enquiries.subject,
      quantity: enquiries.quantity,
      unit: enquiries.unit,
      requiredBy: enquiries.requiredBy,
      deliveryCity: enquiries.deliveryCity,
      message: enquiries.message,
      buyerUserId: enquiries.buyerUserId,
      // Contact columns come from the active share only: a subquery that is empty unless shared now.
      sharedFields: sql<
        string[] | null
      >`(select s.fields from contact_shares s where s.enquiry_id = ${own(enquiries.id)} and s.revoked_at is null limit 1)`,
    })
    .from(enquiries)
    .where(and(eq(enquiries.businessId, seller.businessId), sql`${enquiries.leadStatus} <> 'spam'`))
    .orderBy(desc(enquiries.createdAt))
  const buyerIds = rows.map((r) => r.buyerUserId)
  const cards = await accounts.personCards(db, buyerIds)
  const contacts = await accounts.personContacts(db, buyerIds)
  return rows.flatMap(({ sharedFields, buyerUserId, ...row }) => {
    const card = cards.get(buyerUserId)
    const contact = contacts.get(buyerUserId)
    if (!card || !contact) return []
    const { email, phone } = contact
    return {
      ...row,
      buyerName: card.name,
      buyerCompany: card.company,
      buyerCity: card.city ?? row.deliveryCity,
      message: redactContactDetails(row.message, {
        emails: sharedFields?.includes('email') ? [] : [email],
        phones: sharedFields?.includes('phone') || !phone ? [] : [phone],
      }),
      createdAt: row.createdAt.toISOString(),
      buyerEmail: sharedFields?.includes('email') ? email : '',
      buyerPhone: sharedFields?.includes('phone') ? (phone ?? '') : '',
    }
  })
}

export type ExportedLead = Awaited<ReturnType<typeof exportLeads>>[number]

const exportColumns: (keyof ExportedLead)[] = [
  'id',
  'createdAt',
  'status',
  'kind',
  'subject',
  'quantity',
  'unit',
  'requiredBy',
  'deliveryCity',
  'message',
  'buyerName',
  'buyerCompany',
  'buyerCity',
  'buyerEmail',
  'buyerPhone',
]

/** RFC 4180 CSV; cells that a spreadsheet would run as a formula are prefixed with a quote. */
export function leadsToCsv(rows: readonly ExportedLead[]): string {
  return toCsv(
    exportColumns,
    rows.map((r) => exportColumns.map((c) => r[c])),
  )
}
