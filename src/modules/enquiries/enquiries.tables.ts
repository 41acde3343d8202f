import { sql } from 'drizzle-orm'
import {
  type AnyPgColumn,
  bigint,
  boolean,
  check,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core'
import { businesses, users } from '../accounts/accounts.tables.ts'
import { categories, products } from '../catalog/catalog.tables.ts'
import { classifyTable, notPersonal } from '../privacy/inventory.ts'
import type { MatchReason } from './matchmaking.ts'

export const leadStatusValues = ['new', 'contacted', 'quoted', 'won', 'lost', 'spam'] as const
export const enquiryStatusValues = ['open', 'closed', 'expired'] as const
export const requirementStatusValues = ['open', 'closed', 'expired'] as const

// Who wrote a thread entry. 'system' marks events such as "contact details shared".
export const messageAuthors = ['buyer', 'seller', 'system'] as const
export type MessageAuthor = (typeof messageAuthors)[number]
export const messageChannelsVia = ['web', 'email'] as const

// Column shapes most enquiry tables share.
const identity = () => bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity()
const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
/** The thread a row belongs to; deleting an enquiry (erasure) takes its rows with it. */
const enquiryRef = () =>
  uuid('enquiry_id')
    .notNull()
    .references((): AnyPgColumn => enquiries.id, { onDelete: 'cascade' })

const enquiryContent = {
  personal: true,
  category: 'content',
  purposes: ['enquiries'],
  retention: '3 years after the last message, then deleted',
  erasure: 'delete',
} as const

/**
 * A buy requirement (RFQ): what a buyer needs, sent to at most `maxSuppliers` matched sellers.
 * Each seller it reaches gets an `enquiries` row pointing back here, so the relay, lead manager
 * and privacy rules are the same as for a direct enquiry.
 */
export const buyRequirements = pgTable(
  'buy_requirements',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    buyerUserId: uuid('buyer_user_id')
      .notNull()
      .references(() => users.id),
    title: text('title').notNull(),
    categoryId: integer('category_id').references(() => categories.id),
    details: text('details').notNull().default(''),
    quantity: doublePrecision('quantity').notNull(),
    unit: text('unit').notNull(),
    budgetPaisePerUnit: bigint('budget_paise_per_unit', { mode: 'number' }),
    city: text('city'),
    state: text('state'),
    neededBy: date('needed_by'),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    maxSuppliers: integer('max_suppliers').notNull(),
    status: text('status', { enum: requirementStatusValues }).notNull().default('open'),
    matchedCount: integer('matched_count').notNull().default(0),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    index('buy_requirements_buyer_idx').on(t.buyerUserId, t.createdAt.desc()),
    index('buy_requirements_open_expiry_idx').on(t.expiresAt).where(sql`status = 'open'`),
    check('buy_requirements_max_suppliers', sql`max_suppliers between 1 and 10`),
    check('buy_requirements_quantity_positive', sql`quantity > 0`),
  ],
)

export const buyRequirementsInventory = classifyTable(
  buyRequirements,
  'Buy requirements you posted, and how many sellers they were sent to.',
  {
    id: notPersonal,
    buyerUserId: notPersonal,
    title: { ...enquiryContent, description: 'What you asked suppliers for' },
    categoryId: notPersonal,
    details: { ...enquiryContent, description: 'Specifications and details of your requirement' },
    quantity: notPersonal,
    unit: notPersonal,
    budgetPaisePerUnit: {
      ...enquiryContent,
      category: 'financial',
      description: 'Your budget per unit, used to match sellers whose prices fit',
    },
    city: notPersonal,
    state: notPersonal,
    neededBy: notPersonal,
    expiresAt: notPersonal,
    maxSuppliers: notPersonal,
    status: notPersonal,
    matchedCount: notPersonal,
    closedAt: notPersonal,
    createdAt: notPersonal,
  },
  [{ column: 'buyer_user_id', role: 'buyer' }],
)

/**
 * One conversation between one buyer and one seller: a direct enquiry, or a buy requirement as it
 * reached one matched seller. For the seller this row is a lead; `lead_status` is theirs and
 * `status` is the buyer's.
 */
export const enquiries = pgTable(
  'enquiries',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    buyerUserId: uuid('buyer_user_id')
      .notNull()
      .references(() => users.id),
    businessId: bigint('business_id', { mode: 'number' })
      .notNull()
      .references(() => businesses.id),
    productId: bigint('product_id', { mode: 'number' }).references(() => products.id),
    requirementId: uuid('requirement_id').references(() => buyRequirements.id),
    /** The product title or requirement title when it was sent, so a later edit does not rewrite the lead. */
    subject: text('subject').notNull(),
    quantity: doublePrecision('quantity').notNull(),
    unit: text('unit').notNull(),
    message: text('message').notNull(),
    requiredBy: date('required_by'),
    deliveryCity: text('delivery_city'),
    status: text('status', { enum: enquiryStatusValues }).notNull().default('open'),
    leadStatus: text('lead_status', { enum: leadStatusValues }).notNull().default('new'),
    matchScore: doublePrecision('match_score'),
    matchReasons: jsonb('match_reasons').$type<MatchReason[]>(),
    sellerNotInterestedReason: text('seller_not_interested_reason'),
    buyerNotInterestedReason: text('buyer_not_interested_reason'),
    /** Set while the buyer's contact details are shared with this seller; cleared on revocation. */
    contactSharedAt: timestamp('contact_shared_at', { withTimezone: true }),
    firstReplyAt: timestamp('first_reply_at', { withTimezone: true }),
    lastMessageAt: timestamp('last_message_at', { withTimezone: true }).notNull().defaultNow(),
    sellerReadAt: timestamp('seller_read_at', { withTimezone: true }),
    buyerReadAt: timestamp('buyer_read_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('enquiries_business_idx').on(t.businessId, t.lastMessageAt.desc()),
    index('enquiries_buyer_idx').on(t.buyerUserId, t.createdAt.desc()),
    index('enquiries_requirement_idx').on(t.requirementId).where(sql`requirement_id is not null`),
    uniqueIndex('enquiries_requirement_business_unique')
      .on(t.requirementId, t.businessId)
      .where(sql`requirement_id is not null`),
    check('enquiries_quantity_positive', sql`quantity > 0`),
  ],
)

export const enquiriesInventory = classifyTable(
  enquiries,
  'Enquiries you sent to sellers, and leads sellers received (buyer and seller see their own side).',
  {
    id: notPersonal,
    buyerUserId: notPersonal,
    businessId: notPersonal,
    productId: notPersonal,
    requirementId: notPersonal,
    subject: notPersonal,
    quantity: notPersonal,
    unit: notPersonal,
    message: { ...enquiryContent, description: 'The message you wrote with your enquiry' },
    requiredBy: notPersonal,
    deliveryCity: {
      ...enquiryContent,
      category: 'address',
      description: 'The city you want the goods delivered to',
    },
    status: notPersonal,
    leadStatus: notPersonal,
    matchScore: notPersonal,
    matchReasons: notPersonal,
    sellerNotInterestedReason: {
      ...enquiryContent,
      description: "A seller's reason for declining an enquiry",
    },
    buyerNotInterestedReason: {
      ...enquiryContent,
      description: 'Your reason for declining a seller or quote',
    },
    contactSharedAt: notPersonal,
    firstReplyAt: notPersonal,
    lastMessageAt: notPersonal,
    sellerReadAt: notPersonal,
    buyerReadAt: notPersonal,
    createdAt: notPersonal,
    updatedAt: notPersonal,
  },
  [
    { column: 'buyer_user_id', role: 'buyer' },
    { column: 'business_id', role: 'seller who received it', via: 'businesses', erasure: 'keep' },
  ],
)

export type QuoteTerms = {
  pricePaisePerUnit: number
  quantity: number
  unit: string
  validUntil: string
  terms: string
}

/** The thread of an enquiry: messages from either side (on the site or through the relay), quotes and events. */
export const enquiryMessages = pgTable(
  'enquiry_messages',
  {
    id: identity(),
    enquiryId: enquiryRef(),
    author: text('author', { enum: messageAuthors }).notNull(),
    authorUserId: uuid('author_user_id').references(() => users.id),
    body: text('body').notNull(),
    via: text('via', { enum: messageChannelsVia }).notNull().default('web'),
    /** The message held an email address or phone number although contact details were not shared. */
    flaggedContact: boolean('flagged_contact').notNull().default(false),
    quote: jsonb('quote').$type<QuoteTerms>(),
    /** SHA-256 of the email's Message-ID, for mail that came through the relay: a retried delivery is stored once. */
    sourceHash: text('source_hash'),
    createdAt: createdAt(),
  },
  (t) => [
    index('enquiry_messages_thread_idx').on(t.enquiryId, t.id),
    uniqueIndex('enquiry_messages_source_unique')
      .on(t.enquiryId, t.sourceHash)
      .where(sql`source_hash is not null`),
  ],
)

export const enquiryMessagesInventory = classifyTable(
  enquiryMessages,
  'Messages and quotes in enquiry threads.',
  {
    id: notPersonal,
    enquiryId: notPersonal,
    author: notPersonal,
    authorUserId: notPersonal,
    body: { ...enquiryContent, description: 'What you and the other party wrote in an enquiry thread' },
    via: notPersonal,
    flaggedContact: notPersonal,
    quote: notPersonal,
    sourceHash: notPersonal,
    createdAt: notPersonal,
  },
  [
    { column: 'author_user_id', role: 'author' },
    { column: 'enquiry_id', role: 'party to the conversation', via: 'enquiries', erasure: 'keep' },
  ],
)

/**
 * Each time a buyer shared their contact details with a seller, and when they revoked it. Rows are
 * kept after revocation so the buyer can see what was already shared; the disclosure ledger
 * holds the matching entry.
 */
export const contactShares = pgTable(
  'contact_shares',
  {
    id: identity(),
    enquiryId: enquiryRef(),
    buyerUserId: uuid('buyer_user_id')
      .notNull()
      .references(() => users.id),
    businessId: bigint('business_id', { mode: 'number' })
      .notNull()
      .references(() => businesses.id),
    fields: text('fields').array().notNull(),
    disclosureId: bigint('disclosure_id', { mode: 'number' }),
    sharedAt: timestamp('shared_at', { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    index('contact_shares_enquiry_idx').on(t.enquiryId, t.sharedAt.desc()),
    uniqueIndex('contact_shares_one_active').on(t.enquiryId).where(sql`revoked_at is null`),
  ],
)

export const contactSharesInventory = classifyTable(
  contactShares,
  'When you shared your contact details with a seller, and when you revoked it.',
  {
    id: notPersonal,
    enquiryId: notPersonal,
    buyerUserId: notPersonal,
    businessId: notPersonal,
    fields: notPersonal,
    disclosureId: notPersonal,
    sharedAt: notPersonal,
    revokedAt: notPersonal,
  },
  [
    { column: 'buyer_user_id', role: 'buyer who shared' },
    { column: 'business_id', role: 'seller who received it', via: 'businesses', erasure: 'keep' },
  ],
)

export const callbackStatuses = ['requested', 'connected', 'cancelled'] as const

/** "Call me back" requests; the buyer's number is shown only after they consent, else a masked number. */
export const callbackRequests = pgTable(
  'callback_requests',
  {
    id: identity(),
    enquiryId: enquiryRef(),
    preferredTime: text('preferred_time').notNull().default(''),
    /** The buyer agreed that this seller may see their real number (a disclosure ledger entry). */
    revealNumber: boolean('reveal_number').notNull().default(false),
    /** The virtual number the call-masking provider assigned, when the number is not revealed. */
    maskedNumber: text('masked_number'),
    provider: text('provider').notNull(),
    status: text('status', { enum: callbackStatuses }).notNull().default('requested'),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('callback_requests_enquiry_idx').on(t.enquiryId)],
)

export const callbackRequestsInventory = classifyTable(
  callbackRequests,
  '"Call me back" requests on enquiries.',
  {
    id: notPersonal,
    enquiryId: notPersonal,
    preferredTime: { ...enquiryContent, description: 'When you would like the seller to call' },
    revealNumber: notPersonal,
    maskedNumber: notPersonal,
    provider: notPersonal,
    status: notPersonal,
    createdAt: notPersonal,
    updatedAt: notPersonal,
  },
  [{ column: 'enquiry_id', role: 'buyer who asked for a call', via: 'enquiries' }],
)

/** A seller's private notes on a lead; never shown to the buyer. */
export const leadNotes = pgTable(
  'lead_notes',
  {
    id: identity(),
    enquiryId: enquiryRef(),
    authorUserId: uuid('author_user_id')
      .notNull()
      .references(() => users.id),
    body: text('body').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('lead_notes_enquiry_idx').on(t.enquiryId, t.id)],
)

export const leadNotesInventory = classifyTable(
  leadNotes,
  "Sellers' private notes on their leads.",
  {
    id: notPersonal,
    enquiryId: notPersonal,
    authorUserId: notPersonal,
    body: {
      ...enquiryContent,
      description: "A seller's private notes about an enquiry (may mention the buyer)",
    },
    createdAt: notPersonal,
  },
  [
    { column: 'author_user_id', role: 'seller who wrote the note' },
    {
      column: 'enquiry_id',
      role: 'buyer the note is about',
      via: 'enquiries',
      erasure: 'keep',
      withheldFromSubject: "A seller's private notes on your enquiry are the seller's own record",
    },
  ],
)

/** Buyers a seller blocked: their new enquiries and requirements no longer reach that seller. */
export const buyerBlocks = pgTable(
  'buyer_blocks',
  {
    businessId: bigint('business_id', { mode: 'number' })
      .notNull()
      .references(() => businesses.id),
    buyerUserId: uuid('buyer_user_id')
      .notNull()
      .references(() => users.id),
    reason: text('reason').notNull().default(''),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.businessId, t.buyerUserId] })],
)

export const buyerBlocksInventory = classifyTable(
  buyerBlocks,
  'Buyers a seller has blocked.',
  {
    businessId: notPersonal,
    buyerUserId: notPersonal,
    reason: { ...enquiryContent, description: "A seller's reason for blocking a buyer" },
    createdAt: notPersonal,
  },
  [
    { column: 'business_id', role: 'seller who blocked', via: 'businesses' },
    {
      column: 'buyer_user_id',
      role: 'blocked buyer',
      erasure: 'keep',
      withheldFromSubject: "A seller's decision to stop receiving your enquiries, and their reason, are the seller's own record",
    },
  ],
)

export const abuseReportStatuses = ['open', 'upheld', 'dismissed'] as const

/** Spam and abuse reports on enquiries, for moderators. */
export const abuseReports = pgTable(
  'abuse_reports',
  {
    id: identity(),
    enquiryId: enquiryRef(),
    reporterUserId: uuid('reporter_user_id')
      .notNull()
      .references(() => users.id),
    reason: text('reason').notNull(),
    status: text('status', { enum: abuseReportStatuses }).notNull().default('open'),
    createdAt: createdAt(),
  },
  (t) => [index('abuse_reports_open_idx').on(t.createdAt).where(sql`status = 'open'`)],
)

export const abuseReportsInventory = classifyTable(
  abuseReports,
  'Spam and abuse reports on enquiries.',
  {
    id: notPersonal,
    enquiryId: notPersonal,
    reporterUserId: notPersonal,
    reason: { ...enquiryContent, description: 'Why an enquiry was reported as spam or abuse' },
    status: notPersonal,
    createdAt: notPersonal,
  },
  [
    { column: 'reporter_user_id', role: 'reporter' },
    {
      column: 'enquiry_id',
      role: 'party to the reported enquiry',
      via: 'enquiries',
      erasure: 'keep',
      withheldFromSubject: 'Reports of spam or abuse are kept for our moderators, to keep the marketplace safe',
    },
  ],
)

/** Responsiveness per seller over 90 days; recomputed daily and on a lead's first reply. */
export const sellerResponsiveness = pgTable('seller_responsiveness', {
  businessId: bigint('business_id', { mode: 'number' })
    .primaryKey()
    .references(() => businesses.id),
  enquiries90d: integer('enquiries_90d').notNull(),
  answeredShare: doublePrecision('answered_share').notNull(),
  medianFirstReplyHours: doublePrecision('median_first_reply_hours'),
  computedAt: timestamp('computed_at', { withTimezone: true }).notNull().defaultNow(),
})

export const sellerResponsivenessInventory = classifyTable(
  sellerResponsiveness,
  'How quickly each seller answers enquiries, shown on their storefront.',
  {
    businessId: notPersonal,
    enquiries90d: notPersonal,
    answeredShare: notPersonal,
    medianFirstReplyHours: notPersonal,
    computedAt: notPersonal,
  },
  [{ column: 'business_id', role: 'seller', via: 'businesses' }],
)

const interestSignal = {
  personal: true,
  category: 'behavioural',
  purposes: ['personalisation'],
  retention: '180 days, or until you withdraw consent',
  erasure: 'delete',
} as const

export const interestKinds = ['view', 'enquiry', 'search'] as const

/**
 * Signals for "suppliers you may need": written only while the person consents to
 * personalisation, and deleted when they withdraw.
 */
export const buyerInterests = pgTable(
  'buyer_interests',
  {
    id: identity(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: interestKinds }).notNull(),
    categoryId: integer('category_id').references(() => categories.id),
    productId: bigint('product_id', { mode: 'number' }).references(() => products.id),
    businessId: bigint('business_id', { mode: 'number' }).references(() => businesses.id),
    createdAt: createdAt(),
  },
  (t) => [index('buyer_interests_user_idx').on(t.userId, t.createdAt.desc())],
)

export const buyerInterestsInventory = classifyTable(
  buyerInterests,
  'Products and sellers you viewed or enquired about, kept only while you allow personalised suggestions.',
  {
    id: notPersonal,
    userId: notPersonal,
    kind: { ...interestSignal, description: 'Whether you viewed or enquired about something' },
    categoryId: { ...interestSignal, description: 'Categories you looked at' },
    productId: { ...interestSignal, description: 'Products you looked at' },
    businessId: { ...interestSignal, description: 'Sellers you looked at or contacted' },
    createdAt: notPersonal,
  },
  [{ column: 'user_id', role: 'buyer', erasure: 'delete_rows' }],
)
