import { and, asc, eq, sql } from 'drizzle-orm'
import type { Db } from '../../db/database.ts'
import { type ErasureStatus, erasureRequests } from './rights.tables.ts'

// The record of each erasure request. Once done it keeps only the pseudonym the ledgers now carry
// and the report (what was erased, what was held and why): no user id, no values.

export interface ErasureRequest {
  id: string
  userId: string | null
  pseudonym: string
  status: ErasureStatus
  report: unknown
  requestedAt: Date
  completedAt: Date | null
}

const columns = {
  id: erasureRequests.id,
  userId: erasureRequests.userId,
  pseudonym: erasureRequests.pseudonym,
  status: erasureRequests.status,
  report: erasureRequests.report,
  requestedAt: erasureRequests.requestedAt,
  completedAt: erasureRequests.completedAt,
}

/** Records a request to erase the account, or returns the one already pending. */
export async function createErasureRequest(db: Db, userId: string): Promise<ErasureRequest> {
  // One pending request per person, even when two arrive at once: the partial unique index
  // erasure_requests_one_pending decides in the insert itself (ADR 014).
  for (;;) {
    const [created] = await db
      .insert(erasureRequests)
      .values({ userId })
      .onConflictDoNothing({ target: erasureRequests.userId, where: sql`status = 'pending'` })
      .returning(columns)
    if (created) return created
    const [pending] = await db
      .select(columns)
      .from(erasureRequests)
      .where(and(eq(erasureRequests.userId, userId), eq(erasureRequests.status, 'pending')))
    // Between the two statements the pending one may have finished: then ask again.
    if (pending) return pending
  }
}

/** The request, when it is the person's own (and not yet done: a done one names nobody). */
export async function findErasureRequest(db: Db, id: string): Promise<ErasureRequest | null> {
  const [row] = await db.select(columns).from(erasureRequests).where(eq(erasureRequests.id, id))
  return row ?? null
}

/** Pending requests, oldest first, for the worker's sweep. */
export async function pendingErasureIds(db: Db, limit = 20): Promise<string[]> {
  const rows = await db
    .select({ id: erasureRequests.id })
    .from(erasureRequests)
    .where(eq(erasureRequests.status, 'pending'))
    .orderBy(asc(erasureRequests.requestedAt))
    .limit(limit)
  return rows.map((r) => r.id)
}

/**
 * Locks a pending request for the caller's transaction; null when it is not pending or another
 * worker holds it (that worker will finish it).
 */
export async function claimErasureRequest(tx: Db, id: string): Promise<ErasureRequest | null> {
  const [row] = await tx
    .select(columns)
    .from(erasureRequests)
    .where(and(eq(erasureRequests.id, id), eq(erasureRequests.status, 'pending')))
    .for('update', { skipLocked: true })
  return row ?? null
}

/** Marks the request done with its report, and forgets whose it was: every request of the person loses the id. */
export async function completeErasureRequest(tx: Db, request: ErasureRequest, report: unknown) {
  await tx
    .update(erasureRequests)
    .set({ status: 'done', report, completedAt: new Date(), userId: null, error: null })
    .where(eq(erasureRequests.id, request.id))
  if (request.userId) {
    await tx.update(erasureRequests).set({ userId: null }).where(eq(erasureRequests.userId, request.userId))
  }
}

/** Records why an erasure could not be done (a code, never a value); staff retry it. */
export async function failErasureRequest(db: Db, id: string, error: string) {
  await db
    .update(erasureRequests)
    .set({ status: 'failed', error: error.slice(0, 500) })
    .where(and(eq(erasureRequests.id, id), eq(erasureRequests.status, 'pending')))
}
