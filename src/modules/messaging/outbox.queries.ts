import { and, desc, eq, type SQL, sql } from 'drizzle-orm'
import { type Db, queryRows } from '../../db/database.ts'
import { type MessageChannel, outboxMessages } from './messaging.tables.ts'

export type OutboxMessage = typeof outboxMessages.$inferSelect

/**
 * A point in time for the outbox: `now` plus `plusMs`, where an absent `now` means the database's
 * clock. Queued rows take their due time from the database, so comparing against the database's
 * clock keeps app servers with a skewed clock from sending early or late; tests pass a clock.
 */
function at(now: Date | undefined, plusMs = 0): SQL {
  return sql`(coalesce(${now?.toISOString() ?? null}::timestamptz, now()) + ${plusMs} * interval '1 millisecond')`
}
type NewOutboxMessage = typeof outboxMessages.$inferInsert

/** Inserts a message unless its idempotency key is taken; returns undefined when it was. */
export async function insertOutboxMessage(
  tx: Db,
  values: NewOutboxMessage,
): Promise<OutboxMessage | undefined> {
  const [row] = await tx
    .insert(outboxMessages)
    .values(values)
    .onConflictDoNothing({ target: outboxMessages.idempotencyKey })
    .returning()
  return row
}

export async function findOutboxMessageByKey(
  db: Db,
  idempotencyKey: string,
): Promise<OutboxMessage | undefined> {
  const [row] = await db
    .select()
    .from(outboxMessages)
    .where(eq(outboxMessages.idempotencyKey, idempotencyKey))
  return row
}

export async function findOutboxMessageById(db: Db, id: string): Promise<OutboxMessage | undefined> {
  const [row] = await db.select().from(outboxMessages).where(eq(outboxMessages.id, id))
  return row
}

/** A message this worker now holds: status `sending`, its lease running until `next_attempt_at`. */
export interface ClaimedMessage {
  id: string
  kind: string
  channel: MessageChannel
  purpose: string
  recipientUserId: string | null
  toAddress: string
  data: Record<string, unknown>
  attempts: number
  idempotencyKey: string
  /** Which sender held it before this claim (null on the first attempt). */
  previousProvider: string | null
}

/**
 * Claims due messages for sending, in the caller's transaction: pending ones whose time has come,
 * and ones left in `sending` by a worker that died (their lease, kept in next_attempt_at, has run
 * out). SKIP LOCKED lets any number of workers claim side by side without waiting or overlapping.
 * The two halves are separate so that each can use a partial index on its status.
 */
export async function claimDueMessages(
  tx: Db,
  options: {
    now: Date | undefined
    leaseMs: number
    limit: number
    maxAttempts: number
    providers: Record<MessageChannel, string>
  },
): Promise<ClaimedMessage[]> {
  const now = at(options.now)
  const rows = await queryRows<{
    id: string
    kind: string
    channel: MessageChannel
    purpose: string
    recipient_user_id: string | null
    to_address: string
    data: Record<string, unknown>
    attempts: number
    idempotency_key: string
    previous_provider: string | null
  }>(
    tx,
    sql`
      with abandoned as (
        select id, provider from outbox_messages
        where status = 'sending' and next_attempt_at <= ${now} and attempts < ${options.maxAttempts}
        order by next_attempt_at
        limit ${options.limit}
        for update skip locked
      ), pending as (
        select id, provider from outbox_messages
        where status = 'pending' and next_attempt_at <= ${now}
        order by next_attempt_at
        limit ${options.limit}
        for update skip locked
      ), due as (
        (select id, provider from abandoned) union all (select id, provider from pending) limit ${options.limit}
      )
      update outbox_messages m
      set status = 'sending',
          attempts = m.attempts + 1,
          next_attempt_at = ${at(options.now, options.leaseMs)},
          provider = case m.channel when 'sms' then ${options.providers.sms} else ${options.providers.email} end
      from due
      where m.id = due.id
      returning m.id, m.kind, m.channel, m.purpose, m.recipient_user_id, m.to_address, m.data, m.attempts,
                m.idempotency_key, due.provider as previous_provider`,
  )
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    channel: r.channel,
    purpose: r.purpose,
    recipientUserId: r.recipient_user_id,
    toAddress: r.to_address,
    data: r.data,
    attempts: Number(r.attempts),
    idempotencyKey: r.idempotency_key,
    previousProvider: r.previous_provider,
  }))
}

/**
 * Messages whose last allowed attempt was interrupted (the worker died while sending) are not tried
 * again: a message that crashes its worker every time must not loop forever.
 */
export async function failInterruptedFinalAttempts(
  tx: Db,
  now: Date | undefined,
  maxAttempts: number,
): Promise<InterruptedMessage[]> {
  const rows = await tx
    .update(outboxMessages)
    .set({ status: 'failed', lastError: 'interrupted: the worker stopped during the final attempt' })
    .where(
      and(
        eq(outboxMessages.status, 'sending'),
        sql`${outboxMessages.nextAttemptAt} <= ${at(now)}`,
        sql`${outboxMessages.attempts} >= ${maxAttempts}`,
      ),
    )
    .returning({
      id: outboxMessages.id,
      channel: outboxMessages.channel,
      provider: outboxMessages.provider,
      recipientUserId: outboxMessages.recipientUserId,
      purpose: outboxMessages.purpose,
    })
  return rows
}

/** A message failed because its final attempt was interrupted; the provider may have accepted it. */
export interface InterruptedMessage {
  id: string
  channel: MessageChannel
  provider: string | null
  recipientUserId: string | null
  purpose: string
}

// Every transition below applies only to the claim it was given (same id, still `sending`, same
// attempt number), so a worker whose lease ran out cannot overwrite the outcome of the one that
// took the message over.
const stillClaimed = (claim: Pick<ClaimedMessage, 'id' | 'attempts'>) =>
  and(
    eq(outboxMessages.id, claim.id),
    eq(outboxMessages.status, 'sending'),
    eq(outboxMessages.attempts, claim.attempts),
  )

export async function markCancelled(
  tx: Db,
  claim: Pick<ClaimedMessage, 'id' | 'attempts'>,
  reason: string,
  eraseData: boolean,
) {
  await tx
    .update(outboxMessages)
    .set({ status: 'cancelled', lastError: reason, ...(eraseData ? { data: {} } : {}) })
    .where(stillClaimed(claim))
}

/** Returns false when the claim had been lost (another worker took the message over). */
export async function markSent(
  db: Db,
  claim: Pick<ClaimedMessage, 'id' | 'attempts'>,
  outcome: { providerMessageId: string; now: Date | undefined; eraseData: boolean },
): Promise<boolean> {
  const rows = await db
    .update(outboxMessages)
    .set({
      status: 'sent',
      providerMessageId: outcome.providerMessageId,
      sentAt: at(outcome.now),
      lastError: null,
      ...(outcome.eraseData ? { data: {} } : {}),
    })
    .where(stillClaimed(claim))
    .returning({ id: outboxMessages.id })
  return rows.length === 1
}

/** Records a failed attempt: back to `pending` for another try after `retryInMs`, or `failed` for good when null. */
export async function markAttemptFailed(
  db: Db,
  claim: Pick<ClaimedMessage, 'id' | 'attempts'>,
  outcome: { now: Date | undefined; retryInMs: number | null; error: string; eraseData: boolean },
): Promise<boolean> {
  const rows = await db
    .update(outboxMessages)
    .set(
      outcome.retryInMs !== null
        ? { status: 'pending', nextAttemptAt: at(outcome.now, outcome.retryInMs), lastError: outcome.error }
        : { status: 'failed', lastError: outcome.error, ...(outcome.eraseData ? { data: {} } : {}) },
    )
    .where(stillClaimed(claim))
    .returning({ id: outboxMessages.id })
  return rows.length === 1
}

/** A channel on which the latest message to a person could not be sent at all (see `skipped`). */
export interface UnreachableChannel {
  channel: MessageChannel
  /** The validator's code, e.g. 'invalid_phone'. */
  code: string
  /** Why, in a sentence a person can act on. */
  reason: string
  at: Date
}

/**
 * The channels on which the most recent message to this account was skipped as unreachable. A
 * channel drops out as soon as a later message on it is queued normally (the address was fixed).
 */
export async function findUnreachableChannels(db: Db, userId: string): Promise<UnreachableChannel[]> {
  const found: UnreachableChannel[] = []
  for (const channel of ['email', 'sms'] as const) {
    const [latest] = await db
      .select({
        status: outboxMessages.status,
        lastError: outboxMessages.lastError,
        createdAt: outboxMessages.createdAt,
      })
      .from(outboxMessages)
      .where(and(eq(outboxMessages.recipientUserId, userId), eq(outboxMessages.channel, channel)))
      .orderBy(desc(outboxMessages.createdAt), desc(outboxMessages.id))
      .limit(1)
    if (latest?.status !== 'skipped') continue
    const text = latest.lastError ?? ''
    const colon = text.indexOf(': ')
    found.push({
      channel,
      code: colon > 0 ? text.slice(0, colon) : 'unreachable',
      reason: colon > 0 ? text.slice(colon + 2) : text,
      at: latest.createdAt,
    })
  }
  return found
}
