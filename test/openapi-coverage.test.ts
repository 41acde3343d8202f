import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { testDatabaseKind, useTestApp } from '#test/setup.ts'
import { routeTable } from './fuzz/routes.ts'

// The API's published contract is its OpenAPI document: every /api/v1 route the server answers
// must be in it, so a client (or the fuzz test, which aims at the document) never meets an
// undocumented route.
describe(`the OpenAPI document (${testDatabaseKind})`, () => {
  const ctx = useTestApp()

  it('documents every /api/v1 route the server answers', async () => {
    const doc = (await ctx.server.inject({ url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, unknown>>
    }
    const documented = new Set(
      Object.entries(doc.paths).flatMap(([path, methods]) =>
        Object.keys(methods).map((m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
      ),
    )
    const routes = routeTable(ctx.server)
      .filter((r) => r.url.startsWith('/api/v1/'))
      .map((r) => `${r.method} ${r.url}`)
    assert.ok(routes.includes('POST /api/v1/me/erasure'), 'the route table is read')
    const undocumented = routes.filter((route) => !documented.has(route))
    assert.deepEqual(undocumented, [])
  })
})
