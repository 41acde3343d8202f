import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm'
import type { SQL } from 'drizzle-orm'
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres'
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core'
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite'
import pg from 'pg'

/** The query builder every module receives first. Schema-agnostic: tables are imported where used. */
export type Db = PgDatabase<PgQueryResultHKT>

export type Database =
  | { kind: 'pglite'; db: Db; pglite: PGlite; close(): Promise<void> }
  | { kind: 'postgres'; db: Db; pool: pg.Pool; url: string; close(): Promise<void> }

export interface DatabaseOptions {
  /** postgres://… for a server; unset for the embedded PGlite. */
  url?: string | undefined
  /** PGlite data directory; unset means in memory. */
  pgliteDir?: string | undefined
  /** A PGlite data directory dump to start from (tests clone a migrated template this way). */
  pgliteDump?: Blob | undefined
  poolSize?: number
  /**
   * PostgreSQL cancels a statement that runs, or waits on a lock, longer than this (SQLSTATE 57014,
   * answered 503). 0 or unset: no limit. PGlite has no equivalent: its one connection takes no
   * locks from others, and its timers do not fire inside WebAssembly.
   */
  statementTimeoutMs?: number
}

export const pgliteExtensions = { pg_trgm }

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.url) {
    const timeout = options.statementTimeoutMs ?? 0
    const pool = new pg.Pool({
      connectionString: options.url,
      max: options.poolSize ?? 10,
      ...(timeout > 0 ? { statement_timeout: timeout } : {}),
      // Waiting for a connection (server gone silent, pool exhausted) is bounded too: then 503, not a hang.
      connectionTimeoutMillis: timeout > 0 ? Math.max(timeout, 1000) : 10_000,
      // A server that vanished without closing the connection is noticed by TCP keepalive.
      keepAlive: true,
    })
    // An idle client that errors (server restart) must not crash the process; the pool replaces it
    // with a new connection on the next query, so recovery needs no restart.
    pool.on('error', () => {})
    return {
      kind: 'postgres',
      db: drizzlePg(pool) as unknown as Db,
      pool,
      url: options.url,
      close: once(() => pool.end()),
    }
  }
  if (options.pgliteDir) mkdirSync(path.dirname(options.pgliteDir), { recursive: true })
  const pglite = await PGlite.create({
    ...(options.pgliteDir ? { dataDir: options.pgliteDir } : {}),
    ...(options.pgliteDump ? { loadDataDir: options.pgliteDump } : {}),
    extensions: pgliteExtensions,
  })
  return {
    kind: 'pglite',
    db: drizzlePglite(pglite) as unknown as Db,
    pglite,
    close: once(() => pglite.close()),
  }
}

/** Runs a raw statement built with the `sql` tag and returns its rows (same shape on both drivers). */
export async function queryRows<T>(db: Db, statement: SQL): Promise<T[]> {
  const result = (await db.execute(statement)) as unknown as { rows: T[] }
  return result.rows
}

export async function ping(db: Db): Promise<boolean> {
  const { sql } = await import('drizzle-orm')
  const rows = await queryRows<{ ok: number }>(db, sql`select 1 as ok`)
  return rows[0]?.ok === 1
}

/**
 * True when `error` means the database cannot be used at the moment, rather than that this query
 * is wrong: refused or dropped connections, a server shutting down or starting, a statement
 * cancelled by DATABASE_STATEMENT_TIMEOUT_MS, an exhausted pool, a closed PGlite. The web layer
 * answers these 503 with Retry-After (web/errors.ts). Drizzle wraps driver errors, so the cause
 * chain is followed.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  return databaseUnavailableReason(error) !== undefined
}

/**
 * A short, log-safe label for a database-unavailable error (a SQLSTATE, a socket error code or a
 * fixed word), or undefined for any other error. Never the message: Drizzle's carries the query
 * and its parameters, which can be personal.
 */
export function databaseUnavailableReason(error: unknown): string | undefined {
  const seen = new Set<unknown>()
  const queue: unknown[] = [error]
  while (queue.length > 0 && seen.size < 10) {
    const current = queue.shift()
    if (!(current instanceof Error) || seen.has(current)) continue
    seen.add(current)
    const reason = ownReason(current)
    if (reason) return reason
    if (current.cause) queue.push(current.cause)
    if (current instanceof AggregateError) queue.push(...current.errors)
  }
  return undefined
}

// SQLSTATE classes and codes: 08 connection exception; 53 insufficient resources (too many
// connections, disk full, out of memory); 57014 query_canceled (statement timeout); 57P01–57P05
// admin/crash shutdown, cannot connect now, database dropped, idle session timeout.
const unavailableSqlState = /^(08[0-9A-Z]{3}|53[0-9A-Z]{3}|57014|57P0[1-5])$/
const unavailableSocketCode = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
])
// node-postgres and pg-pool signal a lost or missing connection with plain errors.
const unavailableMessages: [RegExp, string][] = [
  [/^Connection terminated/, 'connection_terminated'],
  [/^timeout exceeded when trying to connect/, 'pool_timeout'],
  [/^Client has encountered a connection error and is not queryable/, 'connection_error'],
  [/^Client was closed and is not queryable/, 'client_closed'],
  [/^Cannot use a pool after calling end on the pool/, 'pool_ended'],
  [/^Query read timeout/, 'query_read_timeout'],
  [/^PGlite is closed/, 'pglite_closed'],
]

function ownReason(error: Error): string | undefined {
  const code = (error as { code?: unknown }).code
  if (typeof code === 'string') {
    if (unavailableSqlState.test(code) || unavailableSocketCode.has(code)) return code
    // 55000 is broad; only "not currently accepting connections" (ALLOW_CONNECTIONS false) is an outage.
    if (code === '55000' && /not currently accepting connections/.test(error.message)) return code
  }
  for (const [pattern, reason] of unavailableMessages) if (pattern.test(error.message)) return reason
  return undefined
}

function once(close: () => Promise<void>): () => Promise<void> {
  let closing: Promise<void> | undefined
  return () => {
    closing ??= close()
    return closing
  }
}
