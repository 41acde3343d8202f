import type { Db } from '../db/database.ts'
import * as orders from '../modules/orders/index.ts'
import * as payments from '../modules/payments/index.ts'
import { type OrderSettlement, settleOrderPayment } from './checkout.ts'

// Closing the loop between a captured payment and its orders. The webhook route calls
// settlePaymentForOrders right after its transaction commits a capture; the orders.settle-payments
// job (every minute, and after payments.reconcile) sweeps what a crash, a failure or the
// reconciler left: captured order payments whose orders still wait for payment, or whose orders
// all expired or were cancelled before the money came (then the payment is refunded in full). Every
// step is idempotent, so a crash between any two of them is caught up by the next sweep.

/** How far back the sweeper looks for captured payments (by when they were captured). */
export const SETTLE_SWEEP_HOURS = 24

/** Where the flows report what needs a person; never given personal data. */
export interface SettlementLog {
  warn(details: Record<string, unknown>, message: string): void
}

export interface PaymentSettlement extends OrderSettlement {
  /** Every order the payment was for was late: the whole payment went back to the payer. */
  refunded: boolean
  /**
   * Late orders of a payment whose other orders were paid: there is no partial refund yet, so
   * their share is left to staff (logged as a warning with the payment and order ids).
   */
  forStaff: string[]
}

/**
 * Marks a captured payment's orders paid (settleOrderPayment) and, when the money came too late
 * for all of them (each expired or was cancelled without ever being paid), refunds the payment in
 * full so nobody is charged for nothing. Safe to repeat. Throws what the gateway's refund throws.
 */
export async function settlePaymentForOrders(
  db: Db,
  gateways: ReadonlyMap<string, payments.PaymentGateway>,
  paymentId: string,
  deps: { log?: SettlementLog } = {},
): Promise<PaymentSettlement> {
  const settlement = await settleOrderPayment(db, paymentId)
  const result: PaymentSettlement = { ...settlement, refunded: false, forStaff: [] }
  if (settlement.late.length === 0) return result
  // An order paid earlier and cancelled since is not late money: whoever cancelled it refunds it.
  const late: string[] = []
  for (const id of settlement.late) {
    const history = await orders.orderHistory(db, id)
    if (!history.some((event) => event.to === 'paid')) late.push(id)
  }
  if (late.length === 0) return result
  if (
    settlement.paid.length > 0 ||
    settlement.alreadyPaid.length > 0 ||
    late.length < settlement.late.length
  ) {
    result.forStaff = late
    deps.log?.warn(
      { paymentId, orderIds: late },
      'payment captured after some of its orders expired or were cancelled: refund their share by hand',
    )
    return result
  }
  const payment = await payments.findPayment(db, paymentId)
  const gateway = payment ? gateways.get(payment.gateway) : undefined
  if (!payment || !gateway) throw new Error(`no gateway to refund payment ${paymentId}`)
  if (payment.status !== 'captured') return result
  await payments.refundPayment(db, gateway, paymentId)
  result.refunded = true
  return result
}

export interface SettlementSweep {
  /** Payments whose waiting orders this sweep marked paid. */
  settled: number
  /** Payments refunded because every order they were for was late. */
  refunded: number
  /** Payments that failed this time (logged); the next sweep tries again. */
  failed: number
}

/**
 * The sweeper: captured order payments of the last SETTLE_SWEEP_HOURS whose orders still wait for
 * payment, or were all late, are settled as the webhook would have. One payment's failure is
 * logged and does not stop the others.
 */
export async function settleCapturedPayments(
  db: Db,
  gateways: ReadonlyMap<string, payments.PaymentGateway>,
  now: Date,
  deps: { log?: SettlementLog } = {},
): Promise<SettlementSweep> {
  const sweep: SettlementSweep = { settled: 0, refunded: 0, failed: 0 }
  const since = new Date(now.getTime() - SETTLE_SWEEP_HOURS * 3_600_000)
  const pageSize = 500
  let after: payments.Payment | undefined
  for (;;) {
    const page = await payments.listCapturedPayments(db, { purpose: 'orders', since, limit: pageSize, after })
    if (page.length === 0) break
    const statuses = await orders.orderStatuses(
      db,
      page.flatMap((p) => p.referenceIds),
    )
    for (const payment of page) {
      const known = payment.referenceIds.flatMap((id) => statuses.get(id) ?? [])
      const waiting = known.includes('pending_payment')
      const allLate = known.length > 0 && known.every((s) => s === 'expired' || s === 'cancelled')
      if (!waiting && !allLate) continue
      try {
        const result = await settlePaymentForOrders(db, gateways, payment.id, deps)
        if (result.paid.length > 0) sweep.settled++
        if (result.refunded) sweep.refunded++
      } catch (error) {
        sweep.failed++
        deps.log?.warn(
          { paymentId: payment.id, error: errorKind(error) },
          'settling a captured payment failed; the next sweep tries again',
        )
      }
    }
    if (page.length < pageSize) break
    after = page[page.length - 1]
  }
  return sweep
}

/** What kind of failure it was, for a log line: an error code or class, never its message (values). */
export function errorKind(error: unknown): string {
  const { code, name } = (error ?? {}) as { code?: unknown; name?: unknown }
  return typeof code === 'string' ? code : typeof name === 'string' ? name : 'unknown'
}
