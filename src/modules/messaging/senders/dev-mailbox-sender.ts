import { eq } from 'drizzle-orm'
import type { Db } from '../../../db/database.ts'
import { devMailbox } from '../messaging.tables.ts'
import { type EmailSender, extraHeaders, fromHeader, messageIdFor } from './email-sender.ts'
import type { SmsSender } from './sms-sender.ts'

// With no provider configured, messages are written to dev_mailbox and shown at /dev/mailbox.
// Nothing leaves the installation, so nothing is recorded in the disclosure ledger. The unique
// idempotency key makes a repeated delivery of the same message a no-op.

/** Email into dev_mailbox (channel email), once per idempotency key. */
export function createDevMailboxEmailSender(db: Db, options: { from: string }): EmailSender {
  return {
    name: 'dev-mailbox',
    recipientTitle: 'Development mailbox (this installation)',
    outbound: null,
    async send(email) {
      const from = fromHeader(email, options.from)
      const messageId = messageIdFor(email.idempotencyKey, from)
      const id = await insertOnce(db, {
        channel: 'email',
        idempotencyKey: email.idempotencyKey,
        fromAddress: from,
        toAddress: email.to,
        subject: email.subject,
        text: email.text,
        html: email.html,
        headers: { 'Message-ID': messageId, ...extraHeaders(email) },
      })
      return { providerMessageId: id }
    },
  }
}

/** SMS into dev_mailbox (channel sms), once per idempotency key. */
export function createDevMailboxSmsSender(db: Db, options: { senderId: string }): SmsSender {
  return {
    name: 'dev-sms-outbox',
    recipientTitle: 'Development SMS outbox (this installation)',
    outbound: null,
    async send(sms) {
      const id = await insertOnce(db, {
        channel: 'sms',
        idempotencyKey: sms.idempotencyKey,
        fromAddress: options.senderId,
        toAddress: sms.to,
        subject: null,
        text: sms.text,
        html: null,
        headers: { 'DLT-Template-Id': sms.dltTemplateId },
      })
      return { providerMessageId: id }
    },
  }
}

async function insertOnce(db: Db, values: typeof devMailbox.$inferInsert): Promise<string> {
  const [inserted] = await db
    .insert(devMailbox)
    .values(values)
    .onConflictDoNothing({ target: devMailbox.idempotencyKey })
    .returning({ id: devMailbox.id })
  if (inserted) return inserted.id
  const [existing] = await db
    .select({ id: devMailbox.id })
    .from(devMailbox)
    .where(eq(devMailbox.idempotencyKey, values.idempotencyKey))
  return existing!.id
}
