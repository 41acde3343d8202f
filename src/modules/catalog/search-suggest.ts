import { and, eq, sql } from 'drizzle-orm'
import { type Db, queryRows } from '../../db/database.ts'
import { type CategoryTree, loadCategoryTree } from './catalog.queries.ts'
import { products } from './catalog.tables.ts'
import { completeWord, expandPrefix } from './search-terms.ts'

export const MAX_SUGGESTIONS = 8

export type Suggestion =
  | { kind: 'query'; text: string }
  | { kind: 'category'; text: string; slug: string }
  | { kind: 'product'; text: string; id: number; slug: string }

// Ranking a few matches is enough to name products as the buyer types; the window keeps a
// common first word as cheap as a rare one.
const PRODUCT_WINDOW = 200
const MAX_CATEGORIES = 3
const MAX_PRODUCTS = 3

/**
 * Up to eight suggestions for what a buyer has typed so far: completions of the last word from
 * the lexicon of published titles, matching categories and a few published products.
 */
export async function suggest(db: Db, q: string, tree?: CategoryTree): Promise<Suggestion[]> {
  const text = q.replace(/\s+/g, ' ').trimStart().slice(0, 100)
  const tokens = text.toLowerCase().split(' ').filter(Boolean)
  if (tokens.length === 0) return []
  const typing = !text.endsWith(' ')
  const last = typing ? tokens.at(-1)! : ''
  const head = typing ? tokens.slice(0, -1) : tokens
  const [categoryTree, words, found] = await Promise.all([
    tree ?? loadCategoryTree(db),
    last ? completeWord(db, last, MAX_SUGGESTIONS) : Promise.resolve([]),
    text.trim().length >= 3 ? suggestProducts(db, head, last) : Promise.resolve([]),
  ])
  const queries: Suggestion[] = words.map((word) => ({ kind: 'query', text: [...head, word].join(' ') }))
  const categories = matchCategories(categoryTree, tokens)
  const room =
    MAX_SUGGESTIONS - Math.min(categories.length, MAX_CATEGORIES) - Math.min(found.length, MAX_PRODUCTS)
  return [
    ...queries.slice(0, Math.max(2, room)),
    ...categories.slice(0, MAX_CATEGORIES),
    ...found.slice(0, MAX_PRODUCTS),
  ].slice(0, MAX_SUGGESTIONS)
}

/** Categories whose name has a word starting with each word typed ("ball va" → Ball Valves). */
function matchCategories(tree: CategoryTree, tokens: string[]): Suggestion[] {
  const out: Suggestion[] = []
  for (const node of tree.bySlug.values()) {
    const words = node.name.toLowerCase().split(/[^\p{L}\p{N}]+/u)
    if (tokens.every((token) => words.some((word) => word.startsWith(token)))) {
      out.push({ kind: 'category', text: node.name, slug: node.slug })
    }
  }
  return out.sort((a, b) => a.text.length - b.text.length || a.text.localeCompare(b.text))
}

async function suggestProducts(db: Db, head: string[], last: string): Promise<Suggestion[]> {
  const words = head.filter((w) => /^[\p{L}\p{N}]+$/u.test(w))
  const typed = /^[\p{L}\p{N}]+$/u.test(last) ? last : ''
  if (words.length === 0 && !typed) return []
  // Every word must match; the last one, still being typed, through its completions ("ball va" →
  // "ball & (va | valve | …)") or as a prefix when the lexicon knows none.
  const expanded = typed ? await expandPrefix(db, typed) : null
  const lastPart = typed ? (expanded ? `(${expanded.join(' | ')})` : `${typed}:*`) : null
  const query = [...words, ...(lastPart ? [lastPart] : [])].join(' & ')
  const tsquery = sql`to_tsquery('english', ${query})`
  const rows = await queryRows<{ id: string | number; slug: string; title: string }>(
    db,
    sql`select id, slug, title from (
      select ${products.id} as id, ${products.slug} as slug, ${products.title} as title, ${products.searchVector} as v
      from ${products} where ${and(eq(products.status, 'published'), sql`${products.searchVector} @@ ${tsquery}`)}
      limit ${PRODUCT_WINDOW}
    ) c order by ts_rank(v, ${tsquery}) desc, length(title), id desc limit ${MAX_PRODUCTS * 3}`,
  )
  const seen = new Set<string>()
  const out: Suggestion[] = []
  for (const row of rows) {
    if (seen.has(row.title)) continue
    seen.add(row.title)
    out.push({ kind: 'product', text: row.title, id: Number(row.id), slug: row.slug })
  }
  return out
}
