import { and, count, desc, eq, isNull, lte, sql } from 'drizzle-orm'
import { type Db, queryRows } from '../../db/database.ts'
import { AppError, conflict, invalid, notFound } from '../../shared/errors.ts'
import { parseInput } from '../../shared/validation.ts'
import { businesses, users } from '../accounts/accounts.tables.ts'
import { products } from '../catalog/catalog.tables.ts'
import * as catalog from '../catalog/index.ts'
import { buyerBlocks, buyRequirements, enquiries } from './enquiries.tables.ts'
import { assertCanEnquire, openLead } from './enquiries.ts'
import { type EnquiryContext, nowOf } from './enquiry-context.ts'
import { assertWithinEnquiryLimits } from './enquiry-limits.ts'
import { type MatchReason, rankSellersForRequirement, type SellerCandidate } from './matchmaking.ts'
import { recordInterest } from './recommendations.ts'
import { DEFAULT_REQUIREMENT_DAYS, MAX_REQUIREMENT_DAYS, RequirementInput } from './requirement-schemas.ts'
import type { Responsiveness } from './responsiveness.ts'
import { responsivenessFor } from './responsiveness-store.ts'

// A buy requirement (RFQ) is matched once, when it is posted: the search index finds sellers whose
// published products fit the words, matchmaking ranks them, and each of the best `maxSuppliers`
// gets an ordinary lead (an `enquiries` row) in the same transaction. Sellers see the buyer's
// first name, city and need, never their email or phone, exactly as for a direct enquiry.

export type RequirementRow = typeof buyRequirements.$inferSelect

const DAY_MS = 24 * 3_600_000
/** Matches read in index order before ranking, so a common word costs what a rare one does. */
const MATCH_WINDOW = 2000
/** Best-ranked products kept as evidence; they are grouped by seller. */
const CANDIDATE_PRODUCTS = 500
/** Products that decide the category when the buyer chose none. */
const INFERENCE_PRODUCTS = 20
const KEYWORDS_MAX = 24

const noHistory: Responsiveness = { enquiries90d: 0, answeredShare: 0, medianFirstReplyHours: null }

/**
 * Posts a buy requirement and sends it to the best-matching sellers, at most `maxSuppliers`.
 * Throws forbidden('profile_incomplete'), rate_limited('enquiry_limit'), invalid (including
 * 'unknown_category', 'invalid_expiry' and 'no_matching_sellers', which costs the buyer nothing).
 */
export async function postRequirement(db: Db, ctx: EnquiryContext, buyerUserId: string, input: unknown) {
  const data = parseInput(RequirementInput, input)
  const now = nowOf(ctx)
  await assertCanEnquire(db, buyerUserId, 'post_requirement')
  await assertWithinEnquiryLimits(db, buyerUserId, 'requirement', now)

  const expiresAt = expiryOf(data.expiresAt, now)
  if (data.neededBy && Date.parse(`${data.neededBy}T23:59:59Z`) < now.getTime()) {
    throw invalid('invalid_needed_by', 'The date you need the goods by has already passed.', {
      neededBy: 'Choose today or a later date.',
    })
  }
  const [buyer] = await db
    .select({ city: users.city, state: users.state })
    .from(users)
    .where(eq(users.id, buyerUserId))
  const city = data.city ?? buyer?.city ?? undefined
  const state = data.state ?? buyer?.state ?? undefined

  const tree = await catalog.loadCategoryTree(db)
  const byId = new Map([...tree.bySlug.values()].map((node) => [node.id, node]))
  const chosen = data.categoryId === undefined ? undefined : byId.get(data.categoryId)
  if (data.categoryId !== undefined && !chosen) {
    throw invalid('unknown_category', 'There is no such category. Choose one from the list.', {
      categoryId: 'Choose a category from the list.',
    })
  }

  const evidence = await matchingProducts(db, {
    buyerUserId,
    title: data.title,
    details: data.details,
    categoryIds: chosen ? catalog.categoryAndDescendantIds(chosen) : undefined,
  })
  const category = chosen ?? inferCategory(evidence, byId)
  if (!category || evidence.length === 0) throw noMatches(data.title)
  const subtree = new Set(catalog.categoryAndDescendantIds(category))
  const requirement = {
    categoryId: category.id,
    categoryPath: ancestorsOf(category.id, byId),
    keywords: keywordsOf(`${data.title} ${data.details}`, KEYWORDS_MAX),
    city,
    state,
    budgetPaisePerUnit: data.budgetPaisePerUnit,
    quantity: data.quantity,
    unit: data.unit,
  }
  const candidates = await candidatesFrom(db, evidence, data.unit, category.id, subtree)
  const matches = rankSellersForRequirement(requirement, candidates, { limit: data.maxSuppliers })
  if (matches.length === 0) throw noMatches(data.title)

  const posted = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(buyRequirements)
      .values({
        buyerUserId,
        title: data.title,
        categoryId: category.id,
        details: data.details,
        quantity: data.quantity,
        unit: data.unit,
        budgetPaisePerUnit: data.budgetPaisePerUnit ?? null,
        city: city ?? null,
        state: state ?? null,
        neededBy: data.neededBy ?? null,
        expiresAt,
        maxSuppliers: data.maxSuppliers,
        createdAt: now,
      })
      .returning()
    const created = row!
    let matched = 0
    for (const match of matches) {
      try {
        await openLead(tx, ctx, {
          buyerUserId,
          businessId: match.businessId,
          requirementId: created.id,
          subject: data.title,
          quantity: data.quantity,
          unit: data.unit,
          message: data.details || `Buy requirement: ${data.title}`,
          requiredBy: data.neededBy ?? null,
          deliveryCity: city ?? null,
          matchScore: match.score,
          matchReasons: match.reasons,
        })
        matched++
      } catch (error) {
        // A seller who blocked the buyer a moment ago is skipped, not a reason to fail the rest.
        if (error instanceof AppError && (error.code === 'buyer_blocked' || error.code === 'own_business'))
          continue
        throw error
      }
    }
    await tx.update(buyRequirements).set({ matchedCount: matched }).where(eq(buyRequirements.id, created.id))
    return { id: created.id, status: created.status, matchedCount: matched }
  })
  await recordInterest(db, buyerUserId, { kind: 'enquiry', categoryId: category.id }, now)
  return { requirement: posted }
}

export interface RequirementRecipient {
  enquiryId: string
  businessId: number
  name: string
  slug: string
  city: string
  state: string
  verified: boolean
  matchScore: number | null
  /** Why matchmaking chose them, best reason first. */
  reasons: string[]
  sentAt: Date
  replied: boolean
  firstReplyAt: Date | null
}

/** The buyer's own requirement with the sellers who received it; not_found for anyone else's. */
export async function getRequirement(db: Db, buyerUserId: string, id: string) {
  const requirement = await findOwnRequirement(db, buyerUserId, id)
  const rows = await db
    .select({
      enquiryId: enquiries.id,
      businessId: businesses.id,
      name: sql<string>`coalesce(${businesses.tradeName}, ${businesses.legalName})`,
      slug: businesses.slug,
      city: businesses.city,
      state: businesses.state,
      verifiedAt: businesses.gstinVerifiedAt,
      matchScore: enquiries.matchScore,
      matchReasons: enquiries.matchReasons,
      sentAt: enquiries.createdAt,
      firstReplyAt: enquiries.firstReplyAt,
    })
    .from(enquiries)
    .innerJoin(businesses, eq(businesses.id, enquiries.businessId))
    .where(eq(enquiries.requirementId, requirement.id))
    .orderBy(sql`${enquiries.matchScore} desc nulls last`, enquiries.createdAt)
  const recipients: RequirementRecipient[] = rows.map((r) => ({
    enquiryId: r.enquiryId,
    businessId: r.businessId,
    name: r.name,
    slug: r.slug,
    city: r.city,
    state: r.state,
    verified: r.verifiedAt !== null,
    matchScore: r.matchScore,
    reasons: (r.matchReasons ?? []).map((reason: MatchReason) => reason.text),
    sentAt: r.sentAt,
    replied: r.firstReplyAt !== null,
    firstReplyAt: r.firstReplyAt,
  }))
  return { requirement, recipients }
}

/** The buyer's requirements, newest first, with how many sellers received and answered each. */
export async function listRequirements(db: Db, buyerUserId: string, options: { limit?: number } = {}) {
  const replied = db
    .select({ requirementId: enquiries.requirementId, n: count().as('n') })
    .from(enquiries)
    .where(sql`${enquiries.requirementId} is not null and ${enquiries.firstReplyAt} is not null`)
    .groupBy(enquiries.requirementId)
    .as('replied')
  const rows = await db
    .select({
      id: buyRequirements.id,
      title: buyRequirements.title,
      quantity: buyRequirements.quantity,
      unit: buyRequirements.unit,
      status: buyRequirements.status,
      matchedCount: buyRequirements.matchedCount,
      maxSuppliers: buyRequirements.maxSuppliers,
      expiresAt: buyRequirements.expiresAt,
      createdAt: buyRequirements.createdAt,
      repliedCount: sql<number>`coalesce(${replied.n}, 0)::int`,
    })
    .from(buyRequirements)
    .leftJoin(replied, eq(replied.requirementId, buyRequirements.id))
    .where(eq(buyRequirements.buyerUserId, buyerUserId))
    .orderBy(desc(buyRequirements.createdAt))
    .limit(options.limit ?? 100)
  return rows.map((r) => ({ ...r, repliedCount: Number(r.repliedCount) }))
}

/**
 * The buyer stops the requirement. Sellers who have not answered see their lead closed; threads
 * where a seller already replied stay open, so a negotiation under way can finish. Closing twice
 * changes nothing; an expired requirement answers conflict('requirement_expired').
 */
export async function closeRequirement(db: Db, ctx: EnquiryContext, buyerUserId: string, id: string) {
  return db.transaction(async (tx) => {
    const requirement = await findOwnRequirement(tx, buyerUserId, id, { lock: true })
    if (requirement.status === 'expired') {
      throw conflict(
        'requirement_expired',
        'This requirement has already expired, so there is nothing to close.',
      )
    }
    if (requirement.status === 'closed') return presentState(requirement)
    const now = nowOf(ctx)
    const [closed] = await tx
      .update(buyRequirements)
      .set({ status: 'closed', closedAt: now })
      .where(eq(buyRequirements.id, requirement.id))
      .returning()
    await tx
      .update(enquiries)
      .set({ status: 'closed', updatedAt: now })
      .where(
        and(
          eq(enquiries.requirementId, requirement.id),
          eq(enquiries.status, 'open'),
          isNull(enquiries.firstReplyAt),
        ),
      )
    return presentState(closed!)
  })
}

/** For the hourly job: open requirements past their date become expired, with their open leads. Returns how many. */
export async function expireRequirements(db: Db, now: Date): Promise<number> {
  return db.transaction(async (tx) => {
    const due = and(eq(buyRequirements.status, 'open'), lte(buyRequirements.expiresAt, now))
    await tx
      .update(enquiries)
      .set({ status: 'expired', updatedAt: now })
      .where(
        and(
          eq(enquiries.status, 'open'),
          sql`${enquiries.requirementId} in (select ${buyRequirements.id} from ${buyRequirements} where ${due})`,
        ),
      )
    const expired = await tx
      .update(buyRequirements)
      .set({ status: 'expired' })
      .where(due)
      .returning({ id: buyRequirements.id })
    return expired.length
  })
}

async function findOwnRequirement(db: Db, buyerUserId: string, id: string, options: { lock?: boolean } = {}) {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) throw requirementNotFound()
  const query = db
    .select()
    .from(buyRequirements)
    .where(and(eq(buyRequirements.id, id), eq(buyRequirements.buyerUserId, buyerUserId)))
  const [row] = options.lock ? await query.for('update') : await query
  if (!row) throw requirementNotFound()
  return row
}

function presentState(row: RequirementRow) {
  return { id: row.id, status: row.status, matchedCount: row.matchedCount }
}

const requirementNotFound = () =>
  notFound('requirement_not_found', 'There is no such buy requirement in your account.')

const noMatches = (title: string) =>
  invalid(
    'no_matching_sellers',
    `No seller on Mandi lists products that match "${title.slice(0, 80)}" yet. Try other words, or choose a category.`,
    { title: 'Try other words, such as the product name sellers would use.' },
  )

function expiryOf(requested: string | undefined, now: Date): Date {
  if (requested === undefined) return new Date(now.getTime() + DEFAULT_REQUIREMENT_DAYS * DAY_MS)
  // A bare date means "until the end of that day" in India.
  const at = /^\d{4}-\d{2}-\d{2}$/.test(requested)
    ? new Date(`${requested}T23:59:59+05:30`)
    : new Date(requested)
  if (at.getTime() <= now.getTime()) {
    throw invalid('invalid_expiry', 'Choose a closing date in the future.', {
      expiresAt: 'Choose a date in the future.',
    })
  }
  if (at.getTime() > now.getTime() + MAX_REQUIREMENT_DAYS * DAY_MS + DAY_MS) {
    throw invalid('invalid_expiry', `A requirement can stay open for at most ${MAX_REQUIREMENT_DAYS} days.`, {
      expiresAt: `Choose a date within ${MAX_REQUIREMENT_DAYS} days.`,
    })
  }
  return at
}

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

interface ProductEvidence {
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
async function matchingProducts(
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
function inferCategory(evidence: ProductEvidence[], byId: Map<number, catalog.CategoryNode>) {
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

function ancestorsOf(categoryId: number, byId: Map<number, catalog.CategoryNode>): number[] {
  const path: number[] = []
  let parent = byId.get(categoryId)?.parent
  while (parent && !path.includes(parent.id)) {
    path.push(parent.id)
    parent = byId.get(parent.id)?.parent
  }
  return path
}

/** Groups the evidence by seller and adds what matchmaking weighs: place, verification, prices, replies. */
async function candidatesFrom(
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

function median(values: number[]): number | null {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[mid]! : Math.round((sorted[mid - 1]! + sorted[mid]!) / 2)
}
