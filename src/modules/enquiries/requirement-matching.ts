import type { Db } from '../../db/database.ts'
import * as accounts from '../accounts/index.ts'
import * as catalog from '../catalog/index.ts'
import { businessesBlocking } from './enquiry-records.ts'
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

export type ProductEvidence = catalog.MatchedProduct

/**
 * Published products that match the requirement's words, best first (the catalogue ranks them:
 * `catalog.productsMatchingWords`), leaving out the buyer's own businesses and sellers who
 * blocked them. When a category was chosen and no product there has the words, its products
 * count without them.
 */
export async function matchingProducts(
  db: Db,
  input: { buyerUserId: string; title: string; details: string; categoryIds: number[] | undefined },
): Promise<ProductEvidence[]> {
  const excludeBusinessIds = [
    ...(await accounts.businessIdsOwnedBy(db, input.buyerUserId)),
    ...(await businessesBlocking(db, input.buyerUserId)),
  ]
  return catalog.productsMatchingWords(db, {
    title: input.title,
    titleWords: keywordsOf(input.title, KEYWORDS_MAX),
    allWords: keywordsOf(`${input.title} ${input.details}`, KEYWORDS_MAX),
    categoryIds: input.categoryIds,
    excludeBusinessIds,
    window: MATCH_WINDOW,
    limit: CANDIDATE_PRODUCTS,
  })
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
  const sellers = [...(await accounts.businessCards(db, ids)).values()]
  const responsiveness = await responsivenessFor(db, ids)
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
      verified: seller.verified,
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
