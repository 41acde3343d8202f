import { sql } from 'drizzle-orm'
import {
  bigint,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core'
import { classifyTable, notPersonal } from './inventory.ts'

// The tables behind the data-subject rights: exports, erasures, grievances and nominees. Like the
// ledgers, they carry no foreign key to users: privacy sits below accounts, and an erasure request
// and a grievance must outlive the account they are about.

export const dataExportStatuses = ['pending', 'ready', 'expired', 'failed'] as const
export type DataExportStatus = (typeof dataExportStatuses)[number]

/** A person's request for a copy of their data, built by a job into a ZIP kept for 7 days. */
export const dataExports = pgTable(
  'data_exports',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    userId: uuid('user_id').notNull(),
    status: text('status', { enum: dataExportStatuses }).notNull().default('pending'),
    /** The file's name inside the data directory's exports folder, once built. */
    fileName: text('file_name'),
    byteSize: integer('byte_size'),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull().defaultNow(),
    readyAt: timestamp('ready_at', { withTimezone: true }),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    error: text('error'),
  },
  (t) => [
    index('data_exports_user_idx').on(t.userId, t.requestedAt.desc()),
    uniqueIndex('data_exports_one_pending').on(t.userId).where(sql`status = 'pending'`),
    check('data_exports_status_valid', sql`status in ('pending', 'ready', 'expired', 'failed')`),
  ],
)

export const dataExportsInventory = classifyTable(
  dataExports,
  'Copies of your data you asked to download.',
  {
    id: notPersonal,
    userId: notPersonal,
    status: notPersonal,
    fileName: notPersonal,
    byteSize: notPersonal,
    requestedAt: {
      personal: true,
      category: 'behavioural',
      description: 'When you asked for a copy of your data',
      purposes: ['account', 'legal_obligation'],
      retention: 'The file: 7 days; the request: life of the account',
      erasure: 'delete',
    },
    readyAt: notPersonal,
    expiresAt: notPersonal,
    error: notPersonal,
  },
  [{ column: 'user_id', role: 'account holder', erasure: 'delete_rows' }],
)

export const erasureStatuses = ['pending', 'done', 'failed'] as const
export type ErasureStatus = (typeof erasureStatuses)[number]

/**
 * A request to erase an account. Once done, `user_id` is cleared and only the pseudonym the
 * ledgers now carry remains, with the report of what was erased and what the law made us keep.
 */
export const erasureRequests = pgTable(
  'erasure_requests',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    userId: uuid('user_id'),
    pseudonym: uuid('pseudonym').notNull().default(sql`gen_random_uuid()`),
    status: text('status', { enum: erasureStatuses }).notNull().default('pending'),
    /** Per table: rows deleted, values pseudonymised, rows held and why, and until when. No values. */
    report: jsonb('report'),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull().defaultNow(),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    error: text('error'),
  },
  (t) => [
    index('erasure_requests_user_idx').on(t.userId),
    uniqueIndex('erasure_requests_one_pending').on(t.userId).where(sql`status = 'pending'`),
    check('erasure_requests_status_valid', sql`status in ('pending', 'done', 'failed')`),
  ],
)

export const erasureRequestsInventory = classifyTable(
  erasureRequests,
  'Requests to erase an account, kept as proof that the erasure was done.',
  {
    id: notPersonal,
    userId: notPersonal,
    pseudonym: notPersonal,
    status: notPersonal,
    report: notPersonal,
    requestedAt: {
      personal: true,
      category: 'behavioural',
      description: 'When you asked us to erase your account',
      purposes: ['legal_obligation'],
      retention: '3 years after the erasure, as proof it was done (linked only to a meaningless code)',
      erasure: 'legal_hold',
    },
    completedAt: notPersonal,
    error: notPersonal,
  },
  [{ column: 'user_id', role: 'account holder' }],
)

export const grievanceCategories = [
  'access',
  'correction',
  'erasure',
  'consent',
  'disclosure',
  'account',
  'nominee_request',
  'other',
] as const
export type GrievanceCategory = (typeof grievanceCategories)[number]

export const grievanceStatuses = ['open', 'acknowledged', 'resolved'] as const
export type GrievanceStatus = (typeof grievanceStatuses)[number]

/**
 * A complaint or rights request to the grievance officer. The clock: acknowledged within 48 hours
 * (`acknowledge_by`), resolved within 30 days (`resolve_by`); reopening restarts the resolve clock.
 */
export const grievances = pgTable(
  'grievances',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    /** The account that raised it; null for someone without an account (name and email below). */
    userId: uuid('user_id'),
    requesterName: text('requester_name'),
    requesterEmail: text('requester_email'),
    category: text('category', { enum: grievanceCategories }).notNull(),
    subject: text('subject').notNull(),
    message: text('message').notNull(),
    status: text('status', { enum: grievanceStatuses }).notNull().default('open'),
    acknowledgeBy: timestamp('acknowledge_by', { withTimezone: true }).notNull(),
    resolveBy: timestamp('resolve_by', { withTimezone: true }).notNull(),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('grievances_user_idx').on(t.userId, t.createdAt.desc()),
    index('grievances_queue_idx').on(t.status, t.resolveBy),
    check(
      'grievances_category_valid',
      sql`category in ('access', 'correction', 'erasure', 'consent', 'disclosure', 'account', 'nominee_request', 'other')`,
    ),
    check('grievances_status_valid', sql`status in ('open', 'acknowledged', 'resolved')`),
    check('grievances_requester_known', sql`user_id is not null or requester_email is not null`),
  ],
)

const grievanceText = {
  personal: true,
  category: 'content',
  purposes: ['legal_obligation', 'account'],
  retention: '3 years after it is resolved',
  erasure: 'legal_hold',
} as const

export const grievancesInventory = classifyTable(
  grievances,
  'Complaints and rights requests to the grievance officer.',
  {
    id: notPersonal,
    userId: notPersonal,
    requesterName: {
      ...grievanceText,
      category: 'identity',
      description: 'Your name, when you wrote to the grievance officer without an account',
    },
    requesterEmail: {
      ...grievanceText,
      category: 'contact',
      description: 'Your email address, when you wrote to the grievance officer without an account',
    },
    category: notPersonal,
    subject: { ...grievanceText, description: 'The subject of your complaint or request' },
    message: { ...grievanceText, description: 'What you wrote to the grievance officer' },
    status: notPersonal,
    acknowledgeBy: notPersonal,
    resolveBy: notPersonal,
    acknowledgedAt: notPersonal,
    resolvedAt: notPersonal,
    createdAt: notPersonal,
    updatedAt: notPersonal,
  },
  [{ column: 'user_id', role: 'complainant' }],
)

export const grievanceEventKinds = ['created', 'acknowledged', 'reply', 'resolved', 'reopened'] as const
export type GrievanceEventKind = (typeof grievanceEventKinds)[number]

/** The history of a grievance: who said or did what, when. */
export const grievanceEvents = pgTable(
  'grievance_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    grievanceId: uuid('grievance_id')
      .notNull()
      .references(() => grievances.id, { onDelete: 'cascade' }),
    /** The person or staff member; null for the system. */
    authorUserId: uuid('author_user_id'),
    authorRole: text('author_role', { enum: ['person', 'staff', 'system'] }).notNull(),
    kind: text('kind', { enum: grievanceEventKinds }).notNull(),
    body: text('body'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('grievance_events_grievance_idx').on(t.grievanceId, t.id),
    check('grievance_events_role_valid', sql`author_role in ('person', 'staff', 'system')`),
    check(
      'grievance_events_kind_valid',
      sql`kind in ('created', 'acknowledged', 'reply', 'resolved', 'reopened')`,
    ),
  ],
)

export const grievanceEventsInventory = classifyTable(
  grievanceEvents,
  'The history of each grievance.',
  {
    id: notPersonal,
    grievanceId: notPersonal,
    authorUserId: notPersonal,
    authorRole: notPersonal,
    kind: notPersonal,
    body: { ...grievanceText, description: 'Your replies and ours on a grievance' },
    createdAt: notPersonal,
  },
  [
    { column: 'grievance_id', role: 'complainant', via: 'grievances' },
    { column: 'author_user_id', role: 'author', erasure: 'keep' },
  ],
)

/** The person a user names to exercise their rights if they die or cannot act (DPDP Act s14). */
export const nominees = pgTable('nominees', {
  userId: uuid('user_id').primaryKey(),
  name: text('name').notNull(),
  email: text('email').notNull(),
  relationship: text('relationship').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
})

const nomineeEntry = {
  personal: true,
  purposes: ['account', 'legal_obligation'],
  retention: 'Until you change or remove your nominee, or your account is erased',
  erasure: 'delete',
} as const

export const nomineesInventory = classifyTable(
  nominees,
  'The nominee you named to use your rights for you.',
  {
    userId: notPersonal,
    name: { ...nomineeEntry, category: 'identity', description: "Your nominee's name" },
    email: { ...nomineeEntry, category: 'contact', description: "Your nominee's email address" },
    relationship: {
      ...nomineeEntry,
      category: 'identity',
      description: 'How your nominee is related to you',
    },
    createdAt: notPersonal,
    updatedAt: notPersonal,
  },
  [{ column: 'user_id', role: 'account holder', erasure: 'delete_rows' }],
)
