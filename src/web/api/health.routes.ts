import type { FastifyInstance } from 'fastify'
import type { App } from '../../app.ts'
import { databaseUnavailableReason, ping } from '../../db/database.ts'
import type { createMetrics } from '../metrics.ts'

/** Probes for load balancers and orchestrators, and Prometheus metrics. Not rate-limited. */
export function healthRoutes(server: FastifyInstance, app: App, metrics: ReturnType<typeof createMetrics>) {
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

  server.get('/metrics', async (_request, reply) => {
    reply.header('cache-control', 'no-store').type(metrics.registry.contentType)
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
