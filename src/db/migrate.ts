import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { sql } from 'drizzle-orm'
import { type Db, queryRows } from './database.ts'

const MIGRATIONS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../drizzle')
// Any constant works; every process that migrates must use the same one.
const MIGRATION_LOCK_KEY = 4_242_001

interface JournalEntry {
  idx: number
  tag: string
}

export interface MigrationReport {
  applied: string[]
  total: number
}

/**
 * Applies drizzle-kit's SQL migrations in journal order, all in one transaction under a
 * transaction-scoped advisory lock: several web processes starting at once migrate exactly once,
 * and a failing migration leaves the schema as it was.
 */
export async function migrate(db: Db, dir = MIGRATIONS_DIR): Promise<MigrationReport> {
  const journal = JSON.parse(await readFile(path.join(dir, 'meta/_journal.json'), 'utf8')) as {
    entries: JournalEntry[]
  }
  const entries = [...journal.entries].sort((a, b) => a.idx - b.idx)
  const files = await Promise.all(
    entries.map(async (e) => ({ tag: e.tag, text: await readFile(path.join(dir, `${e.tag}.sql`), 'utf8') })),
  )
  return db.transaction(async (tx) => {
    // DATABASE_STATEMENT_TIMEOUT_MS guards requests; an index build on a large table may take longer.
    await tx.execute(sql`set local statement_timeout = 0`)
    await tx.execute(sql`select pg_advisory_xact_lock(${MIGRATION_LOCK_KEY})`)
    await tx.execute(sql`create table if not exists mandi_migrations (
      tag text primary key,
      sha256 text not null,
      applied_at timestamptz not null default now()
    )`)
    const done = await queryRows<{ tag: string; sha256: string }>(tx, sql`select tag, sha256 from mandi_migrations`)
    const doneByTag = new Map(done.map((r) => [r.tag, r.sha256]))
    const applied: string[] = []
    for (const file of files) {
      const digest = createHash('sha256').update(file.text).digest('hex')
      const previous = doneByTag.get(file.tag)
      if (previous) {
        if (previous !== digest) {
          throw new Error(`Migration ${file.tag} was edited after it was applied; add a new migration instead.`)
        }
        continue
      }
      for (const statement of file.text.split('--> statement-breakpoint')) {
        if (statement.trim()) await tx.execute(sql.raw(statement))
      }
      await tx.execute(sql`insert into mandi_migrations (tag, sha256) values (${file.tag}, ${digest})`)
      applied.push(file.tag)
    }
    return { applied, total: files.length }
  })
}
