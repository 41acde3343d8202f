import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { App } from '../app.ts'
import { truncateIp } from '../logger.ts'
import * as accounts from '../modules/accounts/index.ts'
import { AppError, unauthenticated } from '../shared/errors.ts'

export const SESSION_COOKIE = 'mandi_session'

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in person, resolved once per request from the session cookie; null when signed out. */
    session: accounts.ValidSession | null
  }
}

/**
 * Resolves the session cookie on every request that carries one (anonymous requests cost no
 * query), and refuses cross-site state changes to the JSON API made with that cookie.
 */
export function registerSessions(server: FastifyInstance, app: App) {
  server.decorateRequest('session', null)
  server.addHook('preHandler', async (request) => {
    const token = request.cookies[SESSION_COOKIE]
    if (request.url.startsWith('/static/')) return
    if (token) request.session = await accounts.validateSession(app.db, token)
    if (request.session && isStateChanging(request) && request.url.startsWith('/api/')) assertSameSite(request, app)
  })
}

/** The signed-in person, or an AppError 'unauthenticated' (401 / sign-in page). */
export function requireSession(request: FastifyRequest): accounts.ValidSession {
  if (!request.session) throw unauthenticated()
  return request.session
}

export function setSessionCookie(reply: FastifyReply, app: App, session: { token: string; expiresAt: Date; sharedDevice: boolean }) {
  reply.setCookie(SESSION_COOKIE, session.token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: app.config.isProduction,
    // A shared computer gets a cookie that dies with the browser; otherwise it lasts the session's lifetime.
    ...(session.sharedDevice ? {} : { expires: session.expiresAt }),
  })
}

export function clearSessionCookie(reply: FastifyReply, app: App) {
  reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure: app.config.isProduction })
}

/** What sign-in records about where it came from: the browser, and the network without its last part. */
export function signInContext(request: FastifyRequest): accounts.SignInContext {
  return {
    ip: request.ip,
    ipPrefix: truncateIp(request.ip),
    userAgent: typeof request.headers['user-agent'] === 'string' ? request.headers['user-agent'] : undefined,
  }
}

function isStateChanging(request: FastifyRequest) {
  return request.method !== 'GET' && request.method !== 'HEAD' && request.method !== 'OPTIONS'
}

// A browser always sends Origin with a cross-site POST, and a cross-site page cannot send JSON
// without a CORS preflight we never answer; together these stop cross-site requests riding on the cookie.
function assertSameSite(request: FastifyRequest, app: App) {
  const origin = request.headers.origin
  if (origin) {
    const allowed = new Set([new URL(app.config.publicUrl).origin, `${request.protocol}://${request.host}`])
    if (!allowed.has(origin)) {
      throw new AppError('forbidden', 'cross_site_request', 'This request came from another website and was refused.')
    }
  }
  const type = request.headers['content-type']
  if (type && !type.startsWith('application/json')) {
    throw new AppError('forbidden', 'json_required', 'Send this request as JSON (Content-Type: application/json).')
  }
}
