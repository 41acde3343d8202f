import type { FastifyInstance } from 'fastify'
import type { App } from '../../../app.ts'
import { registerUploads } from '../../uploads.ts'
import { trackRepliesForPages } from '../../views/page-context.ts'
import { businessPages } from './business.pages.tsx'
import { eraseAccountPages } from './erase-account.pages.tsx'
import { overviewPages } from './overview.pages.tsx'
import { passwordPages } from './password.pages.tsx'
import { privacyCentrePages } from './privacy-centre.pages.tsx'
import { profilePages } from './profile.pages.tsx'
import { registerPages } from './register.pages.tsx'
import { securityPages } from './security.pages.tsx'
import { signInPages } from './sign-in.pages.tsx'
import { verifyEmailPages } from './verify-email.pages.tsx'

/**
 * Everything under /account: registration, sign-in and out, the emailed-link pages, and the
 * signed-in person's own pages. Also lets every page's header carry a sign-out form, and serves
 * uploaded logos at /uploads/.
 */
export function accountPages(server: FastifyInstance, app: App) {
  trackRepliesForPages(server)
  registerUploads(server, app)
  signInPages(server, app)
  registerPages(server, app)
  passwordPages(server, app)
  verifyEmailPages(server, app)
  overviewPages(server, app)
  profilePages(server, app)
  securityPages(server, app)
  businessPages(server, app)
  privacyCentrePages(server, app)
  eraseAccountPages(server, app)
}
