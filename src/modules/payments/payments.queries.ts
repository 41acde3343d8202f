import { asc, eq } from 'drizzle-orm'
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
