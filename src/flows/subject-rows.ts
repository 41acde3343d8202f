import { type SQL, sql } from 'drizzle-orm'
import { queryRows, type Db } from '../db/database.ts'
import type { SubjectLink, TableInventory } from '../modules/privacy/index.ts'
import { dataInventory } from '../inventory.ts'

// A person's rows, found by walking the inventory's subject links: a link without `via` compares
// its column with the person's id; a link with `via` compares it with the ids of the rows the
// person has in the named table, found the same way. Several links of one table are OR-ed.

export interface SubjectRows {
  table: TableInventory
  /** Keyed by database column name. */
  rows: Record<string, unknown>[]
}

export interface SubjectRowsOptions {
  /**
   * 'erasure': only the links whose rows erasure changes (not those marked 'keep'), and `via`
   * resolved through such links only, so a seller's erasure never reaches a buyer's enquiry.
   */
  purpose?: 'export' | 'erasure'
  inventory?: readonly TableInventory[]
}

const byName = (inventory: readonly TableInventory[]) => new Map(inventory.map((t) => [t.table, t]))

function linksFor(table: TableInventory, purpose: 'export' | 'erasure'): SubjectLink[] {
  return purpose === 'erasure' ? table.subjects.filter((l) => l.erasure !== 'keep') : table.subjects
}

/**
 * The condition, on `table`'s own columns, that a row belongs to the person through `link`.
 * Compared as text, so a uuid, bigint or text id column all work.
 */
export function linkCondition(
  inventory: readonly TableInventory[],
  link: SubjectLink,
  userId: string,
  purpose: 'export' | 'erasure' = 'export',
  seen: readonly string[] = [],
): SQL {
  const column = sql.identifier(link.column)
  if (!link.via) return sql`${column}::text = ${userId}`
  const parent = byName(inventory).get(link.via)
  if (!parent) throw new Error(`Subject link ${link.column} names unknown table ${link.via}`)
  if (seen.includes(parent.table))
    throw new Error(`Subject links loop through ${[...seen, parent.table].join(' → ')}`)
  return sql`${column}::text in (select ${sql.identifier('id')}::text from ${sql.identifier(parent.table)} where ${ownership(inventory, parent, userId, purpose, [...seen, parent.table])})`
}

/** The condition that a row of `table` belongs to the person through any of its links. */
export function ownership(
  inventory: readonly TableInventory[],
  table: TableInventory,
  userId: string,
  purpose: 'export' | 'erasure' = 'export',
  seen: readonly string[] = [table.table],
): SQL {
  const links = linksFor(table, purpose)
  if (links.length === 0) return sql`false`
  return sql.join(
    links.map((link) => sql`(${linkCondition(inventory, link, userId, purpose, seen)})`),
    sql` or `,
  )
}

/** Every row, in every table with a subject link, that belongs to the person; tables without rows are left out. */
export async function findSubjectRows(
  db: Db,
  userId: string,
  options: SubjectRowsOptions = {},
): Promise<SubjectRows[]> {
  const inventory = options.inventory ?? dataInventory
  const purpose = options.purpose ?? 'export'
  const found: SubjectRows[] = []
  for (const table of inventory) {
    if (linksFor(table, purpose).length === 0) continue
    const rows = await queryRows<Record<string, unknown>>(
      db,
      sql`select * from ${sql.identifier(table.table)} where ${ownership(inventory, table, userId, purpose)}`,
    )
    if (rows.length > 0) found.push({ table, rows })
  }
  return found
}
