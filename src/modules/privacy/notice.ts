import type { Collection, ColumnRef, FormCollection } from './collection.ts'
import type { DataCategory, TableInventory } from './inventory.ts'
import { type Purpose, purposes } from './purposes.ts'
import type { RecipientKind } from './privacy.tables.ts'
import { recipientDeclarations } from './recipients.ts'

export const categoryTitles: Record<DataCategory, string> = {
  identity: 'Who you are',
  contact: 'How to reach you',
  address: 'Where you are',
  financial: 'Payments and money',
  behavioural: 'What you do on Mandi',
  content: 'What you write and upload',
  credentials: 'How you sign in',
  technical: 'Your device and connection',
}

const erasureWords = {
  delete: 'Deleted when the account is erased',
  pseudonymise: 'Replaced by a meaningless code when the account is erased',
  legal_hold: 'Kept for the period the law requires, then deleted',
} as const

export interface NoticeItem {
  description: string
  purposes: { code: Purpose; title: string; basis: string; withdrawable: boolean }[]
  retention: string
  erasure: string
  public: boolean
  source: ColumnRef
  /** Whether a form requires it, from that form's own schema; null when no declared form collects it. */
  collection: { form: string; collection: Collection } | null
}

export interface NoticeSection {
  category: DataCategory
  title: string
  items: NoticeItem[]
  recipients: { kind: RecipientKind; title: string; when: string }[]
}

/**
 * The privacy notice's "data we hold" part, computed from the data inventory alone: every personal
 * column appears, grouped by category, with why, how long, and who may receive that category.
 */
export function buildNotice(
  inventory: readonly TableInventory[],
  forms: readonly FormCollection[] = [],
): NoticeSection[] {
  const sections = new Map<DataCategory, NoticeSection>()
  for (const table of inventory) {
    for (const { column, entry } of table.columns) {
      if (!entry.personal) continue
      const section =
        sections.get(entry.category) ??
        sections
          .set(entry.category, {
            category: entry.category,
            title: categoryTitles[entry.category],
            items: [],
            recipients: (
              Object.entries(recipientDeclarations) as [
                RecipientKind,
                (typeof recipientDeclarations)[RecipientKind],
              ][]
            )
              .filter(([, r]) => r.categories.includes(entry.category))
              .map(([kind, r]) => ({ kind, title: r.title, when: r.when })),
          })
          .get(entry.category)!
      section.items.push({
        description: entry.description,
        purposes: entry.purposes.map((code) => ({
          code,
          title: purposes[code].title,
          basis: purposes[code].basis,
          withdrawable: purposes[code].withdrawable,
        })),
        retention: entry.retention,
        erasure: erasureWords[entry.erasure],
        public: entry.public ?? false,
        source: `${table.table}.${column}`,
        collection: collectionOf(forms, `${table.table}.${column}`),
      })
    }
  }
  const order = Object.keys(categoryTitles) as DataCategory[]
  return [...sections.values()].sort((a, b) => order.indexOf(a.category) - order.indexOf(b.category))
}

function collectionOf(forms: readonly FormCollection[], column: ColumnRef): NoticeItem['collection'] {
  for (const f of forms) {
    const collection = f.byColumn.get(column)
    if (collection) return { form: f.form, collection }
  }
  return null
}

/** Every field name (camelCase and snake_case) that holds personal data: the log redaction list. */
export function personalFieldNames(inventory: readonly TableInventory[]): string[] {
  const names = new Set<string>()
  for (const table of inventory) {
    for (const { column, key, entry } of table.columns) {
      if (!entry.personal) continue
      names.add(column)
      if (typeof key === 'string') names.add(key)
    }
  }
  return [...names].sort()
}
