import type { z } from 'zod'
import type * as privacy from '../privacy/index.ts'
import type { MessageChannel } from './messaging.tables.ts'
import type { EmailAddress } from './senders/email-sender.ts'

/** What every template may use besides its own data. */
export interface RenderContext {
  /** Absolute base URL of this installation, without a trailing slash. */
  publicUrl: string
  /** Who runs this marketplace, named in every footer. */
  operatorName: string
  /** DLT template ids registered by the operator, by message kind (Indian SMS rules). */
  dltTemplateIds: Readonly<Record<string, string>>
  /**
   * The inbound mail receiver is on (INBOUND_SMTP_PORT set), so a reply to a relay email reaches
   * the thread. When off or unset, mails ask for the reply on Mandi instead.
   */
  repliesByEmail?: boolean | undefined
}

export interface EmailContent {
  subject: string
  html: string
  text: string
  /** Set on bulk mail: becomes List-Unsubscribe and List-Unsubscribe-Post (RFC 8058 one-click). */
  listUnsubscribeUrl?: string
  /**
   * A From of the kind's own (the enquiry relay sends from a per-enquiry address); MAIL_FROM when
   * unset. Bounces still go to MAIL_FROM's address, whatever the From header says.
   */
  from?: EmailAddress
  replyTo?: EmailAddress
  /** Message-IDs of the conversation, oldest first: References, and the last one In-Reply-To. */
  references?: string[]
}

export interface SmsContent {
  text: string
  /** The id under which the operator registered this exact text on the DLT platform. */
  dltTemplateId: string
}

/**
 * One kind of message, declared once: its purpose (which decides whether consent is needed), the
 * shape of its data, and a renderer per channel it can go out on.
 */
export interface MessageKindDefinition<Schema extends z.ZodType = z.ZodType> {
  kind: string
  /** Non-consent purposes (account, enquiries, orders) are transactional; consent purposes are checked. */
  purpose: privacy.Purpose
  /** Exactly the fields a message may carry; strict, so nothing extra (a phone number…) slips in. */
  schema: Schema
  email?: (data: z.output<Schema>, ctx: RenderContext) => EmailContent
  sms?: {
    /** The text to register on the DLT platform, with {#var#} where values go. */
    dltTemplate: string
    render: (data: z.output<Schema>, ctx: RenderContext) => SmsContent
  }
  /**
   * The data holds a one-time secret (a sign-in or reset link): it is emptied once the message
   * reaches a final state, so the outbox does not keep working credentials for a year.
   */
  eraseDataWhenDone?: boolean
}

export function defineMessageKind<Schema extends z.ZodType>(definition: MessageKindDefinition<Schema>) {
  return definition
}

export function channelsOf(definition: MessageKindDefinition): MessageChannel[] {
  return [...(definition.email ? (['email'] as const) : []), ...(definition.sms ? (['sms'] as const) : [])]
}

/** The DLT template id for a kind; outside production a placeholder keeps the dev outbox readable. */
export function dltTemplateIdFor(ctx: RenderContext, kind: string): string {
  return ctx.dltTemplateIds[kind] ?? `unregistered:${kind}`
}
