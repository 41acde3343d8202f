import { and, eq, gt, inArray, sql } from 'drizzle-orm'
import type { Db } from '../../db/database.ts'
import { enquiries, sellerResponsiveness } from './enquiries.tables.ts'
import { RESPONSIVENESS_WINDOW_DAYS, type Responsiveness, responsivenessOf } from './responsiveness.ts'

const DAY_MS = 24 * 3_600_000

/** Recomputes and stores one seller's 90-day responsiveness (on a first reply, and daily for all). */
export async function recomputeResponsiveness(
  db: Db,
  businessId: number,
  now: Date,
): Promise<Responsiveness> {
  const since = new Date(now.getTime() - RESPONSIVENESS_WINDOW_DAYS * DAY_MS)
  const rows = await db
    .select({ receivedAt: enquiries.createdAt, firstReplyAt: enquiries.firstReplyAt })
    .from(enquiries)
    .where(and(eq(enquiries.businessId, businessId), gt(enquiries.createdAt, since)))
  const figures = responsivenessOf(rows, now)
  await db
    .insert(sellerResponsiveness)
    .values({ businessId, ...figures, computedAt: now })
    .onConflictDoUpdate({
      target: sellerResponsiveness.businessId,
      set: {
        enquiries90d: figures.enquiries90d,
        answeredShare: figures.answeredShare,
        medianFirstReplyHours: figures.medianFirstReplyHours,
        computedAt: now,
      },
    })
  return figures
}

/** Recomputes every seller that had an enquiry in the window (the daily job); returns how many. */
export async function recomputeAllResponsiveness(db: Db, now: Date): Promise<number> {
  const since = new Date(now.getTime() - (RESPONSIVENESS_WINDOW_DAYS + 1) * DAY_MS)
  const sellers = await db
    .selectDistinct({ businessId: enquiries.businessId })
    .from(enquiries)
    .where(gt(enquiries.createdAt, since))
  for (const { businessId } of sellers) await recomputeResponsiveness(db, businessId, now)
  // Sellers whose last enquiry left the window fall back to "not enough data".
  await db.delete(sellerResponsiveness).where(
    sellers.length
      ? sql`${sellerResponsiveness.businessId} not in (${sql.join(
          sellers.map((s) => sql`${s.businessId}`),
          sql`, `,
        )})`
      : sql`true`,
  )
  return sellers.length
}

/** Stored figures for these sellers; sellers with none are missing from the map. */
export async function responsivenessFor(
  db: Db,
  businessIds: readonly number[],
): Promise<Map<number, Responsiveness>> {
  if (businessIds.length === 0) return new Map()
  const rows = await db
    .select()
    .from(sellerResponsiveness)
    .where(inArray(sellerResponsiveness.businessId, [...businessIds]))
  return new Map(
    rows.map((r) => [
      r.businessId,
      {
        enquiries90d: r.enquiries90d,
        answeredShare: r.answeredShare,
        medianFirstReplyHours: r.medianFirstReplyHours,
      },
    ]),
  )
}
