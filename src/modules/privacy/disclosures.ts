import { desc, eq } from 'drizzle-orm'
import type { Db } from '../../db/database.ts'
import type { PurposeDefinition } from './purposes.ts'
import { type Purpose, purposes } from './purposes.ts'
import { disclosures, type RecipientKind } from './privacy.tables.ts'

export interface DisclosureInput {
  /** Whose data left Mandi (null for data about no account, e.g. a guest's address). */
  subjectUserId: string | null
  /** Who received it, as shown to the person: "Shree Ganesh Engineering Works (seller)", "SMTP provider". */
  recipient: string
  recipientKind: RecipientKind
  /** Which fields, by name: ['email', 'phone']. */
  fields: readonly [string, ...string[]]
  purpose: Purpose
  /** Defaults to the purpose's legal basis; 'consent' when the person pressed "share". */
  basis?: PurposeDefinition['basis']
  /** What it was about: 'enquiry:…', 'order:…', 'outbox:…'. */
  reference?: string
}

/**
 * Appends one entry to the disclosure ledger. Call it with the transaction that queues or
 * performs the send, so that a disclosure is recorded if and only if it happens.
 */
export async function recordDisclosure(tx: Db, input: DisclosureInput) {
  const [row] = await tx
    .insert(disclosures)
    .values({
      subjectUserId: input.subjectUserId,
      recipient: input.recipient,
      recipientKind: input.recipientKind,
      fields: [...input.fields],
      purpose: input.purpose,
      basis: input.basis ?? purposes[input.purpose].basis,
      reference: input.reference ?? null,
    })
    .returning()
  return row!
}

/** A person's own disclosure ledger, newest first. */
export async function listDisclosures(db: Db, subjectUserId: string, limit = 200) {
  return db
    .select()
    .from(disclosures)
    .where(eq(disclosures.subjectUserId, subjectUserId))
    .orderBy(desc(disclosures.createdAt), desc(disclosures.id))
    .limit(limit)
}
