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
  /**
   * Checked during RCPT TO for a recipient this handler matches: false refuses that recipient for
   * good (550 5.1.1) before the message is even sent, e.g. a forged or altered relay address.
   */
  isDeliverable?(recipient: string): boolean
  /**
   * Throwing an InboundRejection refuses the message for good (a 5xx reply: the sending server
   * bounces it to its sender and never retries). Throwing anything else makes the receiver
   * answer "try again later", so the sending server retries.
   */
  handle(mail: InboundMail): Promise<void>
}

/**
 * A permanent refusal of one inbound message. The text is sent back in the SMTP reply, so it is
 * a fixed sentence, never an address or anything from the message.
 */
export class InboundRejection extends Error {
  /** An SMTP 5xx code and an enhanced status code such as '5.7.1'. */
  readonly responseCode: number
  readonly status: string
  /** Stable, for logs and tests: 'wrong_sender', 'unknown_address', 'enquiry_closed'… */
  readonly code: string

  constructor(code: string, message: string, options: { responseCode?: number; status?: string } = {}) {
    super(message)
    this.name = 'InboundRejection'
    this.code = code
    this.responseCode = options.responseCode ?? 550
    this.status = options.status ?? '5.7.1'
    if (this.responseCode < 500 || this.responseCode > 599)
      throw new RangeError('a rejection needs a 5xx code')
  }
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
