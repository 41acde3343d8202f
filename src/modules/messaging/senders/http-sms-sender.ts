import { DeliveryError } from '../delivery-error.ts'
import type { SmsSender } from './sms-sender.ts'
import { smsProviderPath } from '../outbound-paths.ts'

export interface HttpSmsSenderOptions {
  /** The provider's send endpoint; receives one JSON POST per message. */
  url: string
  apiKey: string
  /** The 6-character header registered on the DLT platform, e.g. "MANDIX". */
  senderId: string
  /** The principal entity id registered on the DLT platform, when the provider asks for it. */
  dltEntityId?: string | undefined
  timeoutMs?: number
}

/**
 * A generic HTTP SMS gateway adapter. Indian rules (TRAI's DLT) require every commercial SMS to
 * name a registered sender id and the id of a registered template whose text it matches, so both
 * are sent with each message. The Idempotency-Key header lets the provider drop a repeat.
 */
export function createHttpSmsSender(options: HttpSmsSenderOptions): SmsSender {
  const host = new URL(options.url).hostname
  return {
    name: `sms:${host}`,
    recipientTitle: `SMS provider (${host})`,
    outbound: smsProviderPath,
    async send(sms) {
      if (sms.dltTemplateId.startsWith('unregistered:')) {
        throw new DeliveryError(
          'dlt_template_missing',
          'no DLT template id is configured for this message kind',
          {
            permanent: true,
          },
        )
      }
      let response: Response
      try {
        response = await fetch(options.url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            accept: 'application/json',
            authorization: `Bearer ${options.apiKey}`,
            'idempotency-key': sms.idempotencyKey,
          },
          body: JSON.stringify({
            to: sms.to,
            message: sms.text,
            sender_id: options.senderId,
            dlt_template_id: sms.dltTemplateId,
            ...(options.dltEntityId ? { dlt_entity_id: options.dltEntityId } : {}),
            reference: sms.outboxId,
          }),
          signal: AbortSignal.timeout(options.timeoutMs ?? 15_000),
        })
      } catch (error) {
        const reason = (error as Error).name === 'TimeoutError' ? 'timed out' : 'connection failed'
        throw new DeliveryError('sms_unreachable', `the SMS provider could not be reached (${reason})`)
      }
      const body = (await response.json().catch(() => null)) as Record<string, unknown> | null
      if (!response.ok) {
        const retryable = response.status >= 500 || [408, 409, 425, 429].includes(response.status)
        throw new DeliveryError(`sms_http_${response.status}`, `the SMS provider refused the message`, {
          permanent: !retryable,
        })
      }
      const id = body?.id ?? body?.message_id ?? body?.messageId
      return {
        providerMessageId: typeof id === 'string' || typeof id === 'number' ? String(id) : sms.idempotencyKey,
      }
    },
  }
}
