import { and, count, desc, eq, inArray } from 'drizzle-orm'
import type { Db } from '../../db/database.ts'
import { notFound } from '../../shared/errors.ts'
import {
  orderHistory,
  type OrderLine,
  orderLinesOf,
  type OrderSummary,
  type ShippingAddress,
} from './orders.ts'
import { orderItems, orders, type OrderStatus } from './orders.tables.ts'

// The seller's side of orders: the orders placed with one business, newest first, and one order
// with what the seller needs to fulfil it (the delivery name, address and phone, and the billing
// GSTIN, which the disclosure ledger records as given to the seller at checkout). Another
// business's order is NotFound, exactly like one that does not exist. Orders still awaiting
// payment are listed too (status pending_payment), so a seller sees what may come.

/** The most orders one page holds. */
export const SELLER_ORDERS_PAGE_SIZE = 20

export interface SellerOrderRow extends OrderSummary {
  buyerUserId: string
  itemCount: number
}

export interface SellerOrder extends OrderSummary {
  buyerUserId: string
  items: OrderLine[]
  delivery: ShippingAddress
  billingGstin: string | null
  poNumber: string | null
  history: Awaited<ReturnType<typeof orderHistory>>
}

const rowColumns = {
  id: orders.id,
  businessId: orders.businessId,
  buyerUserId: orders.buyerUserId,
  status: orders.status,
  taxablePaise: orders.taxablePaise,
  taxPaise: orders.taxPaise,
  deliveryPaise: orders.deliveryPaise,
  totalPaise: orders.totalPaise,
  reservationExpiresAt: orders.reservationExpiresAt,
  createdAt: orders.createdAt,
}

/** One page of the business's orders, newest first, optionally of one status, with the total count. */
export async function listSellerOrders(
  db: Db,
  businessId: number,
  filter: { status?: OrderStatus | undefined; page?: number | undefined } = {},
): Promise<{ orders: SellerOrderRow[]; total: number; page: number; pageSize: number }> {
  const page = filter.page ?? 1
  const where = and(
    eq(orders.businessId, businessId),
    filter.status ? eq(orders.status, filter.status) : undefined,
  )
  const [rows, [counted]] = await Promise.all([
    db
      .select(rowColumns)
      .from(orders)
      .where(where)
      .orderBy(desc(orders.createdAt), desc(orders.id))
      .limit(SELLER_ORDERS_PAGE_SIZE)
      .offset((page - 1) * SELLER_ORDERS_PAGE_SIZE),
    db.select({ n: count() }).from(orders).where(where),
  ])
  const counts = new Map<string, number>()
  if (rows.length > 0) {
    const lines = await db
      .select({ orderId: orderItems.orderId, n: count() })
      .from(orderItems)
      .where(
        inArray(
          orderItems.orderId,
          rows.map((r) => r.id),
        ),
      )
      .groupBy(orderItems.orderId)
    for (const l of lines) counts.set(l.orderId, Number(l.n))
  }
  return {
    orders: rows.map((r) => ({ ...r, businessId: Number(r.businessId), itemCount: counts.get(r.id) ?? 0 })),
    total: Number(counted?.n ?? 0),
    page,
    pageSize: SELLER_ORDERS_PAGE_SIZE,
  }
}

/** One of the business's orders in full; another business's is NotFound('order_not_found'). */
export async function getSellerOrder(db: Db, businessId: number, id: string): Promise<SellerOrder> {
  const [row] = await db
    .select({
      ...rowColumns,
      shipName: orders.shipName,
      shipLine1: orders.shipLine1,
      shipLine2: orders.shipLine2,
      shipCity: orders.shipCity,
      shipState: orders.shipState,
      shipPin: orders.shipPin,
      shipPhone: orders.shipPhone,
      billingGstin: orders.billingGstin,
      poNumber: orders.poNumber,
    })
    .from(orders)
    .where(and(eq(orders.id, id), eq(orders.businessId, businessId)))
  if (!row) throw notFound('order_not_found', 'There is no such order.')
  const { shipName, shipLine1, shipLine2, shipCity, shipState, shipPin, shipPhone, ...rest } = row
  const items = (await orderLinesOf(db, [id])).get(id) ?? []
  return {
    ...rest,
    businessId: Number(rest.businessId),
    items,
    delivery: {
      name: shipName,
      line1: shipLine1,
      line2: shipLine2,
      city: shipCity,
      state: shipState,
      pin: shipPin,
      phone: shipPhone,
    },
    history: await orderHistory(db, id),
  }
}

/** Who an order is between, for the flows that move it and write to the parties; null if unknown. */
export async function orderParties(
  db: Db,
  id: string,
): Promise<{
  buyerUserId: string
  businessId: number
  status: OrderStatus
  totalPaise: number
  itemCount: number
} | null> {
  const [row] = await db
    .select({
      buyerUserId: orders.buyerUserId,
      businessId: orders.businessId,
      status: orders.status,
      totalPaise: orders.totalPaise,
    })
    .from(orders)
    .where(eq(orders.id, id))
  if (!row) return null
  const [lines] = await db.select({ n: count() }).from(orderItems).where(eq(orderItems.orderId, id))
  return { ...row, businessId: Number(row.businessId), itemCount: Number(lines?.n ?? 0) }
}
