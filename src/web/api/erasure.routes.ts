import { z } from 'zod'
import type { App } from '../../app.ts'
import * as flows from '../../flows/index.ts'
import { clearSessionCookie, requireSession } from '../session.ts'
import type { ApiRegistry } from './api-registry.ts'

/** Erasing one's own account. The session's user only: no id in the request can name another. */
export function erasureRoutes(api: ApiRegistry, app: App) {
  api.route(
    {
      method: 'POST',
      url: '/api/v1/me/erasure',
      summary:
        'Erase the account: after the current password (and a code when two-factor sign-in is on) every session ends at once, and a job applies the data inventory’s rules — delete, pseudonymise, or keep what the law requires — then emails the person what was erased and what was kept',
      tag: 'Privacy',
      body: z.object({
        password: z.string().max(200).optional().describe('The current password'),
        code: z
          .string()
          .max(20)
          .optional()
          .describe(
            'When two-factor sign-in is on: a code from the authenticator app, or an unused recovery code',
          ),
      }),
      responses: {
        202: {
          description: 'Accepted: the erasure is queued and every session has ended',
          schema: z.object({
            erasure: z.object({ id: z.string(), status: z.enum(['pending', 'done', 'failed']) }),
          }),
        },
        401: { description: 'Wrong password (invalid_credentials) or code (invalid_totp, totp_reused)' },
        403: {
          description:
            'The password, or the code when two-factor sign-in is on, is missing (step_up_required)',
        },
        429: {
          description: 'Too many password checks (10 in 15 minutes); code rate_limited, with Retry-After',
        },
      },
    },
    async ({ request, reply, body }) => {
      const { user } = requireSession(request)
      const erasure = await flows.requestErasure(app.db, app.accountsDeps, user.id, body)
      await request.server.jobs.send('privacy.erase', { erasureId: erasure.id })
      clearSessionCookie(reply, app)
      reply.status(202)
      return { erasure }
    },
  )
}
