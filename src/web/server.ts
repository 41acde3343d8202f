import { randomUUID } from 'node:crypto'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import fastifyCookie from '@fastify/cookie'
import fastifyCsrf from '@fastify/csrf-protection'
import fastifyFormbody from '@fastify/formbody'
import fastifyHelmet from '@fastify/helmet'
import fastifyRateLimit from '@fastify/rate-limit'
import fastifyStatic from '@fastify/static'
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyRequest, LogController } from 'fastify'
import type { onRouteHookHandler } from 'fastify'
import type { App } from '../app.ts'
import { databaseUnavailableReason } from '../db/database.ts'
import { truncateIp } from '../logger.ts'
import { createApiRegistry } from './api/api-registry.ts'
import { authRoutes } from './api/auth.routes.ts'
import { catalogRoutes } from './api/catalog.routes.ts'
import { docsRoutes } from './api/docs.routes.tsx'
import { enquiryRoutes } from './api/enquiries.routes.ts'
import { erasureRoutes } from './api/erasure.routes.ts'
import { rightsRoutes } from './api/rights.routes.ts'
import { grievanceRoutes } from './api/grievance.routes.ts'
import { orderRoutes } from './api/orders.routes.ts'
import { quoteOrderRoutes } from './api/quote-orders.routes.ts'
import { paymentRoutes } from './api/payments.routes.ts'
import { sellerLeadRoutes } from './api/seller-leads.routes.ts'
import { healthRoutes } from './api/health.routes.ts'
import { meRoutes } from './api/me.routes.ts'
import { privacyRoutes } from './api/privacy.routes.ts'
import { requirementRoutes } from './api/requirements.routes.ts'
import { sellerOrderRoutes } from './api/seller-orders.routes.ts'
import { sellerRoutes } from './api/seller.routes.ts'
import { csrfPassed } from './csrf.ts'
import { presentError, sendJsonError, wantsJson } from './errors.ts'
import { answerClientError, answerRouterError, MAX_PARAM_LENGTH, registerInputChecks } from './input.ts'
import { createJobSender, type JobSender } from '../jobs/sender.ts'
import { createMetrics, isMetricsScrape } from './metrics.ts'
import { registerPageCache } from './page-cache.ts'
import { accountPages } from './pages/account/account.pages.tsx'
import { catalogPages } from './pages/catalog.pages.tsx'
import { cityPages } from './pages/city.pages.tsx'
import { homePages } from './pages/home.pages.tsx'
import { devMailboxPages } from './pages/dev-mailbox.pages.tsx'
import { enquiryPages } from './pages/enquiries/enquiries.pages.tsx'
import { infoPages } from './pages/info.pages.tsx'
import { sendNotFound } from './pages/page-frame.ts'
import { sellerCentrePages } from './pages/seller/seller.pages.tsx'
import { sitemapPages } from './pages/sitemap.pages.ts'
import { unsubscribePages } from './pages/unsubscribe.pages.tsx'
import { privacyNoticePages } from './pages/privacy-notice.pages.tsx'
import { requirementPages } from './pages/requirements/requirements.pages.tsx'
import { accountGrievancePages } from './pages/account/grievances.pages.tsx'
import { nomineePages } from './pages/account/nominee.pages.tsx'
import { staffGrievancePages } from './pages/admin/grievances.pages.tsx'
import { staffPeoplePages } from './pages/admin/people.pages.tsx'
import { sandboxGatewayPages } from './pages/sandbox-gateway.pages.tsx'
import { sendPage } from './render.tsx'
import { registerSessions } from './session.ts'
import { assetUrls, publicDir } from './static-assets.ts'
import { ErrorPage } from './views/error-pages.tsx'
import { pageContext } from './views/page-context.ts'

const REQUEST_ID = /^[A-Za-z0-9._-]{8,128}$/

/**
 * Builds the HTTP server: plugins and hooks in the order they run, then every route module.
 * `onRoute` sees every route as it is added (the authorization matrix test collects them).
 */
export async function createServer(
  app: App,
  options: { onRoute?: onRouteHookHandler } = {},
): Promise<FastifyInstance> {
  const server = Fastify({
    loggerInstance: app.logger as FastifyBaseLogger,
    trustProxy: app.config.trustProxy,
    bodyLimit: 1024 * 1024,
    // Honour a caller's request id (a load balancer's) when it looks like one; otherwise make one.
    genReqId: (req) => {
      const incoming = req.headers['x-request-id']
      return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID()
    },
    // One line per request is written by our onResponse hook instead (no query strings, truncated IPs).
    logController: new LogController({ disableRequestLogging: true }),
    return503OnClosing: true,
    forceCloseConnections: 'idle',
    // The router's own refusals (an undecodable path, an over-long parameter) and Node's (a
    // malformed header) are answered like every other error: our codes, security headers, no echo.
    routerOptions: { maxParamLength: MAX_PARAM_LENGTH },
    frameworkErrors: answerRouterError,
    clientErrorHandler: answerClientError,
  })
  if (options.onRoute) server.addHook('onRoute', options.onRoute)

  const metrics = createMetrics(app)
  server.decorate('metrics', metrics)
  const jobs = createJobSender(app)
  server.decorate('jobs', jobs)
  server.addHook('onClose', async () => jobs.stop())

  server.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id)
  })
  server.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched'
    metrics.observe(request.method, route, reply.statusCode, reply.elapsedTime / 1000)
    // One line per request; the path without its query string (search terms can be personal).
    request.log.info(
      {
        method: request.method,
        route,
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime * 10) / 10,
        ip: truncateIp(request.ip),
      },
      'request',
    )
  })

  // First: a cached anonymous page is answered here, before rate limiting and the header plugins
  // (its stored response carries the security headers it was first sent with).
  registerPageCache(server, app, { ttlSeconds: app.config.pageCacheSeconds })

  await server.register(fastifyHelmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        baseUri: ["'self'"],
        connectSrc: ["'self'"],
        fontSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        imgSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        upgradeInsecureRequests: app.config.isProduction ? [] : null,
      },
    },
    hsts: app.config.isProduction,
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
  })
  await server.register(fastifyCookie, { secret: app.config.secretKey })
  await server.register(fastifyFormbody, { bodyLimit: 256 * 1024 })
  await server.register(fastifyCsrf, {
    sessionPlugin: '@fastify/cookie',
    cookieOpts: { signed: true, httpOnly: true, sameSite: 'lax', path: '/', secure: app.config.isProduction },
  })
  await server.register(fastifyRateLimit, {
    global: true,
    max: app.config.rateLimitPerMinute,
    timeWindow: '1 minute',
    allowList: (request) => isProbe(request) || isMetricsScrape(app.config, request),
    errorResponseBuilder: (_request, context) => ({
      statusCode: 429,
      code: 'rate_limited',
      message: `Too many requests. Please wait ${Math.ceil(context.ttl / 1000)} seconds and try again.`,
    }),
  })
  await server.register(fastifyStatic, {
    root: publicDir,
    prefix: '/static/',
    // Asset URLs carry a content hash (?v=…), so browsers may keep them for a year.
    maxAge: '365d',
    immutable: true,
    index: false,
  })

  registerSessions(server, app)
  // NUL, lone surrogates and non-text form values are refused here, for every route (input.ts).
  registerInputChecks(server)

  // Page form posts are checked for a CSRF token after the body is parsed (onRequest would be too
  // early). JSON API calls are guarded in session.ts; multipart forms check the token they carry.
  server.addHook('preHandler', async (request, reply) => {
    if (request.method === 'GET' || request.method === 'HEAD' || request.method === 'OPTIONS') return
    // Routes that carry their own proof (a signed one-click unsubscribe link) opt out.
    if (request.routeOptions.config.csrf === false || request.url.startsWith('/api/')) return
    if (request.headers['content-type']?.startsWith('multipart/form-data')) return
    if (!csrfPassed(server, request, reply)) return reply
  })

  server.setErrorHandler(async (error, request, reply) => {
    const presented = presentError(error)
    if (presented.code === 'service_unavailable') {
      // An outage fails many requests in a row: one warn line each, with a code and no stack or query.
      request.log.warn(
        { reason: databaseUnavailableReason(error), route: request.routeOptions.url ?? 'unmatched' },
        'database unavailable',
      )
      // An anonymous catalogue page seen before is answered from its last copy instead.
      if (server.pageCache.serveStale(request, reply)) return reply
    } else if (presented.status >= 500) request.log.error({ err: error }, 'request failed')
    if (presented.retryAfterSeconds) reply.header('retry-after', String(presented.retryAfterSeconds))
    else if (presented.status === 429 && !reply.hasHeader('retry-after')) reply.header('retry-after', '60')
    if (wantsJson(request)) return sendJsonError(reply, presented)
    try {
      return sendPage(reply, ErrorPage({ ctx: pageContext(request), error: presented }), presented.status)
    } catch (renderError) {
      // The error page itself failed: answer with a bare page rather than Fastify's default, which shows the message.
      request.log.error({ err: renderError }, 'error page failed to render')
      return reply.status(presented.status).type('text/html; charset=utf-8').send(bareErrorPage(presented.message))
    }
  })
  server.setNotFoundHandler(async (request, reply) => {
    if (wantsJson(request)) {
      return sendJsonError(reply, { status: 404, code: 'not_found', message: 'There is nothing at this address.' })
    }
    try {
      return await sendNotFound(app, request, reply, 'There is nothing at this address.')
    } catch (renderError) {
      request.log.error({ err: renderError }, 'not-found page failed to render')
      return reply.status(404).type('text/html; charset=utf-8').send(bareErrorPage('There is nothing at this address.'))
    }
  })

  const api = createApiRegistry(server)
  healthRoutes(server, app, metrics)
  catalogRoutes(api, app)
  authRoutes(api, app)
  meRoutes(api, app)
  erasureRoutes(api, app)
  privacyRoutes(server, api, app)
  rightsRoutes(api, app)
  sellerRoutes(api, app)
  requirementRoutes(api, app)
  enquiryRoutes(api, app)
  sellerLeadRoutes(api, app)
  grievanceRoutes(api, app)
  orderRoutes(api, app)
  sellerOrderRoutes(api, app)
  quoteOrderRoutes(api, app)
  paymentRoutes(server, api, app)
  docsRoutes(server, api, app)
  homePages(server, app)
  catalogPages(server, app)
  cityPages(server, app)
  infoPages(server, app)
  devMailboxPages(server, app)
  unsubscribePages(server, app)
  sitemapPages(server, app)
  sellerCentrePages(server, app)
  privacyNoticePages(server, app)
  accountPages(server, app)
  enquiryPages(server, app)
  requirementPages(server, app)
  accountGrievancePages(server, app)
  nomineePages(server, app)
  staffGrievancePages(server, app)
  staffPeoplePages(server, app)
  sandboxGatewayPages(server, app)

  server.log.debug({ assets: assetUrls }, 'static assets')
  return server
}

function bareErrorPage(message: string): string {
  const escaped = message.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
  return `<!doctype html><html lang="en-IN"><head><meta charset="utf-8"><title>Something went wrong · Mandi</title></head><body><h1>Something went wrong</h1><p>${escaped}</p><p><a href="/">Go to the home page</a></p></body></html>`
}

function isProbe(request: FastifyRequest): boolean {
  return request.url === '/healthz' || request.url === '/readyz'
}

export const webRoot = path.dirname(fileURLToPath(import.meta.url))

declare module 'fastify' {
  interface FastifyInstance {
    metrics: ReturnType<typeof createMetrics>
    /** Hands work to the job workers after a request commits. */
    jobs: JobSender
  }
  interface FastifyContextConfig {
    /** false: the route proves itself another way and skips the form CSRF check. */
    csrf?: boolean
  }
}
