import { Readable } from 'node:stream'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { z } from 'zod'
import type { App } from '../../app.ts'
import * as flows from '../../flows/index.ts'
import * as payments from '../../modules/payments/index.ts'
import { AppError, invalid } from '../../shared/errors.ts'
import type { ApiRegistry } from './api-registry.ts'

/** The payment settings of this installation, as the payments module takes them. */
export function paymentSettings(app: App): payments.PaymentSettings {
  return { ...app.config.payments, publicUrl: app.config.publicUrl }
}

/** A gateway's webhook body is small; anything larger is not one. */
const maxWebhookBytes = 64 * 1024
const rawBodies = new WeakMap<FastifyRequest, Buffer>()

/**
 * Gateway webhooks. The signature covers the exact bytes sent, so the body is kept raw before
 * JSON parsing (a re-serialised object would not match). The state change happens in the same
 * short transaction as the deduplicating insert (ADR 016), and the answer is 200 for every
 * verified event, new or repeated, so the gateway stops retrying.
 */
export function paymentRoutes(server: FastifyInstance, api: ApiRegistry, app: App) {
  const gateways = payments.createPaymentGateways(app.db, paymentSettings(app))

  server.addHook('preParsing', async (request, _reply, payload) => {
    if (request.routeOptions.url !== payments.sandboxWebhookPath) return payload
    const chunks: Buffer[] = []
    let size = 0
    for await (const chunk of payload) {
      const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string)
      size += buffer.length
      if (size > maxWebhookBytes)
        throw new AppError('invalid', 'webhook_too_large', 'A webhook body is at most 64 KB.')
      chunks.push(buffer)
    }
    const raw = Buffer.concat(chunks)
    rawBodies.set(request, raw)
    const replay = Readable.from([raw]) as Readable & { receivedEncodedLength?: number }
    replay.receivedEncodedLength = raw.length
    return replay
  })

  api.route(
    {
      method: 'POST',
      url: payments.sandboxWebhookPath,
      summary:
        'Webhook of the bundled sandbox gateway: an event signed with HMAC-SHA256 of the raw body in X-Sandbox-Signature (hex)',
      tag: 'Payments',
      responses: {
        200: {
          description: 'Verified and recorded; a repeated or stale event is accepted and changes nothing',
          schema: z.object({
            received: z.literal(true),
            outcome: z.enum(['applied', 'ignored', 'unknown_payment', 'amount_mismatch', 'duplicate']),
          }),
        },
        400: {
          description:
            'The signature is missing or does not match, or the body is not a sandbox event (invalid_webhook)',
        },
      },
    },
    async ({ request }) => {
      const raw = rawBodies.get(request) ?? Buffer.alloc(0)
      try {
        const { outcome, paymentId } = await payments.receiveWebhook(
          app.db,
          gateways.get('sandbox')!,
          raw,
          request.headers,
        )
        // Committed: now the orders. A failure here never fails the webhook (the gateway would
        // only resend what is already recorded); the orders.settle-payments sweep catches up.
        if (outcome === 'applied' && paymentId)
          await flows
            .settlePaymentForOrders(app.db, gateways, paymentId, { log: request.log })
            .catch((error: unknown) =>
              request.log.warn(
                { paymentId, error: flows.settlementErrorKind(error) },
                'settling the orders after a webhook failed; the sweep will retry',
              ),
            )
        return { received: true as const, outcome }
      } catch (error) {
        if (error instanceof payments.WebhookRejected)
          throw invalid(
            'invalid_webhook',
            'The webhook signature is missing or does not match; nothing was changed.',
          )
        throw error
      }
    },
  )
}
