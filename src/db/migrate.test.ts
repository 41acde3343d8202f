import assert from 'node:assert/strict'
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, it } from 'node:test'
import { sql } from 'drizzle-orm'
import { testDatabaseKind, useTestDb } from '#test/setup.ts'
import { queryRows } from './database.ts'
import { migrate } from './migrate.ts'

describe(`migrations (${testDatabaseKind})`, () => {
  const ctx = useTestDb()

  it('have all been applied to a fresh database, and applying again changes nothing', async () => {
    const journal = JSON.parse(readFileSync('drizzle/meta/_journal.json', 'utf8')) as { entries: unknown[] }
    const rows = await queryRows<{ tag: string }>(ctx.db, sql`select tag from mandi_migrations order by tag`)
    assert.equal(rows.length, journal.entries.length)
    const again = await migrate(ctx.db)
    assert.deepEqual(again.applied, [])
  })

  it('installs pg_trgm so typo-tolerant matching works', async () => {
    const [row] = await queryRows<{ s: number }>(ctx.db, sql`select similarity('valve', 'vlave') as s`)
    assert.ok(Number(row?.s) > 0.1)
  })

  it('apply at most once when several processes start together', async () => {
    const reports = await Promise.all([migrate(ctx.db), migrate(ctx.db), migrate(ctx.db)])
    assert.deepEqual(
      reports.map((r) => r.applied.length),
      [0, 0, 0],
    )
  })

  it('refuse to run when an applied migration file was edited afterwards', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'mandi-migrations-'))
    cpSync('drizzle', dir, { recursive: true })
    const first = path.join(dir, '0000_extensions.sql')
    writeFileSync(first, `${readFileSync(first, 'utf8')}\n-- edited`)
    await assert.rejects(migrate(ctx.db, dir), /was edited after it was applied/)
  })

  it('roll back a failing migration entirely', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'mandi-migrations-'))
    cpSync('drizzle', dir, { recursive: true })
    const journalFile = path.join(dir, 'meta/_journal.json')
    const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: { idx: number; tag: string }[] }
    journal.entries.push({ idx: 9999, tag: '9999_broken' })
    writeFileSync(journalFile, JSON.stringify(journal))
    writeFileSync(
      path.join(dir, '9999_broken.sql'),
      'create table half_done (id int);\n--> statement-breakpoint\nselect * from no_such_table;',
    )
    await assert.rejects(migrate(ctx.db, dir))
    const [row] = await queryRows<{ n: number | string }>(
      ctx.db,
      sql`select count(*) as n from information_schema.tables where table_name = 'half_done'`,
    )
    assert.equal(Number(row?.n), 0)
  })
})
