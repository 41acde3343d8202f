import { and, desc, eq, exists, inArray, type SQL } from 'drizzle-orm'
import type { Db } from '../../db/database.ts'
import { isUuid } from '../../shared/validation.ts'
import { devMailbox, outboxMessages } from './messaging.tables.ts'

/** A dev mailbox message, with the account its outbox row was addressed to (null when none). */
export type DevMailboxMessage = typeof devMailbox.$inferSelect & { toUserId: string | null }

/**
 * The dev mailbox and SMS outbox, newest first. `toUserId` keeps only messages addressed to that
 * account; `toAddresses` only those sent to these addresses.
 */
export async function listDevMailbox(
  db: Db,
  options: { limit?: number; toAddresses?: readonly string[]; toUserId?: string } = {},
) {
  const filters: SQL[] = []
  if (options.toAddresses) filters.push(inArray(devMailbox.toAddress, [...options.toAddresses, '']))
  if (options.toUserId !== undefined) filters.push(ownedBy(db, options.toUserId))
  return db
    .select({
      id: devMailbox.id,
      channel: devMailbox.channel,
      toAddress: devMailbox.toAddress,
      subject: devMailbox.subject,
      text: devMailbox.text,
      createdAt: devMailbox.createdAt,
    })
    .from(devMailbox)
    .where(filters.length > 0 ? and(...filters) : undefined)
    .orderBy(desc(devMailbox.createdAt), desc(devMailbox.id))
    .limit(options.limit ?? 200)
}

/** One dev mailbox message with its parts, headers and addressee account, or undefined (also for a malformed id). */
export async function findDevMailboxMessage(db: Db, id: string): Promise<DevMailboxMessage | undefined> {
  if (!isUuid(id)) return undefined
  const [row] = await db
    .select({ message: devMailbox, toUserId: outboxMessages.recipientUserId })
    .from(devMailbox)
    .leftJoin(outboxMessages, eq(outboxMessages.idempotencyKey, devMailbox.idempotencyKey))
    .where(eq(devMailbox.id, id))
  return row ? { ...row.message, toUserId: row.toUserId } : undefined
}

// A message belongs to the account its outbox row names (recipient_user_id), joined on the
// idempotency key the senders copy. An address is not an owner: two accounts can give the same
// phone number, and one must not read the other's texts.

function ownedBy(db: Db, userId: string): SQL {
  return exists(
    db
      .select({ one: outboxMessages.id })
      .from(outboxMessages)
      .where(
        and(
          eq(outboxMessages.idempotencyKey, devMailbox.idempotencyKey),
          eq(outboxMessages.recipientUserId, userId),
        ),
      ),
  )
}
