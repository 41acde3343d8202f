import { sql } from 'drizzle-orm'
import { bigint, check, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { classifyTable, notPersonal } from './inventory.ts'

// User ids here carry no foreign key: privacy sits below accounts, and these ledgers must
// outlive the rows they describe (proof of consent and of disclosures survives erasure).

/** Every grant and withdrawal of consent, per person and purpose. Append-only. */
export const consentEvents = pgTable(
  'consent_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    userId: uuid('user_id').notNull(),
    purpose: text('purpose').notNull(),
    action: text('action', { enum: ['grant', 'withdraw'] }).notNull(),
    policyVersion: text('policy_version').notNull(),
    channel: text('channel', { enum: ['web', 'email_link', 'api', 'signup'] }).notNull(),
    receiptId: uuid('receipt_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('consent_events_user_purpose_idx').on(t.userId, t.purpose, t.id.desc()),
    check('consent_events_action_valid', sql`action in ('grant', 'withdraw')`),
  ],
)

export const consentEventsInventory = classifyTable(
  consentEvents,
  'Your consents and withdrawals, as proof of each.',
  {
    id: notPersonal,
    userId: notPersonal,
    purpose: notPersonal,
    action: {
      personal: true,
      category: 'behavioural',
      description: 'Each time you gave or withdrew consent for a purpose, and through which channel',
      purposes: ['account', 'legal_obligation'],
      retention: 'Life of the account, then 3 years as proof of consent',
      erasure: 'legal_hold',
    },
    policyVersion: notPersonal,
    channel: notPersonal,
    receiptId: notPersonal,
    createdAt: notPersonal,
  },
  [{ column: 'user_id', role: 'person who gave or withdrew consent' }],
)

export const recipientKinds = [
  'seller',
  'buyer',
  'payment_gateway',
  'email_provider',
  'sms_provider',
  'call_provider',
  'authority',
  'sponsor',
  'acquirer',
  'nominee',
] as const
export type RecipientKind = (typeof recipientKinds)[number]

/** Every time personal data left Mandi: who received which fields of whose data, why. Append-only. */
export const disclosures = pgTable(
  'disclosures',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    subjectUserId: uuid('subject_user_id'),
    recipient: text('recipient').notNull(),
    recipientKind: text('recipient_kind', { enum: recipientKinds }).notNull(),
    fields: text('fields').array().notNull(),
    purpose: text('purpose').notNull(),
    basis: text('basis').notNull(),
    reference: text('reference'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('disclosures_subject_idx').on(t.subjectUserId, t.createdAt.desc())],
)

export const disclosuresInventory = classifyTable(
  disclosures,
  'The ledger of every disclosure of personal data.',
  {
    id: notPersonal,
    subjectUserId: notPersonal,
    recipient: {
      personal: true,
      category: 'behavioural',
      description: 'Who received your data (a seller, the payment gateway, the mail provider…)',
      purposes: ['legal_obligation', 'account'],
      retention: '8 years (accountability under the DPDP Act and tax law)',
      erasure: 'legal_hold',
    },
    recipientKind: notPersonal,
    fields: notPersonal,
    purpose: notPersonal,
    basis: notPersonal,
    reference: notPersonal,
    createdAt: notPersonal,
  },
  [{ column: 'subject_user_id', role: 'person whose data was shared' }],
)

/** Staff reading another person's personal data (support, moderation, finance). Append-only. */
export const accessLog = pgTable(
  'access_log',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    actorUserId: uuid('actor_user_id').notNull(),
    /** The staff role they acted in ('admin', 'support'…), kept as it was at the time. */
    actorRole: text('actor_role'),
    subjectUserId: uuid('subject_user_id').notNull(),
    what: text('what').notNull(),
    why: text('why').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('access_log_subject_idx').on(t.subjectUserId, t.createdAt.desc())],
)

export const accessLogInventory = classifyTable(
  accessLog,
  'Which staff member looked at whose data, and why.',
  {
    id: notPersonal,
    actorUserId: notPersonal,
    actorRole: notPersonal,
    subjectUserId: notPersonal,
    what: notPersonal,
    why: {
      personal: true,
      category: 'content',
      description: 'The reason a staff member gave for opening your data (e.g. a support ticket)',
      purposes: ['security', 'legal_obligation'],
      retention: '3 years',
      erasure: 'legal_hold',
    },
    createdAt: notPersonal,
  },
  [
    { column: 'subject_user_id', role: 'person whose data was viewed' },
    { column: 'actor_user_id', role: 'staff member who viewed', erasure: 'keep' },
  ],
)
