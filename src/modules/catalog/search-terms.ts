import { sql } from 'drizzle-orm'
import { type Db, queryRows } from '../../db/database.ts'
import { searchTerms } from './catalog.tables.ts'
import { adjacentSwaps } from './search-text.ts'

// The lexicon (search_terms) holds the distinct words of published titles with their counts.
// A statement trigger adds new words as products are written (migration 0008); counts and
// words of products no longer published are brought up to date by refreshSearchTerms.

const CORRECTABLE = /^\p{L}{3,40}$/u

/**
 * Rewrites the words of `q` that no published title contains to the likeliest word that one
 * does: first a word with two neighbouring letters swapped ("vlave" → valve), then the most
 * similar word by trigrams ("bering" → bearing). Returns null when nothing needed changing.
 * The last word, still being typed, counts as known when some title word starts with it.
 */
export async function correctSpelling(db: Db, q: string): Promise<string | null> {
  const tokens = q.trim().split(/\s+/).filter(Boolean)
  const typing = !/\s$/.test(q)
  const words = tokens.map((t) => t.toLowerCase()).filter((w) => CORRECTABLE.test(w))
  if (words.length === 0) return null
  // One round trip looks up every word and every swapped-letter variant at once.
  const candidates = [...new Set(words.flatMap((w) => adjacentSwaps(w)))]
  const last = typing ? (tokens.at(-1)?.toLowerCase() ?? '') : ''
  const rows = await queryRows<{ term: string; products: number; prefix: boolean }>(
    db,
    sql`select term, products, false as prefix from ${searchTerms}
        where term = any(string_to_array(${candidates.join(' ')}, ' '))
      union all
      (select term, products, true as prefix from ${searchTerms}
        where ${CORRECTABLE.test(last)} and term like ${`${last}%`} limit 1)`,
  )
  const known = new Map(rows.filter((r) => !r.prefix).map((r) => [r.term, Number(r.products)]))
  const lastIsPrefix = rows.some((r) => r.prefix)
  let changed = false
  const out: string[] = []
  for (const [index, token] of tokens.entries()) {
    const word = token.toLowerCase()
    const isLast = index === tokens.length - 1
    if (!CORRECTABLE.test(word) || known.has(word) || (isLast && typing && lastIsPrefix)) {
      out.push(token)
      continue
    }
    const swapped = adjacentSwaps(word)
      .slice(1)
      .filter((v) => known.has(v))
      .sort((a, b) => known.get(b)! - known.get(a)! || a.localeCompare(b))[0]
    const correction = swapped ?? (await mostSimilar(db, word))
    if (correction) changed = true
    out.push(correction ?? token)
  }
  return changed ? out.join(' ') : null
}

async function mostSimilar(db: Db, word: string): Promise<string | null> {
  const [row] = await queryRows<{ term: string }>(
    db,
    sql`select term from ${searchTerms} where term % ${word}
      order by similarity(term, ${word}) desc, products desc, term limit 1`,
  )
  return row?.term ?? null
}

const PREFIX_EXPANSION = 6

/**
 * Whole words to search for instead of a prefix still being typed: the word itself, and unless
 * titles use it as it stands, its most frequent completions. Matching a few whole words through the GIN index
 * is several times cheaper than a prefix (`valv:*`), which reads every lexeme it covers.
 * Returns null when the lexicon knows no such word, so the caller keeps the prefix.
 */
export async function expandPrefix(db: Db, prefix: string): Promise<string[] | null> {
  const word = prefix.toLowerCase()
  if (!/^\p{L}{1,40}$/u.test(word)) return null
  const rows = await queryRows<{ term: string }>(
    db,
    sql`(select term from ${searchTerms} where term = ${word})
      union all
      (select term from ${searchTerms} where term like ${`${word}%`} and term <> ${word}
        order by products desc, term limit ${PREFIX_EXPANSION})`,
  )
  if (rows.length === 0) return null
  // The word itself is kept: titles may not use it, but specifications and descriptions may.
  return rows[0]!.term === word ? [word] : [word, ...rows.map((r) => r.term)]
}

/** Lexicon words starting with `prefix` (letters only), most frequent first. */
export async function completeWord(db: Db, prefix: string, limit: number): Promise<string[]> {
  const word = prefix.toLowerCase()
  if (!/^\p{L}{1,40}$/u.test(word)) return []
  const rows = await queryRows<{ term: string }>(
    db,
    sql`select term from ${searchTerms} where term like ${`${word}%`} order by products desc, term limit ${limit}`,
  )
  return rows.map((r) => r.term)
}

/**
 * Recounts the lexicon from published titles and drops words that no published title holds
 * any more. Meant for a periodic job and for after bulk loads; about 10 s at a million products.
 */
export async function refreshSearchTerms(db: Db): Promise<void> {
  await db.execute(sql`select catalog_refresh_search_terms()`)
}
