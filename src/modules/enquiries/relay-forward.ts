import type { Db } from '../../db/database.ts'
import type { MessageAuthor } from './enquiries.tables.ts'
import type { EnquiryContext } from './enquiry-context.ts'

export interface ForwardInput {
  enquiryId: string
  /** Who wrote the message being forwarded; the other party receives it. */
  author: Exclude<MessageAuthor, 'system'>
  messageId: number
  body: string
}

/**
 * Queues, in the caller's transaction, an email carrying a new thread message to the other
 * party, sent from the author's relay address so that a reply comes back through the relay.
 */
export async function forwardMessage(_tx: Db, _ctx: EnquiryContext, _input: ForwardInput): Promise<void> {}
