// Turns what a buyer typed into the pieces of a PostgreSQL text-search query. Pure, so the
// rules are tested without a database; the SQL lives in catalog.search.ts.

const PLAIN_WORD = /^[\p{L}\p{N}]+$/u

export interface SearchText {
  /** The text for websearch_to_tsquery (quotes, OR and -word keep their meaning). */
  websearch: string
  /** The last word, matched as a prefix ("ball val" finds "ball valve"), or null when it is not a plain word. */
  prefix: string | null
  /** A to_tsquery expression that also accepts each word with two neighbouring letters swapped ("vlave"). */
  transposed: string | null
}

export function parseSearchText(q: string): SearchText {
  const text = tidyNegations(q).trim().replace(/\s+/g, ' ')
  const tokens = text.split(' ').filter(Boolean)
  const last = tokens.at(-1) ?? ''
  const beforeLast = tokens.at(-2)?.toLowerCase()
  // A trailing space means the buyer finished the word; after "or" the word is an alternative, not a refinement.
  const prefix = PLAIN_WORD.test(last) && !/\s$/.test(q) && beforeLast !== 'or' ? last.toLowerCase() : null
  return {
    websearch: prefix ? tokens.slice(0, -1).join(' ') : text,
    prefix,
    transposed: transposedQuery(tokens),
  }
}

/**
 * Keeps "-word" and -"a phrase" but drops the minus signs that negate nothing ("- -", "--x" is
 * "-x") and the parentheses websearch_to_tsquery ignores. PostgreSQL stacks one NOT per such sign
 * until the next word, and 32 in a row ("-----…", "- - - …", "-( -( …") overflow its parser:
 * "tsquery stack too small", a 500 for a search box.
 */
function tidyNegations(q: string): string {
  return q
    .replace(/[()]/g, ' ')
    .replace(/(^|\s)-+(?=[\p{L}\p{N}"])/gu, '$1-')
    .replace(/(^|\s)-+(?=[^\p{L}\p{N}"]|$)/gu, '$1')
}

/**
 * A to_tsquery expression matching any of two or more plain words ("stainless | steel | valve:*"),
 * for when no product has them all; null for a single word. The last word stays a prefix.
 */
export function anyWordQuery(q: string): string | null {
  const text = parseSearchText(q)
  const words = text.websearch
    .toLowerCase()
    .split(' ')
    .filter((w) => PLAIN_WORD.test(w) && w !== 'or')
  const all = text.prefix ? [...words, `${text.prefix}:*`] : words
  return all.length >= 2 ? all.join(' | ') : null
}

/** "vlave" → ["vlave", "lvave", "valve", "vlvae", "vlaev"]: the word and each adjacent swap. */
export function adjacentSwaps(word: string): string[] {
  const variants = new Set([word])
  for (let i = 0; i < word.length - 1; i++) {
    if (word[i] === word[i + 1]) continue
    variants.add(word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2))
  }
  return [...variants]
}

function transposedQuery(tokens: string[]): string | null {
  const words = tokens.map((t) => t.toLowerCase()).filter((t) => PLAIN_WORD.test(t))
  if (words.length === 0) return null
  // Short words and numbers (sizes, model numbers) are kept exact: swapping "25" would find "52".
  const groups = words.map((w) =>
    w.length >= 4 && /^\p{L}+$/u.test(w) ? `(${adjacentSwaps(w).join(' | ')})` : w,
  )
  return groups.join(' & ')
}
