import { inArray, type SQL, sql } from 'drizzle-orm'
import { type Db, queryRows } from '../../db/database.ts'
import { categories, products } from './catalog.tables.ts'

// What other modules may read about the catalogue, as plain objects: a product's summary by id,
// and the few queries that must rank or group over the whole catalogue (matching a buy
// requirement against a million products, sellers listing in a category), which only the
// catalogue can run efficiently on its own tables.

export interface ProductRef {
  id: number
  slug: string
  title: string
  businessId: number
  categoryId: number
  unit: string
  moq: number
  published: boolean
}

/** The given products by id, published or not; unknown ids are absent. */
export async function productSummaries(
  db: Db,
  productIds: readonly number[],
): Promise<Map<number, ProductRef>> {
  const ids = [...new Set(productIds)]
  if (ids.length === 0) return new Map()
  const rows = await db
    .select({
      id: products.id,
      slug: products.slug,
      title: products.title,
      businessId: products.businessId,
      categoryId: products.categoryId,
      unit: products.unit,
      moq: products.moq,
      status: products.status,
    })
    .from(products)
    .where(inArray(products.id, ids))
  return new Map(rows.map(({ status, ...r }) => [r.id, { ...r, published: status === 'published' }]))
}

/** One product that matched a buy requirement's words, with its rank. */
export interface MatchedProduct {
  businessId: number
  categoryId: number
  unit: string
  pricePaise: number | null
  rank: number
}

/**
 * Published products that match a buy requirement's words, best first: any title word matches, a
 * product having every title word ranks above all that do not, then title words and the other
 * words order them. At most `window` matches are read in index order and the best `limit` kept,
 * so a common word costs what a rare one does. With `categoryIds`, only those categories; and
 * when no product there has the words, the newest published products there count without them.
 * Products of `excludeBusinessIds` never match.
 */
export async function productsMatchingWords(
  db: Db,
  input: {
    title: string
    titleWords: readonly string[]
    allWords: readonly string[]
    categoryIds: readonly number[] | undefined
    excludeBusinessIds: readonly number[]
    window: number
    limit: number
  },
): Promise<MatchedProduct[]> {
  const list = (values: readonly number[]): SQL =>
    sql.join(
      values.map((v) => sql`${v}`),
      sql`, `,
    )
  const inCategory = input.categoryIds
    ? sql`and ${products.categoryId} in (${list(input.categoryIds)})`
    : sql``
  const excluded =
    input.excludeBusinessIds.length > 0
      ? sql`and ${products.businessId} not in (${list(input.excludeBusinessIds)})`
      : sql``
  const eligible = sql`${products.status} = 'published' ${inCategory} ${excluded}`
  type Row = {
    business_id: string | number
    category_id: number
    unit: string
    price_paise: string | number | null
    rank: number
  }
  const toMatches = (rows: Row[]) =>
    rows.map((r) => ({
      businessId: Number(r.business_id),
      categoryId: Number(r.category_id),
      unit: r.unit,
      pricePaise: r.price_paise === null ? null : Number(r.price_paise),
      rank: Number(r.rank),
    }))

  if (input.titleWords.length > 0) {
    const anyTitleWord = sql`to_tsquery('english', ${input.titleWords.join(' | ')})`
    const everyTitleWord = sql`plainto_tsquery('english', ${input.title})`
    const anyWord = sql`to_tsquery('english', ${input.allWords.join(' | ')})`
    const rows = await queryRows<Row>(
      db,
      sql`with matched as materialized (
        select ${products.id} as id, ${products.businessId} as business_id, ${products.categoryId} as category_id,
          ${products.unit} as unit, ${products.pricePaise} as price_paise, ${products.searchVector} as search_vector
        from ${products}
        where ${eligible} and ${products.searchVector} @@ ${anyTitleWord}
        limit ${input.window}
      )
      select business_id, category_id, unit, price_paise,
        (case when search_vector @@ ${everyTitleWord} then 1 else 0 end
          + ts_rank(search_vector, ${anyTitleWord}, 32) + 0.5 * ts_rank(search_vector, ${anyWord}, 32))::float8 as rank
      from matched
      order by rank desc, id
      limit ${input.limit}`,
    )
    if (rows.length > 0 || !input.categoryIds) return toMatches(rows)
  }
  if (!input.categoryIds) return []
  const rows = await queryRows<Row>(
    db,
    sql`select ${products.businessId} as business_id, ${products.categoryId} as category_id, ${products.unit} as unit,
        ${products.pricePaise} as price_paise, 0::float8 as rank
      from ${products} where ${eligible}
      order by ${products.publishedAt} desc nulls last, ${products.id} desc
      limit ${input.limit}`,
  )
  return toMatches(rows)
}

/**
 * At most `limit` sellers with published products in the given categories, each with one of those
 * categories (the lowest id) and its name.
 */
export async function sellersListingIn(
  db: Db,
  categoryIds: readonly number[],
  limit: number,
): Promise<{ businessId: number; categoryId: number; categoryName: string }[]> {
  if (categoryIds.length === 0) return []
  const rows = await queryRows<{ business_id: string | number; category_id: number; category_name: string }>(
    db,
    sql`select s.business_id, s.category_id, c.name as category_name
      from (
        select ${products.businessId} as business_id, min(${products.categoryId}) as category_id
        from ${products}
        where ${products.status} = 'published' and ${products.categoryId} in (${sql.join(
          categoryIds.map((id) => sql`${id}`),
          sql`, `,
        )})
        group by ${products.businessId}
        limit ${limit}
      ) s
      join ${categories} c on c.id = s.category_id`,
  )
  return rows.map((r) => ({
    businessId: Number(r.business_id),
    categoryId: Number(r.category_id),
    categoryName: r.category_name,
  }))
}

/** Of the given businesses, those with at least one published product. */
export async function sellersWithPublishedProducts(
  db: Db,
  businessIds: readonly number[],
): Promise<Set<number>> {
  if (businessIds.length === 0) return new Set()
  const rows = await queryRows<{ id: string | number }>(
    db,
    sql`select b.id from unnest(string_to_array(${businessIds.join(',')}, ',')::bigint[]) as b(id)
      where exists (select 1 from ${products} p where p.business_id = b.id and p.status = 'published')`,
  )
  return new Set(rows.map((r) => Number(r.id)))
}
