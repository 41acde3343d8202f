import type { Db } from '../../db/database.ts'
import type { Logger } from '../../logger.ts'
import {
  type DeliveryDeps,
  type DeliveryPolicy,
  type DeliveryReport,
  deliverDueMessages,
} from './delivery.ts'
import type { RenderContext } from './message-kind.ts'
import { createDevMailboxEmailSender, createDevMailboxSmsSender } from './senders/dev-mailbox-sender.ts'
import type { EmailSender } from './senders/email-sender.ts'
import { createHttpSmsSender } from './senders/http-sms-sender.ts'
import type { SmsSender } from './senders/sms-sender.ts'
import { createSmtpSender } from './senders/smtp-sender.ts'
import { createUnavailableSender } from './senders/unavailable-sender.ts'

/** Everything messaging reads from the environment, mapped by config.ts and handed in by app.ts. */
export interface MessagingConfig {
  isProduction: boolean
  /** Base of every link in a message (config.publicUrl). */
  publicUrl: string
  /** Named in every message footer (config.operator.name). */
  operatorName: string
  /** MAIL_FROM: the From header of every email. */
  mailFrom: string
  /** SMTP_URL: unset → the dev mailbox outside production, and email refused in production. */
  smtpUrl?: string | undefined
  /** SMS_PROVIDER_URL and friends: unset → the dev SMS outbox outside production, SMS refused in production. */
  sms?:
    | {
        url: string
        apiKey: string
        senderId: string
        dltEntityId?: string | undefined
      }
    | undefined
  /** Sender id shown in the dev SMS outbox when no provider is configured. */
  devSmsSenderId?: string | undefined
  /** SMS_DLT_TEMPLATES parsed: DLT template id by message kind. */
  dltTemplateIds?: Readonly<Record<string, string>> | undefined
  policy?: Partial<DeliveryPolicy> | undefined
  /** INBOUND_SMTP_PORT set (config.messaging.inbound): replies to relay emails reach the thread. */
  repliesByEmail?: boolean | undefined
}

export interface Messaging extends DeliveryDeps {
  config: MessagingConfig
  /** Delivers up to `limit` due messages now (see deliverDueMessages). */
  deliver(options?: { limit?: number }): Promise<DeliveryReport>
  close(): Promise<void>
}

/**
 * Builds the senders from config: SMTP and the HTTP SMS gateway when configured; otherwise the dev
 * mailbox outside production, and a sender that fails every message (with the reason) in it.
 */
export function createMessaging(config: MessagingConfig, db: Db, logger: Logger): Messaging {
  const email: EmailSender = config.smtpUrl
    ? createSmtpSender({ url: config.smtpUrl, from: config.mailFrom })
    : config.isProduction
      ? createUnavailableSender('email')
      : createDevMailboxEmailSender(db, { from: config.mailFrom })
  const sms: SmsSender = config.sms
    ? createHttpSmsSender(config.sms)
    : config.isProduction
      ? createUnavailableSender('sms')
      : createDevMailboxSmsSender(db, { senderId: config.devSmsSenderId ?? 'MANDIX' })
  if (config.isProduction && (!config.smtpUrl || !config.sms)) {
    logger.warn(
      { emailProvider: Boolean(config.smtpUrl), smsProvider: Boolean(config.sms) },
      'a message channel has no provider: its messages will be marked failed',
    )
  }
  const renderContext: RenderContext = {
    publicUrl: config.publicUrl.replace(/\/$/, ''),
    operatorName: config.operatorName,
    dltTemplateIds: config.dltTemplateIds ?? {},
    repliesByEmail: config.repliesByEmail ?? false,
  }
  const messaging: Messaging = {
    config,
    db,
    logger,
    email,
    sms,
    renderContext,
    policy: config.policy,
    deliver: (options = {}) => deliverDueMessages(messaging, options),
    async close() {
      await Promise.all([email.close?.(), sms.close?.()])
    },
  }
  return messaging
}

/** Parses SMS_DLT_TEMPLATES ("enquiry-received=1107161234567890123,other-kind=…") into a map. */
export function parseDltTemplateIds(text: string | undefined): Record<string, string> {
  const ids: Record<string, string> = {}
  for (const pair of (text ?? '').split(',')) {
    const [kind, id] = pair.split('=').map((part) => part.trim())
    if (kind && id) ids[kind] = id
  }
  return ids
}
