import { sql } from 'drizzle-orm'
import { check, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { classifyTable, notPersonal } from '../privacy/inventory.ts'

export const messageChannels = ['email', 'sms'] as const
export type MessageChannel = (typeof messageChannels)[number]
/**
 * `skipped`: never sent because the address cannot be reached on its channel (an SMS to a
 * landline); `last_error` says why. The row is the record the person is told about.
 */
export const outboxStatuses = ['pending', 'sending', 'sent', 'failed', 'cancelled', 'skipped'] as const
export type OutboxStatus = (typeof outboxStatuses)[number]

/**
 * The transactional outbox: a message is a row inserted in the same transaction as the business
 * change that causes it; the worker delivers it. `idempotency_key` is unique so a retry of the
 * business action cannot queue the same message twice, and senders pass it on to the provider.
 */
export const outboxMessages = pgTable(
  'outbox_messages',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    kind: text('kind').notNull(),
    channel: text('channel', { enum: messageChannels }).notNull(),
    purpose: text('purpose').notNull(),
    recipientUserId: uuid('recipient_user_id'),
    toAddress: text('to_address').notNull(),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    status: text('status', { enum: outboxStatuses }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    idempotencyKey: text('idempotency_key').notNull().unique(),
    provider: text('provider'),
    providerMessageId: text('provider_message_id'),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [
    // 'sending' too: the claim also picks up messages whose worker died mid-send (an expired lease).
    index('outbox_due_idx').on(t.nextAttemptAt).where(sql`status in ('pending', 'sending')`),
    index('outbox_recipient_idx').on(t.recipientUserId, t.createdAt.desc()),
    check('outbox_attempts_nonnegative', sql`attempts >= 0`),
  ],
)

export const outboxMessagesInventory = classifyTable(
  outboxMessages,
  'Emails and text messages waiting to be sent, and sent.',
  {
    id: notPersonal,
    kind: notPersonal,
    channel: notPersonal,
    purpose: notPersonal,
    recipientUserId: notPersonal,
    toAddress: {
      personal: true,
      category: 'contact',
      description: 'The email address or mobile number a message was sent to',
      purposes: ['account', 'security', 'enquiries', 'orders', 'marketing_email'],
      retention: '1 year after sending',
      erasure: 'delete',
    },
    data: {
      personal: true,
      category: 'content',
      description: 'What the message said (e.g. an enquiry you received, a sign-in link)',
      purposes: ['account', 'security', 'enquiries', 'orders', 'marketing_email'],
      retention: '1 year after sending',
      erasure: 'delete',
    },
    status: notPersonal,
    attempts: notPersonal,
    nextAttemptAt: notPersonal,
    idempotencyKey: notPersonal,
    provider: notPersonal,
    providerMessageId: notPersonal,
    lastError: notPersonal,
    createdAt: notPersonal,
    sentAt: notPersonal,
  },
  [{ column: 'recipient_user_id', role: 'recipient', erasure: 'delete_rows' }],
)

/**
 * Where messages go when no real provider is configured: the development mailbox and SMS outbox,
 * shown at /dev/mailbox. The unique idempotency key makes a repeated delivery a no-op.
 */
export const devMailbox = pgTable(
  'dev_mailbox',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    channel: text('channel', { enum: messageChannels }).notNull(),
    idempotencyKey: text('idempotency_key').notNull().unique(),
    fromAddress: text('from_address').notNull(),
    toAddress: text('to_address').notNull(),
    subject: text('subject'),
    text: text('text').notNull(),
    html: text('html'),
    headers: jsonb('headers').$type<Record<string, string>>().notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('dev_mailbox_created_idx').on(t.createdAt.desc())],
)

const devCopy = {
  personal: true,
  category: 'contact',
  purposes: ['account'],
  retention: 'Development installations only; cleared with the database',
  erasure: 'delete',
} as const

export const devMailboxInventory = classifyTable(
  devMailbox,
  'Development only: messages that would have been sent.',
  {
    id: notPersonal,
    channel: notPersonal,
    idempotencyKey: notPersonal,
    fromAddress: { ...devCopy, description: 'Sender address of a development message' },
    toAddress: { ...devCopy, description: 'Recipient of a development message' },
    subject: { ...devCopy, category: 'content', description: 'Subject of a development message' },
    text: { ...devCopy, category: 'content', description: 'Body of a development message' },
    html: { ...devCopy, category: 'content', description: 'Body of a development message' },
    headers: { ...devCopy, description: 'Headers of a development message' },
    createdAt: notPersonal,
  },
)
