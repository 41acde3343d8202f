import { and, asc, inArray, lt } from 'drizzle-orm'
import type { Db } from '../../db/database.ts'
import type { GatewayStatus, PaymentGateway } from './gateway.ts'
import { movePayment } from './payment-moves.ts'
import { payments } from './payments.tables.ts'

export interface ReconcilePolicy {
  /** A payment unchanged this long is asked about at its gateway. */
  askAfterMinutes: number
  /** A payment the gateway still calls open this long after it was started is expired. */
  expireAfterMinutes: number
  /** How many payments one run asks about. */
  batch: number
}

export const reconcilePolicy: ReconcilePolicy = { askAfterMinutes: 15, expireAfterMinutes: 60, batch: 200 }

export interface ReconcileReport {
  asked: number
  captured: number
  failed: number
  expired: number
  refunded: number
  unchanged: number
  errors: number
}

/**
 * The `payments.reconcile` job: webhooks get lost, so payments still created or pending after
 * `askAfterMinutes` are asked of their gateway (`fetchStatus`) and settled as it says; one the
 * payer abandoned is expired after `expireAfterMinutes`. A gateway that does not answer is asked
 * again on the next run. Every move goes through the transition table, so a webhook that lands
 * in between wins or loses cleanly.
 */
export async function reconcilePayments(
  db: Db,
  gateways: ReadonlyMap<string, PaymentGateway>,
  now: Date,
  policy: ReconcilePolicy = reconcilePolicy,
): Promise<ReconcileReport> {
  const report: ReconcileReport = {
    asked: 0,
    captured: 0,
    failed: 0,
    expired: 0,
    refunded: 0,
    unchanged: 0,
    errors: 0,
  }
  const stale = await db
    .select({
      id: payments.id,
      gateway: payments.gateway,
      gatewayRef: payments.gatewayRef,
      createdAt: payments.createdAt,
    })
    .from(payments)
    .where(
      and(
        inArray(payments.status, ['created', 'pending']),
        lt(payments.updatedAt, new Date(now.getTime() - policy.askAfterMinutes * 60_000)),
      ),
    )
    .orderBy(asc(payments.updatedAt))
    .limit(policy.batch)
  for (const payment of stale) {
    const gateway = gateways.get(payment.gateway)
    if (!gateway) {
      report.errors += 1
      continue
    }
    let status: GatewayStatus = 'open'
    if (payment.gatewayRef) {
      report.asked += 1
      try {
        status = await gateway.fetchStatus(payment.gatewayRef)
      } catch {
        report.errors += 1
        continue
      }
    }
    const abandoned = now.getTime() - payment.createdAt.getTime() >= policy.expireAfterMinutes * 60_000
    const move = (to: 'pending' | 'captured' | 'failed' | 'expired' | 'refunded') =>
      movePayment(db, { paymentId: payment.id, to, source: 'reconciler' })
    if (status === 'captured' || status === 'refunded') {
      const captured = await move('captured')
      if (captured.moved) report.captured += 1
      if (status === 'refunded' && (await move('refunded')).moved) report.refunded += 1
      if (!captured.moved && status === 'captured') report.unchanged += 1
    } else if (status === 'failed') {
      if ((await move('failed')).moved) report.failed += 1
      else report.unchanged += 1
    } else if (abandoned) {
      if ((await move('expired')).moved) report.expired += 1
      else report.unchanged += 1
    } else {
      if (status === 'pending') await move('pending')
      report.unchanged += 1
    }
  }
  return report
}
