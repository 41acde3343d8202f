// Messaging owns the outbox (outbox_messages), the dev mailbox (dev_mailbox), the message kinds and
// their templates, the senders (SMTP, HTTP SMS, dev mailbox) and the inbound mail receiver. Other
// modules only queue messages, in their own transaction; nothing else talks to a provider. It
// imports privacy (consent checks, disclosure ledger) and no other module.

export { normaliseEmail, normalisePhone } from './addresses.ts'
export { DeliveryError } from './delivery-error.ts'
export { deliverDueMessages, deliveryPolicy, retryDelayMs } from './delivery.ts'
export type { DeliveryDeps, DeliveryPolicy, DeliveryReport } from './delivery.ts'
export { findDevMailboxMessage, listDevMailbox } from './dev-mailbox.queries.ts'
export { eraseSubject } from './erasure.ts'
export type { DevMailboxMessage } from './dev-mailbox.queries.ts'
export { createReceiptLogHandler, InboundRejection } from './inbound/inbound-handlers.ts'
export type { InboundMail, InboundMailHandler } from './inbound/inbound-handlers.ts'
export { startInboundSmtp } from './inbound/inbound-smtp.ts'
export type { InboundSmtp, InboundSmtpOptions } from './inbound/inbound-smtp.ts'
export type { EmailContent, MessageKindDefinition, RenderContext, SmsContent } from './message-kind.ts'
export { messageKinds, renderMessage } from './message-kinds.ts'
export type { MessageData, MessageKind, RenderedMessage } from './message-kinds.ts'
export { runDeliveryJob } from './messaging.jobs.ts'
export { createMessaging, parseDltTemplateIds } from './messaging.ts'
export type { Messaging, MessagingConfig } from './messaging.ts'
export {
  devMailbox,
  devMailboxInventory,
  outboxMessages,
  outboxMessagesInventory,
} from './messaging.tables.ts'
export type { MessageChannel, OutboxStatus } from './messaging.tables.ts'
export { emailProviderPath, outboundPaths, smsProviderPath } from './outbound-paths.ts'
export { queueMessage } from './outbox.ts'
export type { QueueMessageInput } from './outbox.ts'
export { findUnreachableChannels } from './outbox.queries.ts'
export type { OutboxMessage, UnreachableChannel } from './outbox.queries.ts'
export { createDevMailboxEmailSender, createDevMailboxSmsSender } from './senders/dev-mailbox-sender.ts'
export type { EmailAddress, EmailSender, OutgoingEmail, SendResult } from './senders/email-sender.ts'
export { messageIdFor } from './senders/email-sender.ts'
export { createHttpSmsSender } from './senders/http-sms-sender.ts'
export type { HttpSmsSenderOptions } from './senders/http-sms-sender.ts'
export type { OutgoingSms, SmsSender } from './senders/sms-sender.ts'
export { createSmtpSender } from './senders/smtp-sender.ts'
export type { SmtpSenderOptions } from './senders/smtp-sender.ts'
export { createUnsubscribeToken, unsubscribeUrl, verifyUnsubscribeToken } from './unsubscribe.ts'
