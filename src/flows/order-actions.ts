import { z } from 'zod'
import type { Db } from '../db/database.ts'
import * as accounts from '../modules/accounts/index.ts'
import * as messaging from '../modules/messaging/index.ts'
import * as orders from '../modules/orders/index.ts'
import * as payments from '../modules/payments/index.ts'
import { conflict, notFound } from '../shared/errors.ts'
import { parseInput } from '../shared/validation.ts'

// What the seller and the buyer do to an order after it is placed. The seller accepts a paid
// order, dispatches an accepted one (carrier and tracking number, kept in the status history), or
// cancels either with a reason the buyer sees; the buyer cancels before dispatch. Each move is
// transitionOrder's one conditional statement (a refused move is a 409 naming the current status),
// and the mail to the other party is queued in the same transaction. Cancelling gives the reserved
// stock back (transitionOrder does) and refunds a paid order: in full when its payment was for it
// alone, after the transaction commits (the gateway is outside it); a payment that also covered
// other orders cannot be part-refunded yet, so the order's share is logged for staff, as
// settle-payments does for partly late payments. Another seller's or buyer's order is a 404.

/** Where a cancel reports a refund that needs a person (as settle-payments does); never given personal data. */
export interface SettlementLog {
  warn(details: Record<string, unknown>, message: string): void
}

/** What happened to the money of a cancelled order. */
export type RefundState = 'issued' | 'pending_staff' | 'none'

export interface OrderActionResult {
  id: string
  status: orders.OrderStatus
  refund?: RefundState
}

export const DispatchInput = z.object({
  carrier: z
    .string({ error: 'Enter the carrier (the courier or transporter), at most 60 characters.' })
    .trim()
    .min(1, 'Enter the carrier (the courier or transporter), at most 60 characters.')
    .max(60, 'The carrier can be at most 60 characters.'),
  trackingNumber: z
    .string({ error: 'Enter the tracking number (LR or AWB number), at most 40 characters.' })
    .trim()
    .min(1, 'Enter the tracking number (LR or AWB number), at most 40 characters.')
    .max(40, 'The tracking number can be at most 40 characters.'),
})

export const SellerCancelInput = z.object({
  reason: z
    .string({ error: 'Tell the buyer why the order is cancelled, in 10 to 500 characters.' })
    .trim()
    .min(10, 'Tell the buyer why the order is cancelled, in 10 to 500 characters.')
    .max(500, 'The reason can be at most 500 characters.'),
})

export const BuyerCancelInput = z.object({
  reason: z.string().trim().max(500, 'The reason can be at most 500 characters.').optional(),
})

type Seller = { businessId: number }
type Gateways = ReadonlyMap<string, payments.PaymentGateway>

/** The seller accepts a paid order. Throws NotFound('order_not_found'), conflict('invalid_transition'). */
export async function acceptOrder(db: Db, seller: Seller, id: string): Promise<OrderActionResult> {
  return db.transaction(async (tx) => {
    const parties = await sellersOrder(tx, seller, id)
    await orders.transitionOrder(tx, id, 'accepted', { by: 'seller' })
    await mailBuyer(tx, parties.buyerUserId, 'order-accepted', id, { orderId: id })
    return { id, status: 'accepted' }
  })
}

/** The seller dispatches an accepted order. Throws invalid (every field at once), NotFound, conflict. */
export async function dispatchOrder(
  db: Db,
  seller: Seller,
  id: string,
  input: unknown,
): Promise<OrderActionResult> {
  const { carrier, trackingNumber } = parseInput(DispatchInput, input)
  return db.transaction(async (tx) => {
    const parties = await sellersOrder(tx, seller, id)
    await orders.transitionOrder(tx, id, 'dispatched', {
      by: 'seller',
      reason: `Dispatched with ${carrier}, tracking number ${trackingNumber}.`,
    })
    await mailBuyer(tx, parties.buyerUserId, 'order-dispatched', id, { orderId: id, carrier, trackingNumber })
    return { id, status: 'dispatched' }
  })
}

/** The seller cancels a paid or accepted order with a reason; refunds it. Throws invalid, NotFound, conflict. */
export async function sellerCancelOrder(
  db: Db,
  gateways: Gateways,
  seller: Seller,
  id: string,
  input: unknown,
  deps: { log?: SettlementLog } = {},
): Promise<OrderActionResult> {
  const { reason } = parseInput(SellerCancelInput, input)
  return cancel(db, gateways, id, 'seller', reason, deps, async (tx) => {
    const parties = await sellersOrder(tx, seller, id)
    if (parties.status === 'pending_payment')
      throw conflict(
        'invalid_transition',
        `This order is ${orders.describeStatus(parties.status)} and cannot be cancelled by the seller now; it is cancelled on its own if it is not paid in time.`,
      )
    return parties
  })
}

/** The buyer cancels their order before it is dispatched; refunds it. Throws invalid, NotFound, conflict('already_dispatched'). */
export async function buyerCancelOrder(
  db: Db,
  gateways: Gateways,
  buyerUserId: string,
  id: string,
  input: unknown,
  deps: { log?: SettlementLog } = {},
): Promise<OrderActionResult> {
  const { reason } = parseInput(BuyerCancelInput, input ?? {})
  return cancel(db, gateways, id, 'buyer', reason || null, deps, async (tx) => {
    const parties = await orders.orderParties(tx, id)
    if (!parties || parties.buyerUserId !== buyerUserId)
      throw notFound('order_not_found', 'There is no such order.')
    if (parties.status === 'dispatched' || parties.status === 'delivered')
      throw conflict(
        'already_dispatched',
        `This order is already ${orders.describeStatus(parties.status)}, so it can no longer be cancelled. Contact the seller about a return.`,
      )
    return parties
  })
}

type Parties = NonNullable<Awaited<ReturnType<typeof orders.orderParties>>>

async function cancel(
  db: Db,
  gateways: Gateways,
  id: string,
  by: 'buyer' | 'seller',
  reason: string | null,
  deps: { log?: SettlementLog },
  check: (tx: Db) => Promise<Parties>,
): Promise<OrderActionResult> {
  const plan = await db.transaction(async (tx) => {
    const parties = await check(tx)
    const moved = await orders.transitionOrder(tx, id, 'cancelled', { by, reason })
    let refund: RefundState = 'none'
    let payment: payments.Payment | null = null
    if (moved.from === 'paid' || moved.from === 'accepted') {
      payment = await payments.latestPaymentFor(tx, id)
      if (payment?.status === 'captured')
        refund =
          payment.referenceIds.length === 1 && payment.referenceIds[0] === id ? 'issued' : 'pending_staff'
    }
    await mailBuyer(tx, parties.buyerUserId, 'order-cancelled', id, {
      orderId: id,
      cancelledBy: by,
      reason,
      refund,
    })
    return { refund, payment }
  })
  let refund = plan.refund
  if (refund === 'issued' && plan.payment) {
    try {
      const gateway = gateways.get(plan.payment.gateway)
      if (!gateway) throw new Error(`no gateway ${plan.payment.gateway}`)
      await payments.refundPayment(db, gateway, plan.payment.id)
    } catch (error) {
      refund = 'pending_staff'
      deps.log?.warn(
        {
          paymentId: plan.payment.id,
          orderIds: [id],
          error: (error as { code?: string })?.code ?? 'unknown',
        },
        'refunding a cancelled order failed: refund it by hand',
      )
    }
  } else if (refund === 'pending_staff' && plan.payment) {
    deps.log?.warn(
      { paymentId: plan.payment.id, orderIds: [id] },
      'paid order cancelled whose payment also covered other orders: refund its share by hand',
    )
  }
  return { id, status: 'cancelled', refund }
}

async function sellersOrder(tx: Db, seller: Seller, id: string): Promise<Parties> {
  const parties = await orders.orderParties(tx, id)
  if (!parties || parties.businessId !== seller.businessId)
    throw notFound('order_not_found', 'There is no such order.')
  return parties
}

type BuyerKind = 'order-accepted' | 'order-dispatched' | 'order-cancelled'

/** Queues a mail to the buyer in the move's transaction; an unreachable address is skipped, never thrown. */
async function mailBuyer<K extends BuyerKind>(
  tx: Db,
  buyerUserId: string,
  kind: K,
  orderId: string,
  data: messaging.MessageData<K>,
): Promise<void> {
  const contact = await accounts.personContact(tx, buyerUserId)
  if (!contact?.email) return
  await messaging.queueMessage(tx, {
    kind,
    toUserId: buyerUserId,
    to: { email: contact.email },
    data,
    idempotencyKey: `${kind}:${orderId}`,
  } as messaging.QueueMessageInput<K>)
}

/**
 * Tells the seller a paid order is waiting (settleOrderPayment calls it in the transaction that
 * marks the order paid). Best effort: an unreachable address is skipped.
 */
export async function mailSellerOrderPaid(tx: Db, orderId: string): Promise<void> {
  const parties = await orders.orderParties(tx, orderId)
  if (!parties) return
  const seller = await accounts.sellerContact(tx, parties.businessId)
  if (!seller) return
  await messaging.queueMessage(tx, {
    kind: 'order-received',
    toUserId: seller.ownerUserId,
    to: { email: seller.businessEmail ?? seller.ownerEmail },
    data: { orderId, totalPaise: parties.totalPaise, itemCount: Math.max(parties.itemCount, 1) },
    idempotencyKey: `order-received:${orderId}`,
  })
}
