import type { Db } from '../db/database.ts'
import * as accounts from '../modules/accounts/index.ts'
import * as catalog from '../modules/catalog/index.ts'
import * as orders from '../modules/orders/index.ts'
import * as payments from '../modules/payments/index.ts'
import * as privacy from '../modules/privacy/index.ts'
import { type AppError, conflict, forbidden, invalid, unauthenticated } from '../shared/errors.ts'
import { mailSellerOrderPaid } from './order-actions.ts'

// Placing orders from a cart (or a list of items): one order per seller, all in one transaction
// with the stock they take and the disclosure ledger entries for what each seller now sees. Stock
// is taken by one conditional UPDATE per product (catalog.reserveStock), in product id order so two
// checkouts never wait on each other in a circle; if any product ran out, the whole checkout rolls
// back and the buyer is told which one. Orders wait for payment until `reservationExpiresAt`; the
// orders.release-expired job gives the stock back after that.

/** How long a checkout holds the stock while the buyer pays. */
export const RESERVATION_MINUTES = 30

/** The largest checkout paid online at once: ₹10 crore, the payments module's single-payment limit. */
const MAX_CHECKOUT_PAISE = 10_000_000_000

export interface PlaceOrdersInput {
  buyerId: string
  items?: unknown
  shippingAddress?: unknown
  billingGstin?: unknown
  poNumber?: unknown
}

export interface PlacedOrder {
  id: string
  sellerId: number
  sellerName: string
  totalPaise: number
  status: orders.OrderStatus
}

export interface PlacedCheckout {
  orders: PlacedOrder[]
  totalPaise: number
  reservationExpiresAt: Date
}

/**
 * Places one pending_payment order per seller and reserves their stock. Throws invalid (every
 * input problem at once; a product below its MOQ, price on request or without tax details, named),
 * NotFound('product_not_found'), conflict('out_of_stock') naming the product that ran out,
 * forbidden('profile_incomplete') before the buyer's email is confirmed.
 */
export async function placeOrders(
  db: Db,
  input: PlaceOrdersInput,
  deps: { now?: () => Date } = {},
): Promise<PlacedCheckout> {
  const { buyerId, ...fields } = input
  const request = orders.parseCheckout(fields)
  const facts = await accounts.profileFactsOf(db, buyerId)
  if (!facts) throw unauthenticated()
  if (!facts.emailVerifiedAt)
    throw forbidden('profile_incomplete', 'Confirm your email address before placing an order.')
  const now = deps.now?.() ?? new Date()
  const reservationExpiresAt = new Date(now.getTime() + RESERVATION_MINUTES * 60_000)

  return db.transaction(async (tx) => {
    const fromCart = request.items === null
    const lines = request.items ?? (await orders.cartLines(tx, buyerId))
    if (lines.length === 0)
      throw invalid('cart_empty', 'Your cart is empty. Add products to it, or list the items to order.')

    const products = await catalog.productsForOrder(
      tx,
      lines.map((l) => l.productId),
    )
    const own = await accounts.businessIdsOwnedBy(tx, buyerId)
    const checked = lines.map((line) => ({
      line,
      check: orders.checkOrderable(products.get(line.productId), line.quantity, own),
    }))
    throwProductProblems(checked.map(({ check }) => (check.ok ? null : atCheckout(check.error))))

    const ready = checked.map(({ line, check }) => {
      if (!check.ok) throw check.error
      return { quantity: line.quantity, product: check.product }
    })
    const total = ready.reduce((sum, r) => sum + r.product.pricePaise * r.quantity, 0)
    if (total > MAX_CHECKOUT_PAISE)
      throw invalid(
        'checkout_too_large',
        'This checkout comes to more than ₹10 crore, the most one online payment can be. Order in parts, or send the sellers an enquiry.',
      )

    const reserved = new Set<number>()
    for (const { product, quantity } of [...ready].sort((a, b) => a.product.id - b.product.id)) {
      if (await catalog.reserveStock(tx, product.id, quantity)) reserved.add(product.id)
    }

    const sellerIds = [...new Set(ready.map((r) => r.product.businessId))]
    const sellers = await accounts.businessCards(tx, sellerIds)
    const placed: PlacedOrder[] = []
    for (const sellerId of sellerIds) {
      const seller = sellers.get(sellerId)
      const items = ready
        .filter((r) => r.product.businessId === sellerId)
        .map(({ product, quantity }) => {
          const priced = orders.priceLine(
            { unitPricePaise: product.pricePaise, quantity, gstRatePercent: product.gstRatePercent },
            { seller: seller?.state ?? null, placeOfSupply: request.shippingAddress.state },
          )
          return {
            productId: product.id,
            title: product.title,
            hsnCode: product.hsnCode,
            unit: product.unit,
            unitPricePaise: product.pricePaise,
            quantity,
            gstRatePercent: product.gstRatePercent,
            taxablePaise: priced.taxablePaise,
            taxPaise: priced.taxPaise,
            stockReserved: reserved.has(product.id),
          }
        })
      const order = await orders.createOrder(tx, {
        buyerUserId: buyerId,
        businessId: sellerId,
        shippingAddress: request.shippingAddress,
        billingGstin: request.billingGstin,
        poNumber: request.poNumber,
        source: 'cart',
        // No seller sets a delivery charge yet: it is agreed with the seller after the order.
        deliveryPaise: null,
        reservationExpiresAt,
        items,
      })
      const recipient = `${seller?.name ?? 'Seller'} (seller)`
      // The seller sees the order, and with it where and to whom to deliver, from this commit on.
      await privacy.recordOutbound(tx, orders.orderToSellerPath, {
        subjectUserId: buyerId,
        recipient,
        reference: `order:${order.id}`,
      })
      if (request.billingGstin)
        await privacy.recordOutbound(tx, orders.billingToSellerPath, {
          subjectUserId: buyerId,
          recipient,
          reference: `order-billing:${order.id}`,
        })
      placed.push({
        id: order.id,
        sellerId,
        sellerName: seller?.name ?? 'Seller',
        totalPaise: order.totalPaise,
        status: order.status,
      })
    }
    if (fromCart)
      await orders.clearCartLines(
        tx,
        buyerId,
        lines.map((l) => l.productId),
      )
    return {
      orders: placed,
      totalPaise: placed.reduce((sum, o) => sum + o.totalPaise, 0),
      reservationExpiresAt,
    }
  })
}

export interface CheckoutWithPayment extends PlacedCheckout {
  payment: { id: string; gateway: string; redirectUrl: string }
}

/**
 * Places the orders (placeOrders) and starts one payment for their total at the gateway, with
 * the order ids as its references. If the gateway refuses, the orders are cancelled at once and
 * their stock goes back, and the error is rethrown. Throws what placeOrders throws.
 */
export async function checkoutAndPay(
  db: Db,
  gateway: payments.PaymentGateway,
  input: PlaceOrdersInput & { returnUrl: string },
  deps: { now?: () => Date } = {},
): Promise<CheckoutWithPayment> {
  const { returnUrl, ...order } = input
  const placed = await placeOrders(db, order, deps)
  return payForOrders(db, gateway, { buyerId: input.buyerId, returnUrl }, placed)
}

/**
 * Starts one payment for placed orders' total at the gateway, with the order ids as its
 * references. If the gateway refuses, the orders are cancelled at once and their stock goes back,
 * and the error is rethrown. Checkout and an accepted quote (accept-quote.ts) both pay this way.
 */
export async function payForOrders<Placed extends { orders: readonly { id: string }[]; totalPaise: number }>(
  db: Db,
  gateway: payments.PaymentGateway,
  input: { buyerId: string; returnUrl: string },
  placed: Placed,
): Promise<Placed & { payment: CheckoutWithPayment['payment'] }> {
  const [contact, card] = await Promise.all([
    accounts.personContact(db, input.buyerId),
    accounts.personCards(db, [input.buyerId]).then((cards) => cards.get(input.buyerId)),
  ])
  try {
    const payment = await payments.startPayment(db, gateway, {
      payerUserId: input.buyerId,
      amountPaise: placed.totalPaise,
      purpose: 'orders',
      references: placed.orders.map((o) => o.id),
      payer: { name: card?.name ?? '', email: contact?.email ?? '', phone: contact?.phone ?? null },
      returnUrl: input.returnUrl,
    })
    return { ...placed, payment }
  } catch (error) {
    await db.transaction(async (tx) => {
      for (const o of placed.orders)
        await orders.transitionOrder(tx, o.id, 'cancelled', {
          by: 'system',
          reason: 'The payment could not be started; the reserved stock was released.',
        })
    })
    throw error
  }
}

export interface OrderSettlement {
  /** Orders moved from pending_payment to paid by this call. */
  paid: string[]
  /** Orders already paid (a repeated notification): nothing to do. */
  alreadyPaid: string[]
  /** Orders the payment arrived too late for (expired or cancelled, stock released): to refund. */
  late: string[]
}

/**
 * Marks the orders a captured payment is for as paid, in one transaction; safe to call again for
 * the same payment (a repeated webhook or the reconciler). Only the payer's own orders are moved.
 * A payment that is not captured, or not for orders, changes nothing. Orders that expired or were
 * cancelled before the money arrived are returned as `late`, for a refund.
 */
export async function settleOrderPayment(db: Db, paymentId: string): Promise<OrderSettlement> {
  const result: OrderSettlement = { paid: [], alreadyPaid: [], late: [] }
  const payment = await payments.findPayment(db, paymentId)
  if (payment?.purpose !== 'orders' || payment.status !== 'captured' || !payment.payerUserId)
    return result
  const payer = payment.payerUserId
  await db.transaction(async (tx) => {
    for (const id of payment.referenceIds) {
      const order = await orders.getBuyerOrder(tx, payer, id).catch(() => null)
      if (!order) continue
      if (order.status !== 'pending_payment') {
        const late = order.status === 'expired' || order.status === 'cancelled'
        if (late) result.late.push(id)
        else result.alreadyPaid.push(id)
        continue
      }
      try {
        await orders.transitionOrder(tx, id, 'paid', {
          by: 'system',
          reason: `Payment ${payment.id} received.`,
        })
        result.paid.push(id)
        await mailSellerOrderPaid(tx, id)
      } catch (error) {
        // The order moved between the read and the update (expired by the job): the money is late.
        if ((error as AppError).code !== 'invalid_transition') throw error
        result.late.push(id)
      }
    }
  })
  return result
}

/** One product problem is thrown as it is; several become one invalid error listing each. */
function throwProductProblems(errors: (AppError | null)[]): void {
  const found = errors.flatMap((error, index) => (error ? [{ error, index }] : []))
  if (found.length === 0) return
  if (found.length === 1) throw found[0]!.error
  throw invalid(
    'items_unavailable',
    `Some items cannot be ordered as they are: ${found.map((f) => f.error.message).join(' ')}`,
    Object.fromEntries(found.map((f) => [`items.${f.index}`, f.error.message])),
  )
}

/** Too few in stock is a 409 at checkout, as when the stock runs out while it reserves. */
function atCheckout(error: AppError): AppError {
  return error.code === 'above_stock' ? conflict('out_of_stock', error.message) : error
}
