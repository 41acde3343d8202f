import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { setTimeout as sleep } from 'node:timers/promises'
import type { FastifyInstance } from 'fastify'
import { type App, createApp } from '#src/app.ts'
import { openDatabase } from '#src/db/database.ts'
import * as accounts from '#src/modules/accounts/index.ts'
import { buildCategory, buildProduct, buildUser } from '#test/factories.ts'
import { testConfig, testDatabaseKind, useTestApp } from '#test/setup.ts'
import { createServer } from './server.ts'

// Shared catalogue pages may take a session from a short memo (session.ts). A sign-out must end it
// for every request that follows: at once on the process that signed out, and on the others as
// soon as the sessions notification arrives.

const BURST = 60
const signedInMark = /Signed in as <strong>/

async function signedInPage(server: FastifyInstance, db: App['db'], url: string, name: string) {
  const user = await buildUser(db, { name })
  const session = await accounts.createSession(db, { userId: user.id, sharedDevice: false })
  const sessionCookie = `mandi_session=${session.token}`
  // The first signed-in page gives the browser its CSRF secret cookie; the next ones are answered early.
  const first = await server.inject({ url, headers: { cookie: sessionCookie } })
  assert.match(first.body, signedInMark)
  const secret = [first.headers['set-cookie']].flat().find((c) => c?.startsWith('_csrf='))
  assert.ok(secret, 'a CSRF secret cookie is set')
  const cookie = `${sessionCookie}; ${secret.split(';')[0]}`
  let token = ''
  for (let i = 0; i < 3; i++) {
    const res = await server.inject({ url, headers: { cookie } })
    assert.match(res.body, signedInMark)
    token = /name="_csrf" value="([^"]+)"/.exec(res.body)![1]!
  }
  return { user, session, cookie, token }
}

async function burst(server: FastifyInstance, urls: string[], cookie: string) {
  const answers = await Promise.all(
    Array.from({ length: BURST }, (_, i) =>
      server.inject({ url: urls[i % urls.length]!, headers: { cookie } }),
    ),
  )
  for (const res of answers) assert.equal(res.statusCode, 200)
  return answers.filter((res) => signedInMark.test(res.body)).length
}

describe(`sign-out ends a remembered session at once on this process (${testDatabaseKind})`, () => {
  const ctx = useTestApp({ config: { PAGE_CACHE_SECONDS: '300' } })
  const urls = ['/c/revoked-valves', '/']

  before(async () => {
    const category = await buildCategory(ctx.db, { slug: 'revoked-valves', name: 'Revoked Valves' })
    await buildProduct(ctx.db, { categoryId: category.id, title: 'Revocation Gate Valve' })
    ctx.server.pageCache.clear()
  })

  it(`answers none of ${BURST} requests sent right after the sign-out form as signed in`, async () => {
    const person = await signedInPage(ctx.server, ctx.db, urls[0]!, 'Nisha Patil')
    await ctx.server.inject({ url: urls[1]!, headers: { cookie: person.cookie } })
    const signOut = await ctx.server.inject({
      method: 'POST',
      url: '/account/sign-out',
      headers: { cookie: person.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: `_csrf=${encodeURIComponent(person.token)}`,
    })
    assert.equal(signOut.statusCode, 303)
    assert.equal(await burst(ctx.server, urls, person.cookie), 0)
  })

  it('answers none as signed in after signing out through the API, or everywhere', async () => {
    const api = await signedInPage(ctx.server, ctx.db, urls[0]!, 'Nisha Patil')
    const logout = await ctx.server.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { cookie: api.cookie },
    })
    assert.equal(logout.statusCode, 204)
    assert.equal(await burst(ctx.server, urls, api.cookie), 0)

    // Two browsers of one person; "sign out everywhere" from one ends the other's at once too.
    const laptop = await signedInPage(ctx.server, ctx.db, urls[0]!, 'Farhan Ali')
    const phoneSession = await accounts.createSession(ctx.db, { userId: laptop.user.id, sharedDevice: false })
    const phone = `mandi_session=${phoneSession.token}`
    assert.match((await ctx.server.inject({ url: urls[0]!, headers: { cookie: phone } })).body, signedInMark)
    const everywhere = await ctx.server.inject({
      method: 'POST',
      url: '/account/sign-out-everywhere',
      headers: { cookie: laptop.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: `_csrf=${encodeURIComponent(laptop.token)}`,
    })
    assert.equal(everywhere.statusCode, 303)
    assert.equal(await burst(ctx.server, urls, phone), 0)
  })

  it('does not keep a lookup that was under way when the session ended', async () => {
    const person = await signedInPage(ctx.server, ctx.db, urls[0]!, 'Leela Das')
    // Requests in flight across the sign-out: whatever they answer, the ones after it are signed out.
    const during = Array.from({ length: 20 }, () =>
      ctx.server.inject({ url: urls[0]!, headers: { cookie: person.cookie } }),
    )
    await ctx.server.inject({
      method: 'POST',
      url: '/account/sign-out',
      headers: { cookie: person.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: `_csrf=${encodeURIComponent(person.token)}`,
    })
    await Promise.all(during)
    assert.equal(await burst(ctx.server, urls, person.cookie), 0)
  })
})

describe(`sign-out on one process reaches another within the notification delay (${testDatabaseKind})`, {
  skip:
    testDatabaseKind === 'pglite'
      ? 'two processes on one database need PostgreSQL (PGlite is in-process)'
      : false,
}, () => {
  const ctx = useTestApp({ config: { PAGE_CACHE_SECONDS: '300' } })
  const other = {} as { app: App; server: FastifyInstance }
  const url = '/c/elsewhere-valves'

  before(async () => {
    if (ctx.app.database.kind !== 'postgres') throw new Error('expected PostgreSQL')
    // A second web process: its own pool and listener on the same database.
    other.app = await createApp(testConfig({ PAGE_CACHE_SECONDS: '300' }), {
      database: await openDatabase({ url: ctx.app.database.url, poolSize: 3 }),
    })
    other.server = await createServer(other.app)
    await other.server.ready()
    const category = await buildCategory(ctx.db, { slug: 'elsewhere-valves', name: 'Elsewhere Valves' })
    await buildProduct(ctx.db, { categoryId: category.id, title: 'Elsewhere Gate Valve' })
  })
  after(async () => {
    await other.server?.close()
    await other.app?.close()
  })

  it(`drops the session on the other process when the notification arrives (${BURST} requests, none signed in)`, async (t) => {
    // The other process has the session in its memo.
    const there = await signedInPage(other.server, ctx.db, url, 'Gita Menon')
    const cookie = there.cookie
    const dropped = other.server.sessionCache.nextClear()
    const started = performance.now()
    await ctx.server.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { cookie: `mandi_session=${there.session.token}` },
    })
    await Promise.race([dropped, sleep(2000).then(() => assert.fail('no notification within 2 s'))])
    const delayMs = performance.now() - started
    t.diagnostic(`sign-out answered and notified to the other process after ${delayMs.toFixed(1)} ms`)
    assert.equal(await burst(other.server, [url, '/'], cookie), 0)
    assert.equal(await burst(ctx.server, [url, '/'], cookie), 0)
    // The delay is the notification's trip through PostgreSQL: milliseconds, far below the 10 s bound.
    assert.ok(delayMs < 2000, `notification took ${delayMs} ms`)
  })
})
