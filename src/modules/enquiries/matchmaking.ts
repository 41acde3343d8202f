import { invalid } from '../../shared/errors.ts'
import { MIN_ENQUIRIES_FOR_FIGURES, type Responsiveness } from './responsiveness.ts'

export type BuyRequirement = {
  categoryId: number
  /** Ancestors of categoryId, nearest last or first — order does not matter here. */
  categoryPath: readonly number[]
  keywords: readonly string[]
  city?: string | undefined
  state?: string | undefined
  budgetPaisePerUnit?: number | undefined
  quantity: number
  unit: string
}

export type SellerCandidate = {
  businessId: number
  categoryIds: readonly number[]
  city: string
  state: string
  verified: boolean
  /** 0..1 from the search index, for the requirement's keywords and specs. */
  textScore: number
  /** Usual price in the requirement's unit; null when the seller publishes none. */
  typicalPricePaise?: number | null | undefined
  responsiveness: Responsiveness
}

export type MatchComponent = 'category' | 'text' | 'location' | 'price' | 'verified' | 'responsiveness'
export type MatchReason = { component: MatchComponent; points: number; text: string }
export type SellerMatch = { businessId: number; score: number; reasons: MatchReason[] }

export const MAX_MATCHED_SELLERS = 10

// Points per component; the best possible total is 1. Category and keywords dominate because
// a fast, nearby seller of the wrong thing wastes everyone's time. Responsiveness outweighs
// location and price because an unanswered requirement is the worst outcome for a buyer.
export const matchWeights = {
  category: { exact: 0.25, parent: 0.12 },
  text: 0.22,
  location: { city: 0.14, state: 0.08, nationwide: 0 },
  price: { withinBudget: 0.1, slightlyAbove: 0.05, unknown: 0.04, farAbove: 0 },
  /** Up to this share above the budget still counts as "slightly above". */
  slightlyAboveBudget: 0.15,
  verified: 0.07,
  responsiveness: 0.22,
} as const

// Sellers with little history are scored as if they had MIN_ENQUIRIES_FOR_FIGURES extra
// enquiries at these typical values, so a newcomer starts mid-table instead of at the bottom,
// and a seller who has ignored even one enquiry falls below a newcomer.
const PRIOR_ANSWERED_SHARE = 0.7
const PRIOR_SPEED = 0.5

export function rankSellersForRequirement(
  requirement: BuyRequirement,
  candidates: readonly SellerCandidate[],
  options: { limit: number },
): SellerMatch[] {
  const { limit } = options
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_MATCHED_SELLERS) {
    throw invalid('invalid_limit', `Choose between 1 and ${MAX_MATCHED_SELLERS} sellers.`, {
      limit: `Must be a whole number from 1 to ${MAX_MATCHED_SELLERS}.`,
    })
  }
  const best = new Map<number, { match: SellerMatch; candidate: SellerCandidate }>()
  for (const candidate of candidates) {
    const match = scoreCandidate(requirement, candidate)
    if (!match) continue
    const seen = best.get(candidate.businessId)
    if (!seen || match.score > seen.match.score) best.set(candidate.businessId, { match, candidate })
  }
  return [...best.values()]
    .sort(
      (a, b) =>
        b.match.score - a.match.score ||
        Number(b.candidate.verified) - Number(a.candidate.verified) ||
        clamp01(b.candidate.textScore) - clamp01(a.candidate.textScore) ||
        a.candidate.businessId - b.candidate.businessId,
    )
    .slice(0, limit)
    .map((entry) => entry.match)
}

function scoreCandidate(requirement: BuyRequirement, candidate: SellerCandidate): SellerMatch | null {
  const reasons: MatchReason[] = []
  const add = (component: MatchComponent, points: number, text: string) => {
    if (points > 0) reasons.push({ component, points: round(points), text })
  }

  if (candidate.categoryIds.includes(requirement.categoryId)) {
    add('category', matchWeights.category.exact, 'Sells in the category you chose')
  } else if (candidate.categoryIds.some((id) => requirement.categoryPath.includes(id))) {
    add('category', matchWeights.category.parent, 'Sells in a broader category that includes yours')
  } else {
    return null
  }

  const text = clamp01(candidate.textScore)
  add(
    'text',
    matchWeights.text * text,
    text >= 0.6 ? 'Listings closely match your requirement' : 'Listings partly match your requirement',
  )

  const tier = locationTier(requirement, candidate)
  if (tier === 'city') add('location', matchWeights.location.city, `Based in ${candidate.city}, your city`)
  if (tier === 'state')
    add('location', matchWeights.location.state, `Based in ${candidate.state}, your state`)

  const price = priceFit(requirement.budgetPaisePerUnit, candidate.typicalPricePaise)
  if (price === 'withinBudget')
    add('price', matchWeights.price.withinBudget, 'Usual price is within your budget')
  if (price === 'slightlyAbove')
    add('price', matchWeights.price.slightlyAbove, 'Usual price is a little above your budget')
  if (price === 'unknown') add('price', matchWeights.price.unknown, 'Price on request')

  if (candidate.verified) add('verified', matchWeights.verified, 'Verified business')

  const responsive = responsivenessScore(candidate.responsiveness)
  add(
    'responsiveness',
    matchWeights.responsiveness * responsive,
    responsivenessReason(candidate.responsiveness),
  )

  reasons.sort((a, b) => b.points - a.points)
  return {
    businessId: candidate.businessId,
    score: round(reasons.reduce((sum, r) => sum + r.points, 0)),
    reasons,
  }
}

function locationTier(
  requirement: BuyRequirement,
  candidate: SellerCandidate,
): 'city' | 'state' | 'nationwide' {
  const same = (a: string | undefined, b: string) => !!a && a.trim().toLowerCase() === b.trim().toLowerCase()
  // A city name alone is ambiguous (Aurangabad is in two states), so the state must agree too when both are known.
  if (
    same(requirement.city, candidate.city) &&
    (!requirement.state || same(requirement.state, candidate.state))
  ) {
    return 'city'
  }
  return same(requirement.state, candidate.state) ? 'state' : 'nationwide'
}

function priceFit(
  budget: number | undefined,
  typical: number | null | undefined,
): 'withinBudget' | 'slightlyAbove' | 'farAbove' | 'unknown' | 'noBudget' {
  if (budget === undefined) return 'noBudget'
  if (typical === null || typical === undefined) return 'unknown'
  if (typical <= budget) return 'withinBudget'
  return typical <= budget * (1 + matchWeights.slightlyAboveBudget) ? 'slightlyAbove' : 'farAbove'
}

/** 0..1, shrunk towards a neutral prior when the seller has few enquiries. */
export function responsivenessScore(r: Responsiveness): number {
  const n = Math.max(0, r.enquiries90d)
  const k = MIN_ENQUIRIES_FOR_FIGURES
  const share = (clamp01(r.answeredShare) * n + PRIOR_ANSWERED_SHARE * k) / (n + k)
  // 2 hours or less is full marks; a day scores about a third; a week is close to nothing.
  const speed = r.medianFirstReplyHours === null ? 0 : 1 / (1 + Math.max(0, r.medianFirstReplyHours - 2) / 12)
  const answeredN = clamp01(r.answeredShare) * n
  const smoothedSpeed = (speed * answeredN + PRIOR_SPEED * k) / (n + k)
  return 0.6 * share + 0.4 * smoothedSpeed
}

function responsivenessReason(r: Responsiveness): string {
  if (r.enquiries90d < MIN_ENQUIRIES_FOR_FIGURES) return 'New to enquiries on Mandi'
  if (r.medianFirstReplyHours !== null && r.medianFirstReplyHours <= 24 && r.answeredShare >= 0.7) {
    return 'Replies to most enquiries within a day'
  }
  return r.answeredShare > 0 ? 'Replies to some enquiries' : 'Has not replied to recent enquiries'
}

function clamp01(value: number): number {
  return Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : 0
}

function round(value: number): number {
  return Math.round(value * 10_000) / 10_000
}
