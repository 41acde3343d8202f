import type { FastifyInstance } from 'fastify'
import type { App } from '../../app.ts'
import * as flows from '../../flows/index.ts'
import * as messaging from '../../modules/messaging/index.ts'
import * as privacy from '../../modules/privacy/index.ts'
import { sendPage } from '../render.tsx'
import { Layout } from '../views/layout.tsx'
import { pageContext } from '../views/page-context.ts'
import { Button, Flash } from '../views/ui.tsx'

/**
 * One-click unsubscribe from offers by email. GET shows a confirmation button (mail scanners
 * follow links, so a GET never changes anything); POST withdraws the consent at once. The POST is
 * also what mail clients send for List-Unsubscribe-Post (RFC 8058), without a CSRF token: the
 * signed token in the address is the proof.
 */
export function unsubscribePages(server: FastifyInstance, app: App) {
  server.get<{ Params: { token: string } }>('/unsubscribe/:token', async (request, reply) => {
    const userId = messaging.verifyUnsubscribeToken(app.config.secretKey, request.params.token)
    const ctx = pageContext(request)
    return sendPage(
      reply,
      <Layout ctx={ctx} title="Unsubscribe from offers by email" noindex>
        <div class="container page-narrow prose">
          <h1>Unsubscribe from offers by email</h1>
          {userId ? (
            <>
              <p>
                Press the button to stop “{privacy.purposes.marketing_email.title}”. Messages about your enquiries,
                orders and account are not affected.
              </p>
              <form method="post" action={`/unsubscribe/${encodeURIComponent(request.params.token)}`}>
                <Button>Unsubscribe</Button>
              </form>
            </>
          ) : (
            <Flash kind="error" title="This link does not work">
              It may have been copied incompletely. You can switch offers by email off in your account’s privacy
              settings.
            </Flash>
          )}
        </div>
      </Layout>,
      userId ? 200 : 400,
    )
  })

  server.post<{ Params: { token: string } }>('/unsubscribe/:token', { config: { csrf: false } }, async (request, reply) => {
    const userId = messaging.verifyUnsubscribeToken(app.config.secretKey, request.params.token)
    const ctx = pageContext(request)
    if (userId && (await privacy.hasConsent(app.db, userId, 'marketing_email'))) {
      await flows.changeConsent(app.db, { userId, purpose: 'marketing_email', action: 'withdraw', channel: 'email_link' })
    }
    return sendPage(
      reply,
      <Layout ctx={ctx} title="Unsubscribed" noindex>
        <div class="container page-narrow prose">
          {userId ? (
            <Flash kind="success" title="You are unsubscribed">
              We will not send you offers by email. Queued offers are cancelled too. You can switch them on again in
              your account’s privacy settings.
            </Flash>
          ) : (
            <Flash kind="error" title="This link does not work">
              Nothing was changed.
            </Flash>
          )}
        </div>
      </Layout>,
      userId ? 200 : 400,
    )
  })
}
