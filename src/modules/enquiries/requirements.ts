import { and, count, desc, eq, isNull, lte, sql } from 'drizzle-orm'
import type { Db } from '../../db/database.ts'
import { AppError, conflict, invalid, notFound } from '../../shared/errors.ts'
import { parseInput } from '../../shared/validation.ts'
import * as accounts from '../accounts/index.ts'
import * as catalog from '../catalog/index.ts'
import { buyRequirements, enquiries } from './enquiries.tables.ts'
import { assertCanEnquire, openLead } from './enquiries.ts'
import { type EnquiryContext, nowOf } from './enquiry-context.ts'
import { assertWithinEnquiryLimits } from './enquiry-limits.ts'
import { type MatchReason, rankSellersForRequirement } from './matchmaking.ts'
import { recordInterest } from './recommendations.ts'
import {
  ancestorsOf,
  candidatesFrom,
  inferCategory,
  KEYWORDS_MAX,
  keywordsOf,
  matchingProducts,
} from './requirement-matching.ts'
import { DEFAULT_REQUIREMENT_DAYS, MAX_REQUIREMENT_DAYS, RequirementInput } from './requirement-schemas.ts'

// A buy requirement (RFQ) is matched once, when it is posted: the search index finds sellers whose
// published products fit the words, matchmaking ranks them, and each of the best `maxSuppliers`
// gets an ordinary lead (an `enquiries` row) in the same transaction. Sellers see the buyer's
// first name, city and need, never their email or phone, exactly as for a direct enquiry.

export type RequirementRow = typeof buyRequirements.$inferSelect

const DAY_MS = 24 * 3_600_000

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
  const buyer = await accounts.personCard(db, buyerUserId)
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
    // Decided again under the buyer's row lock, so parallel posts cannot pass the cap together.
    await assertWithinEnquiryLimits(tx, buyerUserId, 'requirement', now)
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
      businessId: enquiries.businessId,
      matchScore: enquiries.matchScore,
      matchReasons: enquiries.matchReasons,
      sentAt: enquiries.createdAt,
      firstReplyAt: enquiries.firstReplyAt,
    })
    .from(enquiries)
    .where(eq(enquiries.requirementId, requirement.id))
    .orderBy(sql`${enquiries.matchScore} desc nulls last`, enquiries.createdAt)
  const sellers = await accounts.businessCards(
    db,
    rows.map((r) => r.businessId),
  )
  const recipients: RequirementRecipient[] = rows.flatMap((r) => {
    const seller = sellers.get(r.businessId)
    if (!seller) return []
    return {
      enquiryId: r.enquiryId,
      businessId: r.businessId,
      name: seller.name,
      slug: seller.slug,
      city: seller.city,
      state: seller.state,
      verified: seller.verified,
      matchScore: r.matchScore,
      reasons: (r.matchReasons ?? []).map((reason: MatchReason) => reason.text),
      sentAt: r.sentAt,
      replied: r.firstReplyAt !== null,
      firstReplyAt: r.firstReplyAt,
    }
  })
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
