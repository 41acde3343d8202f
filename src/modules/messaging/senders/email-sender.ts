import { createHash } from 'node:crypto'
import type { OutboundPath } from '../../privacy/index.ts'

/** A mailbox with an optional display name, e.g. { name: 'Ravi from Pune via Mandi', address: 'e-…@relay…' }. */
export interface EmailAddress {
  name?: string | undefined
  address: string
}

export interface OutgoingEmail {
  outboxId: string
  /** Passed to the provider so that a retry can never deliver a second copy. */
  idempotencyKey: string
  to: string
  subject: string
  text: string
  html: string
  listUnsubscribeUrl?: string | undefined
  /** The From header when the message kind sets its own (the enquiry relay); MAIL_FROM otherwise. */
  from?: EmailAddress | undefined
  replyTo?: EmailAddress | undefined
  /**
   * Message-IDs (with angle brackets) of the conversation this message belongs to, oldest first.
   * They become References, and the last one In-Reply-To, so mail clients thread the messages.
   */
  references?: string[] | undefined
}

export interface SendResult {
  providerMessageId: string
}

export interface EmailSender {
  /** Names the sender in outbox_messages.provider and in the disclosure ledger. */
  readonly name: string
  /** Who receives the data, as the person reads it in their disclosure ledger. */
  readonly recipientTitle: string
  /**
   * The declared path when the message leaves this installation (a disclosure to record once the
   * provider accepts it); null when it stays inside Mandi.
   */
  readonly outbound: OutboundPath | null
  /** Sends one email; throws DeliveryError (or anything) on failure. */
  send(email: OutgoingEmail): Promise<SendResult>
  close?(): Promise<void>
}

/**
 * The Message-ID of an outbox message, derived from its idempotency key: a retried send carries
 * the same id, so receiving servers and mail clients treat it as the same message.
 */
export function messageIdFor(idempotencyKey: string, fromAddress: string): string {
  const digest = createHash('sha256').update(idempotencyKey).digest('hex').slice(0, 40)
  return `<${digest}@${domainOf(fromAddress)}>`
}

/** The domain of an address such as "Mandi <no-reply@mandi.example>". */
export function domainOf(address: string): string {
  const match = /@([^\s>]+)>?\s*$/.exec(address)
  return (match?.[1] ?? 'mandi.localhost').toLowerCase()
}

/** The bare address of "Mandi <no-reply@mandi.example>" (or of a bare address). */
export function addressOf(mailbox: string): string {
  const match = /<([^<>\s]+)>\s*$/.exec(mailbox)
  return (match?.[1] ?? mailbox).trim()
}

/**
 * An address as a header value. The display name is always quoted, with quotes and backslashes
 * escaped and line breaks flattened, so a business name can never add a header or a second address.
 */
export function formatAddress(mailbox: EmailAddress): string {
  const name = (mailbox.name ?? '').replace(/[\r\n\t]+/g, ' ').trim()
  if (!name) return mailbox.address
  return `"${name.replace(/(["\\])/g, '\\$1')}" <${mailbox.address}>`
}

/** The From header an email goes out with: its own, or the sender's default (MAIL_FROM). */
export function fromHeader(email: OutgoingEmail, defaultFrom: string): string {
  return email.from ? formatAddress(email.from) : defaultFrom
}

/** The headers every email carries besides From/To/Subject/Message-ID, as the dev mailbox stores them. */
export function extraHeaders(email: OutgoingEmail): Record<string, string> {
  const references = email.references ?? []
  return {
    ...(email.replyTo ? { 'Reply-To': formatAddress(email.replyTo) } : {}),
    ...(references.length > 0 ? { 'In-Reply-To': references.at(-1)!, References: references.join(' ') } : {}),
    ...(email.listUnsubscribeUrl
      ? {
          'List-Unsubscribe': `<${email.listUnsubscribeUrl}>`,
          'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
        }
      : {}),
  }
}
