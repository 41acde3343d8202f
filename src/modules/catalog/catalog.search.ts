import { and, count, desc, eq, inArray, type SQL, sql } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import type { Db } from '../../db/database.ts'
import { invalid } from '../../shared/errors.ts'
import { businesses } from '../accounts/index.ts'
import { type CategoryNode, categoryAndDescendantIds, loadCategoryTree } from './catalog.queries.ts'
import { PRODUCTS_PER_PAGE, type ProductListQuery, type ProductSort } from './catalog.schemas.ts'
import { categories, type ProductSpec, products } from './catalog.tables.ts'
import { parseSearchText, type SearchText } from './search-text.ts'

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
  businessId?: number | undefined
  sort?: ProductSort | undefined
  page: number
  /** Defaults to PRODUCTS_PER_PAGE; smaller for a home-page strip. */
  pageSize?: number
}

export interface ProductPage {
  items: ProductSummary[]
  total: number
  page: number
  pageSize: number
  pageCount: number
  /** 'similar' when nothing matched the words exactly and close spellings are shown instead. */
  match: 'all' | 'exact' | 'similar'
}

// Close spellings: "bering" still reaches "Ball Bearing". Lower finds more and noisier matches.
const WORD_SIMILARITY_THRESHOLD = '0.45'

/**
 * One page of published products, newest first or by price; with keywords, ranked full-text
 * matches, falling back to close spellings of the words when nothing matches exactly.
 */
export async function listProducts(db: Db, filter: ProductFilter): Promise<ProductPage> {
  const base = and(
    eq(products.status, 'published'),
    filter.categoryIds ? inArray(products.categoryId, filter.categoryIds) : undefined,
    filter.businessId !== undefined ? eq(products.businessId, filter.businessId) : undefined,
    filter.city ? sql`lower(${businesses.city}) = lower(${filter.city})` : undefined,
  )!
  if (!filter.q) {
    return fetchPage(db, base, orderBy(filter.sort ?? 'newest', null), filter, 'all')
  }
  const text = parseSearchText(filter.q)
  const words = fullTextQuery(text)
  const exact = await fetchPage(
    db,
    and(base, sql`${products.searchVector} @@ ${words}`)!,
    orderBy(
      filter.sort ?? 'relevance',
      sql`ts_rank(${products.searchVector}, ${words}) + ${categoryBoost(words)}`,
    ),
    filter,
    'exact',
  )
  if (exact.total > 0) return exact
  return db.transaction(async (tx) => {
    await tx.execute(
      sql`select set_config('pg_trgm.word_similarity_threshold', ${WORD_SIMILARITY_THRESHOLD}, true)`,
    )
    const similar = sql`(${products.title} %> ${filter.q}${
      text.transposed ? sql` or ${products.searchVector} @@ to_tsquery('english', ${text.transposed})` : sql``
    })`
    return fetchPage(
      tx as unknown as Db,
      and(base, similar)!,
      orderBy(filter.sort ?? 'relevance', sql`word_similarity(${filter.q}, ${products.title})`),
      filter,
      'similar',
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
    sort: query.sort,
    page: query.page,
  })
  return { ...page, category }
}

const parentCategory = alias(categories, 'parent_category')

async function fetchPage(
  db: Db,
  where: SQL,
  order: SQL[],
  filter: ProductFilter,
  match: ProductPage['match'],
): Promise<ProductPage> {
  const pageSize = filter.pageSize ?? PRODUCTS_PER_PAGE
  const rows = await db
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
    .where(where)
    .orderBy(...order)
    .limit(pageSize)
    .offset((filter.page - 1) * pageSize)
  const totalQuery = db.select({ total: count() }).from(products)
  const [counted] = await (filter.city
    ? totalQuery.innerJoin(businesses, eq(businesses.id, products.businessId)).where(where)
    : totalQuery.where(where))
  const total = counted?.total ?? 0
  return {
    items: rows.map((row) => ({
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
    })),
    total,
    page: filter.page,
    pageSize,
    pageCount: Math.ceil(total / pageSize),
    match,
  }
}

function fullTextQuery(text: SearchText): SQL {
  const words = text.websearch ? sql`websearch_to_tsquery('english', ${text.websearch})` : null
  const prefix = text.prefix ? sql`to_tsquery('english', ${`${text.prefix}:*`})` : null
  if (words && prefix) return sql`(${words} && ${prefix})`
  return words ?? prefix ?? sql`''::tsquery`
}

// "valve" should rank the Valves category above a dust mask "without valve": a product whose
// category name matches the words gets a boost larger than any title-weight difference.
function categoryBoost(words: SQL): SQL {
  return sql`(case when to_tsvector('english', coalesce(${parentCategory.name}, '') || ' ' || ${categories.name}) @@ ${words} then 1 else 0 end)`
}

function orderBy(sort: ProductSort, relevance: SQL | null): SQL[] {
  const newest = [sql`${products.publishedAt} desc nulls last`, desc(products.id)]
  switch (sort) {
    case 'price_asc':
      return [sql`${products.pricePaise} asc nulls last`, desc(products.id)]
    case 'price_desc':
      return [sql`${products.pricePaise} desc nulls last`, desc(products.id)]
    case 'newest':
      return newest
    case 'relevance':
      return relevance ? [sql`${relevance} desc`, ...newest] : newest
  }
}
