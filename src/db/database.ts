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
}

export const pgliteExtensions = { pg_trgm }

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.url) {
    const pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 10 })
    // An idle client that errors (server restart) must not crash the process; the pool replaces it.
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

function once(close: () => Promise<void>): () => Promise<void> {
  let closing: Promise<void> | undefined
  return () => {
    closing ??= close()
    return closing
  }
}
