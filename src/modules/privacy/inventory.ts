import { getTableColumns, getTableName, type Table } from 'drizzle-orm'
import type { Purpose } from './purposes.ts'

export type DataCategory =
  | 'identity'
  | 'contact'
  | 'address'
  | 'financial'
  | 'behavioural'
  | 'content'
  | 'credentials'
  | 'technical'

/** What the erasure flow does to a personal column. */
export type ErasureRule = 'delete' | 'pseudonymise' | 'legal_hold'

export type ColumnClass =
  | { personal: false }
  | {
      personal: true
      category: DataCategory
      /** One line a person understands: what this value is. */
      description: string
      purposes: readonly [Purpose, ...Purpose[]]
      retention: string
      erasure: ErasureRule
      /** Shown publicly (e.g. on a storefront) when the owner publishes it. */
      public?: boolean
    }

export interface ColumnInventory {
  /** The database column name (snake_case). */
  column: string
  /** The property name in code (camelCase), when the table is a Drizzle table. */
  key?: string
  entry: ColumnClass
}

/**
 * How a table's rows belong to a person: the column holding their user id (`column`), or, with
 * `via`, a column holding the id of a row in another table that belongs to them (a product image
 * belongs to whoever owns the product's business). `role` names the person in plain words: the
 * buyer, the seller, the sender. The export and erasure flows find a person's rows by walking these.
 */
export interface SubjectLink {
  column: string
  role: string
  /** The table whose `id` the column references; that table's own links say whose row it is. */
  via?: string
  /**
   * What erasing this person does to the rows found through this link. Unset: each personal
   * column's own rule. 'delete_rows': the row exists only for them (a session, a nominee), so it
   * goes. 'keep': the row is theirs to see but its personal values are another person's (a buyer's
   * enquiry in the seller's inbox), so erasing them leaves it alone.
   */
  erasure?: 'delete_rows' | 'keep'
  /**
   * Set when the rows are about the person but are another's private record of them (a seller's
   * notes on a lead, a seller's reason for blocking a buyer, an abuse report): the person's data
   * summary and export count these rows and say why, instead of showing them. The reason, in words.
   */
  withheldFromSubject?: string
}

export interface TableInventory {
  table: string
  description: string
  columns: ColumnInventory[]
  /** Whose data each row is; empty only for tables about nobody. */
  subjects: SubjectLink[]
}

/** Shorthand for the many columns that hold no personal data. */
export const notPersonal = { personal: false } as const satisfies ColumnClass

/**
 * Classifies every column of a table. The entries object must name exactly the table's columns:
 * a new column that nobody classified is a compile error, and a test checks the live database.
 */
export function classifyTable<T extends Table>(
  table: T,
  description: string,
  entries: { [K in keyof T['_']['columns']]: ColumnClass },
  subjects: SubjectLink[] = [],
): TableInventory {
  const columns = getTableColumns(table)
  return {
    table: getTableName(table),
    description,
    columns: Object.entries(entries as Record<string, ColumnClass>).map(([key, entry]) => {
      const column = columns[key]
      if (!column) throw new Error(`Inventory for ${getTableName(table)} names unknown column ${key}`)
      return { column: column.name, key, entry }
    }),
    subjects,
  }
}
