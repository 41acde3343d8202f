import { z } from 'zod'
import type { App } from '../../app.ts'
import * as accounts from '../../modules/accounts/index.ts'
import { presentMe } from '../presenters/accounts.ts'
import { clearSessionCookie, requireSession, setSessionCookie, signInContext } from '../session.ts'
import type { ApiRegistry } from './api-registry.ts'

const MeResponse = z.object({
  user: z.object({
    id: z.string(),
    email: z.string(),
    emailVerified: z.boolean(),
    name: z.string(),
    phone: z.string().nullable(),
    phoneVerified: z.boolean(),
    roles: z.array(z.string()),
    profile: z.record(z.string(), z.unknown()),
  }),
})

/** Registration, sign-in and sign-out, and the emailed-link flows. */
export function authRoutes(api: ApiRegistry, app: App) {
  api.route(
    {
      method: 'POST',
      url: '/api/v1/auth/register',
      summary: 'Create an account and sign in. Refused, with nothing stored, for anyone under 18.',
      tag: 'Accounts',
      body: accounts.RegisterInput,
      responses: {
        201: { description: 'The account was created and a session cookie set', schema: MeResponse },
      },
    },
    async ({ body, request, reply }) => {
      const user = await accounts.register(app.db, app.accountsDeps, body)
      await request.server.jobs.send('messaging.deliver')
      const session = await accounts.createSession(app.db, {
        userId: user.id,
        sharedDevice: false,
        ...signInContext(request),
      })
      setSessionCookie(reply, app, session)
      reply.status(201)
      return { user: presentMe(await accounts.findProfile(app.db, user.id)) }
    },
  )

  api.route(
    {
      method: 'POST',
      url: '/api/v1/auth/login',
      summary: 'Sign in with email and password (and a two-factor code when switched on)',
      tag: 'Accounts',
      body: accounts.SignInInput,
      responses: {
        200: { description: 'Signed in; a session cookie is set', schema: MeResponse },
        401: {
          description:
            'Wrong email or password (code invalid_credentials), or a code is needed (totp_required)',
        },
        429: {
          description:
            'Too many attempts for this account (10 in 15 minutes) or from this network (100 in 15 minutes); code rate_limited, Retry-After says when to try again',
        },
      },
    },
    async ({ body, request, reply }) => {
      const { session, userId } = await accounts.signIn(
        app.db,
        app.accountsDeps,
        body,
        signInContext(request),
      )
      setSessionCookie(reply, app, session)
      return { user: presentMe(await accounts.findProfile(app.db, userId)) }
    },
  )

  api.route(
    {
      method: 'POST',
      url: '/api/v1/auth/logout',
      summary: 'Sign out of this session',
      tag: 'Accounts',
      responses: { 204: { description: 'Signed out' } },
    },
    async ({ request, reply }) => {
      if (request.session)
        await accounts.revokeSession(app.db, request.session.user.id, request.session.sessionId)
      clearSessionCookie(reply, app)
    },
  )

  api.route(
    {
      method: 'POST',
      url: '/api/v1/auth/logout-all',
      summary: 'Sign out of every session on every device',
      tag: 'Accounts',
      responses: { 204: { description: 'Every session ended' } },
    },
    async ({ request, reply }) => {
      const session = requireSession(request)
      await accounts.revokeAllSessions(app.db, session.user.id, 'signed_out_everywhere')
      clearSessionCookie(reply, app)
    },
  )

  api.route(
    {
      method: 'POST',
      url: '/api/v1/auth/verify-email',
      summary: 'Confirm an email address with the token from the emailed link',
      tag: 'Accounts',
      body: z.object({ token: z.string().min(10).max(200) }),
      responses: { 200: { description: 'Confirmed', schema: z.object({ verified: z.boolean() }) } },
    },
    async ({ body }) => ({ verified: (await accounts.verifyEmail(app.db, body.token)).verified }),
  )

  api.route(
    {
      method: 'POST',
      url: '/api/v1/auth/password-reset',
      summary: 'Email a password-reset link (valid 30 minutes) if the address has an account',
      tag: 'Accounts',
      body: z.object({ email: z.string().max(254) }),
      responses: {
        202: { description: 'If the address has an account, a link is on its way' },
        429: {
          description:
            'Too many requests for this address (3 an hour, whether or not it has an account) or from this network (20 an hour); code rate_limited, with Retry-After',
        },
      },
    },
    async ({ body, request, reply }) => {
      await accounts.requestPasswordReset(app.db, app.accountsDeps, body.email, signInContext(request))
      await request.server.jobs.send('messaging.deliver')
      reply.status(202)
      return { message: 'If this address has a Mandi account, a reset link is on its way.' }
    },
  )

  api.route(
    {
      method: 'POST',
      url: '/api/v1/auth/password-reset/confirm',
      summary:
        'Set a new password with the token from the emailed link; voids every other reset link and signs out every session',
      tag: 'Accounts',
      body: z.object({ token: z.string().min(10).max(200), newPassword: z.string().max(200) }),
      responses: { 204: { description: 'Password changed' } },
    },
    async ({ body }) => {
      await accounts.resetPassword(app.db, app.accountsDeps, body.token, body.newPassword)
    },
  )
}
