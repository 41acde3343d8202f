import { and, asc, desc, eq, inArray, lte, sql } from 'drizzle-orm'
import type { Db } from '../../db/database.ts'
import { notFound } from '../../shared/errors.ts'
import { releaseReservedStock } from './order-status.ts'
import { orderEvents, orderItems, orders, type OrderSource, type OrderStatus } from './orders.tables.ts'

// Writing and reading orders. An order is one seller's part of a checkout; the flow that places
// it (src/flows/checkout.ts) reserves the stock and records the disclosure in the same transaction.

export interface ShippingAddress {
  name: string
  line1: string
  line2: string | null
  city: string
  state: string
  pin: string
  phone: string
}

export interface NewOrderItem {
  productId: number
  title: string
  hsnCode: string | null
  unit: string
  unitPricePaise: number
  quantity: number
  gstRatePercent: number | null
  taxablePaise: number
  taxPaise: number | null
  stockReserved: boolean
}

export interface NewOrder {
  buyerUserId: string
  businessId: number
  shippingAddress: ShippingAddress
  billingGstin: string | null
  poNumber: string | null
  source: OrderSource
  enquiryId?: string | null
  quoteMessageId?: number | null
  /** Null means "to be agreed" with the seller. */
  deliveryPaise: number | null
  reservationExpiresAt: Date
  items: readonly NewOrderItem[]
}

export interface OrderSummary {
  id: string
  businessId: number
  status: OrderStatus
  taxablePaise: number
  taxPaise: number | null
  deliveryPaise: number | null
  totalPaise: number
  reservationExpiresAt: Date | null
  createdAt: Date
}

/**
 * Inserts a pending_payment order with its items and the event that opened it, inside the
 * caller's transaction. Totals are summed here from the items. Tax is null when any item's is.
 */
export async function createOrder(tx: Db, order: NewOrder): Promise<OrderSummary> {
  const taxablePaise = order.items.reduce((sum, i) => sum + i.taxablePaise, 0)
  const taxPaise = order.items.some((i) => i.taxPaise === null)
    ? null
    : order.items.reduce((sum, i) => sum + (i.taxPaise ?? 0), 0)
  const totalPaise = taxablePaise + (taxPaise ?? 0) + (order.deliveryPaise ?? 0)
  const address = order.shippingAddress
  const [row] = await tx
    .insert(orders)
    .values({
      buyerUserId: order.buyerUserId,
      businessId: order.businessId,
      status: 'pending_payment',
      taxablePaise,
      taxPaise,
      deliveryPaise: order.deliveryPaise,
      totalPaise,
      shipName: address.name,
      shipLine1: address.line1,
      shipLine2: address.line2,
      shipCity: address.city,
      shipState: address.state,
      shipPin: address.pin,
      shipPhone: address.phone,
      billingGstin: order.billingGstin,
      poNumber: order.poNumber,
      placeOfSupplyState: address.state,
      source: order.source,
      enquiryId: order.enquiryId ?? null,
      quoteMessageId: order.quoteMessageId ?? null,
      reservationExpiresAt: order.reservationExpiresAt,
    })
    .returning(summaryColumns)
  await tx.insert(orderItems).values(order.items.map((item) => ({ ...item, orderId: row!.id })))
  await tx
    .insert(orderEvents)
    .values({ orderId: row!.id, fromStatus: null, toStatus: 'pending_payment', actor: 'buyer' })
  return normalise(row!)
}

/**
 * Moves every pending order whose reservation ran out to `expired`, writes their events and puts
 * their stock back, all in one transaction. Returns the ids of the orders it expired.
 */
export async function releaseExpiredOrders(db: Db, now: Date = new Date()): Promise<string[]> {
  return db.transaction(async (tx) => {
    const expired = await tx
      .update(orders)
      .set({ status: 'expired', updatedAt: sql`now()` })
      .where(and(eq(orders.status, 'pending_payment'), lte(orders.reservationExpiresAt, now)))
      .returning({ id: orders.id })
    const ids = expired.map((o) => o.id)
    if (ids.length === 0) return []
    await tx.insert(orderEvents).values(
      ids.map((id) => ({
        orderId: id,
        fromStatus: 'pending_payment' as const,
        toStatus: 'expired' as const,
        actor: 'system' as const,
        reason: 'Payment was not completed in time; the reserved stock was released.',
      })),
    )
    await releaseReservedStock(tx, ids)
    return ids
  })
}

export interface OrderLine {
  productId: number
  title: string
  hsnCode: string | null
  unit: string
  unitPricePaise: number
  quantity: number
  gstRatePercent: number | null
  taxablePaise: number
  taxPaise: number | null
}

export interface BuyerOrder extends OrderSummary {
  items: OrderLine[]
}

/** The buyer's orders, newest first (at most 100), each with its lines. */
export async function listBuyerOrders(db: Db, buyerUserId: string): Promise<BuyerOrder[]> {
  const rows = await db
    .select(summaryColumns)
    .from(orders)
    .where(eq(orders.buyerUserId, buyerUserId))
    .orderBy(desc(orders.createdAt), desc(orders.id))
    .limit(100)
  return withItems(db, rows.map(normalise))
}

/** One of the buyer's orders; another buyer's order is NotFound('order_not_found') like a missing one. */
export async function getBuyerOrder(db: Db, buyerUserId: string, id: string): Promise<BuyerOrder> {
  const [row] = await db
    .select(summaryColumns)
    .from(orders)
    .where(and(eq(orders.id, id), eq(orders.buyerUserId, buyerUserId)))
  if (!row) throw notFound('order_not_found', 'There is no such order.')
  const [order] = await withItems(db, [normalise(row)])
  return order!
}

/** The current status of each of these orders, by id (an unknown id is absent). */
export async function orderStatuses(db: Db, ids: string[]): Promise<Map<string, OrderStatus>> {
  if (ids.length === 0) return new Map()
  const rows = await db
    .select({ id: orders.id, status: orders.status })
    .from(orders)
    .where(inArray(orders.id, ids))
  return new Map(rows.map((r) => [r.id, r.status]))
}

/** The status history of an order, oldest first. */
export async function orderHistory(db: Db, orderId: string) {
  return db
    .select({
      from: orderEvents.fromStatus,
      to: orderEvents.toStatus,
      actor: orderEvents.actor,
      reason: orderEvents.reason,
      at: orderEvents.createdAt,
    })
    .from(orderEvents)
    .where(eq(orderEvents.orderId, orderId))
    .orderBy(asc(orderEvents.createdAt), asc(orderEvents.id))
}

const summaryColumns = {
  id: orders.id,
  businessId: orders.businessId,
  status: orders.status,
  taxablePaise: orders.taxablePaise,
  taxPaise: orders.taxPaise,
  deliveryPaise: orders.deliveryPaise,
  totalPaise: orders.totalPaise,
  reservationExpiresAt: orders.reservationExpiresAt,
  createdAt: orders.createdAt,
}

type SummaryRow = { [K in keyof typeof summaryColumns]: OrderSummary[K] }

function normalise(row: SummaryRow): OrderSummary {
  return { ...row, businessId: Number(row.businessId) }
}

/** The lines of the given orders, by order id, in the order they were added. */
export async function orderLinesOf(db: Db, orderIds: readonly string[]): Promise<Map<string, OrderLine[]>> {
  const byOrder = new Map<string, OrderLine[]>()
  if (orderIds.length === 0) return byOrder
  const items = await db
    .select({
      orderId: orderItems.orderId,
      productId: orderItems.productId,
      title: orderItems.title,
      hsnCode: orderItems.hsnCode,
      unit: orderItems.unit,
      unitPricePaise: orderItems.unitPricePaise,
      quantity: orderItems.quantity,
      gstRatePercent: orderItems.gstRatePercent,
      taxablePaise: orderItems.taxablePaise,
      taxPaise: orderItems.taxPaise,
    })
    .from(orderItems)
    .where(inArray(orderItems.orderId, [...orderIds]))
    .orderBy(asc(orderItems.id))
  for (const { orderId, ...line } of items) {
    const lines = byOrder.get(orderId) ?? []
    lines.push({ ...line, productId: Number(line.productId) })
    byOrder.set(orderId, lines)
  }
  return byOrder
}

async function withItems(db: Db, list: OrderSummary[]): Promise<BuyerOrder[]> {
  const byOrder = await orderLinesOf(
    db,
    list.map((o) => o.id),
  )
  return list.map((o) => ({ ...o, items: byOrder.get(o.id) ?? [] }))
}
