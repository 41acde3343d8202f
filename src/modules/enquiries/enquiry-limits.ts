import { and, count, eq, gt, isNull } from 'drizzle-orm'
import type { Db } from '../../db/database.ts'
import { AppError } from '../../shared/errors.ts'
import * as accounts from '../accounts/index.ts'
import { buyRequirements, enquiries } from './enquiries.tables.ts'

/**
 * How many enquiries and buy requirements one buyer may send. A new account gets a small daily
 * allowance: that is where almost all enquiry spam comes from, and a genuine new buyer rarely
 * needs more than a handful on their first days.
 */
export const enquiryLimits = {
  enquiriesPerHour: 10,
  enquiriesPerDay: 40,
  requirementsPerDay: 5,
  newAccountDays: 7,
  newAccountEnquiriesPerDay: 5,
  newAccountRequirementsPerDay: 2,
} as const

const HOUR = 3_600_000
const DAY = 24 * HOUR

/**
 * Throws rate_limited with a Retry-After and a plain explanation when the buyer is over a limit.
 *
 * Called inside the transaction that inserts the enquiry or requirement: it locks the buyer's
 * account row first, so parallel requests from one buyer count and insert one after another and
 * the cap holds under concurrency (and across web processes). Called outside a transaction it is
 * only an early, cheap refusal before expensive work.
 */
export async function assertWithinEnquiryLimits(
  db: Db,
  buyerUserId: string,
  what: 'enquiry' | 'requirement',
  now: Date,
): Promise<void> {
  const account = await accounts.lockAccount(db, buyerUserId)
  const isNew = !account || now.getTime() - account.createdAt.getTime() < enquiryLimits.newAccountDays * DAY
  const since = (ms: number) => new Date(now.getTime() - ms)

  if (what === 'requirement') {
    const perDay = isNew ? enquiryLimits.newAccountRequirementsPerDay : enquiryLimits.requirementsPerDay
    const [day] = await db
      .select({ n: count() })
      .from(buyRequirements)
      .where(and(eq(buyRequirements.buyerUserId, buyerUserId), gt(buyRequirements.createdAt, since(DAY))))
    if ((day?.n ?? 0) >= perDay)
      throw limited(
        `You can post ${perDay} buy requirements a day${isNew ? ' while your account is new' : ''}. Please try again tomorrow.`,
        DAY,
      )
    return
  }

  const direct = and(eq(enquiries.buyerUserId, buyerUserId), isNull(enquiries.requirementId))
  const [hour] = await db
    .select({ n: count() })
    .from(enquiries)
    .where(and(direct, gt(enquiries.createdAt, since(HOUR))))
  if ((hour?.n ?? 0) >= enquiryLimits.enquiriesPerHour) {
    throw limited(
      `You have sent ${enquiryLimits.enquiriesPerHour} enquiries in the last hour. Please wait a while before sending more.`,
      HOUR,
    )
  }
  const perDay = isNew ? enquiryLimits.newAccountEnquiriesPerDay : enquiryLimits.enquiriesPerDay
  const [day] = await db
    .select({ n: count() })
    .from(enquiries)
    .where(and(direct, gt(enquiries.createdAt, since(DAY))))
  if ((day?.n ?? 0) >= perDay) {
    throw limited(
      isNew
        ? `New accounts can send ${perDay} enquiries a day for their first ${enquiryLimits.newAccountDays} days. Please try again tomorrow, or post a buy requirement to reach several sellers at once.`
        : `You can send ${perDay} enquiries a day. Please try again tomorrow.`,
      DAY,
    )
  }
}

function limited(message: string, windowMs: number) {
  // Retry-After is an honest upper bound; it does not reveal exactly when the oldest one ages out.
  return new AppError('rate_limited', 'enquiry_limit', message, {
    retryAfterSeconds: Math.round(windowMs / 1000),
  })
}
