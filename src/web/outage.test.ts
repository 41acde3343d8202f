import assert from 'node:assert/strict'
import net, { type AddressInfo } from 'node:net'
import { Writable } from 'node:stream'
import { after, before, describe, it } from 'node:test'
import { setTimeout as sleep } from 'node:timers/promises'
import { eq, sql } from 'drizzle-orm'
import { DrizzleQueryError } from 'drizzle-orm/errors'
import type { FastifyInstance } from 'fastify'
import pg from 'pg'
import { type App, createApp } from '#src/app.ts'
import {
  type Database,
  databaseUnavailableReason,
  isDatabaseUnavailable,
  openDatabase,
  queryRows,
} from '#src/db/database.ts'
import { createLogger } from '#src/logger.ts'
import * as accounts from '#src/modules/accounts/index.ts'
import * as catalog from '#src/modules/catalog/index.ts'
import { products } from '#src/modules/catalog/catalog.tables.ts'
import { AppError } from '#src/shared/errors.ts'
import { buildProduct, buildUser } from '#test/factories.ts'
import { openTestDatabase, testConfig, testDatabaseKind, useTestApp } from '#test/setup.ts'
import { presentError } from './errors.ts'
import { createServer } from './server.ts'

const needsPostgres =
  testDatabaseKind === 'pglite'
    ? 'needs PostgreSQL: PGlite has one in-process connection, no server to lose'
    : false

/** A driver error as node-postgres raises it (a SQLSTATE in `code`), wrapped by Drizzle as queries are. */
function wrapped(code: string, message = 'error') {
  const cause = Object.assign(new Error(message), { code })
  return new DrizzleQueryError('select 1 from users where email = $1', ['asha@example.com'], cause)
}

async function freePort(): Promise<number> {
  const server = net.createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}

function logSink() {
  const lines: Record<string, unknown>[] = []
  const sink = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n')) if (line.trim()) lines.push(JSON.parse(line))
      done()
    },
  })
  return { lines, logger: createLogger({ logLevel: 'info' }, sink) }
}

async function waitUntil(check: () => boolean | Promise<boolean>, ms: number, what: string) {
  const started = Date.now()
  while (!(await check())) {
    if (Date.now() - started > ms) assert.fail(`timed out after ${ms} ms waiting until ${what}`)
    await sleep(25)
  }
}

describe('which database errors mean "unavailable"', () => {
  it('recognises lost connections, shutdowns, timeouts and a closed database, through Drizzle', async () => {
    for (const code of ['57014', '08006', '08001', '08003', '57P01', '57P02', '57P03', '53300']) {
      assert.equal(isDatabaseUnavailable(wrapped(code)), true, code)
      assert.equal(databaseUnavailableReason(wrapped(code)), code)
    }
    assert.equal(
      isDatabaseUnavailable(wrapped('55000', 'database "x" is not currently accepting connections')),
      true,
    )
    for (const message of [
      'Connection terminated unexpectedly',
      'Connection terminated due to connection timeout',
      'timeout exceeded when trying to connect',
      'Client has encountered a connection error and is not queryable',
    ]) {
      assert.equal(
        isDatabaseUnavailable(new DrizzleQueryError('select 1', [], new Error(message))),
        true,
        message,
      )
    }
    // A socket error, as Node raises it for each address it tried.
    const refused = new AggregateError(
      [Object.assign(new Error('connect'), { code: 'ECONNREFUSED' })],
      'connect',
    )
    assert.equal(databaseUnavailableReason(refused), 'ECONNREFUSED')

    // Real ones: a server that is not there, a pool already ended.
    const nowhere = await openDatabase({
      url: `postgres://postgres@127.0.0.1:${await freePort()}/none`,
      poolSize: 1,
    })
    const refusedForReal = await queryRows(nowhere.db, sql`select 1`).catch((error: unknown) => error)
    assert.equal(databaseUnavailableReason(refusedForReal), 'ECONNREFUSED')
    await nowhere.close()
    const ended = await queryRows(nowhere.db, sql`select 1`).catch((error: unknown) => error)
    assert.equal(databaseUnavailableReason(ended), 'pool_ended')
    // A closed PGlite: see the next suite, run on PGlite.
  })

  it('leaves mistakes in a query, constraint violations and other errors alone', () => {
    for (const code of ['42601', '23505', '42P01', '22P02', '40001', '55000', '3D000']) {
      assert.equal(isDatabaseUnavailable(wrapped(code)), false, code)
    }
    for (const value of [
      new Error('boom'),
      new TypeError('x is undefined'),
      null,
      undefined,
      'ECONNREFUSED',
      42,
    ]) {
      assert.equal(isDatabaseUnavailable(value), false, String(value))
    }
    assert.equal(isDatabaseUnavailable(new AppError('conflict', 'taken', 'That name is taken.')), false)
  })

  it('presents them as 503 with a time to retry, and anything else as 500', () => {
    const presented = presentError(wrapped('57014', 'canceling statement due to statement timeout'))
    assert.equal(presented.status, 503)
    assert.equal(presented.code, 'service_unavailable')
    assert.equal(presented.retryAfterSeconds, 30)
    assert.doesNotMatch(presented.message, /select|asha|statement/i)
    assert.equal(presentError(wrapped('23505')).status, 500)
  })
})

describe(`answers while the database is closed (${testDatabaseKind})`, () => {
  const logs = logSink()
  const ctx = useTestApp({ config: { PAGE_CACHE_SECONDS: '1' }, logger: logs.logger })

  it('serves a page it has seen from its last copy, and 503 with Retry-After for the rest', async () => {
    await buildProduct(ctx.db, { title: 'Closed Database Gate Valve' })
    const user = await buildUser(ctx.db, { name: 'Ira Sen' })
    const session = await accounts.createSession(ctx.db, { userId: user.id, sharedDevice: false })
    const first = await ctx.server.inject('/')
    assert.equal(first.headers['x-cache'], 'miss')
    // Past PAGE_CACHE_SECONDS the copy is no longer fresh, but it is kept for an outage.
    await sleep(1100)
    await ctx.app.database.close()

    const home = await ctx.server.inject('/')
    assert.equal(home.statusCode, 200)
    assert.equal(home.headers['x-cache'], 'stale')
    assert.equal(home.body, first.body)
    assert.ok(home.headers['content-security-policy'], 'with the stored security headers')

    const api = await ctx.server.inject('/api/v1/categories')
    assert.equal(api.statusCode, 503)
    assert.equal(api.headers['retry-after'], '30')
    assert.equal(api.json().error.code, 'service_unavailable')

    const page = await ctx.server.inject('/search?q=valve')
    assert.equal(page.statusCode, 503)
    assert.equal(page.headers['retry-after'], '30')
    assert.match(String(page.headers['content-type']), /text\/html/)
    assert.match(page.body, /cannot reach its database/)
    assert.doesNotMatch(page.body, /Failed query|select |PGlite|pool/i)

    // Someone signed in: the session cannot be checked, so 503 rather than a page for someone else.
    const signedIn = await ctx.server.inject({
      url: '/',
      headers: { cookie: `mandi_session=${session.token}` },
    })
    assert.equal(signedIn.statusCode, 503)

    const ready = await ctx.server.inject('/readyz')
    assert.equal(ready.statusCode, 503)
    assert.equal(ready.json().database, 'unreachable')

    // One warn line per failed request (the stale answer included), with a code: no stack, no query, no error line.
    const warnings = logs.lines.filter((line) => line.msg === 'database unavailable')
    assert.equal(warnings.length, 4)
    for (const line of warnings) {
      assert.equal(line.level, 40)
      assert.match(String(line.reason), /^(pglite_closed|pool_ended)$/)
    }
    const text = JSON.stringify(logs.lines)
    assert.doesNotMatch(text, /"stack"|Failed query|Ira Sen|example\.test/)
    assert.equal(logs.lines.filter((line) => line.msg === 'request failed').length, 0)
  })
})

/** A TCP proxy to PostgreSQL that the test can cut and restore: a real outage, the server untouched. */
async function startProxy(target: { host: string; port: number }) {
  const sockets = new Set<net.Socket>()
  let server: net.Server | undefined
  let port = 0
  const open = () =>
    new Promise<void>((resolve, reject) => {
      const next = net.createServer((client) => {
        const upstream = net.connect(target.port, target.host)
        for (const socket of [client, upstream]) {
          sockets.add(socket)
          socket.on('error', () => {})
          socket.on('close', () => {
            sockets.delete(socket)
            client.destroy()
            upstream.destroy()
          })
        }
        client.pipe(upstream)
        upstream.pipe(client)
      })
      next.once('error', reject)
      next.listen(port, '127.0.0.1', () => {
        port = (next.address() as AddressInfo).port
        server = next
        resolve()
      })
    })
  const cut = () =>
    new Promise<void>((resolve) => {
      if (!server) return resolve()
      server.close(() => resolve())
      server = undefined
      for (const socket of sockets) socket.destroy()
    })
  await open()
  return { port: () => port, cut, restore: open }
}

describe(`a real outage and the recovery, same process (${testDatabaseKind})`, {
  skip: needsPostgres,
}, () => {
  const logs = logSink()
  const ctx = {} as {
    base: Database
    proxy: Awaited<ReturnType<typeof startProxy>>
    app: App
    server: FastifyInstance
  }

  before(async () => {
    ctx.base = await openTestDatabase()
    if (ctx.base.kind !== 'postgres') throw new Error('expected PostgreSQL')
    const direct = new URL(ctx.base.url)
    ctx.proxy = await startProxy({ host: direct.hostname, port: Number(direct.port || 5432) })
    const proxied = new URL(ctx.base.url)
    proxied.hostname = '127.0.0.1'
    proxied.port = String(ctx.proxy.port())
    ctx.app = await createApp(
      testConfig({ DATABASE_URL: proxied.toString(), PAGE_CACHE_SECONDS: '300', DATABASE_POOL_SIZE: '4' }),
      { logger: logs.logger },
    )
    ctx.server = await createServer(ctx.app)
    await ctx.server.ready()
  })
  after(async () => {
    await ctx.server?.close()
    await ctx.app?.close()
    await ctx.proxy?.cut()
    await ctx.base?.close()
  })

  it('keeps the home page, answers 503 elsewhere and /readyz 503, then recovers without a restart', async () => {
    const product = await buildProduct(ctx.base.db, { title: 'Outage Gate Valve' })
    const productUrl = `/p/${product.id}/${product.slug}`
    assert.equal((await ctx.server.inject('/')).headers['x-cache'], 'miss')
    assert.equal((await ctx.server.inject(productUrl)).headers['x-cache'], 'miss')
    assert.equal((await ctx.server.inject('/readyz')).statusCode, 200)
    assert.equal(ctx.server.pageCache.listening(), true)

    await ctx.proxy.cut()
    // The notification listener notices at once; pages it can no longer vouch for become stale.
    await waitUntil(() => !ctx.server.pageCache.listening(), 2000, 'the listener notices the outage')

    for (const url of ['/', productUrl]) {
      const res = await ctx.server.inject(url)
      assert.equal(res.statusCode, 200, url)
      assert.equal(res.headers['x-cache'], 'stale', url)
      assert.match(res.body, /Outage Gate Valve/, url)
    }
    const api = await ctx.server.inject('/api/v1/products')
    assert.equal(api.statusCode, 503)
    assert.equal(api.headers['retry-after'], '30')
    assert.equal(api.json().error.code, 'service_unavailable')
    const page = await ctx.server.inject('/search?q=gate')
    assert.equal(page.statusCode, 503)
    assert.match(page.body, /cannot reach its database/)
    const ready = await ctx.server.inject('/readyz')
    assert.equal(ready.statusCode, 503)
    assert.deepEqual(ready.json(), { status: 'unavailable', database: 'unreachable' })
    const reasons = logs.lines
      .filter((line) => line.msg === 'database unavailable')
      .map((line) => line.reason)
    assert.ok(reasons.length >= 4, 'one warn line per failed page')
    for (const reason of reasons)
      assert.match(String(reason), /^(ECONNREFUSED|ECONNRESET|connection_terminated)$/)
    assert.doesNotMatch(JSON.stringify(logs.lines), /"stack"|Failed query/)

    // The database is back: the pool connects again on the next query, the listener with its backoff.
    await ctx.proxy.restore()
    await waitUntil(
      async () => (await ctx.server.inject('/readyz')).statusCode === 200,
      5000,
      '/readyz answers 200',
    )
    await waitUntil(() => ctx.server.pageCache.listening(), 10_000, 'the listener reconnects')
    const fresh = await ctx.server.inject('/')
    assert.equal(fresh.statusCode, 200)
    assert.equal(fresh.headers['x-cache'], 'miss', 'rendered afresh, not the stale copy')
    assert.equal((await ctx.server.inject('/')).headers['x-cache'], 'hit')

    // And changes are heard again: a new title shows on the next request.
    const invalidated = ctx.server.pageCache.nextInvalidation()
    await ctx.base.db.transaction(async (tx) => {
      await tx.update(products).set({ title: 'Recovered Gate Valve' }).where(eq(products.id, product.id))
      await catalog.announceCatalogChange(tx, `product:${product.id}`)
    })
    await Promise.race([invalidated, sleep(3000).then(() => assert.fail('no notification after recovery'))])
    const changed = await ctx.server.inject(productUrl)
    assert.equal(changed.headers['x-cache'], 'miss')
    assert.match(changed.body, /Recovered Gate Valve/)
  })
})

describe(`the statement timeout (${testDatabaseKind})`, {
  skip:
    testDatabaseKind === 'pglite'
      ? 'needs PostgreSQL: PGlite has no other connection to hold a lock, and statement_timeout does not fire inside WebAssembly'
      : false,
}, () => {
  const ctx = {} as { base: Database; url: string; app: App; server: FastifyInstance }

  before(async () => {
    ctx.base = await openTestDatabase()
    if (ctx.base.kind !== 'postgres') throw new Error('expected PostgreSQL')
    ctx.url = ctx.base.url
    ctx.app = await createApp(
      testConfig({
        DATABASE_URL: ctx.url,
        DATABASE_STATEMENT_TIMEOUT_MS: '300',
        DATABASE_POOL_SIZE: '3',
      }),
    )
    ctx.server = await createServer(ctx.app)
    await ctx.server.ready()
  })
  after(async () => {
    await ctx.server?.close()
    await ctx.app?.close()
    await ctx.base?.close()
  })

  it('sets DATABASE_STATEMENT_TIMEOUT_MS on the pooled connections', async () => {
    const rows = await queryRows<{ statement_timeout: string }>(ctx.app.db, sql`show statement_timeout`)
    assert.equal(rows[0]?.statement_timeout, '300ms')
    const slow = await queryRows(ctx.app.db, sql`select pg_sleep(2)`).catch((error: unknown) => error)
    assert.equal(databaseUnavailableReason(slow), '57014')
  })

  it('cancels a request held by a lock after the timeout and answers 503, not 500 and not a hang', async () => {
    await buildProduct(ctx.base.db, { title: 'Locked Gate Valve' })
    assert.equal((await ctx.server.inject('/api/v1/products')).statusCode, 200)
    const locker = new pg.Client({ connectionString: ctx.url })
    await locker.connect()
    try {
      await locker.query('begin')
      await locker.query('lock table products in access exclusive mode')
      for (const url of ['/api/v1/products', '/search?q=gate']) {
        const started = performance.now()
        const res = await ctx.server.inject(url)
        const ms = performance.now() - started
        assert.equal(res.statusCode, 503, url)
        assert.equal(res.headers['retry-after'], '30', url)
        assert.ok(ms >= 250 && ms < 3000, `${url} answered after ${ms.toFixed(0)} ms`)
      }
    } finally {
      await locker.query('rollback')
      await locker.end()
    }
    assert.equal((await ctx.server.inject('/api/v1/products')).statusCode, 200)
  })
})
