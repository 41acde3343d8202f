import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import type { App } from '../../app.ts'
import * as privacy from '../../modules/privacy/index.ts'
import type { ApiRegistry } from './api-registry.ts'

/** Public privacy endpoints: the consent-receipt public key and receipt verification. */
export function privacyRoutes(server: FastifyInstance, api: ApiRegistry, app: App) {
  server.get('/.well-known/consent-receipt-key', async (_request, reply) =>
    reply.header('cache-control', 'public, max-age=3600').send({ keys: [app.receipts.publicJwk] }),
  )

  api.route(
    {
      method: 'POST',
      url: '/api/v1/consent-receipts/verify',
      summary: 'Check that a consent receipt was issued by this marketplace and has not been changed',
      tag: 'Privacy',
      body: z.object({
        receipt: z
          .string()
          .min(1)
          .max(64 * 1024)
          .describe('The compact JWS receipt, or the whole receipt file as downloaded'),
      }),
      responses: {
        200: {
          description: 'Whether the receipt verifies, with its claims when it does',
          schema: z.object({
            valid: z.boolean(),
            reason: z.string().optional(),
            claims: z.record(z.string(), z.unknown()).optional(),
            withdrawnAt: z
              .string()
              .nullable()
              .optional()
              .describe(
                'For a valid receipt: when the consent it records was withdrawn, or null if it never was',
              ),
          }),
        },
      },
    },
    async ({ body }) => {
      const check = privacy.verifyReceipt(body.receipt, app.receipts.publicJwk)
      if (!check.valid) return { valid: false, reason: check.reason }
      // Genuine says only that we issued it; the ledger says whether the consent still stands.
      const standing = await privacy.receiptStanding(app.db, check.claims)
      return { valid: true, claims: check.claims, withdrawnAt: standing.withdrawnAt?.toISOString() ?? null }
    },
  )
}
