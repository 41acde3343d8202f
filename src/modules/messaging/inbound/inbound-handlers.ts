import { createHash } from 'node:crypto'
import type { ParsedMail } from 'mailparser'
import type { Logger } from '../../../logger.ts'

export interface InboundMail {
  /** The envelope recipient this copy is for, in lower case. */
  recipient: string
  /** The envelope sender (MAIL FROM), or null for bounces. */
  envelopeFrom: string | null
  /** Size of the raw message in bytes. */
  size: number
  parsed: ParsedMail
}

/**
 * One kind of address the receiver serves (the enquiry relay, bounce handling…). The receiver
 * gives each recipient to the first handler whose `matches` is true and refuses recipients no
 * handler matches.
 */
export interface InboundMailHandler {
  name: string
  matches(recipient: string): boolean
  /** Throwing makes the receiver answer "try again later", so the sending server retries. */
  handle(mail: InboundMail): Promise<void>
}

/**
 * Logs that a message arrived, and nothing personal: a hash of its Message-ID (to match a
 * sender's complaint to the log), the recipient's domain and the size.
 */
export function createReceiptLogHandler(logger: Logger): InboundMailHandler {
  return {
    name: 'receipt-log',
    matches: () => true,
    async handle(mail) {
      logger.info(
        {
          messageIdHash: mail.parsed.messageId
            ? createHash('sha256').update(mail.parsed.messageId).digest('hex').slice(0, 16)
            : null,
          recipientDomain: mail.recipient.slice(mail.recipient.lastIndexOf('@') + 1),
          size: mail.size,
          attachments: mail.parsed.attachments.length,
        },
        'inbound mail received',
      )
    },
  }
}
