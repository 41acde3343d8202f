import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { after, before, describe, it } from 'node:test'
import type { FastifyInstance } from 'fastify'
import { type App, createApp } from '#src/app.ts'
import * as accounts from '#src/modules/accounts/index.ts'
import { createServer } from '#src/web/server.ts'
import { declarations } from './authz/declarations.ts'
import { buildFixtures, type Fixtures, ownerDigest } from './authz/fixtures.ts'
import {
  type Browser,
  type Case,
  isDenial,
  judge,
  type Method,
  openBrowser,
  type Persona,
  personas,
  send,
} from './authz/harness.ts'
import { openTestDatabase, testConfig } from './setup.ts'

// The authorization matrix: every route the server has (collected as routes are added, not a
// hand-kept list) × six personas, each with the outcome declared once in authz/declarations.ts.
// A route without a declaration fails; so does a declaration for a route that is gone.
//
// Left out by rule: /static/* (public files) and HEAD routes Fastify adds for each GET (they
// answer as the GET does). Per case, refused personas go first, and for a state-changing request
// the owners' rows must be unchanged after each refusal; nobody may receive another's private
// text (markers in authz/fixtures.ts) whatever the status.

interface RouteKey {
  method: Method
  url: string
}

const isSkipped = (route: RouteKey, all: RouteKey[]) =>
  route.url.startsWith('/static/') ||
  (route.method === 'HEAD' && all.some((r) => r.method === 'GET' && r.url === route.url))

describe('authorization matrix', () => {
  const routes: RouteKey[] = []
  let app: App
  let server: FastifyInstance
  let f: Fixtures
  let browsers: Record<Persona, Browser>

  async function signInEveryone(): Promise<Record<Persona, Browser>> {
    const entries = await Promise.all(
      personas.map(async (persona) => {
        const token =
          persona === 'anonymous'
            ? null
            : (await accounts.createSession(app.db, { userId: f.users[persona].id, sharedDevice: false }))
                .token
        return [persona, await openBrowser(server, persona, token)] as const
      }),
    )
    return Object.fromEntries(entries) as Record<Persona, Browser>
  }

  // Photos, logos and imports go to a directory of this file's own.
  const dataDir = mkdtempSync(path.join(tmpdir(), 'mandi-authz-'))

  before(async () => {
    app = await createApp(testConfig({ DATA_DIR: dataDir }), { database: await openTestDatabase() })
    server = await createServer(app, {
      onRoute: (route) => {
        for (const method of [route.method].flat()) routes.push({ method: method as Method, url: route.url })
      },
    })
    await server.ready()
    f = await buildFixtures(app)
    browsers = await signInEveryone()
  })
  after(async () => {
    await server?.close()
    await app?.close()
    rmSync(dataDir, { recursive: true, force: true })
  })

  it('declares every route the server has, and no route it lacks', () => {
    const checked = routes.filter((r) => !isSkipped(r, routes))
    assert.ok(checked.length > 50, `only ${checked.length} routes were collected`)
    const undeclared = checked.filter((r) => !declarations[r.url]?.[r.method])
    const stale = Object.entries(declarations).flatMap(([url, byMethod]) =>
      Object.keys(byMethod)
        .filter((method) => !checked.some((r) => r.url === url && r.method === method))
        .map((method) => `${method} ${url}`),
    )
    assert.deepEqual(
      undeclared.map((r) => `${r.method} ${r.url}`),
      [],
      'Routes without an authorization declaration: add each to test/authz/declarations.ts with the outcome for every persona.',
    )
    assert.deepEqual(stale, [], 'Declarations for routes the server no longer has: remove them.')
  })

  it('gives every persona the declared outcome, and nobody another’s data', async (t) => {
    const started = performance.now()
    let requests = 0
    for (const [url, byMethod] of Object.entries(declarations)) {
      for (const [method, declared] of Object.entries(byMethod) as [Method, Case | Case[]][]) {
        if (!routes.some((r) => r.url === url && r.method === method)) continue
        for (const item of [declared].flat()) {
          await t.test(`${method} ${url}${item.note ? ` (${item.note})` : ''}`, async (c) => {
            const { problems, seen } = await runCase(method, url, item)
            requests += personas.length
            c.diagnostic(seen.join(' · '))
            assert.deepEqual(problems, [], problems.join('\n'))
          })
        }
      }
    }
    t.diagnostic(`${requests} requests in ${Math.round(performance.now() - started)} ms`)
    // A marker its owners never receive would make its absence elsewhere prove nothing.
    const unseen = f.markers.filter((m) => !reached.has(m.text)).map((m) => m.what)
    assert.deepEqual(unseen, [], 'Private text that no route showed even to its owners')
  })

  const reached = new Set<string>()

  async function runCase(method: Method, url: string, item: Case) {
    const problems: string[] = []
    const seen: string[] = []
    const params = item.params ? await item.params(f) : {}
    const path = url.replace(/:(\w+)|\*$/g, (_, name = '*') => {
      if (params[name] === undefined) throw new Error(`${method} ${url}: no value for :${name}`)
      return name === '*' ? String(params[name]) : encodeURIComponent(String(params[name]))
    })
    const mutating = method !== 'GET' && method !== 'HEAD'
    // Refused personas first: an allowed one may use the thing up (close, delete, sign out).
    const order = [...personas].sort(
      (a, b) => Number(isDenial(item.expect[b])) - Number(isDenial(item.expect[a])),
    )
    let before: string | undefined
    for (const persona of order) {
      const outcome = item.expect[persona]
      const query = typeof item.query === 'function' ? item.query(f, persona) : item.query
      const body = typeof item.body === 'function' ? item.body(f, persona) : item.body
      const target = query ? `${path}?${new URLSearchParams(query)}` : path
      const guarded = mutating && isDenial(outcome)
      // The digest after one refusal is the one before the next (nothing else runs in between).
      if (guarded) before ??= await ownerDigest(app, f)
      const response = await send(server, browsers[persona], {
        method,
        url: target,
        body,
        ...(item.upload ? { upload: item.upload(f) } : {}),
      })
      seen.push(`${persona} ${response.statusCode}`)
      const problem = judge(outcome, path, response)
      if (problem) problems.push(`${persona}: ${problem}`)
      for (const marker of f.markers) {
        if (!response.body.includes(marker.text)) continue
        if (marker.visibleTo.includes(persona)) reached.add(marker.text)
        else if (!item.sees?.includes(persona)) problems.push(`${persona}: received the ${marker.what}`)
      }
      if (guarded && before !== undefined) {
        const afterwards = await ownerDigest(app, f)
        if (afterwards !== before)
          problems.push(
            `${persona}: was refused, yet the owners' rows changed: ${changed(before, afterwards)}`,
          )
        before = afterwards
      }
    }
    if (item.endsSessions) browsers = await signInEveryone()
    return { problems, seen }
  }
})

function changed(before: string, after: string): string {
  const was = new Set(before.split('\n'))
  return after
    .split('\n')
    .filter((line) => !was.has(line))
    .map((line) => line.split(':')[0])
    .join(', ')
}
