import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { App } from '../app.ts'
import { truncateIp } from '../logger.ts'
import * as accounts from '../modules/accounts/index.ts'
import { AppError, unauthenticated } from '../shared/errors.ts'

export const SESSION_COOKIE = 'mandi_session'

declare module 'fastify' {
  interface FastifyInstance {
    /** Sessions validated in the last few seconds, for shared catalogue pages only. */
    sessionCache: ReturnType<typeof createSessionCache>
  }
  interface FastifyContextConfig {
    /** The page is the same for everyone but the header (shared-page.tsx): the session may come from the short cache. */
    sharedPage?: boolean
  }
  interface FastifyRequest {
    /** The signed-in person, resolved once per request from the session cookie; null when signed out. */
    session: accounts.ValidSession | null
  }
}

/**
 * Resolves the session cookie on every request that carries one (anonymous requests cost no
 * query), and refuses cross-site state changes to the JSON API made with that cookie.
 *
 * Shared catalogue pages (routes with `config: { sharedPage: true }`), which use the session only
 * for the header's name and sign-out form, take it from a cache of sessions validated in the last
 * few seconds. An ended session leaves that cache at once through the sessions NOTIFY channel
 * (page-cache.ts listens), and at worst after SHARED_PAGE_SESSION_SECONDS if a notification is
 * missed. Every other route checks the database on every request.
 */
export function registerSessions(server: FastifyInstance, app: App) {
  server.decorateRequest('session', null)
  const cache = createSessionCache(app, Math.min(app.config.pageCacheSeconds, SHARED_PAGE_SESSION_SECONDS))
  server.decorate('sessionCache', cache)
  server.addHook('preHandler', async (request) => {
    const token = request.cookies[SESSION_COOKIE]
    if (request.url.startsWith('/static/')) return
    if (token) {
      request.session = request.routeOptions.config.sharedPage
        ? await cache.validate(token)
        : await accounts.validateSession(app.db, token)
    }
    if (request.session && isStateChanging(request) && request.url.startsWith('/api/'))
      assertSameSite(request, app)
  })
}

/** How long a shared catalogue page may trust a session it validated, if no sign-out is announced. */
export const SHARED_PAGE_SESSION_SECONDS = 10

function createSessionCache(app: App, ttlSeconds: number) {
  const valid = new Map<string, { session: accounts.ValidSession; until: number }>()
  const pending = new Map<string, Promise<accounts.ValidSession | null>>()
  let generation = 0
  let waiters: (() => void)[] = []
  return {
    async validate(token: string): Promise<accounts.ValidSession | null> {
      if (ttlSeconds <= 0) return accounts.validateSession(app.db, token)
      const now = Date.now()
      const hit = valid.get(token)
      if (hit && hit.until > now && hit.session.expiresAt.getTime() > now) return hit.session
      // Requests arriving together when an entry expires share one lookup.
      let lookup = pending.get(token)
      if (!lookup) {
        const started = generation
        const current: Promise<accounts.ValidSession | null> = accounts
          .validateSession(app.db, token)
          .then((session) => {
            if (pending.get(token) === current) pending.delete(token)
            // A lookup that began before a session ended may have read it as valid: do not keep it.
            if (session && started === generation) {
              // Bounded: the oldest entry goes first. Unknown tokens are never kept.
              if (valid.size >= 10_000) valid.delete(valid.keys().next().value!)
              valid.set(token, { session, until: now + ttlSeconds * 1000 })
            } else {
              valid.delete(token)
            }
            return session
          })
        current.catch(() => {
          if (pending.get(token) === current) pending.delete(token)
        })
        pending.set(token, current)
        lookup = current
      }
      return lookup
    },
    /** Drops every kept session (a session ended somewhere). */
    clear() {
      generation++
      valid.clear()
      pending.clear()
      const resolved = waiters
      waiters = []
      for (const resolve of resolved) resolve()
    },
    /** Resolves at the next clear (tests use it to wait for a notification). */
    nextClear(): Promise<void> {
      return new Promise((resolve) => waiters.push(resolve))
    },
  }
}

/** The signed-in person, or an AppError 'unauthenticated' (401 / sign-in page). */
export function requireSession(request: FastifyRequest): accounts.ValidSession {
  if (!request.session) throw unauthenticated()
  return request.session
}

export function setSessionCookie(
  reply: FastifyReply,
  app: App,
  session: { token: string; expiresAt: Date; sharedDevice: boolean },
) {
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
  reply.clearCookie(SESSION_COOKIE, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: app.config.isProduction,
  })
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
      throw new AppError(
        'forbidden',
        'cross_site_request',
        'This request came from another website and was refused.',
      )
    }
  }
  const type = request.headers['content-type']
  if (type && !type.startsWith('application/json')) {
    throw new AppError(
      'forbidden',
      'json_required',
      'Send this request as JSON (Content-Type: application/json).',
    )
  }
}
