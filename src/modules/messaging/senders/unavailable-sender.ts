import { DeliveryError } from '../delivery-error.ts'
import type { EmailSender } from './email-sender.ts'
import type { SmsSender } from './sms-sender.ts'

/**
 * In production with no provider configured for a channel, messages on it fail at once with a
 * clear reason instead of landing in a development mailbox nobody reads.
 */
export function createUnavailableSender(channel: 'email' | 'sms'): EmailSender & SmsSender {
  return {
    name: `${channel}-not-configured`,
    recipientTitle: 'Nobody (no provider configured)',
    outbound: null,
    async send() {
      const what = channel === 'email' ? 'SMTP_URL' : 'SMS_PROVIDER_URL'
      throw new DeliveryError('no_provider', `no ${channel} provider is configured (set ${what})`, {
        permanent: true,
      })
    },
  }
}
