import client from 'prom-client'
import type { App } from '../app.ts'

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
