import assert from 'node:assert/strict'
import { Writable } from 'node:stream'
import { after, before, describe, it } from 'node:test'
import type { FastifyInstance } from 'fastify'
import { type App, createApp } from '#src/app.ts'
import { createLogger } from '#src/logger.ts'
import { invalid } from '#src/shared/errors.ts'
import { openTestDatabase, testConfig } from '#test/setup.ts'
import { createServer } from './server.ts'

// A server with a few extra routes that fail in known ways, and its log lines captured.
function useServerWithProbes(config: Record<string, string> = {}) {
  const ctx = { logs: [] as string[] } as { app: App; server: FastifyInstance; logs: string[] }
  before(async () => {
    const sink = new Writable({
      write(chunk, _encoding, done) {
        ctx.logs.push(String(chunk))
        done()
      },
    })
    ctx.app = await createApp(testConfig(config), {
      database: await openTestDatabase(),
      logger: createLogger({ logLevel: 'info' }, sink),
    })
    ctx.server = await createServer(ctx.app)
    ctx.server.get('/boom', async () => {
      throw new Error('secret internal detail at /srv/mandi/src/x.ts:12')
    })
    ctx.server.get('/api/v1/boom', async () => {
      throw new Error('secret internal detail')
    })
    ctx.server.post('/api/v1/echo', async (request) => ({ received: request.body }))
    ctx.server.get('/api/v1/refuse', async () => {
      throw invalid('quantity_too_small', 'Quantity must be at least the minimum order quantity (10).')
    })
    ctx.server.post('/form', async () => ({ ok: true }))
    ctx.server.get('/form', async (_request, reply) => ({ token: reply.generateCsrf() }))
    await ctx.server.ready()
  })
  after(async () => {
    await ctx.server?.close()
    await ctx.app?.close()
  })
  return ctx
}

describe('the web server', () => {
  const ctx = useServerWithProbes()

  it('sends a content security policy that forbids inline script and framing', async () => {
    const res = await ctx.server.inject('/healthz')
    const csp = String(res.headers['content-security-policy'])
    assert.match(csp, /default-src 'self'/)
    assert.match(csp, /script-src 'self'(;|$)/)
    assert.match(csp, /frame-ancestors 'none'/)
    assert.equal(res.headers['x-content-type-options'], 'nosniff')
  })

  it('shows an error page without the stack or the internal message when a page fails', async () => {
    const res = await ctx.server.inject('/boom')
    assert.equal(res.statusCode, 500)
    assert.match(String(res.headers['content-type']), /text\/html/)
    assert.doesNotMatch(res.body, /secret internal detail|\/srv\/mandi|at .*\.ts:\d+/)
    assert.match(res.body, /Something went wrong/)
  })

  it('answers a failing API route with a JSON error that hides the internals', async () => {
    const res = await ctx.server.inject('/api/v1/boom')
    assert.equal(res.statusCode, 500)
    assert.deepEqual(Object.keys(res.json().error).sort(), ['code', 'message'])
    assert.equal(res.json().error.code, 'internal_error')
    assert.doesNotMatch(res.body, /secret/)
  })

  it('maps a domain error to a 400 with its code and a message a person understands', async () => {
    const res = await ctx.server.inject('/api/v1/refuse')
    assert.equal(res.statusCode, 400)
    assert.deepEqual(res.json(), {
      error: { code: 'quantity_too_small', message: 'Quantity must be at least the minimum order quantity (10).' },
    })
  })

  it('answers malformed JSON with 400 invalid_json, not a server error', async () => {
    const res = await ctx.server.inject({
      method: 'POST',
      url: '/api/v1/echo',
      headers: { 'content-type': 'application/json' },
      payload: '{"quantity": 5,',
    })
    assert.equal(res.statusCode, 400)
    assert.equal(res.json().error.code, 'invalid_json')
  })

  it('answers unknown API paths with a JSON 404 and unknown pages with an HTML 404', async () => {
    const api = await ctx.server.inject('/api/v1/no-such-thing')
    assert.equal(api.statusCode, 404)
    assert.equal(api.json().error.code, 'not_found')
    const page = await ctx.server.inject('/no-such-page')
    assert.equal(page.statusCode, 404)
    assert.match(String(page.headers['content-type']), /text\/html/)
  })

  it('refuses a form post without a CSRF token and accepts one with it', async () => {
    const refused = await ctx.server.inject({
      method: 'POST',
      url: '/form',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'a=1',
    })
    assert.equal(refused.statusCode, 403)
    assert.match(refused.body, /reload the page/)

    const form = await ctx.server.inject('/form')
    const cookie = form.cookies.map((c) => `${c.name}=${c.value}`).join('; ')
    const accepted = await ctx.server.inject({
      method: 'POST',
      url: '/form',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
      payload: `a=1&_csrf=${encodeURIComponent(form.json().token)}`,
    })
    assert.equal(accepted.statusCode, 200)
  })

  it('refuses a text/plain form post, which browsers allow across sites, without a token', async () => {
    const res = await ctx.server.inject({
      method: 'POST',
      url: '/form',
      headers: { 'content-type': 'text/plain' },
      payload: 'a=1',
    })
    assert.equal(res.statusCode, 403)
  })

  it('serves static assets with a year-long immutable cache', async () => {
    const res = await ctx.server.inject('/static/app.css')
    assert.equal(res.statusCode, 200)
    assert.match(String(res.headers['cache-control']), /max-age=31536000.*immutable|immutable.*max-age=31536000/)
  })

  it('publishes an OpenAPI 3.1 document and a readable page of it', async () => {
    const doc = await ctx.server.inject('/api/openapi.json')
    assert.equal(doc.statusCode, 200)
    assert.equal(doc.json().openapi, '3.1.0')
    const page = await ctx.server.inject('/api/docs')
    assert.equal(page.statusCode, 200)
    assert.match(page.body, /API reference/)
  })

  it('logs one line per request with the path but not the query string, and a truncated IP', async () => {
    ctx.logs.length = 0
    await ctx.server.inject({ url: '/search?q=asha%40example.com', remoteAddress: '203.0.113.77' })
    const line = ctx.logs.map((l) => JSON.parse(l)).find((l) => l.msg === 'request')
    assert.ok(line, 'a request line was logged')
    assert.equal(line.ip, '203.0.113.0')
    assert.doesNotMatch(JSON.stringify(ctx.logs), /asha|example\.com|203\.0\.113\.77/)
  })
})

describe('rate limiting', () => {
  const ctx = useServerWithProbes({ RATE_LIMIT_PER_MINUTE: '3' })

  it('answers the request over the limit with 429, a retry time and a clear message', async () => {
    const statuses: number[] = []
    let last: Awaited<ReturnType<FastifyInstance['inject']>> | undefined
    for (let i = 0; i < 4; i++) {
      last = await ctx.server.inject({ url: '/api/v1/refuse', remoteAddress: '198.51.100.9' })
      statuses.push(last.statusCode)
    }
    assert.deepEqual(statuses, [400, 400, 400, 429])
    assert.ok(Number(last!.headers['retry-after']) > 0)
    assert.equal(last!.json().error.code, 'rate_limited')
    assert.match(last!.json().error.message, /Please wait \d+ seconds/)
  })

  it('never limits the health probes', async () => {
    for (let i = 0; i < 6; i++) {
      const res = await ctx.server.inject({ url: '/healthz', remoteAddress: '198.51.100.10' })
      assert.equal(res.statusCode, 200)
    }
  })
})
