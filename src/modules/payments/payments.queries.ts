import { and, arrayContains, arrayOverlaps, asc, desc, eq, gte, sql } from 'drizzle-orm'
import type { Db } from '../../db/database.ts'
import { conflict, notFound } from '../../shared/errors.ts'
import type { PaymentGateway } from './gateway.ts'
import { movePayment } from './payment-moves.ts'
import { paymentEvents, payments } from './payments.tables.ts'

export type Payment = typeof payments.$inferSelect
export type PaymentEvent = typeof paymentEvents.$inferSelect

/** One payment, or null. */
export async function findPayment(db: Db, id: string): Promise<Payment | null> {
  const [row] = await db.select().from(payments).where(eq(payments.id, id))
  return row ?? null
}

/**
 * Captured payments for `purpose` that reached captured at or after `since`, in pages of `limit`
 * (default 500) in capture order; pass the last one of a page as `after` for the next. What a
 * caller that owns the referenced things sweeps to settle them.
 */
export async function listCapturedPayments(
  db: Db,
  options: { purpose: string; since: Date; limit?: number; after?: Pick<Payment, 'id' | 'settledAt'> },
): Promise<Payment[]> {
  const after = options.after
  return db
    .select()
    .from(payments)
    .where(
      and(
        eq(payments.status, 'captured'),
        eq(payments.purpose, options.purpose),
        gte(payments.settledAt, options.since),
        after?.settledAt
          ? sql`(${payments.settledAt}, ${payments.id}) > (${after.settledAt.toISOString()}::timestamptz, ${after.id}::uuid)`
          : undefined,
      ),
    )
    .orderBy(asc(payments.settledAt), asc(payments.id))
    .limit(options.limit ?? 500)
}

/** The newest payment whose references include `referenceId` (an order id), or null. */
export async function latestPaymentFor(db: Db, referenceId: string): Promise<Payment | null> {
  const [row] = await db
    .select()
    .from(payments)
    .where(arrayContains(payments.referenceIds, [referenceId]))
    .orderBy(desc(payments.createdAt), desc(payments.id))
    .limit(1)
  return row ?? null
}

/** The newest payment for each of these references, by reference id (absent: none). */
export async function latestPaymentsFor(db: Db, referenceIds: string[]): Promise<Map<string, Payment>> {
  const found = new Map<string, Payment>()
  if (referenceIds.length === 0) return found
  const rows = await db
    .select()
    .from(payments)
    .where(arrayOverlaps(payments.referenceIds, referenceIds))
    .orderBy(desc(payments.createdAt), desc(payments.id))
  const wanted = new Set(referenceIds)
  for (const row of rows)
    for (const id of row.referenceIds) if (wanted.has(id) && !found.has(id)) found.set(id, row)
  return found
}

/** A payment's history, oldest first. */
export async function listPaymentEvents(db: Db, paymentId: string): Promise<PaymentEvent[]> {
  return db
    .select()
    .from(paymentEvents)
    .where(eq(paymentEvents.paymentId, paymentId))
    .orderBy(asc(paymentEvents.id))
}

/**
 * The payer came back from the gateway's page: a created payment becomes pending (the outcome is
 * the gateway's to tell, by webhook or to the reconciler). Anything later is left as it is.
 */
export async function notePayerReturned(db: Db, paymentId: string) {
  return movePayment(db, { paymentId, to: 'pending', source: 'redirect' })
}

/**
 * Refunds a captured payment in full at its gateway, then marks it refunded. Throws
 * NotFoundError('payment_not_found') or ConflictError('payment_not_refundable').
 */
export async function refundPayment(db: Db, gateway: PaymentGateway, paymentId: string) {
  const payment = await findPayment(db, paymentId)
  if (!payment || payment.gateway !== gateway.code)
    throw notFound('payment_not_found', 'There is no such payment.')
  if (payment.status !== 'captured' || !payment.gatewayRef)
    throw conflict('payment_not_refundable', 'Only a payment that went through can be refunded.')
  await gateway.refund(payment.gatewayRef, payment.amountPaise)
  const moved = await movePayment(db, { paymentId, to: 'refunded', source: 'refund' })
  if (!moved.moved) throw conflict('payment_not_refundable', 'This payment was refunded already.')
}
