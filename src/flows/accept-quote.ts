import type { Db } from '../db/database.ts'
import * as accounts from '../modules/accounts/index.ts'
import * as enquiries from '../modules/enquiries/index.ts'
import * as orders from '../modules/orders/index.ts'
import type * as payments from '../modules/payments/index.ts'
import * as privacy from '../modules/privacy/index.ts'
import { conflict, forbidden, invalid, unauthenticated } from '../shared/errors.ts'
import { type CheckoutWithPayment, type PlacedOrder, payForOrders, RESERVATION_MINUTES } from './checkout.ts'

// A buyer accepts a seller's quote from an enquiry thread: one order at the quoted price and
// quantity (GST on top, from the product's HSN code and rate, for the delivery state), then one
// payment, exactly as at checkout. The quote must be the buyer's own, still valid, the seller's
// latest in the thread, and the enquiry open. Order, stock, disclosure-ledger rows, the thread's
// "Quote accepted" note and the won lead commit together; the payment starts after, and if the
// gateway refuses the order is cancelled (payForOrders).

export interface AcceptQuoteInput {
  buyerId: string
  enquiryId: string
  quoteMessageId: number
  shippingAddress?: unknown
  billingGstin?: unknown
  poNumber?: unknown
  returnUrl: string
}

/**
 * Throws invalid (the address, GSTIN and PO number as at checkout, every problem at once; a
 * product without HSN code or GST rate), notFound('quote_not_found') for another buyer's enquiry
 * or no such quote, conflict('quote_expired' | 'quote_superseded' | 'enquiry_not_open' |
 * 'quote_already_accepted' | 'out_of_stock'), forbidden('profile_incomplete').
 */
export async function acceptQuote(
  db: Db,
  gateway: payments.PaymentGateway,
  input: AcceptQuoteInput,
  deps: { now?: () => Date } = {},
): Promise<CheckoutWithPayment> {
  const request = orders.parseCheckout({
    shippingAddress: input.shippingAddress,
    billingGstin: input.billingGstin,
    poNumber: input.poNumber,
  })
  const facts = await accounts.profileFactsOf(db, input.buyerId)
  if (!facts) throw unauthenticated()
  if (!facts.emailVerifiedAt)
    throw forbidden('profile_incomplete', 'Confirm your email address before placing an order.')
  const now = deps.now?.() ?? new Date()
  const quote = await enquiries.quoteForBuyer(db, input.buyerId, input.enquiryId, input.quoteMessageId)
  if (Date.parse(`${quote.validUntil}T23:59:59Z`) < now.getTime())
    throw conflict(
      'quote_expired',
      `This quote expired on ${quote.validUntil}; ask the seller for a new one.`,
    )
  if (!quote.latest)
    throw conflict(
      'quote_superseded',
      'The seller sent a newer quote in this enquiry after this one; accept the latest quote instead.',
    )
  if (!quote.enquiryOpen)
    throw conflict('enquiry_not_open', 'This enquiry is closed; reopen it or send a new enquiry to order.')
  if (quote.productId === null)
    throw invalid(
      'quote_without_product',
      'This enquiry is not about a listed product, so its quote cannot be ordered online. Agree the order with the seller directly.',
    )
  const productId = quote.productId
  const reservationExpiresAt = new Date(now.getTime() + RESERVATION_MINUTES * 60_000)

  const placed = await db.transaction(async (tx) => {
    const own = await accounts.businessIdsOwnedBy(tx, input.buyerId)
    if (own.includes(quote.businessId))
      throw invalid('own_product', 'This quote is from your own business; you cannot order from it.')
    const seller = (await accounts.businessCards(tx, [quote.businessId])).get(quote.businessId)
    const order = await orders.createQuotedOrder(tx, {
      buyerUserId: input.buyerId,
      businessId: quote.businessId,
      sellerState: seller?.state ?? null,
      enquiryId: quote.enquiryId,
      quoteMessageId: quote.quoteMessageId,
      productId,
      unit: quote.unit,
      unitPricePaise: quote.pricePaisePerUnit,
      quantity: quote.quantity,
      shippingAddress: request.shippingAddress,
      billingGstin: request.billingGstin,
      poNumber: request.poNumber,
      reservationExpiresAt,
    })
    const recipient = `${seller?.name ?? 'Seller'} (seller)`
    // The seller sees the order, and with it where and to whom to deliver, from this commit on.
    await privacy.recordOutbound(tx, orders.orderToSellerPath, {
      subjectUserId: input.buyerId,
      recipient,
      reference: `order:${order.id}`,
    })
    if (request.billingGstin)
      await privacy.recordOutbound(tx, orders.billingToSellerPath, {
        subjectUserId: input.buyerId,
        recipient,
        reference: `order-billing:${order.id}`,
      })
    await enquiries.recordQuoteAccepted(tx, { enquiryId: quote.enquiryId, orderId: order.id, now })
    const one: PlacedOrder = {
      id: order.id,
      sellerId: quote.businessId,
      sellerName: seller?.name ?? 'Seller',
      totalPaise: order.totalPaise,
      status: order.status,
    }
    return { orders: [one], totalPaise: order.totalPaise, reservationExpiresAt }
  })
  return payForOrders(db, gateway, { buyerId: input.buyerId, returnUrl: input.returnUrl }, placed)
}
