import { eq, inArray, like, or } from 'drizzle-orm'
import type { Db } from '../../db/database.ts'
import { devMailbox, outboxMessages } from './messaging.tables.ts'

/**
 * What erasing an account needs from messaging beyond the inventory's column rules, in the
 * eraser's transaction. Messages to the person go by the inventory's rule (their rows name the
 * recipient); this removes first what no column says: messages to someone else that carry the
 * person's data, whose idempotency key names the person by convention (`<kind>:<userId>:…`, e.g.
 * the note telling a nominee), and the development mailbox's copies of both (a copy names no
 * account; it is matched by the outbox row's idempotency key). Returns counts for the report.
 */
export async function eraseSubject(tx: Db, userId: string): Promise<Record<string, number>> {
  const about = like(outboxMessages.idempotencyKey, `%:${userId}:%`)
  const keys = tx
    .select({ key: outboxMessages.idempotencyKey })
    .from(outboxMessages)
    .where(or(eq(outboxMessages.recipientUserId, userId), about))
  const copies = await tx
    .delete(devMailbox)
    .where(inArray(devMailbox.idempotencyKey, keys))
    .returning({ id: devMailbox.id })
  const toOthers = await tx.delete(outboxMessages).where(about).returning({ id: outboxMessages.id })
  return {
    ...(copies.length > 0 ? { 'development mailbox copies deleted': copies.length } : {}),
    ...(toOthers.length > 0 ? { 'messages to others about you deleted': toOthers.length } : {}),
  }
}
