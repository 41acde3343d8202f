import { sql } from 'drizzle-orm'
import { type Db, queryRows } from '../../db/database.ts'
import { conflict, notFound } from '../../shared/errors.ts'
import * as catalog from '../catalog/index.ts'
import type { OrderActor, OrderStatus } from './orders.tables.ts'

// The order's state machine, as data: the one table of allowed moves. transitionOrder is the only
// way an order changes status; it moves with one conditional UPDATE and writes the history row in
// the same statement, so two parties acting at once cannot both win.

export const orderTransitions: Readonly<Record<OrderStatus, readonly OrderStatus[]>> = {
  pending_payment: ['paid', 'cancelled', 'expired'],
  paid: ['accepted', 'cancelled'],
  accepted: ['dispatched', 'cancelled'],
  dispatched: ['delivered'],
  delivered: [],
  cancelled: [],
  expired: [],
}

/** The statuses an order may be in to move to `to`. */
export function allowedFrom(to: OrderStatus): OrderStatus[] {
  return (Object.keys(orderTransitions) as OrderStatus[]).filter((from) =>
    orderTransitions[from].includes(to),
  )
}

export function canTransition(from: OrderStatus, to: OrderStatus): boolean {
  return orderTransitions[from].includes(to)
}

/** Statuses in which the order no longer holds the stock it reserved. */
const releasesStock: readonly OrderStatus[] = ['cancelled', 'expired']

export interface TransitionResult {
  id: string
  from: OrderStatus
  to: OrderStatus
}

/**
 * Moves the order to `to` if its current status allows it, writes the event, and puts reserved
 * stock back when the order is cancelled or expires. Runs inside the caller's transaction. Throws
 * NotFound('order_not_found'), conflict('invalid_transition') naming the current status.
 */
export async function transitionOrder(
  tx: Db,
  id: string,
  to: OrderStatus,
  by: { by: OrderActor; reason?: string | null },
): Promise<TransitionResult> {
  const froms = allowedFrom(to)
  const [moved] = await queryRows<{ from_status: OrderStatus }>(
    tx,
    sql`with current as (
          select id, status from orders where id = ${id} for update
        ), moved as (
          update orders o set status = ${to}, updated_at = now()
          from current
          where o.id = current.id and current.status = any(${sqlTextArray(froms)})
          returning o.id, current.status as from_status
        )
        insert into order_events (order_id, from_status, to_status, actor, reason)
        select id, from_status, ${to}, ${by.by}, ${by.reason ?? null} from moved
        returning from_status`,
  )
  if (!moved) {
    const [row] = await queryRows<{ status: OrderStatus }>(
      tx,
      sql`select status from orders where id = ${id}`,
    )
    if (!row) throw notFound('order_not_found', 'There is no such order.')
    throw conflict(
      'invalid_transition',
      `This order is ${describeStatus(row.status)} and cannot be ${describeStatus(to)} now.`,
    )
  }
  if (releasesStock.includes(to)) await releaseReservedStock(tx, [id])
  return { id, from: moved.from_status, to }
}

/**
 * Puts back the stock the given orders reserved, in one statement, and marks their lines as no
 * longer holding it, so a second call releases nothing. Runs inside the caller's transaction.
 */
export async function releaseReservedStock(tx: Db, orderIds: readonly string[]): Promise<void> {
  if (orderIds.length === 0) return
  const lines = await queryRows<{ product_id: string | number; quantity: string | number }>(
    tx,
    sql`with released as (
          update order_items set stock_reserved = false
          where order_id = any(${sqlUuidArray(orderIds)}) and stock_reserved
          returning product_id, quantity
        )
        select product_id, sum(quantity)::bigint as quantity from released group by product_id`,
  )
  await catalog.releaseStock(
    tx,
    lines.map((l) => ({ productId: Number(l.product_id), quantity: Number(l.quantity) })),
  )
}

const statusWords: Record<OrderStatus, string> = {
  pending_payment: 'awaiting payment',
  paid: 'paid',
  accepted: 'accepted',
  dispatched: 'dispatched',
  delivered: 'delivered',
  cancelled: 'cancelled',
  expired: 'expired',
}

export function describeStatus(status: OrderStatus): string {
  return statusWords[status]
}

function sqlTextArray(values: readonly string[]) {
  return sql`array[${sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )}]::text[]`
}

function sqlUuidArray(values: readonly string[]) {
  return sql`array[${sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )}]::uuid[]`
}
