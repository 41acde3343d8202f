import type { PaymentStatus } from './payments.tables.ts'

/**
 * Every move a payment may make, as data. What is not here is refused: a "pending" that arrives
 * after "captured" changes nothing, and a captured payment never fails.
 * - failed → captured: gateways (Razorpay's orders) let the payer try again on the same order.
 * - expired → captured: money that arrives after we gave up waiting is never ignored.
 */
export const paymentTransitions: Readonly<Record<PaymentStatus, readonly PaymentStatus[]>> = {
  created: ['pending', 'captured', 'failed', 'expired'],
  pending: ['captured', 'failed', 'expired'],
  failed: ['captured'],
  expired: ['captured'],
  captured: ['refunded'],
  refunded: [],
}

/** Statuses a payment can reach `to` from. */
export function statusesBefore(to: PaymentStatus): PaymentStatus[] {
  return (Object.keys(paymentTransitions) as PaymentStatus[]).filter((from) =>
    paymentTransitions[from].includes(to),
  )
}

export function canMove(from: PaymentStatus, to: PaymentStatus): boolean {
  return paymentTransitions[from].includes(to)
}

/** Statuses after which the payer's money question is answered (until a refund). */
export const settledStatuses: readonly PaymentStatus[] = ['captured', 'failed', 'expired']
