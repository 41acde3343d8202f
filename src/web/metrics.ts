import { createHash, timingSafeEqual } from 'node:crypto'
import { createServer, type IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { FastifyRequest } from 'fastify'
import client from 'prom-client'
import type { App } from '../app.ts'
import type { Config } from '../config.ts'

/** One Prometheus registry per server: default process metrics, request counts and latency, DB pool. */
export function createMetrics(app: App) {
  const registry = new client.Registry()
  client.collectDefaultMetrics({ register: registry, prefix: 'mandi_' })
  const requests = new client.Counter({
    name: 'mandi_http_requests_total',
    help: 'HTTP requests by method, route pattern and status code',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [registry],
  })
  const duration = new client.Histogram({
    name: 'mandi_http_request_duration_seconds',
    help: 'HTTP request latency by route pattern',
    labelNames: ['method', 'route'] as const,
    buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  })
  const database = app.database
  if (database.kind === 'postgres') {
    new client.Gauge({
      name: 'mandi_db_pool_connections',
      help: 'PostgreSQL pool connections by state',
      labelNames: ['state'] as const,
      registers: [registry],
      collect() {
        this.set({ state: 'total' }, database.pool.totalCount)
        this.set({ state: 'idle' }, database.pool.idleCount)
        this.set({ state: 'waiting' }, database.pool.waitingCount)
      },
    })
  }
  return {
    registry,
    observe(method: string, route: string, status: number, seconds: number) {
      requests.inc({ method, route, status: String(status) })
      duration.observe({ method, route }, seconds)
    },
  }
}

export type Metrics = ReturnType<typeof createMetrics>

/**
 * Where /metrics is served, from the configuration:
 * - 'separate': METRICS_PORT is set; only the separate listener serves it (startMetricsListener),
 *   with the bearer token too when METRICS_TOKEN is set. Not on PORT.
 * - 'token': METRICS_TOKEN is set; on PORT with `Authorization: Bearer <token>`, 401 otherwise.
 * - 'off': production with neither; not served (404).
 * - 'open': development and test with neither; open on PORT.
 */
export function metricsExposure(
  config: Pick<Config, 'isProduction' | 'metrics'>,
): 'separate' | 'token' | 'off' | 'open' {
  if (config.metrics.port !== undefined) return 'separate'
  if (config.metrics.token) return 'token'
  return config.isProduction ? 'off' : 'open'
}

/** Whether the Authorization header carries `Bearer <token>`; compared in constant time. */
export function hasMetricsToken(authorization: string | undefined, token: string): boolean {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '')
  if (!match) return false
  // Digests of equal length, so neither the token's length nor its content shows in the timing.
  const digest = (value: string) => createHash('sha256').update(value).digest()
  return timingSafeEqual(digest(match[1]!), digest(token))
}

/**
 * A scrape of /metrics on PORT that rate limiting may skip: an open endpoint, or a request with
 * the right token. Wrong or missing tokens count against the limit like any other request.
 */
export function isMetricsScrape(
  config: Pick<Config, 'isProduction' | 'metrics'>,
  request: FastifyRequest,
): boolean {
  if (request.url !== '/metrics') return false
  const exposure = metricsExposure(config)
  if (exposure === 'open') return true
  return exposure === 'token' && hasMetricsToken(request.headers.authorization, config.metrics.token!)
}

export interface MetricsListener {
  /** http://host:port, the port the system gave when METRICS_PORT is 0. */
  url: string
  close(): Promise<void>
}

/** The separate /metrics listener used when METRICS_PORT is set (started by main.ts next to the web server). */
export async function startMetricsListener(
  metrics: Metrics,
  options: { host: string; port: number; token?: string | undefined },
): Promise<MetricsListener> {
  const answer = async (request: IncomingMessage) => {
    const path = (request.url ?? '').split('?')[0]
    if ((request.method !== 'GET' && request.method !== 'HEAD') || path !== '/metrics')
      return { status: 404, type: 'text/plain; charset=utf-8', body: 'Not found\n' }
    if (options.token && !hasMetricsToken(request.headers.authorization, options.token))
      return { status: 401, type: 'text/plain; charset=utf-8', body: 'Unauthorized\n' }
    return { status: 200, type: metrics.registry.contentType, body: await metrics.registry.metrics() }
  }
  const server = createServer((request, response) => {
    answer(request).then(
      ({ status, type, body }) => {
        response.writeHead(status, {
          'content-type': type,
          'cache-control': 'no-store',
          'x-content-type-options': 'nosniff',
          ...(status === 401 ? { 'www-authenticate': 'Bearer realm="metrics"' } : {}),
        })
        response.end(request.method === 'HEAD' ? undefined : body)
      },
      () => {
        response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end('Metrics failed\n')
      },
    )
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port, options.host, () => {
      server.off('error', reject)
      resolve()
    })
  })
  const address = server.address() as AddressInfo
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address
  return {
    url: `http://${host}:${address.port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}
