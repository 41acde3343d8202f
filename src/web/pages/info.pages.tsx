import type { FastifyInstance } from 'fastify'
import type { App } from '../../app.ts'
import * as accounts from '../../modules/accounts/index.ts'
import { sendPage } from '../render.tsx'
import { pageContext } from '../views/page-context.ts'
import { GrievancePage } from './info/grievance-page.tsx'
import { PrivacyPage } from './info/privacy-page.tsx'
import { TermsPage } from './info/terms-page.tsx'
import { canonicalUrl } from './page-frame.ts'

/** The privacy notice, the terms of use and the grievance officer's page. */
export function infoPages(server: FastifyInstance, app: App) {
  const pages = { '/privacy': PrivacyPage, '/terms': TermsPage, '/grievance': GrievancePage } as const
  for (const [path, Page] of Object.entries(pages)) {
    server.get(path, async (request, reply) =>
      sendPage(
        reply,
        <Page
          ctx={pageContext(request)}
          config={app.config}
          canonical={canonicalUrl(app, path)}
          admin={request.session ? accounts.hasRole(request.session.user, 'admin') : false}
        />,
      ),
    )
  }
}
