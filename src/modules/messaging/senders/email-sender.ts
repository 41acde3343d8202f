import { createHash } from 'node:crypto'

export interface OutgoingEmail {
  outboxId: string
  /** Passed to the provider so that a retry can never deliver a second copy. */
  idempotencyKey: string
  to: string
  subject: string
  text: string
  html: string
  listUnsubscribeUrl?: string | undefined
}

export interface SendResult {
  providerMessageId: string
}

export interface EmailSender {
  /** Names the sender in outbox_messages.provider and in the disclosure ledger. */
  readonly name: string
  /** Who receives the data, as the person reads it in their disclosure ledger. */
  readonly recipientTitle: string
  /** True when the message leaves this installation (a disclosure to record). */
  readonly isExternal: boolean
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

/** The headers every email carries besides From/To/Subject, the same on every sender. */
export function extraHeaders(email: OutgoingEmail): Record<string, string> {
  return email.listUnsubscribeUrl
    ? {
        'List-Unsubscribe': `<${email.listUnsubscribeUrl}>`,
        'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      }
    : {}
}
