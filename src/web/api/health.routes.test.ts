import assert from 'node:assert/strict'
import { generateKeyPairSync } from 'node:crypto'
import { after, describe, it } from 'node:test'
import type { FastifyInstance } from 'fastify'
import { type App, createApp } from '#src/app.ts'
import type { Database } from '#src/db/database.ts'
import { testConfig, useTestApp, useTestDb } from '#test/setup.ts'
import { startMetricsListener } from '../metrics.ts'
import { createServer } from '../server.ts'

describe('health, readiness and metrics', () => {
  const ctx = useTestApp()

  it('answers /healthz with {"status":"ok"}', async () => {
    const res = await ctx.server.inject('/healthz')
    assert.equal(res.statusCode, 200)
    assert.deepEqual(res.json(), { status: 'ok' })
  })

  it('answers /readyz with 200 while the database answers', async () => {
    const res = await ctx.server.inject('/readyz')
    assert.equal(res.statusCode, 200)
    assert.equal(res.json().database, 'ok')
  })

  it('counts requests in Prometheus text at /metrics', async () => {
    await ctx.server.inject('/healthz')
    const res = await ctx.server.inject('/metrics')
    assert.equal(res.statusCode, 200)
    assert.match(res.headers['content-type'] as string, /text\/plain/)
    assert.match(res.body, /mandi_http_requests_total\{method="GET",route="\/healthz",status="200"\} \d+/)
    assert.match(res.body, /mandi_process_resident_memory_bytes/)
  })

  it('gives every response a request id, and keeps a well-formed one from the caller', async () => {
    const own = await ctx.server.inject({ url: '/healthz', headers: { 'x-request-id': 'lb-1234567890' } })
    assert.equal(own.headers['x-request-id'], 'lb-1234567890')
    const bad = await ctx.server.inject({ url: '/healthz', headers: { 'x-request-id': '<script>' } })
    assert.match(bad.headers['x-request-id'] as string, /^[0-9a-f-]{36}$/)
  })
})

describe('readiness when the database is gone', () => {
  const ctx = useTestApp()

  it('answers /readyz with 503 once the database stops answering', async () => {
    await ctx.app.database.close()
    const res = await ctx.server.inject('/readyz')
    assert.equal(res.statusCode, 503)
    assert.deepEqual(res.json(), { status: 'unavailable', database: 'unreachable' })
  })
})

describe('who may read /metrics', () => {
  const shared = useTestDb()
  const servers: { server: FastifyInstance; app: App }[] = []
  const productionKey = generateKeyPairSync('ed25519')
    .privateKey.export({ format: 'pem', type: 'pkcs8' })
    .toString()
  const token = 'metrics-token-0123456789abcdef0123456789abcdef'

  async function serverWith(overrides: Record<string, string>) {
    // Several configurations on one database: the database outlives each app.
    const app = await createApp(testConfig(overrides), {
      database: { ...shared.database, close: async () => {} } as Database,
    })
    const server = await createServer(app)
    await server.ready()
    servers.push({ server, app })
    return server
  }
  after(async () => {
    for (const { server, app } of servers) {
      await server.close()
      await app.close()
    }
  })

  it('is open on PORT in development and test', async () => {
    const server = await serverWith({ NODE_ENV: 'development' })
    assert.equal((await server.inject('/metrics')).statusCode, 200)
  })

  it('is not served on PORT in production without METRICS_TOKEN or METRICS_PORT', async () => {
    const server = await serverWith({ NODE_ENV: 'production', CONSENT_RECEIPT_KEY: productionKey })
    const res = await server.inject('/metrics')
    assert.equal(res.statusCode, 404)
    assert.doesNotMatch(res.body, /mandi_http_requests_total/)
  })

  it('needs the bearer token when METRICS_TOKEN is set: 401 without it or with a wrong one', async () => {
    const server = await serverWith({
      NODE_ENV: 'production',
      CONSENT_RECEIPT_KEY: productionKey,
      METRICS_TOKEN: token,
    })
    const none = await server.inject('/metrics')
    assert.equal(none.statusCode, 401)
    assert.equal(none.headers['www-authenticate'], 'Bearer realm="metrics"')
    assert.doesNotMatch(none.body, /mandi_/)
    for (const authorization of [
      `Bearer ${token}x`,
      `Bearer ${token.slice(0, -1)}`,
      `Basic ${token}`,
      token,
    ]) {
      assert.equal(
        (await server.inject({ url: '/metrics', headers: { authorization } })).statusCode,
        401,
        authorization,
      )
    }
    const ok = await server.inject({ url: '/metrics', headers: { authorization: `Bearer ${token}` } })
    assert.equal(ok.statusCode, 200)
    assert.match(ok.body, /mandi_http_requests_total/)
  })

  it('exempts only authorised scrapes from rate limiting: guessing tokens is limited', async () => {
    const server = await serverWith({ METRICS_TOKEN: token, RATE_LIMIT_PER_MINUTE: '3' })
    for (let i = 0; i < 5; i++) {
      const res = await server.inject({
        url: '/metrics',
        remoteAddress: '198.51.100.20',
        headers: { authorization: `Bearer ${token}` },
      })
      assert.equal(res.statusCode, 200)
    }
    const guesses: number[] = []
    for (let i = 0; i < 4; i++) {
      const res = await server.inject({
        url: '/metrics',
        remoteAddress: '198.51.100.21',
        headers: { authorization: `Bearer guess-${i}` },
      })
      guesses.push(res.statusCode)
    }
    assert.deepEqual(guesses, [401, 401, 401, 429])
  })

  it('with METRICS_PORT, is served only on its own listener, on 127.0.0.1 by default', async () => {
    const server = await serverWith({
      NODE_ENV: 'production',
      CONSENT_RECEIPT_KEY: productionKey,
      METRICS_PORT: '0',
    })
    assert.equal((await server.inject('/metrics')).statusCode, 404, 'not on PORT')
    const app = servers.at(-1)!.app
    const listener = await startMetricsListener(server.metrics, {
      host: app.config.metrics.host,
      port: app.config.metrics.port!,
      token: app.config.metrics.token,
    })
    try {
      assert.match(listener.url, /^http:\/\/127\.0\.0\.1:\d+$/)
      await server.inject('/healthz')
      const res = await fetch(`${listener.url}/metrics`)
      assert.equal(res.status, 200)
      assert.match(
        await res.text(),
        /mandi_http_requests_total\{method="GET",route="\/healthz",status="200"\} \d+/,
      )
      assert.equal((await fetch(`${listener.url}/`)).status, 404)
    } finally {
      await listener.close()
    }
    // With a token as well, the separate listener asks for it too.
    const guarded = await startMetricsListener(server.metrics, { host: '127.0.0.1', port: 0, token })
    try {
      assert.equal((await fetch(`${guarded.url}/metrics`)).status, 401)
      const res = await fetch(`${guarded.url}/metrics`, { headers: { authorization: `Bearer ${token}` } })
      assert.equal(res.status, 200)
    } finally {
      await guarded.close()
    }
  })
})
