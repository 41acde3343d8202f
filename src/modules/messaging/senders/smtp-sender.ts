import nodemailer from 'nodemailer'
import { DeliveryError, scrubPersonal } from '../delivery-error.ts'
import { addressOf, type EmailSender, messageIdFor } from './email-sender.ts'
import { emailProviderPath } from '../outbound-paths.ts'

export interface SmtpSenderOptions {
  /** smtp://user:pass@host:587 or smtps://…:465; query parameters are nodemailer options. */
  url: string
  /**
   * The From header: "Mandi <no-reply@mandi.example>", unless a message kind sets its own. Its
   * address is always the envelope sender, so bounces come here and never to a relay address.
   */
  from: string
  /** Connections kept open to the server (a pool, unless the URL says pool=false). */
  maxConnections?: number
}

/**
 * Sends through any SMTP server. The Message-ID is derived from the idempotency key, so if a worker
 * dies after the server accepted a message and the message is sent again, receivers see the same
 * message twice and keep one (and providers that de-duplicate by Message-ID drop the copy).
 */
export function createSmtpSender(options: SmtpSenderOptions): EmailSender {
  const host = new URL(options.url).hostname
  const transport = nodemailer.createTransport({
    url: options.url,
    pool: true,
    maxConnections: options.maxConnections ?? 5,
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 60_000,
  })
  return {
    name: `smtp:${host}`,
    recipientTitle: `Email provider (${host})`,
    outbound: emailProviderPath,
    async send(email) {
      const messageId = messageIdFor(email.idempotencyKey, email.from?.address ?? options.from)
      const references = email.references ?? []
      try {
        await transport.sendMail({
          // nodemailer encodes a display name given as an object (quotes, non-ASCII) itself.
          from: email.from ? { name: email.from.name ?? '', address: email.from.address } : options.from,
          to: email.to,
          subject: email.subject,
          text: email.text,
          html: email.html,
          messageId,
          ...(email.from ? { envelope: { from: addressOf(options.from), to: [email.to] } } : {}),
          ...(email.replyTo
            ? { replyTo: { name: email.replyTo.name ?? '', address: email.replyTo.address } }
            : {}),
          ...(references.length > 0 ? { inReplyTo: references.at(-1)!, references } : {}),
          ...(email.listUnsubscribeUrl
            ? {
                // A nested array makes one combined List-Unsubscribe header (RFC 8058 one-click).
                list: { unsubscribe: [[email.listUnsubscribeUrl]] },
                headers: { 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
              }
            : {}),
        })
      } catch (error) {
        throw smtpError(error)
      }
      return { providerMessageId: messageId }
    },
    async close() {
      transport.close()
    },
  }
}

function smtpError(error: unknown): DeliveryError {
  const e = error as { code?: string; responseCode?: number; response?: string }
  if (typeof e.responseCode === 'number') {
    const reply = scrubPersonal(e.response ?? '').slice(0, 160)
    return new DeliveryError(`smtp_${e.responseCode}`, `the SMTP server answered ${reply}`, {
      permanent: e.responseCode >= 500,
    })
  }
  return new DeliveryError('smtp_unreachable', `could not talk to the SMTP server (${e.code ?? 'error'})`)
}
