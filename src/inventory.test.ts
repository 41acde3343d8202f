import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { sql } from 'drizzle-orm'
import { queryRows } from '#src/db/database.ts'
import { purposes } from '#src/modules/privacy/index.ts'
import { testDatabaseKind, useTestDb } from '#test/setup.ts'
import { dataInventory } from './inventory.ts'

describe(`data inventory against the migrated database (${testDatabaseKind})`, () => {
  const ctx = useTestDb()

  it('classifies every column of every table in the public schema', async () => {
    const live = await queryRows<{ table_name: string; column_name: string }>(
      ctx.db,
      sql`select table_name, column_name from information_schema.columns
          where table_schema = 'public' order by table_name, ordinal_position`,
    )
    assert.ok(live.length > 20, 'the migrated database has tables')
    const classified = new Set(dataInventory.flatMap((t) => t.columns.map((c) => `${t.table}.${c.column}`)))
    const missing = live.map((r) => `${r.table_name}.${r.column_name}`).filter((c) => !classified.has(c))
    assert.deepEqual(missing, [], `unclassified columns: ${missing.join(', ')}`)
  })

  it('names no column or table that does not exist', async () => {
    const live = await queryRows<{ table_name: string; column_name: string }>(
      ctx.db,
      sql`select table_name, column_name from information_schema.columns where table_schema = 'public'`,
    )
    const existing = new Set(live.map((r) => `${r.table_name}.${r.column_name}`))
    const stale = dataInventory.flatMap((t) => t.columns.map((c) => `${t.table}.${c.column}`)).filter((c) => !existing.has(c))
    assert.deepEqual(stale, [])
  })

  it('gives every personal column a description, known purposes, a retention and an erasure rule', () => {
    for (const table of dataInventory) {
      for (const { column, entry } of table.columns) {
        if (!entry.personal) continue
        const where = `${table.table}.${column}`
        assert.ok(entry.description.length > 5, `${where} has a description`)
        assert.ok(entry.retention.length > 3, `${where} has a retention`)
        for (const purpose of entry.purposes) assert.ok(purpose in purposes, `${where}: unknown purpose ${purpose}`)
      }
    }
  })
})
