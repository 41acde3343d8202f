import * as privacy from '../privacy/index.ts'

// The two ways a message leaves Mandi: handed to an outside mail service or SMS gateway. A sender
// adapter names its path (or null when the message stays on this installation, as in the dev
// mailbox), and delivery writes the ledger entry in the transaction that marks the message sent.
// The purpose on the ledger entry is the message's own (a reset link is 'account', a digest
// 'marketing_email'); the one given here is what the register shows for the path as a whole.

export const emailProviderPath = privacy.declareOutbound({
  id: 'messaging.email-provider',
  description: 'An email we send you is handed to the outside mail service that delivers it.',
  recipientKind: 'email_provider',
  fields: ['email', 'message text'],
  purpose: 'account',
})

export const smsProviderPath = privacy.declareOutbound({
  id: 'messaging.sms-provider',
  description: 'A text message we send you is handed to the SMS gateway that delivers it.',
  recipientKind: 'sms_provider',
  fields: ['phone', 'message text'],
  purpose: 'account',
})

/** Every outbound path of the messaging module, gathered by `src/outbound.ts`. */
export const outboundPaths: readonly privacy.OutboundPath[] = [emailProviderPath, smsProviderPath]
