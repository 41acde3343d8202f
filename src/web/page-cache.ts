import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import pg from 'pg'
import type { App } from '../app.ts'
import * as accounts from '../modules/accounts/index.ts'
import * as catalog from '../modules/catalog/index.ts'
import { type CatalogMemo, createCatalogMemo } from './catalog-memo.ts'
import { SESSION_COOKIE } from './session.ts'
import { renderAccountMenu } from './shared-page.tsx'

/** A signed-in shared page's stored parts (shared-page.tsx) and the headers its normal response carried. */
interface SignedInEntry {
  head: Buffer
  tail: Buffer
  headers: Record<string, string>
  storedAt: number
}

const CSRF_COOKIE = '_csrf'

interface Entry {
  /** The page as UTF-8 bytes, encoded once rather than on every hit. */
  body: Buffer
  contentType: string
  /** The response headers the page was first sent with (security headers included), replayed on hits. */
  headers: Record<string, string>
  storedAt: number
  bytes: number
  /**
   * Kept only to answer while the database is unreachable: the listener lost its connection since
   * (a change may have been missed), or the page was rendered while it was down. Expired pages are
   * kept the same way, up to STALE_SECONDS.
   */
  stale: boolean
}

/** How old a page may be and still be answered (marked `x-cache: stale`) while the database is away. */
export const STALE_SECONDS = 24 * 3600

export interface PageCacheOptions {
  /** How long a page may be served from memory; 0 switches the cache off. */
  ttlSeconds: number
  /** Memory bound for all cached pages of this process. */
  maxBytes?: number
}

/**
 * Anonymous catalogue pages served from memory. Registered before the other plugins, so a hit is
 * answered before rate limiting and header plugins run, with the stored headers of the first response. A page is cached only when the request carries
 * no session and the response sets no cookie (so no page with a CSRF token or anyone's data is
 * ever shared). Every web process listens on the catalogue NOTIFY channel and drops its whole
 * cache when any published product or seller changes; the TTL bounds staleness otherwise.
 *
 * While the database is away, a page whose rendering fails for that reason is answered from the
 * last copy kept (`x-cache: stale`, see serveStale), however old, up to STALE_SECONDS. When the
 * listener's connection drops, a change may go unannounced: the pages kept are then used only that
 * way, and pages are rendered afresh until the listener is back (it reconnects by itself, with
 * backoff).
 */
export function registerPageCache(server: FastifyInstance, app: App, options: PageCacheOptions) {
  const cache = new Map<string, Entry>()
  const maxBytes = options.maxBytes ?? 64 * 1024 * 1024
  let bytes = 0
  let generation = 0
  let waiters: (() => void)[] = []
  // Requests for a page that is being rendered wait for that one rendering instead of repeating it.
  const inflight = new Map<string, { done: Promise<void>; finish: () => void }>()
  // Parts of pages that signed-in requests reuse; dropped with the pages.
  const memo = createCatalogMemo({ ttlSeconds: options.ttlSeconds })
  server.decorate('catalogMemo', memo)
  // Signed-in shared pages answered in onRequest, by URL; filled from a normal signed-in response.
  const signedIn = new Map<string, SignedInEntry>()
  // Whether catalogue changes reach this process now: pages rendered otherwise are kept as stale.
  let listening = false
  const ttlMs = options.ttlSeconds * 1000
  const freshEntry = (url: string): Entry | undefined => {
    const entry = cache.get(url)
    return entry && !entry.stale && Date.now() - entry.storedAt <= ttlMs ? entry : undefined
  }
  // Nothing rendered before now may be kept, and what is kept is trusted no longer.
  const distrust = () => {
    memo.clear()
    signedIn.clear()
    for (const entry of cache.values()) entry.stale = true
    generation++
  }
  const state = {
    hits: 0,
    misses: 0,
    /** Signed-in shared pages answered before the other plugins (see answerSignedIn). */
    signedInHits: 0,
    /** Pages answered from a stale copy because the database was unreachable. */
    staleHits: 0,
    /** Whether this process hears catalogue changes and ended sessions right now. */
    listening: () => listening,
    /**
     * Answers a cacheable page from the copy kept, fresh or stale, when rendering it failed
     * because the database is unreachable (server.ts's error handler). False if there is none.
     */
    serveStale(request: FastifyRequest, reply: FastifyReply): boolean {
      if (!isCacheable(request)) return false
      const entry = cache.get(request.url)
      if (!entry || Date.now() - entry.storedAt > STALE_SECONDS * 1000) return false
      state.staleHits++
      reply
        .status(200)
        .headers(entry.headers)
        .header('x-cache', 'stale')
        .type(entry.contentType)
        .send(entry.body)
      return true
    },
    clear() {
      memo.clear()
      signedIn.clear()
      cache.clear()
      bytes = 0
      generation++
      const resolved = waiters
      waiters = []
      for (const resolve of resolved) resolve()
    },
    /** Resolves at the next invalidation (tests use it to wait for a notification). */
    nextInvalidation(): Promise<void> {
      return new Promise((resolve) => waiters.push(resolve))
    },
    size: () => cache.size,
  }
  server.decorate('pageCache', state)
  server.decorateRequest('cacheGeneration', 0)
  server.decorateRequest('cacheLeader', false)
  server.decorateRequest('sharedPage', null)
  if (options.ttlSeconds <= 0) return state

  let stopListening: (() => Promise<void>) | undefined
  server.addHook('onReady', async () => {
    stopListening = await listen(
      app,
      {
        [catalog.CATALOG_CHANNEL]: () => state.clear(),
        // The payload is the person whose sessions ended (accounts' announceSessionsEnded).
        [accounts.SESSIONS_CHANNEL]: (userId) => server.sessionCache?.forgetUser(userId),
      },
      {
        connected() {
          // Whatever changed while disconnected is unknown: nothing from before is trusted.
          distrust()
          listening = true
          server.sessionCache?.setListening(true)
        },
        lost() {
          listening = false
          distrust()
          server.sessionCache?.setListening(false)
        },
      },
    )
  })
  server.addHook('onClose', async () => {
    await stopListening?.()
  })

  /**
   * A signed-in GET of a shared page (shared-page.tsx) whose URL a normal signed-in response has
   * served since the last catalogue change: answered here, before rate limiting and the header
   * plugins, with that response's headers (security headers included), the stored parts and this
   * person's account menu. The session comes from the same short cache the route would use; the
   * sign-out form's token is made from the request's CSRF secret cookie, as the route would make
   * it. Anything else (no session or CSRF cookie, a flash message, a URL not stored) goes the
   * normal way.
   */
  const answerSignedIn = async (request: FastifyRequest, reply: FastifyReply): Promise<boolean> => {
    if (request.method !== 'GET') return false
    const cookie = request.headers.cookie
    if (!cookie?.includes(`${SESSION_COOKIE}=`) || cookie.includes('mandi_flash=')) return false
    const stored = signedIn.get(request.url)
    if (!stored) return false
    if (Date.now() - stored.storedAt > ttlMs) {
      signedIn.delete(request.url)
      return false
    }
    const cookies = server.parseCookie(cookie)
    const token = cookies[SESSION_COOKIE]
    const secret = cookies[CSRF_COOKIE]
    // Without a valid secret cookie the route would set a new one: leave that to it.
    if (!token || !secret || !reply.unsignCookie(secret).valid) return false
    let session: Awaited<ReturnType<FastifyInstance['sessionCache']['validate']>>
    try {
      session = await server.sessionCache.validate(token)
    } catch {
      return false
    }
    // Signed out, or the catalogue changed while the session was looked up.
    if (!session || signedIn.get(request.url) !== stored) return false
    request.session = session
    request.cookies = cookies
    const path = request.url.split('?')[0] ?? '/'
    const menu = renderAccountMenu({
      path,
      q: '',
      requestId: request.id,
      account: { name: session.user.name, csrfToken: reply.generateCsrf() },
    })
    state.signedInHits++
    const body = Buffer.concat(
      [stored.head, menu, stored.tail],
      stored.head.length + menu.length + stored.tail.length,
    )
    reply.headers(stored.headers).type('text/html; charset=utf-8').send(body)
    return true
  }

  server.addHook('onRequest', async (request, reply) => {
    if (request.routeOptions.config.sharedPage) {
      request.cacheGeneration = generation
      if (await answerSignedIn(request, reply)) return reply
    }
    if (!isCacheable(request)) return
    request.cacheGeneration = generation
    let entry = freshEntry(request.url)
    if (!entry) {
      const leader = inflight.get(request.url)
      if (leader) {
        await leader.done
        entry = freshEntry(request.url)
      }
    }
    if (!entry) {
      state.misses++
      if (!inflight.has(request.url)) {
        let finish = () => {}
        const done = new Promise<void>((resolve) => {
          finish = resolve
        })
        inflight.set(request.url, { done, finish })
        request.cacheLeader = true
      }
      return
    }
    state.hits++
    // Refresh the entry's place so eviction drops the least recently used pages first.
    cache.delete(request.url)
    cache.set(request.url, entry)
    return reply.headers(entry.headers).header('x-cache', 'hit').type(entry.contentType).send(entry.body)
  })

  const release = (request: FastifyRequest) => {
    if (!request.cacheLeader) return
    request.cacheLeader = false
    inflight.get(request.url)?.finish()
    inflight.delete(request.url)
  }
  server.addHook('onResponse', async (request, reply) => {
    release(request)
    // A normal signed-in response of a shared page: keep its parts and headers for answerSignedIn.
    // Here rather than in onSend, since cookies are written by a later onSend hook.
    const shared = request.sharedPage
    if (!shared || !request.session || request.method !== 'GET' || reply.statusCode !== 200) return
    if (reply.hasHeader('set-cookie') || request.cacheGeneration !== generation) return
    if (!String(reply.getHeader('content-type') ?? '').startsWith('text/html')) return
    signedIn.delete(request.url)
    signedIn.set(request.url, {
      head: shared.head,
      tail: shared.tail,
      headers: signedInReplayable(reply.getHeaders()),
      // The rendering's age, so PAGE_CACHE_SECONDS bounds it as it bounds the memo.
      storedAt: shared.renderedAt,
    })
    if (signedIn.size > 500) signedIn.delete(signedIn.keys().next().value!)
  })
  server.addHook('onRequestAbort', async (request) => release(request))

  server.addHook('onSend', async (request, reply, payload) => {
    if (!isCacheable(request) || reply.hasHeader('x-cache')) return payload
    if (reply.statusCode !== 200 || reply.hasHeader('set-cookie') || typeof payload !== 'string')
      return payload
    const contentType = String(reply.getHeader('content-type') ?? '')
    if (!contentType.startsWith('text/html')) return payload
    // A page whose rendering began before an invalidation may hold old data: do not keep it.
    if (request.cacheGeneration !== generation) return payload
    const body = Buffer.from(payload, 'utf8')
    const entry: Entry = {
      body,
      contentType,
      headers: replayable(reply.getHeaders()),
      storedAt: Date.now(),
      bytes: body.length,
      stale: !listening,
    }
    const previous = cache.get(request.url)
    if (previous) bytes -= previous.bytes
    cache.set(request.url, entry)
    bytes += entry.bytes
    for (const [key, old] of cache) {
      if (bytes <= maxBytes) break
      cache.delete(key)
      bytes -= old.bytes
    }
    reply.header('x-cache', 'miss')
    return payload
  })

  return state
}

// Headers that belong to one response only are not replayed.
const perResponse = new Set([
  'content-length',
  'content-type',
  'date',
  'x-request-id',
  'x-cache',
  'set-cookie',
  'connection',
])

function replayable(headers: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [name, value] of Object.entries(headers)) {
    if (!perResponse.has(name) && (typeof value === 'string' || typeof value === 'number'))
      out[name] = String(value)
  }
  return out
}

// Rate limiting counts only requests that reach it; an early answer does not repeat another's count.
const rateLimitHeaders = new Set([
  'x-ratelimit-limit',
  'x-ratelimit-remaining',
  'x-ratelimit-reset',
  'retry-after',
])

function signedInReplayable(headers: Record<string, unknown>): Record<string, string> {
  const out = replayable(headers)
  for (const name of rateLimitHeaders) delete out[name]
  return out
}

const cacheablePath = /^\/(|search|categories|c\/[^/]+|p\/\d+\/[^/]+|s\/[^/]+|suppliers\/[^/]+(\/[^/]+)?)$/

function isCacheable(request: FastifyRequest): boolean {
  if (request.method !== 'GET') return false
  const path = request.url.split('?')[0] ?? ''
  if (!cacheablePath.test(path)) return false
  // Anyone signed in (or mid-flow with a flash message) gets a freshly rendered page.
  const cookie = request.headers.cookie
  return !cookie || (!cookie.includes(`${SESSION_COOKIE}=`) && !cookie.includes('mandi_flash='))
}

/** Told when the listener starts or stops hearing notifications. */
interface ListenerEvents {
  connected(): void
  lost(): void
}

/** First and longest wait before the listener tries to reconnect (doubling, with jitter). */
const RECONNECT_MIN_MS = 250
const RECONNECT_MAX_MS = 10_000

/**
 * LISTEN on the given channels with a connection of its own (PostgreSQL) or PGlite's listener.
 * If the connection drops, `lost` is called and it reconnects by itself, with exponential backoff
 * and jitter (so web processes do not all come back at once after an outage), then `connected`.
 * A database that is down when the server starts is retried the same way.
 */
async function listen(
  app: App,
  handlers: Record<string, (payload: string | undefined) => void>,
  events: ListenerEvents,
): Promise<() => Promise<void>> {
  const database = app.database
  if (database.kind === 'pglite') {
    const unsubscribes = await Promise.all(
      Object.entries(handlers).map(([channel, handler]) =>
        database.pglite.listen(channel, (payload) => handler(payload)),
      ),
    )
    events.connected()
    return async () => {
      // A PGlite closed before the server (an outage test, a shutdown) has nothing left to unlisten.
      for (const unsubscribe of unsubscribes) await unsubscribe().catch(() => {})
    }
  }
  let current: pg.Client | undefined
  let closed = false
  let delay = RECONNECT_MIN_MS
  let timer: NodeJS.Timeout | undefined
  const retry = () => {
    if (closed || timer) return
    timer = setTimeout(
      () => {
        timer = undefined
        void attempt()
      },
      delay * (0.5 + Math.random() / 2),
    )
    timer.unref()
    delay = Math.min(delay * 2, RECONNECT_MAX_MS)
  }
  const attempt = async () => {
    const client = new pg.Client({
      connectionString: database.url,
      keepAlive: true,
      connectionTimeoutMillis: 5000,
    })
    let ended = false
    const end = () => {
      if (ended) return
      ended = true
      client.end().catch(() => {})
      if (current === client) {
        current = undefined
        if (!closed) {
          app.logger.warn('notification listener lost its database connection; reconnecting')
          events.lost()
        }
      }
      retry()
    }
    client.on('notification', (message) => handlers[message.channel]?.(message.payload))
    client.on('error', end)
    client.on('end', end)
    try {
      await client.connect()
      for (const channel of Object.keys(handlers)) await client.query(`LISTEN ${channel}`)
    } catch {
      end()
      return
    }
    if (ended) return
    if (closed) {
      client.end().catch(() => {})
      return
    }
    const recovered = delay > RECONNECT_MIN_MS
    current = client
    delay = RECONNECT_MIN_MS
    if (recovered) app.logger.info('notification listener reconnected')
    events.connected()
  }
  await attempt()
  return async () => {
    closed = true
    clearTimeout(timer)
    await current?.end().catch(() => {})
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    pageCache: {
      hits: number
      misses: number
      signedInHits: number
      staleHits: number
      listening(): boolean
      serveStale(request: FastifyRequest, reply: FastifyReply): boolean
      clear(): void
      nextInvalidation(): Promise<void>
      size(): number
    }
    /** Catalogue-derived values kept until the catalogue changes (see catalog-memo.ts). */
    catalogMemo: CatalogMemo
  }
  interface FastifyRequest {
    cacheGeneration: number
    /** This request renders a page others are waiting for. */
    cacheLeader: boolean
  }
}
