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
 * for the header's name and sign-out form, take it from a memo of sessions validated in the last
 * few seconds (createSessionCache). How long an ended session can still be seen there:
 * - on the process that ended it (sign-out, sign out everywhere, ending one session, a password
 *   change: any state-changing request of a signed-in person): never. The person's sessions leave
 *   the memo before the answer is sent, and lookups that were under way are not kept.
 * - on every other web process: until the sessions NOTIFY arrives (page-cache.ts listens), a few
 *   milliseconds (measured in src/web/revocation.test.ts). While that listener is disconnected the
 *   memo is not used at all, so a notification cannot be missed silently; the worst case, a
 *   notification lost on a connection that stays up, is SHARED_PAGE_SESSION_SECONDS.
 * Every other route checks the database on every request.
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
  // A state-changing request of a signed-in person may have ended sessions of theirs: forget them
  // on this process before the answer leaves, so nothing sent after it is answered from the memo.
  server.addHook('onSend', async (request, _reply, payload) => {
    if (request.session && isStateChanging(request)) cache.forgetUser(request.session.user.id)
    return payload
  })
}

/** How long a shared catalogue page may trust a session it validated, if no sign-out is announced. */
export const SHARED_PAGE_SESSION_SECONDS = 10

/**
 * Sessions validated in the last `ttlSeconds`, used only while this process listens for ended
 * sessions (setListening). A lookup that was under way when its person's sessions were forgotten
 * (or the memo cleared) is answered to the requests that were waiting for it but never kept, and
 * no request arriving later joins it.
 */
function createSessionCache(app: App, ttlSeconds: number) {
  const valid = new Map<string, { session: accounts.ValidSession; until: number }>()
  const pending = new Map<string, { lookup: Promise<accounts.ValidSession | null>; started: number }>()
  // Orders lookups against revocations: a lookup is kept only if it started after both.
  let clock = 0
  let clearedAt = 0
  const forgottenAt = new Map<string, number>()
  let inflight = 0
  let listening = false
  let waiters: (() => void)[] = []
  const wake = () => {
    const resolved = waiters
    waiters = []
    for (const resolve of resolved) resolve()
  }
  const clear = () => {
    clearedAt = ++clock
    valid.clear()
    pending.clear()
    wake()
  }
  return {
    async validate(token: string): Promise<accounts.ValidSession | null> {
      if (ttlSeconds <= 0 || !listening) return accounts.validateSession(app.db, token)
      const now = Date.now()
      const hit = valid.get(token)
      if (hit && hit.until > now && hit.session.expiresAt.getTime() > now) return hit.session
      // Requests arriving together when an entry expires share one lookup.
      const shared = pending.get(token)
      if (shared) return shared.lookup
      const started = ++clock
      const entry = { lookup: accounts.validateSession(app.db, token), started }
      pending.set(token, entry)
      inflight++
      entry.lookup
        .then(
          (session) => {
            if (pending.get(token) === entry) pending.delete(token)
            const forgotten = session ? (forgottenAt.get(session.user.id) ?? 0) : 0
            if (session && listening && started > clearedAt && started > forgotten) {
              // Bounded: the oldest entry goes first. Unknown tokens are never kept.
              if (valid.size >= 10_000) valid.delete(valid.keys().next().value!)
              valid.set(token, { session, until: now + ttlSeconds * 1000 })
            } else {
              valid.delete(token)
            }
          },
          () => {
            if (pending.get(token) === entry) pending.delete(token)
          },
        )
        .finally(() => {
          // No lookup older than the recorded revocations is left: they are no longer needed.
          if (--inflight === 0) forgottenAt.clear()
        })
      return entry.lookup
    },
    /** Drops every kept session of this person (their sessions ended, here or on another process). */
    forgetUser(userId: string | undefined) {
      if (!userId) return clear()
      forgottenAt.set(userId, ++clock)
      for (const [token, entry] of valid) if (entry.session.user.id === userId) valid.delete(token)
      // Which person a pending lookup is for is known only when it ends: none may be joined now.
      pending.clear()
      wake()
    },
    /** Drops every kept session. */
    clear,
    /**
     * Whether ended sessions are announced to this process right now (the listener is connected).
     * Without it the memo is not used, and whatever it held is dropped either way.
     */
    setListening(on: boolean) {
      listening = on
      clear()
    },
    /** Resolves at the next drop, of one person's sessions or all (tests wait for a notification). */
    nextClear(): Promise<void> {
      return new Promise((resolve) => waiters.push(resolve))
    },
    size: () => valid.size,
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
