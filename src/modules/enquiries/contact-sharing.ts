import { and, eq, sql } from 'drizzle-orm'
import type { Db } from '../../db/database.ts'
import { invalid } from '../../shared/errors.ts'
import * as accounts from '../accounts/index.ts'
import * as privacy from '../privacy/index.ts'
import { contactShares, enquiries } from './enquiries.tables.ts'
import { type EnquiryContext, nowOf } from './enquiry-context.ts'
import { addThreadEvent, type EnquiryRow, findForParty } from './enquiry-records.ts'

// The buyer's contact details reach a seller only through an active share (ADR 013): sharing
// writes a disclosure-ledger entry, revoking stamps the share, and every seller-facing surface
// asks sharedContactOf at the moment it renders or sends.

/**
 * The buyer shares their email and phone (or only the phone, for a call-back) with the seller of
 * one enquiry: one disclosure-ledger entry with basis "consent". Sharing again while shared
 * changes nothing unless it adds a field.
 */
export async function shareContact(
  db: Db,
  ctx: EnquiryContext,
  buyerUserId: string,
  enquiryId: string,
  requested: readonly ('email' | 'phone')[] = ['email', 'phone'],
) {
  return db.transaction(async (tx) => {
    const enquiry = await findForParty(tx, { party: 'buyer', userId: buyerUserId }, enquiryId, { lock: true })
    const person = await accounts.personContact(tx, buyerUserId)
    const available = requested.filter((f) => (f === 'phone' ? Boolean(person?.phone) : true))
    if (available.length === 0) throw invalid('no_phone', 'Add your mobile number to your profile first.')
    const [active] = await tx
      .select()
      .from(contactShares)
      .where(and(eq(contactShares.enquiryId, enquiry.id), sql`${contactShares.revokedAt} is null`))
    const fields = [...new Set([...(active?.fields ?? []), ...available])] as ('email' | 'phone')[]
    if (active && fields.length === active.fields.length)
      return { shared: true, fields: active.fields, sharedAt: active.sharedAt }

    const now = nowOf(ctx)
    const sellerName = await businessDisplayName(tx, enquiry.businessId)
    const disclosure = await privacy.recordDisclosure(tx, {
      subjectUserId: buyerUserId,
      recipient: `${sellerName} (seller)`,
      recipientKind: 'seller',
      fields: fields as [string, ...string[]],
      purpose: 'enquiries',
      basis: 'consent',
      reference: `enquiry:${enquiry.id}`,
    })
    if (active) await tx.update(contactShares).set({ revokedAt: now }).where(eq(contactShares.id, active.id))
    await tx.insert(contactShares).values({
      enquiryId: enquiry.id,
      buyerUserId,
      businessId: enquiry.businessId,
      fields,
      disclosureId: disclosure.id,
      sharedAt: now,
    })
    await tx
      .update(enquiries)
      .set({ contactSharedAt: now, updatedAt: now })
      .where(eq(enquiries.id, enquiry.id))
    await addThreadEvent(
      tx,
      enquiry.id,
      `The buyer shared their ${describeFields(fields)} with the seller.`,
      now,
    )
    return { shared: true, fields, sharedAt: now }
  })
}

/**
 * The buyer withdraws their contact details from one seller: the lead and new relayed messages
 * stop showing them. What the seller already saw cannot be recalled, so the share stays listed
 * with its revocation time.
 */
export async function revokeContact(db: Db, ctx: EnquiryContext, buyerUserId: string, enquiryId: string) {
  return db.transaction(async (tx) => {
    const enquiry = await findForParty(tx, { party: 'buyer', userId: buyerUserId }, enquiryId, { lock: true })
    const now = nowOf(ctx)
    const revoked = await tx
      .update(contactShares)
      .set({ revokedAt: now })
      .where(and(eq(contactShares.enquiryId, enquiry.id), sql`${contactShares.revokedAt} is null`))
      .returning({ id: contactShares.id })
    if (revoked.length === 0) return { shared: false }
    await tx
      .update(enquiries)
      .set({ contactSharedAt: null, updatedAt: now })
      .where(eq(enquiries.id, enquiry.id))
    await addThreadEvent(
      tx,
      enquiry.id,
      'The buyer stopped sharing their contact details with the seller.',
      now,
    )
    return { shared: false }
  })
}

/**
 * Every share of an enquiry, newest first, so the buyer can see what was shared and when it
 * stopped. The caller has already found the enquiry within what the buyer may see.
 */
export async function contactSharesOf(db: Db, enquiryId: string) {
  return db
    .select({
      fields: contactShares.fields,
      sharedAt: contactShares.sharedAt,
      revokedAt: contactShares.revokedAt,
    })
    .from(contactShares)
    .where(eq(contactShares.enquiryId, enquiryId))
    .orderBy(sql`${contactShares.sharedAt} desc, ${contactShares.id} desc`)
}

/** The buyer's contact details as the seller may see them now: null unless currently shared. */
export async function sharedContactOf(
  db: Db,
  enquiry: Pick<EnquiryRow, 'id' | 'buyerUserId' | 'contactSharedAt'>,
) {
  if (enquiry.contactSharedAt === null) return null
  const [share] = await db
    .select({ fields: contactShares.fields })
    .from(contactShares)
    .where(and(eq(contactShares.enquiryId, enquiry.id), sql`${contactShares.revokedAt} is null`))
  if (!share) return null
  const person = await accounts.personContact(db, enquiry.buyerUserId)
  if (!person) return null
  return {
    email: share.fields.includes('email') ? person.email : null,
    phone: share.fields.includes('phone') ? person.phone : null,
  }
}

export async function businessDisplayName(db: Db, businessId: number): Promise<string> {
  return (await accounts.businessCard(db, businessId))?.name ?? 'A seller'
}

function describeFields(fields: readonly string[]): string {
  if (fields.includes('email') && fields.includes('phone')) return 'email address and phone number'
  return fields.includes('phone') ? 'phone number' : 'email address'
}
