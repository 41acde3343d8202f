import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { useTestApp } from '#test/setup.ts'

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
