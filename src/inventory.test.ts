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
    const stale = dataInventory
      .flatMap((t) => t.columns.map((c) => `${t.table}.${c.column}`))
      .filter((c) => !existing.has(c))
    assert.deepEqual(stale, [])
  })

  it('gives every personal column a description, known purposes, a retention and an erasure rule', () => {
    for (const table of dataInventory) {
      for (const { column, entry } of table.columns) {
        if (!entry.personal) continue
        const where = `${table.table}.${column}`
        assert.ok(entry.description.length > 5, `${where} has a description`)
        assert.ok(entry.retention.length > 3, `${where} has a retention`)
        for (const purpose of entry.purposes)
          assert.ok(purpose in purposes, `${where}: unknown purpose ${purpose}`)
      }
    }
  })

  it('says whose data each row is for every table with a personal column', () => {
    const unlinked = dataInventory
      .filter((t) => t.columns.some((c) => c.entry.personal) && t.subjects.length === 0)
      .map((t) => t.table)
      .filter((table) => !(table in unlinkable))
    assert.deepEqual(unlinked, [], `tables with personal columns but no subject link: ${unlinked.join(', ')}`)
    for (const [table, why] of Object.entries(unlinkable)) {
      const entry = dataInventory.find((t) => t.table === table)
      assert.ok(entry, `${table} (allowed without a link: ${why}) is in the inventory`)
      assert.deepEqual(entry.subjects, [], `${table} has a link now: drop it from the allowed list`)
    }
  })

  it('never lets erasure delete whole rows of a table that holds a legal-hold column', () => {
    const wrong = dataInventory
      .filter((t) => t.subjects.some((l) => l.erasure === 'delete_rows'))
      .flatMap((t) =>
        t.columns
          .filter((c) => c.entry.personal && c.entry.erasure === 'legal_hold')
          .map((c) => `${t.table}.${c.column}`),
      )
    assert.deepEqual(wrong, [], 'rows the law makes us keep would be deleted by a delete_rows link')
  })

  it('links only through columns that exist, to tables whose own links resolve without a loop', async () => {
    const live = await queryRows<{ table_name: string; column_name: string }>(
      ctx.db,
      sql`select table_name, column_name from information_schema.columns where table_schema = 'public'`,
    )
    const existing = new Set(live.map((r) => `${r.table_name}.${r.column_name}`))
    const byName = new Map(dataInventory.map((t) => [t.table, t]))
    const resolves = (table: string, path: string[]): void => {
      const entry = byName.get(table)
      assert.ok(entry, `${path.join(' → ')}: ${table} is not an inventory table`)
      assert.ok(
        entry.subjects.length > 0,
        `${path.join(' → ')}: ${table} has no subject link to resolve through`,
      )
      for (const link of entry.subjects) {
        assert.ok(existing.has(`${table}.${link.column}`), `${table}.${link.column} (a subject link) exists`)
        assert.ok(link.role.length > 2, `${table}.${link.column} names the role`)
        if (!link.via) continue
        assert.ok(!path.includes(link.via), `subject links loop: ${[...path, link.via].join(' → ')}`)
        assert.ok(
          existing.has(`${link.via}.id`),
          `${link.via}.id, which ${table}.${link.column} refers to, exists`,
        )
        resolves(link.via, [...path, link.via])
      }
    }
    for (const table of dataInventory) if (table.subjects.length > 0) resolves(table.table, [table.table])
  })
})

// Tables with personal columns that no link can reach, and why that is acceptable.
const unlinkable: Record<string, string> = {
  attempt_limits:
    'keys are keyed hashes of an address or network, not a user id; each row is gone within the hour',
  dev_mailbox:
    'development copies of sent messages, keyed by the outbox idempotency key; messaging removes them with the outbox rows on erasure',
}
