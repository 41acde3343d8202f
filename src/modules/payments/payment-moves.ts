import { sql } from 'drizzle-orm'
import { type Db, queryRows } from '../../db/database.ts'
import { statusesBefore } from './payment-status.ts'
import type { PaymentEventSource, PaymentStatus } from './payments.tables.ts'

export type MoveResult = { moved: true; from: PaymentStatus } | { moved: false }

/**
 * Moves a payment to `to` if the transition table allows it from its current status, and appends
 * the event — one statement, so two copies of the same news cannot both move it. A refused move
 * (stale or repeated news) changes nothing and returns `{ moved: false }`.
 */
export async function movePayment(
  tx: Db,
  move: { paymentId: string; to: PaymentStatus; source: PaymentEventSource; gatewayEventId?: string },
): Promise<MoveResult> {
  const from = statusesBefore(move.to)
  if (from.length === 0) return { moved: false }
  const settles = move.to === 'captured' || move.to === 'failed' || move.to === 'expired'
  const [row] = await queryRows<{ from_status: PaymentStatus }>(
    tx,
    sql`with current as (
          select id, status from payments where id = ${move.paymentId} for update
        ), moved as (
          update payments p
             set status = ${move.to},
                 updated_at = now(),
                 settled_at = case when ${settles}::boolean then now() else p.settled_at end
            from current
           where p.id = current.id
             and current.status in (${sql.join(
               from.map((s) => sql`${s}`),
               sql`, `,
             )})
          returning p.id, current.status as from_status
        )
        insert into payment_events (payment_id, from_status, to_status, source, gateway_event_id)
        select id, from_status, ${move.to}, ${move.source}, ${move.gatewayEventId ?? null} from moved
        returning from_status`,
  )
  return row ? { moved: true, from: row.from_status } : { moved: false }
}
