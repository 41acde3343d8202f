import { createHash, randomBytes } from 'node:crypto'
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { after, before } from 'node:test'
import { setTimeout as sleep } from 'node:timers/promises'
import { fileURLToPath } from 'node:url'
import type { FastifyInstance } from 'fastify'
import pg from 'pg'
import { type App, createApp } from '#src/app.ts'
import { type Config, loadConfig, loadTestSettings } from '#src/config.ts'
import { type Database, openDatabase } from '#src/db/database.ts'
import { migrate } from '#src/db/migrate.ts'
import type { Logger } from '#src/logger.ts'
import { createServer } from '#src/web/server.ts'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const settings = loadTestSettings()

/** 'postgres' when TEST_DATABASE_URL is set (CI sets it), else the embedded PGlite. */
export const testDatabaseKind: 'postgres' | 'pglite' = settings.databaseUrl ? 'postgres' : 'pglite'

// Templates are keyed by the migrations' content, so a new migration builds a new template.
const migrationsHash = createHash('sha256')
  .update(
    readdirSync(path.join(root, 'drizzle'), { recursive: true })
      .map(String)
      .filter((f) => f.endsWith('.sql') || f.endsWith('_journal.json'))
      .sort()
      .map((f) => readFileSync(path.join(root, 'drizzle', f), 'utf8'))
      .join('\n'),
  )
  .digest('hex')
  .slice(0, 12)

/**
 * A fresh, migrated, empty database for one test file. PGlite's first start takes seconds, so a
 * migrated template is made once per migration set and each file loads a copy of it; on
 * PostgreSQL each file gets its own database created from a template database.
 */
export async function openTestDatabase(): Promise<Database> {
  return settings.databaseUrl ? openPostgresCopy(settings.databaseUrl) : openPgliteCopy()
}

export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: path.join(root, '.tmp', 'test-data'),
    SECRET_KEY: 'test-secret-key-that-is-long-enough-for-signing',
    LOG_LEVEL: 'silent',
    PORT: '0',
    RATE_LIMIT_PER_MINUTE: '100000',
    SEED_PRODUCTS: '0',
    // Factories write rows directly, without announcing catalogue changes; the cache test turns it on.
    PAGE_CACHE_SECONDS: '0',
    ...overrides,
  })
}

export interface TestContext {
  app: App
  server: FastifyInstance
  db: App['db']
}

/**
 * Inside a describe(): builds an app on a fresh database and a server (not listening; use
 * server.inject) before the tests and closes both after them.
 */
export function useTestApp(options: { config?: Record<string, string>; logger?: Logger } = {}) {
  const ctx = {} as TestContext
  before(async () => {
    const config = testConfig(options.config)
    ctx.app = await createApp(config, {
      database: await openTestDatabase(),
      ...(options.logger ? { logger: options.logger } : {}),
    })
    ctx.db = ctx.app.db
    ctx.server = await createServer(ctx.app)
    await ctx.server.ready()
  })
  after(async () => {
    await ctx.server?.close()
    await ctx.app?.close()
  })
  return ctx
}

/** Inside a describe(): a fresh database only (for module tests that need no server). */
export function useTestDb() {
  const ctx = {} as { database: Database; db: Database['db'] }
  before(async () => {
    ctx.database = await openTestDatabase()
    ctx.db = ctx.database.db
  })
  after(async () => {
    await ctx.database?.close()
  })
  return ctx
}

async function openPgliteCopy(): Promise<Database> {
  const dir = path.join(root, '.tmp', 'test-templates')
  const file = path.join(dir, `pglite-${migrationsHash}.tar`)
  let dump: Buffer
  try {
    dump = readFileSync(file)
  } catch {
    dump = await withFileLock(path.join(dir, 'pglite.lock'), async () => {
      try {
        return readFileSync(file)
      } catch {
        const database = await openDatabase({})
        if (database.kind !== 'pglite') throw new Error('expected PGlite')
        await migrate(database.db)
        const blob = await database.pglite.dumpDataDir('none')
        await database.close()
        const bytes = Buffer.from(await blob.arrayBuffer())
        const temporary = `${file}.${process.pid}`
        writeFileSync(temporary, bytes)
        renameSync(temporary, file)
        return bytes
      }
    })
  }
  return openDatabase({ pgliteDump: new Blob([new Uint8Array(dump)]) })
}

async function openPostgresCopy(adminUrl: string): Promise<Database> {
  const template = `mandi_tpl_${migrationsHash}`
  const name = `mandi_t_${process.pid}_${randomBytes(3).toString('hex')}`
  const admin = new pg.Client({ connectionString: adminUrl })
  await admin.connect()
  try {
    await admin.query('select pg_advisory_lock(4242002)')
    try {
      const exists = await admin.query('select 1 from pg_database where datname = $1', [template])
      if (exists.rowCount === 0) {
        await admin.query(`create database ${template}`)
        const database = await openDatabase({ url: withDatabase(adminUrl, template), poolSize: 1 })
        await migrate(database.db)
        await database.close()
      }
    } finally {
      await admin.query('select pg_advisory_unlock(4242002)')
    }
    // Another file may be copying the template at this instant; PostgreSQL then refuses briefly.
    for (let attempt = 0; ; attempt++) {
      try {
        await admin.query(`create database ${name} template ${template}`)
        break
      } catch (error) {
        if (attempt > 20 || !/being accessed by other users/.test((error as Error).message)) throw error
        await sleep(100 + Math.random() * 200)
      }
    }
  } finally {
    await admin.end()
  }
  const database = await openDatabase({ url: withDatabase(adminUrl, name), poolSize: 5 })
  let dropped: Promise<void> | undefined
  const drop = async () => {
    await database.close()
    const cleanup = new pg.Client({ connectionString: adminUrl })
    await cleanup.connect()
    await cleanup.query(`drop database if exists ${name} with (force)`)
    await cleanup.end()
  }
  return { ...database, close: () => (dropped ??= drop()) } as Database
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url)
  parsed.pathname = `/${database}`
  return parsed.toString()
}

async function withFileLock<T>(lockDir: string, run: () => Promise<T>): Promise<T> {
  mkdirSync(path.dirname(lockDir), { recursive: true })
  const started = Date.now()
  for (;;) {
    try {
      mkdirSync(lockDir)
      break
    } catch {
      // A lock older than two minutes belongs to a process that died; take it over.
      if (Date.now() - started > 120_000) rmSync(lockDir, { recursive: true, force: true })
      await sleep(100)
    }
  }
  try {
    return await run()
  } finally {
    rmSync(lockDir, { recursive: true, force: true })
  }
}
