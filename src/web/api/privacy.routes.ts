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
      body: z.object({ receipt: z.string().min(1).max(8192).describe('The compact JWS receipt') }),
      responses: {
        200: {
          description: 'Whether the receipt verifies, with its claims when it does',
          schema: z.object({
            valid: z.boolean(),
            reason: z.string().optional(),
            claims: z.record(z.string(), z.unknown()).optional(),
          }),
        },
      },
    },
    async ({ body }) => {
      const check = privacy.verifyReceipt(body.receipt, app.receipts.publicJwk)
      return check.valid ? { valid: true, claims: check.claims } : { valid: false, reason: check.reason }
    },
  )
}
