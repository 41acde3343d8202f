import { and, eq, inArray, isNotNull } from 'drizzle-orm'
import type { Db } from '../../db/database.ts'
import { devMailbox, outboxMessages } from './messaging.tables.ts'

/**
 * What erasing an account needs from messaging beyond the inventory's column rules, in the
 * eraser's transaction: the development mailbox's copies of the messages sent to the person
 * (matched by the outbox row's idempotency key, since a copy names no account) go before the
 * inventory's rule deletes the outbox rows themselves. Returns report counts.
 */
export async function eraseSubject(tx: Db, userId: string): Promise<Record<string, number>> {
  const keys = tx
    .select({ key: outboxMessages.idempotencyKey })
    .from(outboxMessages)
    .where(and(eq(outboxMessages.recipientUserId, userId), isNotNull(outboxMessages.idempotencyKey)))
  const copies = await tx
    .delete(devMailbox)
    .where(inArray(devMailbox.idempotencyKey, keys))
    .returning({ id: devMailbox.id })
  return copies.length > 0 ? { 'development mailbox copies deleted': copies.length } : {}
}
