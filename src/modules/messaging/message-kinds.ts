import type { z } from 'zod'
import { invalid } from '../../shared/errors.ts'
import type { MessageChannel } from './messaging.tables.ts'
import type { EmailContent, MessageKindDefinition, RenderContext, SmsContent } from './message-kind.ts'
import { accountErased } from './templates/account-erased.tsx'
import { dataExportReady } from './templates/data-export-ready.tsx'
import { emailVerification } from './templates/email-verification.tsx'
import { enquiryMessage } from './templates/enquiry-message.tsx'
import { enquiryReceived } from './templates/enquiry-received.tsx'
import { grievanceReceived, grievanceUpdate, nomineeNamed } from './templates/grievance-mails.tsx'
import { marketingDigest } from './templates/marketing-digest.tsx'
import { orderAccepted, orderCancelled, orderDispatched, orderReceived } from './templates/order-mails.tsx'
import { passwordReset } from './templates/password-reset.tsx'
import { phoneVerification } from './templates/phone-verification.tsx'
import {
  newDeviceSignIn,
  passwordChanged,
  sessionsEnded,
  twoFactorChanged,
} from './templates/security-alerts.tsx'

/** Every message Mandi can send, by kind. A new message is one file in templates/ and one line here. */
export const messageKinds = {
  'email-verification': emailVerification,
  'password-reset': passwordReset,
  'phone-verification': phoneVerification,
  'enquiry-received': enquiryReceived,
  'enquiry-message': enquiryMessage,
  'marketing-digest': marketingDigest,
  'two-factor-changed': twoFactorChanged,
  'password-changed': passwordChanged,
  'new-device-sign-in': newDeviceSignIn,
  'sessions-ended': sessionsEnded,
  'data-export-ready': dataExportReady,
  'account-erased': accountErased,
  'grievance-received': grievanceReceived,
  'grievance-update': grievanceUpdate,
  'nominee-named': nomineeNamed,
  'order-received': orderReceived,
  'order-accepted': orderAccepted,
  'order-dispatched': orderDispatched,
  'order-cancelled': orderCancelled,
} as const

export type MessageKind = keyof typeof messageKinds
/** The data a kind takes, as the caller writes it. */
export type MessageData<K extends MessageKind> = z.input<(typeof messageKinds)[K]['schema']>

export function findMessageKind(kind: string): MessageKindDefinition | undefined {
  return Object.hasOwn(messageKinds, kind)
    ? (messageKinds[kind as MessageKind] as MessageKindDefinition)
    : undefined
}

export function requireMessageKind(kind: string): MessageKindDefinition {
  const definition = findMessageKind(kind)
  if (!definition) throw invalid('unknown_message_kind', `There is no message kind "${kind}".`)
  return definition
}

export type RenderedMessage =
  | { channel: 'email'; content: EmailContent }
  | { channel: 'sms'; content: SmsContent }

/**
 * Renders a stored message for one channel. The data is parsed again with the kind's schema, so a
 * row written by an older version of a template fails here, loudly, instead of rendering garbage.
 */
export function renderMessage(
  kind: string,
  channel: MessageChannel,
  data: unknown,
  ctx: RenderContext,
): RenderedMessage {
  const definition = requireMessageKind(kind)
  const parsed = definition.schema.parse(data)
  if (channel === 'email' && definition.email) return { channel, content: definition.email(parsed, ctx) }
  if (channel === 'sms' && definition.sms) return { channel, content: definition.sms.render(parsed, ctx) }
  throw invalid('channel_not_supported', `Message kind "${kind}" is not sent by ${channel}.`)
}
