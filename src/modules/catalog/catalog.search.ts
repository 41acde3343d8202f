import { and, asc, desc, eq, gte, inArray, lte, type SQL, sql } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import { type Db, queryRows } from '../../db/database.ts'
import { invalid } from '../../shared/errors.ts'
import { businesses } from '../accounts/accounts.tables.ts'
import { type CategoryNode, categoryAndDescendantIds, loadCategoryTree } from './catalog.queries.ts'
import {
  FILTERED_SEARCH_WINDOW,
  PRODUCTS_PER_PAGE,
  type ProductListQuery,
  type ProductSort,
  SEARCH_WINDOW,
} from './catalog.schemas.ts'
import { categories, type ProductSpec, products, searchSellers } from './catalog.tables.ts'
import { correctSpelling, expandPrefix } from './search-terms.ts'
import { anyWordQuery, parseSearchText, type SearchText } from './search-text.ts'

export interface ProductSummary {
  id: number
  slug: string
  title: string
  pricePaise: number | null
  unit: string
  moq: number
  /** The first two or three specifications, for a card. */
  keySpecs: ProductSpec[]
  topCategorySlug: string
  seller: { id: number; slug: string; name: string; city: string; gstVerified: boolean }
}

export interface ProductFilter {
  q?: string | undefined
  categoryIds?: number[] | undefined
  city?: string | undefined
  /** Any of these lower-cased city spellings (a city page: every spelling with the city's slug). */
  cities?: string[] | undefined
  state?: string | undefined
  verified?: boolean | undefined
  minPricePaise?: number | undefined
  maxPricePaise?: number | undefined
  maxMoq?: number | undefined
  businessId?: number | undefined
  sort?: ProductSort | undefined
  page: number
  /** Defaults to PRODUCTS_PER_PAGE; smaller for a home-page strip. */
  pageSize?: number
}

/**
 * Counts of the matches by category (own category, not rolled up), seller city and verified
 * sellers. Counted over the same window as the total: exact unless `totalCapped`.
 */
export interface ProductFacets {
  categories: { categoryId: number; count: number }[]
  /** The twelve cities with the most matches. */
  cities: { city: string; count: number }[]
  verified: number
}

export interface ProductPage {
  items: ProductSummary[]
  /** Matching products, exact up to `window`; when `totalCapped`, "at least this many". */
  total: number
  totalCapped: boolean
  /**
   * How many matches were counted, ranked and can be paged through: SEARCH_WINDOW, or
   * FILTERED_SEARCH_WINDOW when seller, price or MOQ filters are on.
   */
  window: number
  page: number
  pageSize: number
  /** Pages that can be shown: at most `window` products are reachable by paging. */
  pageCount: number
  /**
   * 'corrected' when nothing matched the words as typed and `correctedQuery` (close spellings from
   * the lexicon) was searched instead; 'partial' when no product has every word and products
   * with some of them are shown; 'similar' when only titles with similar spellings were found.
   */
  match: 'all' | 'exact' | 'corrected' | 'partial' | 'similar'
  correctedQuery: string | null
  facets: ProductFacets
}

// Close spellings: "bering" still reaches "Ball Bearing". Lower finds more and noisier matches.
const WORD_SIMILARITY_THRESHOLD = '0.45'

/**
 * One page of published products, newest first or by price; with keywords, ranked full-text
 * matches. When nothing matches, misspelt words are corrected from the lexicon ("vlave" → valve)
 * and searched again; failing that, titles with close spellings are shown.
 *
 * Cost is bounded whatever the word: ranking, the total and the facets look at no more than
 * SEARCH_WINDOW + 1 matches, taken in index order, so "pump" (120,000 matches at a million
 * products) costs about what a rare word does.
 */
export async function listProducts(db: Db, filter: ProductFilter): Promise<ProductPage> {
  const base = baseFilter(filter)
  if (!filter.q) return searchPage(db, base, null, filter, 'all', null)
  const text = parseSearchText(filter.q)
  const exact = await searchPage(db, base, await fullTextQuery(db, text), filter, 'exact', null)
  if (exact.total > 0) return exact

  const corrected = await correctSpelling(db, filter.q)
  if (corrected) {
    const page = await searchPage(
      db,
      base,
      await fullTextQuery(db, parseSearchText(corrected)),
      filter,
      'corrected',
      corrected,
    )
    if (page.total > 0) return page
  }
  // No product has every word: rank those that have some (more words rank higher).
  const anyWord = anyWordQuery(corrected ?? filter.q)
  if (anyWord) {
    const page = await searchPage(
      db,
      base,
      sql`to_tsquery('english', ${anyWord})`,
      filter,
      'partial',
      corrected,
    )
    if (page.total > 0) return page
  }
  // With filters, "nothing matches" is the answer: similar titles are sought over the whole
  // catalogue only, where the trigram index keeps it cheap for the unknown words that reach here.
  if (hasFilters(filter)) return exact
  return db.transaction(async (tx) => {
    await tx.execute(
      sql`select set_config('pg_trgm.word_similarity_threshold', ${WORD_SIMILARITY_THRESHOLD}, true)`,
    )
    const similar = sql`(${products.title} %> ${filter.q}${
      text.transposed ? sql` or ${products.searchVector} @@ to_tsquery('english', ${text.transposed})` : sql``
    })`
    return searchPage(
      tx as unknown as Db,
      and(base, similar)!,
      null,
      { ...filter, sort: filter.sort ?? 'relevance' },
      'similar',
      null,
      sql`word_similarity(${filter.q}, ${products.title})`,
    )
  })
}

export interface BrowseResult extends ProductPage {
  category: CategoryNode | null
}

/**
 * A listing request as the API and the search page receive it: the category comes as a slug.
 * Throws invalid('unknown_category') when no category has that slug.
 */
export async function browseProducts(db: Db, query: ProductListQuery): Promise<BrowseResult> {
  let category: CategoryNode | null = null
  if (query.category) {
    category = (await loadCategoryTree(db)).bySlug.get(query.category) ?? null
    if (!category) {
      throw invalid(
        'unknown_category',
        `There is no category "${query.category}". GET /api/v1/categories lists them.`,
        {
          category: 'Unknown category',
        },
      )
    }
  }
  const page = await listProducts(db, {
    q: query.q,
    categoryIds: category ? categoryAndDescendantIds(category) : undefined,
    city: query.city,
    state: query.state,
    verified: query.verified,
    minPricePaise: query.minPricePaise,
    maxPricePaise: query.maxPricePaise,
    maxMoq: query.maxMoq,
    sort: query.sort,
    page: query.page,
  })
  return { ...page, category }
}

function hasFilters(filter: ProductFilter): boolean {
  const { categoryIds, city, cities, state, verified, minPricePaise, maxPricePaise, maxMoq, businessId } =
    filter
  return [
    categoryIds,
    city,
    cities,
    state,
    verified || undefined,
    minPricePaise,
    maxPricePaise,
    maxMoq,
    businessId,
  ].some((value) => value !== undefined)
}

/** Seller, price and MOQ filters: those that keep a small share of a word's matches (not category or seller pages). */
function narrowsMatches(filter: ProductFilter): boolean {
  const { city, cities, state, verified, minPricePaise, maxPricePaise, maxMoq } = filter
  return [city, cities, state, verified || undefined, minPricePaise, maxPricePaise, maxMoq].some(
    (v) => v !== undefined,
  )
}

function baseFilter(filter: ProductFilter): SQL {
  const seller = and(
    filter.city ? sql`lower(${searchSellers.city}) = lower(${filter.city})` : undefined,
    filter.cities ? inArray(sql`lower(${searchSellers.city})`, filter.cities) : undefined,
    filter.state ? sql`lower(${searchSellers.state}) = lower(${filter.state})` : undefined,
    filter.verified ? sql`${searchSellers.verified}` : undefined,
  )
  return and(
    eq(products.status, 'published'),
    filter.categoryIds ? inArray(products.categoryId, filter.categoryIds) : undefined,
    filter.businessId !== undefined ? eq(products.businessId, filter.businessId) : undefined,
    filter.minPricePaise !== undefined ? gte(products.pricePaise, filter.minPricePaise) : undefined,
    filter.maxPricePaise !== undefined ? lte(products.pricePaise, filter.maxPricePaise) : undefined,
    filter.maxMoq !== undefined ? lte(products.moq, filter.maxMoq) : undefined,
    // A semi-join on the narrow search_sellers table keeps seller facts off the million-row
    // products table, so a business moving city changes one row, not thousands.
    seller
      ? sql`${products.businessId} in (select ${searchSellers.businessId} from ${searchSellers} where ${seller})`
      : undefined,
  )!
}

/**
 * The window query: up to SEARCH_WINDOW (FILTERED_SEARCH_WINDOW with filters) + 1 matching rows, in whatever order the index yields
 * them, give the total, the facets and (for relevance) the ranked page. Other sorts read the
 * page with an ordered scan over all matches, which the price and date indexes make cheap.
 */
async function searchPage(
  db: Db,
  base: SQL,
  words: SQL | null,
  filter: ProductFilter,
  match: ProductPage['match'],
  correctedQuery: string | null,
  similarity?: SQL,
): Promise<ProductPage> {
  const pageSize = filter.pageSize ?? PRODUCTS_PER_PAGE
  const where = words ? and(base, sql`${products.searchVector} @@ ${words}`)! : base
  const sort = filter.sort ?? (words || similarity ? 'relevance' : 'newest')
  const offset = (filter.page - 1) * pageSize
  const windowSize = narrowsMatches(filter) ? FILTERED_SEARCH_WINDOW : SEARCH_WINDOW
  const reachable = offset < windowSize
  // The last reachable page stops at the window, not at the extra row that tells the total is capped.
  const limit = Math.min(pageSize, windowSize - offset)
  const rank = words
    ? sql`ts_rank(c.search_vector, ${words}) + case when c.category_id = any(${categoryBoost(words)}) then 1 else 0 end`
    : similarity
      ? sql`c.similarity`
      : null
  const ranked = sort === 'relevance' && rank && reachable
  const [window] = await queryRows<{
    total: number
    categories: [number, number][]
    cities: [string, number][]
    verified: number
    ids: (string | number)[] | null
  }>(
    db,
    sql`with c as materialized (
      select ${products.id} as id, ${products.categoryId} as category_id, ${products.businessId} as business_id,
        ${products.publishedAt} as published_at
        ${words ? sql`, ${products.searchVector} as search_vector` : sql``}
        ${similarity ? sql`, ${similarity} as similarity` : sql``}
      from ${products} where ${where} limit ${windowSize + 1}
    ), w as (
      -- The extra row only tells that the total is capped; facets and ranking see the window.
      select * from c limit ${windowSize}
    ), s as (
      -- One primary-key lookup per window row; a hash join would read all 40,000 sellers first.
      select b.city, b.verified from w as c cross join lateral (
        select ${searchSellers.city} as city, ${searchSellers.verified} as verified from ${searchSellers}
        where ${searchSellers.businessId} = c.business_id limit 1
      ) b
    )
    select
      (select count(*)::int from c) as total,
      (select coalesce(json_agg(json_build_array(category_id, n)), '[]') from
        (select category_id, count(*)::int as n from w group by category_id) f) as categories,
      (select coalesce(json_agg(json_build_array(city, n)), '[]') from
        (select city, count(*)::int as n from s group by city order by n desc, city limit 12) f) as cities,
      (select count(*)::int from s where verified) as verified,
      ${
        ranked
          ? sql`array(select c.id from w as c order by ${rank} desc, c.published_at desc nulls last, c.id desc
              limit ${limit} offset ${offset})`
          : sql`null`
      } as ids`,
  )
  const total = Math.min(window?.total ?? 0, windowSize)
  const totalCapped = (window?.total ?? 0) > windowSize
  const facets: ProductFacets = {
    categories: (window?.categories ?? []).map(([categoryId, count]) => ({ categoryId, count })),
    cities: (window?.cities ?? []).map(([city, count]) => ({ city, count })),
    verified: window?.verified ?? 0,
  }
  let items: ProductSummary[] = []
  if (ranked) {
    items = await fetchSummaries(db, (window?.ids ?? []).map(Number))
  } else if (reachable && total > 0) {
    items = await fetchOrdered(db, where, orderBy(sort), limit, offset)
  }
  return {
    items,
    total,
    totalCapped,
    window: windowSize,
    page: filter.page,
    pageSize,
    pageCount: Math.ceil(total / pageSize),
    match,
    correctedQuery,
    facets,
  }
}

const parentCategory = alias(categories, 'parent_category')

function summaryQuery(db: Db) {
  return db
    .select({
      id: products.id,
      slug: products.slug,
      title: products.title,
      pricePaise: products.pricePaise,
      unit: products.unit,
      moq: products.moq,
      keySpecs: sql<ProductSpec[]>`jsonb_path_query_array(${products.specs}, '$[0 to 2]')`,
      topCategorySlug: sql<string>`coalesce(${parentCategory.slug}, ${categories.slug})`,
      sellerId: businesses.id,
      sellerSlug: businesses.slug,
      sellerName: sql<string>`coalesce(${businesses.tradeName}, ${businesses.legalName})`,
      sellerCity: businesses.city,
      sellerVerifiedAt: businesses.gstinVerifiedAt,
    })
    .from(products)
    .innerJoin(businesses, eq(businesses.id, products.businessId))
    .innerJoin(categories, eq(categories.id, products.categoryId))
    .leftJoin(parentCategory, eq(parentCategory.id, categories.parentId))
}

type SummaryRow = Awaited<ReturnType<ReturnType<typeof summaryQuery>['execute']>>[number]

async function fetchSummaries(db: Db, ids: number[]): Promise<ProductSummary[]> {
  if (ids.length === 0) return []
  const rows = await summaryQuery(db).where(inArray(products.id, ids))
  const byId = new Map(rows.map((row) => [row.id, toSummary(row)]))
  return ids.flatMap((id) => byId.get(id) ?? [])
}

async function fetchOrdered(db: Db, where: SQL, order: SQL[], limit: number, offset: number) {
  const rows = await summaryQuery(db)
    .where(where)
    .orderBy(...order)
    .limit(limit)
    .offset(offset)
  return rows.map(toSummary)
}

function toSummary(row: SummaryRow): ProductSummary {
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    pricePaise: row.pricePaise,
    unit: row.unit,
    moq: row.moq,
    keySpecs: row.keySpecs,
    topCategorySlug: row.topCategorySlug,
    seller: {
      id: row.sellerId,
      slug: row.sellerSlug,
      name: row.sellerName,
      city: row.sellerCity,
      gstVerified: row.sellerVerifiedAt !== null,
    },
  }
}

async function fullTextQuery(db: Db, text: SearchText): Promise<SQL> {
  const words = text.websearch ? sql`websearch_to_tsquery('english', ${text.websearch})` : null
  const expanded = text.prefix ? await expandPrefix(db, text.prefix) : null
  const prefix = text.prefix
    ? sql`to_tsquery('english', ${expanded ? expanded.join(' | ') : `${text.prefix}:*`})`
    : null
  if (words && prefix) return sql`(${words} && ${prefix})`
  return words ?? prefix ?? sql`''::tsquery`
}

// "valve" should rank the Valves category above a dust mask "without valve": a product whose
// category name matches the words gets a boost larger than any title-weight difference. The
// category ids are found once per query (an InitPlan over the small categories table).
function categoryBoost(words: SQL): SQL {
  return sql`array(select own.id from ${categories} own left join ${categories} up on up.id = own.parent_id
    where to_tsvector('english', coalesce(up.name, '') || ' ' || own.name) @@ ${words})`
}

function orderBy(sort: ProductSort): SQL[] {
  switch (sort) {
    case 'price_asc':
      return [sql`${products.pricePaise} asc nulls last`, asc(products.id)]
    case 'price_desc':
      // Spelled as products_price_desc_published_idx is, so the index gives the order.
      return [sql`${products.pricePaise} desc nulls last`, sql`${products.id} desc nulls last`]
    case 'newest':
    case 'relevance':
      return [sql`${products.publishedAt} desc nulls last`, desc(products.id)]
  }
}
