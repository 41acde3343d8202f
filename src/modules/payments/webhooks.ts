import type { IncomingHttpHeaders } from 'node:http'
import { and, eq, sql } from 'drizzle-orm'
import type { Db } from '../../db/database.ts'
import type { PaymentGateway } from './gateway.ts'
import { movePayment } from './payment-moves.ts'
import { payments, webhookEvents } from './payments.tables.ts'

export type WebhookOutcome = 'applied' | 'ignored' | 'unknown_payment' | 'amount_mismatch' | 'duplicate'

/**
 * Takes one gateway notification: verifies its signature over the raw body (throws WebhookRejected,
 * and nothing is written), records its event id — the unique index decides, in the insert, that a
 * repeated event is a duplicate — and applies it, all in one short transaction (ADR 016): the
 * state change is one conditional UPDATE, so there is nothing slow to hand to a job, and the
 * gateway's retry covers a crash before the commit. Stale or repeated news changes nothing.
 */
export async function receiveWebhook(
  db: Db,
  gateway: PaymentGateway,
  rawBody: Buffer,
  headers: IncomingHttpHeaders,
): Promise<{ outcome: WebhookOutcome; paymentId: string | null }> {
  const event = gateway.verifyWebhook(rawBody, headers)
  return db.transaction(async (tx) => {
    const [received] = await tx
      .insert(webhookEvents)
      .values({ gateway: gateway.code, eventId: event.id, eventType: event.type })
      .onConflictDoNothing({ target: [webhookEvents.gateway, webhookEvents.eventId] })
      .returning({ id: webhookEvents.id })
    if (!received) return { outcome: 'duplicate' as const, paymentId: null }
    const [payment] = await tx
      .select({ id: payments.id, amountPaise: payments.amountPaise })
      .from(payments)
      .where(and(eq(payments.gateway, gateway.code), eq(payments.gatewayRef, event.gatewayRef)))
    let outcome: WebhookOutcome = 'unknown_payment'
    if (
      payment &&
      event.outcome === 'captured' &&
      event.amountPaise !== undefined &&
      event.amountPaise !== payment.amountPaise
    ) {
      // Money that does not match the payment settles nothing; the record says why.
      outcome = 'amount_mismatch'
    } else if (payment) {
      const moved = await movePayment(tx, {
        paymentId: payment.id,
        to: event.outcome,
        source: 'webhook',
        gatewayEventId: event.id,
      })
      outcome = moved.moved ? 'applied' : 'ignored'
    }
    await tx
      .update(webhookEvents)
      .set({ paymentId: payment?.id ?? null, outcome, processedAt: sql`now()` })
      .where(eq(webhookEvents.id, received.id))
    return { outcome, paymentId: payment?.id ?? null }
  })
}
