import type { FastifyInstance } from 'fastify'
import type { App } from '../../app.ts'
import { databaseUnavailableReason, ping } from '../../db/database.ts'
import { hasMetricsToken, type Metrics, metricsExposure } from '../metrics.ts'

/**
 * Probes for load balancers and orchestrators (not rate-limited), and Prometheus metrics where
 * the configuration says (metricsExposure): on PORT openly outside production, on PORT with the
 * METRICS_TOKEN bearer, or only on the separate METRICS_PORT listener; never openly in production.
 */
export function healthRoutes(server: FastifyInstance, app: App, metrics: Metrics) {
  server.get('/healthz', async (_request, reply) =>
    reply.header('cache-control', 'no-store').send({ status: 'ok' }),
  )

  server.get('/readyz', async (request, reply) => {
    reply.header('cache-control', 'no-store')
    try {
      const ok = await withTimeout(ping(app.db), 2000)
      if (ok) return reply.send({ status: 'ready', database: 'ok' })
    } catch (error) {
      // Polled every few seconds during an outage: one line with a code, no stack, no query.
      request.log.warn({ reason: databaseUnavailableReason(error) ?? 'error' }, 'readiness check failed')
    }
    return reply.status(503).send({ status: 'unavailable', database: 'unreachable' })
  })

  const exposure = metricsExposure(app.config)
  if (exposure !== 'open' && exposure !== 'token') return
  server.get('/metrics', async (request, reply) => {
    reply.header('cache-control', 'no-store')
    if (exposure === 'token' && !hasMetricsToken(request.headers.authorization, app.config.metrics.token!)) {
      return reply
        .status(401)
        .header('www-authenticate', 'Bearer realm="metrics"')
        .type('text/plain; charset=utf-8')
        .send('Unauthorized\n')
    }
    reply.type(metrics.registry.contentType)
    return metrics.registry.metrics()
  })
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms)
    promise.then(
      (value) => {
        clearTimeout(timer)
        resolve(value)
      },
      (error: unknown) => {
        clearTimeout(timer)
        reject(error)
      },
    )
  })
}
