import { desc, eq, inArray } from 'drizzle-orm'
import type { Db } from '../../db/database.ts'
import { devMailbox } from './messaging.tables.ts'

export type DevMailboxMessage = typeof devMailbox.$inferSelect

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** The dev mailbox and SMS outbox, newest first. */
export async function listDevMailbox(db: Db, options: { limit?: number; toAddresses?: readonly string[] } = {}) {
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
    .where(options.toAddresses ? inArray(devMailbox.toAddress, [...options.toAddresses, '']) : undefined)
    .orderBy(desc(devMailbox.createdAt), desc(devMailbox.id))
    .limit(options.limit ?? 200)
}

/** One dev mailbox message with its parts and headers, or undefined (also for a malformed id). */
export async function findDevMailboxMessage(db: Db, id: string): Promise<DevMailboxMessage | undefined> {
  if (!UUID.test(id)) return undefined
  const [row] = await db.select().from(devMailbox).where(eq(devMailbox.id, id))
  return row
}
