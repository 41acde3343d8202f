import { sql } from 'drizzle-orm'
import { type Db, queryRows } from '../db/database.ts'
import { dataInventory } from '../inventory.ts'
import * as accounts from '../modules/accounts/index.ts'
import * as privacy from '../modules/privacy/index.ts'
import { describeValue, heldNotShown } from './data-values.ts'
import { ownership, type SubjectRows } from './subject-rows.ts'

// "What do you hold about me, and who got it?" (DPDP Act s11), answered from the data inventory:
// the person's rows are found by walking each table's subject links, and every personal column of
// those rows with a value is listed under its category, with the purposes and retention the
// inventory declares. The recipients come from the disclosure ledger.

export interface DataSummaryItem {
  /** Where the value is kept: "users.email". */
  field: string
  /** What the value is, in words: "Your email address". */
  description: string
  /** The value as the person reads it; secrets say "held (not shown)". */
  value: string
  /** Why we hold it: the purposes' titles. */
  purposes: string[]
  /** How long we keep it. */
  retention: string
}

export interface DataSummaryCategory {
  category: privacy.DataCategory
  /** "How to reach you". */
  title: string
  items: DataSummaryItem[]
}

/**
 * How many of the person's rows a table holds, and of how many the summary lists the values
 * (none for a table without personal columns, such as product listings).
 */
export interface DataSummaryTable {
  table: string
  description: string
  rows: number
  shown: number
}

export interface DataSummaryRecipient {
  /** As recorded in the ledger: "Shree Ganesh Engineering Works (seller)". */
  recipient: string
  /** The details that went, in words: "Email address", "Mobile number". */
  fields: string[]
  /** Why: the purpose's title. */
  purpose: string
  at: Date
}

/** Rows about the person that are another's private record (a seller's notes): counted, with why, not shown. */
export interface DataSummaryWithheld {
  table: string
  description: string
  rows: number
  reasons: string[]
}

export interface DataSummary {
  categories: DataSummaryCategory[]
  tables: DataSummaryTable[]
  recipients: DataSummaryRecipient[]
  withheld: DataSummaryWithheld[]
}

export interface DataSummaryOptions {
  /**
   * At most this many rows of each table are listed (a seller may have thousands of products);
   * `tables` says how many there are, and the export holds them all. Unlimited when unset.
   */
  rowsPerTable?: number
}

/**
 * The inventory as the person's own summary and export walk it: without the links whose rows are
 * another's private record of them (`withheldFromSubject`), which `withheldRows` counts instead.
 */
export const subjectAccessInventory: readonly privacy.TableInventory[] = dataInventory.map((table) => ({
  ...table,
  subjects: table.subjects.filter((link) => !link.withheldFromSubject),
}))

/** How many rows about the person each table holds only through withheld links, with the reasons. */
export async function withheldRows(db: Db, userId: string): Promise<DataSummaryWithheld[]> {
  const result: DataSummaryWithheld[] = []
  for (const table of dataInventory) {
    const reasons = table.subjects.flatMap((l) => (l.withheldFromSubject ? [l.withheldFromSubject] : []))
    if (reasons.length === 0) continue
    const shown = subjectAccessInventory.find((t) => t.table === table.table)!
    const [row] = await queryRows<{ n: number | string }>(
      db,
      sql`select count(*) as n from ${sql.identifier(table.table)}
          where (${ownership(dataInventory, table, userId)}) and not (${ownership(subjectAccessInventory, shown, userId)})`,
    )
    const rows = Number(row?.n ?? 0)
    if (rows > 0) result.push({ table: table.table, description: table.description, rows, reasons })
  }
  return result
}

type Disclosure = Awaited<ReturnType<typeof privacy.listDisclosures>>[number]

const categoryOrder = Object.keys(privacy.categoryTitles) as privacy.DataCategory[]
const fieldWords = accounts.profileFields as Record<string, string>

// Every entry of a person's ledger, not the newest 200 that the privacy centre shows.
const ledgerLimit = 100_000

function isEmpty(value: unknown): boolean {
  if (value === null || value === undefined || value === '') return true
  if (Array.isArray(value)) return value.length === 0
  if (typeof value === 'object' && !(value instanceof Date) && !(value instanceof Uint8Array)) {
    return Object.keys(value).length === 0
  }
  return false
}

/** The recipients in words: who, which details, why, when — newest first, as the ledger is. */
export function presentRecipients(disclosures: readonly Disclosure[]): DataSummaryRecipient[] {
  return disclosures.map((d) => ({
    recipient: d.recipient,
    fields: d.fields.map((f) => fieldWords[f] ?? f),
    purpose: privacy.purposes[d.purpose as privacy.Purpose]?.title ?? d.purpose,
    at: d.createdAt,
  }))
}

/**
 * The summary of rows already found (the export builds it from the same walk as its files).
 * Pure: no database.
 */
export function summariseRows(
  found: readonly (SubjectRows & { total?: number })[],
  disclosures: readonly Disclosure[],
  withheld: readonly DataSummaryWithheld[],
  options: DataSummaryOptions = {},
): DataSummary {
  const limit = options.rowsPerTable ?? Number.POSITIVE_INFINITY
  const byCategory = new Map<privacy.DataCategory, DataSummaryItem[]>()
  const tables: DataSummaryTable[] = []
  for (const { table, rows, total } of found) {
    const personal = table.columns.filter((c) => c.entry.personal)
    // Rows with no personal column (a seller's product listings) are counted, not listed.
    const shown = personal.length === 0 ? [] : rows.slice(0, limit)
    tables.push({
      table: table.table,
      description: table.description,
      rows: total ?? rows.length,
      shown: shown.length,
    })
    for (const row of shown) {
      for (const { column, entry } of personal) {
        if (!entry.personal) continue
        const stored = row[column]
        if (isEmpty(stored)) continue
        const value = entry.category === 'credentials' ? heldNotShown : describeValue(stored)
        if (value === '') continue
        const items =
          byCategory.get(entry.category) ?? byCategory.set(entry.category, []).get(entry.category)!
        items.push({
          field: `${table.table}.${column}`,
          description: entry.description,
          value,
          purposes: entry.purposes.map((p) => privacy.purposes[p].title),
          retention: entry.retention,
        })
      }
    }
  }
  return {
    categories: categoryOrder
      .filter((category) => byCategory.has(category))
      .map((category) => ({
        category,
        title: privacy.categoryTitles[category],
        items: byCategory.get(category)!,
      })),
    tables,
    recipients: presentRecipients(disclosures),
    withheld: [...withheld],
  }
}

/**
 * Every personal value Mandi holds about the person, grouped by category with why and how long,
 * and everyone it went to. Reads only; a person with no rows gets empty lists.
 */
export async function dataSummary(
  db: Db,
  userId: string,
  options: DataSummaryOptions = {},
): Promise<DataSummary> {
  const [found, disclosures, withheld] = await Promise.all([
    personalRows(db, userId, options.rowsPerTable),
    privacy.listDisclosures(db, userId, ledgerLimit),
    withheldRows(db, userId),
  ])
  return summariseRows(found, disclosures, withheld, options)
}

/**
 * The person's rows as the summary needs them, found through the same subject links as
 * `findSubjectRows` (its `ownership` condition) but lighter for a busy account: only the personal
 * columns, at most `limit` rows per table, with the table's full count; tables without personal
 * columns (product listings) are only counted.
 */
async function personalRows(db: Db, userId: string, limit = Number.POSITIVE_INFINITY) {
  const found: (SubjectRows & { total: number })[] = []
  for (const table of subjectAccessInventory) {
    if (table.subjects.length === 0) continue
    const where = ownership(subjectAccessInventory, table, userId)
    const from = sql.identifier(table.table)
    const personal = table.columns.filter((c) => c.entry.personal).map((c) => sql.identifier(c.column))
    if (personal.length === 0) {
      const [row] = await queryRows<{ n: number | string }>(
        db,
        sql`select count(*) as n from ${from} where ${where}`,
      )
      const total = Number(row?.n ?? 0)
      if (total > 0) found.push({ table, rows: [], total })
      continue
    }
    const rows = await queryRows<Record<string, unknown>>(
      db,
      sql`select ${sql.join(personal, sql`, `)}, count(*) over () as "__total" from ${from} where ${where}
          ${Number.isFinite(limit) ? sql`limit ${limit}` : sql``}`,
    )
    if (rows.length === 0) continue
    const total = Number(rows[0]!.__total)
    for (const row of rows) delete row.__total
    found.push({ table, rows, total })
  }
  return found
}
