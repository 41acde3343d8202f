import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { App } from '../../app.ts'
import * as flows from '../../flows/index.ts'
import * as accounts from '../../modules/accounts/index.ts'
import * as privacy from '../../modules/privacy/index.ts'
import { grievanceDeps } from '../api/grievance.routes.ts'
import { sendPage } from '../render.tsx'
import { formatDateTime } from '../views/account-components.tsx'
import { csrfToken, pageContext } from '../views/page-context.ts'
import { formBody, formProblem, redirectWithFlash, text } from './account/account-frame.ts'
import { type GrievanceFormState, GrievancePage, GrievanceReceivedPage } from './info/grievance-page.tsx'
import { PrivacyPage } from './info/privacy-page.tsx'
import { TermsPage } from './info/terms-page.tsx'
import { canonicalUrl } from './page-frame.ts'

/** The privacy notice, the terms of use and the grievance officer's page with its form. */
export function infoPages(server: FastifyInstance, app: App) {
  const pages = { '/privacy': PrivacyPage, '/terms': TermsPage } as const
  for (const [path, Page] of Object.entries(pages)) {
    server.get(path, async (request, reply) =>
      sendPage(
        reply,
        <Page ctx={pageContext(request)} config={app.config} canonical={canonicalUrl(app, path)} />,
      ),
    )
  }

  const grievancePage = (
    request: FastifyRequest,
    reply: FastifyReply,
    form?: GrievanceFormState,
    status = 200,
  ) =>
    sendPage(
      reply,
      <GrievancePage
        ctx={pageContext(request)}
        config={app.config}
        canonical={canonicalUrl(app, '/grievance')}
        admin={request.session ? accounts.hasRole(request.session.user, 'admin') : false}
        signedIn={Boolean(request.session)}
        csrf={csrfToken(reply)}
        {...(form ? { form } : {})}
      />,
      status,
    )

  server.get('/grievance', async (request, reply) => grievancePage(request, reply))

  server.post('/grievance', async (request, reply) => {
    const body = formBody(request)
    const userId = request.session?.user.id ?? null
    const fields = userId
      ? ['category', 'subject', 'message']
      : ['name', 'email', 'category', 'subject', 'message']
    const values = Object.fromEntries(fields.map((f) => [f, text(body, f)]))
    let grievance: privacy.Grievance
    try {
      grievance = await flows.raiseGrievance(app.db, grievanceDeps(app), { userId, input: values })
    } catch (error) {
      const problem = formProblem(error)
      reply.header('cache-control', 'no-store')
      return grievancePage(request, reply, { values, errors: problem.fields }, problem.status)
    }
    await request.server.jobs.send('messaging.deliver')
    const reference = privacy.grievanceReference(grievance.id)
    if (userId) {
      return redirectWithFlash(reply, app, `/account/grievances/${grievance.id}`, {
        kind: 'success',
        text: `Your grievance ${reference} is with the grievance officer. We have emailed you a receipt.`,
      })
    }
    reply.header('cache-control', 'no-store')
    return sendPage(
      reply,
      <GrievanceReceivedPage
        ctx={pageContext(request)}
        canonical={canonicalUrl(app, '/grievance')}
        reference={reference}
        acknowledgeBy={grievance.acknowledgeBy}
        resolveBy={grievance.resolveBy}
        formatWhen={formatDateTime}
      />,
    )
  })
}
