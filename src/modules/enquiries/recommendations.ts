import { and, desc, eq, gt, lt, sql } from 'drizzle-orm'
import type { Db } from '../../db/database.ts'
import * as accounts from '../accounts/index.ts'
import * as catalog from '../catalog/index.ts'
import * as privacy from '../privacy/index.ts'
import { buyerInterests, enquiries, type interestKinds } from './enquiries.tables.ts'
import { businessesBlocking } from './enquiry-records.ts'
import { responsivenessScore } from './matchmaking.ts'
import { describeResponsiveness, type Responsiveness } from './responsiveness.ts'
import { responsivenessFor } from './responsiveness-store.ts'

// "Suppliers you may need": built only from what a person did while they consented to
// personalisation. Nothing is written without that consent, and withdrawing it deletes the signals.

const DAY_MS = 24 * 3_600_000
/** How long a signal is kept (the data inventory promises 180 days). */
export const INTEREST_RETENTION_DAYS = 180
/** Recent enough to suggest from. */
const SUGGEST_FROM_DAYS = 90
/** A repeat view of the same product within this window is not stored again. */
const REPEAT_VIEW_MS = 3_600_000
const TOP_CATEGORIES = 5
const SELLERS_CONSIDERED = 300

export type InterestKind = (typeof interestKinds)[number]

export interface Interest {
  kind: InterestKind
  productId?: number | null | undefined
  categoryId?: number | null | undefined
  businessId?: number | null | undefined
}

/**
 * Stores one signal when, and only when, the person currently consents to personalisation.
 * A product fills in its category and seller. Returns whether anything was stored.
 */
export async function recordInterest(
  db: Db,
  userId: string,
  interest: Interest,
  now = new Date(),
): Promise<boolean> {
  if (!(await privacy.hasConsent(db, userId, 'personalisation'))) return false
  let { categoryId = null, businessId = null } = interest
  const productId = interest.productId ?? null
  if (productId !== null && (categoryId === null || businessId === null)) {
    const product = (await catalog.productSummaries(db, [productId])).get(productId)
    if (!product) return false
    categoryId ??= product.categoryId
    businessId ??= product.businessId
  }
  if (productId === null && categoryId === null && businessId === null) return false
  if (productId !== null) {
    const [recent] = await db
      .select({ id: buyerInterests.id })
      .from(buyerInterests)
      .where(
        and(
          eq(buyerInterests.userId, userId),
          eq(buyerInterests.kind, interest.kind),
          eq(buyerInterests.productId, productId),
          gt(buyerInterests.createdAt, new Date(now.getTime() - REPEAT_VIEW_MS)),
        ),
      )
      .limit(1)
    if (recent) return false
  }
  await db
    .insert(buyerInterests)
    .values({ userId, kind: interest.kind, productId, categoryId, businessId, createdAt: now })
  return true
}

/** Deletes every signal of the person; called when they withdraw consent to personalisation. Returns how many. */
export async function forgetInterests(db: Db, userId: string): Promise<number> {
  const deleted = await db
    .delete(buyerInterests)
    .where(eq(buyerInterests.userId, userId))
    .returning({ id: buyerInterests.id })
  return deleted.length
}

/** Deletes signals older than the retention period (daily job). Returns how many. */
export async function pruneInterests(db: Db, now: Date): Promise<number> {
  const deleted = await db
    .delete(buyerInterests)
    .where(lt(buyerInterests.createdAt, new Date(now.getTime() - INTEREST_RETENTION_DAYS * DAY_MS)))
    .returning({ id: buyerInterests.id })
  return deleted.length
}

export interface SupplierSuggestion {
  businessId: number
  slug: string
  name: string
  city: string
  state: string
  verified: boolean
  /** The category of the person's recent interest this seller lists products in. */
  categoryName: string
  responsiveness: string[]
}

/**
 * Sellers listing products in the categories the person recently viewed or enquired about, whom
 * they have not contacted yet, the most responsive and verified first. [] without consent.
 */
export async function suppliersYouMayNeed(
  db: Db,
  userId: string,
  limit: number,
  now = new Date(),
): Promise<SupplierSuggestion[]> {
  if (limit < 1 || !(await privacy.hasConsent(db, userId, 'personalisation'))) return []
  const recent = await db
    .select({ categoryId: buyerInterests.categoryId, n: sql<number>`count(*)::int` })
    .from(buyerInterests)
    .where(
      and(
        eq(buyerInterests.userId, userId),
        gt(buyerInterests.createdAt, new Date(now.getTime() - SUGGEST_FROM_DAYS * DAY_MS)),
        sql`${buyerInterests.categoryId} is not null`,
      ),
    )
    .groupBy(buyerInterests.categoryId)
    .orderBy(desc(sql`count(*)`), desc(sql`max(${buyerInterests.createdAt})`))
    .limit(TOP_CATEGORIES)
  const categoryIds = recent.map((r) => r.categoryId!).filter((id) => id !== null)
  if (categoryIds.length === 0) return []

  // Sellers listing in those categories (the catalogue groups them), less the person's own
  // businesses, sellers they have already contacted and sellers who blocked them.
  const listing = await catalog.sellersListingIn(db, categoryIds, SELLERS_CONSIDERED)
  const contacted = await db
    .selectDistinct({ businessId: enquiries.businessId })
    .from(enquiries)
    .where(eq(enquiries.buyerUserId, userId))
  const excluded = new Set([
    ...contacted.map((r) => Number(r.businessId)),
    ...(await businessesBlocking(db, userId)),
  ])
  const candidates = listing.filter((s) => !excluded.has(s.businessId))
  const cards = await accounts.businessCards(
    db,
    candidates.map((s) => s.businessId),
  )
  const rows = candidates.flatMap((s) => {
    const card = cards.get(s.businessId)
    return card && card.ownerUserId !== userId ? [{ ...card, categoryName: s.categoryName }] : []
  })
  const figures = await responsivenessFor(
    db,
    rows.map((r) => r.id),
  )
  const neutral: Responsiveness = { enquiries90d: 0, answeredShare: 0, medianFirstReplyHours: null }
  return rows
    .map((r) => {
      const responsiveness = figures.get(r.id) ?? neutral
      return {
        suggestion: {
          businessId: r.id,
          slug: r.slug,
          name: r.name,
          city: r.city,
          state: r.state,
          verified: r.verified,
          categoryName: r.categoryName,
          responsiveness: describeResponsiveness(responsiveness),
        },
        score: responsivenessScore(responsiveness) + (r.verified ? 0.15 : 0),
      }
    })
    .sort((a, b) => b.score - a.score || a.suggestion.name.localeCompare(b.suggestion.name))
    .slice(0, limit)
    .map((entry) => entry.suggestion)
}
