import { sql } from 'drizzle-orm'
import { type Db, queryRows } from '../../db/database.ts'
import { businesses } from '../accounts/accounts.tables.ts'
import { products } from '../catalog/catalog.tables.ts'
import type * as catalog from '../catalog/index.ts'
import { buyerBlocks } from './enquiries.tables.ts'
import type { SellerCandidate } from './matchmaking.ts'
import type { Responsiveness } from './responsiveness.ts'
import { responsivenessFor } from './responsiveness-store.ts'

// Finding sellers for a buy requirement: published products that match its words in the search
// index (a bounded window, so a common word costs what a rare one does), grouped by seller into
// the candidates matchmaking ranks.

/** Matches read in index order before ranking, so a common word costs what a rare one does. */
const MATCH_WINDOW = 2000
/** Best-ranked products kept as evidence; they are grouped by seller. */
const CANDIDATE_PRODUCTS = 500
/** Products that decide the category when the buyer chose none. */
const INFERENCE_PRODUCTS = 20
export const KEYWORDS_MAX = 24

const noHistory: Responsiveness = { enquiries90d: 0, answeredShare: 0, medianFirstReplyHours: null }

/** Lower-case words and numbers of the text, first occurrence order, at most `max`. */
export function keywordsOf(text: string, max: number): string[] {
  const words = new Set<string>()
  for (const match of text.toLowerCase().matchAll(/[\p{L}\p{N}]+/gu)) {
    if (match[0].length < 2) continue
    words.add(match[0])
    if (words.size >= max) break
  }
  return [...words]
}

export interface ProductEvidence {
  businessId: number
  categoryId: number
  unit: string
  pricePaise: number | null
  rank: number
}

/**
 * Published products that match the requirement's words, best first: any title word matches
 * (a buyer's title rarely repeats a seller's), a product having every title word ranks above all
 * that do not, then title words and the details' words order them. Excludes the buyer's own business and sellers who blocked them.
 * When a category was chosen and no product there has the words, its products count without them.
 */
export async function matchingProducts(
  db: Db,
  input: { buyerUserId: string; title: string; details: string; categoryIds: number[] | undefined },
): Promise<ProductEvidence[]> {
  const titleWords = keywordsOf(input.title, KEYWORDS_MAX)
  const allWords = keywordsOf(`${input.title} ${input.details}`, KEYWORDS_MAX)
  const inCategory = input.categoryIds
    ? sql`and ${products.categoryId} in (${sql.join(
        input.categoryIds.map((id) => sql`${id}`),
        sql`, `,
      )})`
    : sql``
  const eligible = sql`${products.status} = 'published' ${inCategory}
    and ${products.businessId} not in (select ${businesses.id} from ${businesses} where ${businesses.ownerUserId} = ${input.buyerUserId})
    and not exists (select 1 from ${buyerBlocks} where ${buyerBlocks.businessId} = ${products.businessId}
      and ${buyerBlocks.buyerUserId} = ${input.buyerUserId})`
  type Row = {
    business_id: string | number
    category_id: number
    unit: string
    price_paise: string | number | null
    rank: number
  }
  const toEvidence = (rows: Row[]) =>
    rows.map((r) => ({
      businessId: Number(r.business_id),
      categoryId: Number(r.category_id),
      unit: r.unit,
      pricePaise: r.price_paise === null ? null : Number(r.price_paise),
      rank: Number(r.rank),
    }))

  if (titleWords.length > 0) {
    const anyTitleWord = sql`to_tsquery('english', ${titleWords.join(' | ')})`
    const everyTitleWord = sql`plainto_tsquery('english', ${input.title})`
    const anyWord = sql`to_tsquery('english', ${allWords.join(' | ')})`
    const rows = await queryRows<Row>(
      db,
      sql`with matched as materialized (
        select ${products.id} as id, ${products.businessId} as business_id, ${products.categoryId} as category_id,
          ${products.unit} as unit, ${products.pricePaise} as price_paise, ${products.searchVector} as search_vector
        from ${products}
        where ${eligible} and ${products.searchVector} @@ ${anyTitleWord}
        limit ${MATCH_WINDOW}
      )
      select business_id, category_id, unit, price_paise,
        (case when search_vector @@ ${everyTitleWord} then 1 else 0 end
          + ts_rank(search_vector, ${anyTitleWord}, 32) + 0.5 * ts_rank(search_vector, ${anyWord}, 32))::float8 as rank
      from matched
      order by rank desc, id
      limit ${CANDIDATE_PRODUCTS}`,
    )
    if (rows.length > 0 || !input.categoryIds) return toEvidence(rows)
  }
  if (!input.categoryIds) return []
  const rows = await queryRows<Row>(
    db,
    sql`select ${products.businessId} as business_id, ${products.categoryId} as category_id, ${products.unit} as unit,
        ${products.pricePaise} as price_paise, 0::float8 as rank
      from ${products} where ${eligible}
      order by ${products.publishedAt} desc nulls last, ${products.id} desc
      limit ${CANDIDATE_PRODUCTS}`,
  )
  return toEvidence(rows)
}

/** The category holding most of the best matches' rank, for a requirement posted without one. */
export function inferCategory(evidence: ProductEvidence[], byId: Map<number, catalog.CategoryNode>) {
  const weight = new Map<number, number>()
  // Only products that match about as well as the best one vote: many products sharing one common
  // word ("valve") must not outvote the few that have every word the buyer wrote.
  const best = evidence[0]?.rank ?? 0
  for (const product of evidence.slice(0, INFERENCE_PRODUCTS)) {
    if (product.rank < best * 0.5) continue
    // A product with a tiny rank still says something about where the need belongs.
    weight.set(product.categoryId, (weight.get(product.categoryId) ?? 0) + product.rank + 0.01)
  }
  let chosen: catalog.CategoryNode | undefined
  let chosenWeight = -1
  for (const [id, w] of weight) {
    const node = byId.get(id)
    if (node && (w > chosenWeight || (w === chosenWeight && chosen && id < chosen.id))) {
      chosen = node
      chosenWeight = w
    }
  }
  return chosen
}

export function ancestorsOf(categoryId: number, byId: Map<number, catalog.CategoryNode>): number[] {
  const path: number[] = []
  let parent = byId.get(categoryId)?.parent
  while (parent && !path.includes(parent.id)) {
    path.push(parent.id)
    parent = byId.get(parent.id)?.parent
  }
  return path
}

/** Groups the evidence by seller and adds what matchmaking weighs: place, verification, prices, replies. */
export async function candidatesFrom(
  db: Db,
  evidence: ProductEvidence[],
  unit: string,
  categoryId: number,
  subtree: Set<number>,
): Promise<SellerCandidate[]> {
  const bySeller = new Map<number, ProductEvidence[]>()
  for (const product of evidence) {
    const list = bySeller.get(product.businessId) ?? []
    list.push(product)
    bySeller.set(product.businessId, list)
  }
  const ids = [...bySeller.keys()]
  if (ids.length === 0) return []
  const [sellers, responsiveness] = await Promise.all([
    db
      .select({
        id: businesses.id,
        city: businesses.city,
        state: businesses.state,
        verifiedAt: businesses.gstinVerifiedAt,
        categoryIds: businesses.categoryIds,
      })
      .from(businesses)
      .where(
        sql`${businesses.id} in (${sql.join(
          ids.map((id) => sql`${id}`),
          sql`, `,
        )})`,
      ),
    responsivenessFor(db, ids),
  ])
  const bestRank = Math.max(0, ...evidence.map((p) => p.rank))
  const sameUnit = unit.trim().toLowerCase()
  return sellers.map((seller) => {
    const own = bySeller.get(seller.id) ?? []
    const categories = new Set([...own.map((p) => p.categoryId), ...seller.categoryIds])
    // Every product under the chosen category counts as "in the category you chose".
    if (own.some((p) => subtree.has(p.categoryId))) categories.add(categoryId)
    const prices = own
      .filter((p) => p.pricePaise !== null && p.unit.trim().toLowerCase() === sameUnit)
      .map((p) => p.pricePaise!)
    const topRank = Math.max(0, ...own.map((p) => p.rank))
    return {
      businessId: seller.id,
      categoryIds: [...categories],
      city: seller.city,
      state: seller.state,
      verified: seller.verifiedAt !== null,
      textScore: bestRank > 0 ? topRank / bestRank : 0,
      typicalPricePaise: median(prices),
      responsiveness: responsiveness.get(seller.id) ?? noHistory,
    }
  })
}

export function median(values: number[]): number | null {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[mid]! : Math.round((sorted[mid - 1]! + sorted[mid]!) / 2)
}
