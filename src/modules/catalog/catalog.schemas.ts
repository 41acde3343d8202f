import { z } from 'zod'
import { INT4_MAX } from '../../shared/validation.ts'

export const PRODUCTS_PER_PAGE = 24
/**
 * A keyword search ranks and counts at most this many matches (the first found by the index), so
 * a common word costs the same as a rare one. Beyond it totals read "1,000+" and pages stop.
 */
export const SEARCH_WINDOW = 1000
/**
 * The window when seller, price or MOQ filters are on. Such filters keep a small share of a
 * word's matches, so filling a window means reading many rows that fail them; half the window
 * halves that reading (p99 of filtered searches, bench/results/search.md). Beyond it totals read
 * "500+" and pages stop at 21.
 */
export const FILTERED_SEARCH_WINDOW = 500
// Deep offsets get slow and nobody reads page 400 of a listing; narrowing the search is the answer.
export const MAX_PAGE = 400

export const productSorts = ['relevance', 'newest', 'price_asc', 'price_desc'] as const
export type ProductSort = (typeof productSorts)[number]

const blankToUndefined = (value: string | undefined) => (value ? value : undefined)

const Page = z.coerce
  .number({ error: `page must be a whole number from 1 to ${MAX_PAGE}` })
  .int()
  .min(1)
  .max(MAX_PAGE)
  .default(1)
  .describe(`Page number, from 1; ${PRODUCTS_PER_PAGE} products per page`)

/** A listing request, shared by the JSON API and the search and category pages. */
export const ProductListQuery = z.object({
  q: z
    .string()
    .trim()
    .max(200, 'q must be at most 200 characters')
    .optional()
    .transform(blankToUndefined)
    .describe('Keywords, e.g. "ball valve 2 inch". Typos are tolerated when nothing matches exactly.'),
  category: z
    .string()
    .trim()
    .max(100)
    .regex(/^[a-z0-9-]*$/, 'category must be a category slug such as "pumps" (see /api/v1/categories)')
    .optional()
    .transform(blankToUndefined)
    .describe('Category slug; a top-level category includes all its subcategories'),
  city: z
    .string()
    .trim()
    .max(80, 'city must be at most 80 characters')
    .optional()
    .transform(blankToUndefined)
    .describe("Seller's city, e.g. Pune (not case-sensitive)"),
  state: z
    .string()
    .trim()
    .max(80, 'state must be at most 80 characters')
    .optional()
    .transform(blankToUndefined)
    .describe("Seller's state, e.g. Gujarat (not case-sensitive)"),
  minPricePaise: optionalWhole('minPricePaise', 0).describe('Lowest price per unit, in paise'),
  maxPricePaise: optionalWhole('maxPricePaise', 0).describe('Highest price per unit, in paise'),
  maxMoq: optionalWhole('maxMoq', 1, INT4_MAX).describe(
    'Only products whose minimum order quantity is at most this',
  ),
  verified: z
    .preprocess(
      (v) => (v === '' ? undefined : v),
      z.stringbool({ error: 'verified must be true or false' }).optional(),
    )
    .describe('true: only sellers whose GSTIN Mandi has verified'),
  page: Page,
  sort: z
    .enum(productSorts, { error: `sort must be one of: ${productSorts.join(', ')}` })
    .optional()
    .describe('relevance (default with q), newest (default without q), price_asc or price_desc'),
})
export type ProductListQuery = z.output<typeof ProductListQuery>

/** An optional whole-number filter; `max` is the column's range (price_paise is bigint, moq int4). */
function optionalWhole(name: string, min: number, max = Number.MAX_SAFE_INTEGER) {
  return z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    z.coerce
      .number({ error: `${name} must be a whole number` })
      .int(`${name} must be a whole number`)
      .min(min, `${name} must be at least ${min}`)
      .max(max, `${name} must be at most ${max}`)
      .optional(),
  )
}

/** Paging through one seller's or one category's products. */
export const PageQuery = z.object({ page: Page })
