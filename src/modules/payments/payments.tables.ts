import { sql } from 'drizzle-orm'
import {
  bigint,
  check,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core'
import { classifyTable, notPersonal } from '../privacy/index.ts'

// Payments know what they pay for only as a purpose and a list of ids (orders, later invoices):
// the module never imports orders. Amounts are integer paise (ADR 005). Payment records are tax
// records, kept 8 years whatever happens to the account.

export const paymentStatuses = ['created', 'pending', 'captured', 'failed', 'expired', 'refunded'] as const
export type PaymentStatus = (typeof paymentStatuses)[number]

export const paymentEventSources = ['checkout', 'webhook', 'reconciler', 'redirect', 'refund'] as const
export type PaymentEventSource = (typeof paymentEventSources)[number]

const paymentRecordRetention = '8 years after the payment (tax and accounting records)'

/** One attempt to collect money through a gateway, for whatever `purpose` and `reference_ids` name. */
export const payments = pgTable(
  'payments',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    payerUserId: uuid('payer_user_id'),
    amountPaise: bigint('amount_paise', { mode: 'number' }).notNull(),
    currency: text('currency').notNull().default('INR'),
    /** The gateway's code: 'sandbox' (bundled), later 'razorpay', 'stripe'. */
    gateway: text('gateway').notNull(),
    /** The gateway's order or checkout session id; null until the gateway has answered. */
    gatewayRef: text('gateway_ref'),
    status: text('status', { enum: paymentStatuses }).notNull().default('created'),
    /** What is paid for: 'orders' with the order ids in `reference_ids`. Opaque to this module. */
    purpose: text('purpose').notNull(),
    referenceIds: uuid('reference_ids').array().notNull().default(sql`'{}'::uuid[]`),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    /** When it reached captured, failed or expired. */
    settledAt: timestamp('settled_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('payments_gateway_ref_key').on(t.gateway, t.gatewayRef),
    index('payments_payer_idx').on(t.payerUserId, t.createdAt.desc()),
    index('payments_status_idx').on(t.status, t.updatedAt),
    check('payments_amount_positive', sql`amount_paise > 0`),
    check('payments_currency_inr', sql`currency = 'INR'`),
    check(
      'payments_status_valid',
      sql`status in ('created', 'pending', 'captured', 'failed', 'expired', 'refunded')`,
    ),
  ],
)

export const paymentsInventory = classifyTable(
  payments,
  'Payments you made or started through a payment gateway.',
  {
    id: notPersonal,
    payerUserId: notPersonal,
    amountPaise: {
      personal: true,
      category: 'financial',
      description: 'How much you paid or tried to pay, and through which gateway',
      purposes: ['orders', 'legal_obligation'],
      retention: paymentRecordRetention,
      erasure: 'legal_hold',
    },
    currency: notPersonal,
    gateway: notPersonal,
    gatewayRef: notPersonal,
    status: {
      personal: true,
      category: 'financial',
      description: 'Whether the payment went through, failed, expired or was refunded',
      purposes: ['orders', 'legal_obligation'],
      retention: paymentRecordRetention,
      erasure: 'legal_hold',
    },
    purpose: notPersonal,
    referenceIds: notPersonal,
    createdAt: {
      personal: true,
      category: 'financial',
      description: 'When you started the payment',
      purposes: ['orders', 'legal_obligation'],
      retention: paymentRecordRetention,
      erasure: 'legal_hold',
    },
    updatedAt: notPersonal,
    settledAt: {
      personal: true,
      category: 'financial',
      description: 'When the payment was settled (paid, failed or expired)',
      purposes: ['orders', 'legal_obligation'],
      retention: paymentRecordRetention,
      erasure: 'legal_hold',
    },
  },
  [{ column: 'payer_user_id', role: 'payer' }],
)

/** Append-only history of a payment's status: every move, what caused it and the gateway's event. */
export const paymentEvents = pgTable(
  'payment_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    paymentId: uuid('payment_id')
      .notNull()
      .references(() => payments.id),
    fromStatus: text('from_status', { enum: paymentStatuses }),
    toStatus: text('to_status', { enum: paymentStatuses }).notNull(),
    source: text('source', { enum: paymentEventSources }).notNull(),
    gatewayEventId: text('gateway_event_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('payment_events_payment_idx').on(t.paymentId, t.id),
    check(
      'payment_events_source_valid',
      sql`source in ('checkout', 'webhook', 'reconciler', 'redirect', 'refund')`,
    ),
  ],
)

export const paymentEventsInventory = classifyTable(
  paymentEvents,
  'The history of each payment: every change of status and what caused it.',
  {
    id: notPersonal,
    paymentId: notPersonal,
    fromStatus: notPersonal,
    toStatus: {
      personal: true,
      category: 'financial',
      description: 'Each step of a payment: started, paid, failed, expired, refunded',
      purposes: ['orders', 'legal_obligation'],
      retention: paymentRecordRetention,
      erasure: 'legal_hold',
    },
    source: notPersonal,
    gatewayEventId: notPersonal,
    createdAt: {
      personal: true,
      category: 'financial',
      description: 'When each step of a payment happened',
      purposes: ['orders', 'legal_obligation'],
      retention: paymentRecordRetention,
      erasure: 'legal_hold',
    },
  },
  [{ column: 'payment_id', role: 'payer', via: 'payments' }],
)

/**
 * Every gateway notification received, once: the unique (gateway, event id) decides, in the
 * insert itself, that ten copies of one event change a payment once.
 */
export const webhookEvents = pgTable(
  'webhook_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    gateway: text('gateway').notNull(),
    eventId: text('event_id').notNull(),
    eventType: text('event_type').notNull(),
    /** Our payment, when the event named one we know. */
    paymentId: uuid('payment_id'),
    /** What the event did: 'applied' (moved the payment), 'ignored' (stale or repeated news), 'unknown_payment'. */
    outcome: text('outcome'),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
    processedAt: timestamp('processed_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('webhook_events_gateway_event_key').on(t.gateway, t.eventId)],
)

export const webhookEventsInventory = classifyTable(
  webhookEvents,
  'Notifications received from payment gateways, kept so that each is acted on once.',
  {
    id: notPersonal,
    gateway: notPersonal,
    eventId: notPersonal,
    eventType: notPersonal,
    paymentId: notPersonal,
    outcome: notPersonal,
    receivedAt: notPersonal,
    processedAt: notPersonal,
  },
)

export const sandboxSessionStatuses = ['open', 'paid', 'failed'] as const
export type SandboxSessionStatus = (typeof sandboxSessionStatuses)[number]

/**
 * The bundled sandbox gateway's own books: what it was asked to collect and what its hosted page
 * decided. It is Mandi's test stand-in for an outside gateway, so it keeps its own state and tells
 * the payments module only through signed webhooks and `fetchStatus`, like a real one.
 */
export const sandboxSessions = pgTable(
  'sandbox_sessions',
  {
    ref: text('ref').primaryKey(),
    paymentId: uuid('payment_id').notNull(),
    amountPaise: bigint('amount_paise', { mode: 'number' }).notNull(),
    returnUrl: text('return_url').notNull(),
    status: text('status', { enum: sandboxSessionStatuses }).notNull().default('open'),
    refundedPaise: bigint('refunded_paise', { mode: 'number' }).notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('sandbox_sessions_payment_idx').on(t.paymentId),
    check('sandbox_sessions_status_valid', sql`status in ('open', 'paid', 'failed')`),
  ],
)

export const sandboxSessionsInventory = classifyTable(
  sandboxSessions,
  'The bundled test gateway’s record of each test payment (no real money moves).',
  {
    ref: notPersonal,
    paymentId: notPersonal,
    amountPaise: {
      personal: true,
      category: 'financial',
      description: 'The amount of a test payment, as the bundled test gateway holds it',
      purposes: ['orders'],
      retention: paymentRecordRetention,
      erasure: 'legal_hold',
    },
    returnUrl: notPersonal,
    status: notPersonal,
    refundedPaise: notPersonal,
    createdAt: notPersonal,
    updatedAt: notPersonal,
  },
  [{ column: 'payment_id', role: 'payer', via: 'payments' }],
)

/**
 * The sandbox gateway's outgoing webhooks, delivered by the `payments.sandbox-webhooks` job with
 * retries and backoff. Duplicates and out-of-order deliveries are rows too (on request).
 */
export const sandboxWebhooks = pgTable(
  'sandbox_webhooks',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    ref: text('ref').notNull(),
    eventId: text('event_id').notNull(),
    eventType: text('event_type').notNull(),
    attempts: integer('attempts').notNull().default(0),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull().defaultNow(),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
    failedAt: timestamp('failed_at', { withTimezone: true }),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('sandbox_webhooks_due_idx').on(t.dueAt).where(sql`delivered_at is null and failed_at is null`),
  ],
)

export const sandboxWebhooksInventory = classifyTable(
  sandboxWebhooks,
  'Notifications the bundled test gateway sends to Mandi about test payments.',
  {
    id: notPersonal,
    ref: notPersonal,
    eventId: notPersonal,
    eventType: notPersonal,
    attempts: notPersonal,
    dueAt: notPersonal,
    deliveredAt: notPersonal,
    failedAt: notPersonal,
    lastError: notPersonal,
    createdAt: notPersonal,
  },
)
