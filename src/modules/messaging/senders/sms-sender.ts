import type { OutboundPath } from '../../privacy/index.ts'
import type { SendResult } from './email-sender.ts'

export interface OutgoingSms {
  outboxId: string
  /** Passed to the provider so that a retry can never deliver a second copy. */
  idempotencyKey: string
  /** E.164, e.g. +919876543210. */
  to: string
  text: string
  dltTemplateId: string
}

export interface SmsSender {
  readonly name: string
  /** Who receives the data, as the person reads it in their disclosure ledger. */
  readonly recipientTitle: string
  /** The declared path when the message leaves this installation; null when it stays inside Mandi. */
  readonly outbound: OutboundPath | null
  send(sms: OutgoingSms): Promise<SendResult>
  close?(): Promise<void>
}
