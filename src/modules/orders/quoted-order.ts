import { and, eq, notInArray, sql } from 'drizzle-orm'
import type { Db } from '../../db/database.ts'
import { conflict, invalid } from '../../shared/errors.ts'
import { isGstRate } from '../../shared/gst-tax.ts'
import * as catalog from '../catalog/index.ts'
import { MAX_LINE_PAISE, MAX_LINE_QUANTITY, priceLine } from './orderable.ts'
import { createOrder, type OrderSummary, type ShippingAddress } from './orders.ts'
import { orders } from './orders.tables.ts'

// An order at prices agreed outside the catalogue: a seller's quote the buyer accepted. Stock is
// reserved as at checkout (catalog.reserveStock, one conditional UPDATE) and the GST comes from the
// product's HSN code and rate, worked out for the delivery state. One quote makes one live order:
// an advisory lock keyed by the quote serialises two acceptances, and the second finds the first.

export interface QuotedOrderInput {
  buyerUserId: string
  businessId: number
  sellerState: string | null
  enquiryId: string
  quoteMessageId: number
  productId: number
  /** The unit the quote is in; the order line keeps it. */
  unit: string
  unitPricePaise: number
  quantity: number
  shippingAddress: ShippingAddress
  billingGstin: string | null
  poNumber: string | null
  reservationExpiresAt: Date
}

/**
 * In the caller's transaction: creates the pending_payment order for an accepted quote. Throws
 * conflict('quote_already_accepted') naming the order when one for this quote is still live (not
 * expired or cancelled), invalid('tax_details_missing') when the product has no HSN code or GST
 * rate, conflict('out_of_stock') when tracked stock is short.
 */
export async function createQuotedOrder(tx: Db, input: QuotedOrderInput): Promise<OrderSummary> {
  if (!Number.isSafeInteger(input.quantity) || input.quantity < 1 || input.quantity > MAX_LINE_QUANTITY)
    throw invalid(
      'quote_quantity_not_orderable',
      `This quote is for ${input.quantity} ${input.unit}; an online order takes a whole quantity from 1 to ${MAX_LINE_QUANTITY.toLocaleString('en-IN')}. Ask the seller for a quote in whole units.`,
    )
  if (input.unitPricePaise * input.quantity > MAX_LINE_PAISE)
    throw invalid(
      'line_too_large',
      'This quote comes to more than ₹10 crore, the most one online payment can be. Settle it with the seller directly.',
    )
  await tx.execute(
    sql`select pg_advisory_xact_lock(hashtextextended(${`order-quote:${input.quoteMessageId}`}, 0))`,
  )
  const [live] = await tx
    .select({ id: orders.id, status: orders.status })
    .from(orders)
    .where(
      and(
        eq(orders.quoteMessageId, input.quoteMessageId),
        notInArray(orders.status, ['expired', 'cancelled']),
      ),
    )
    .limit(1)
  if (live)
    throw conflict(
      'quote_already_accepted',
      `You already accepted this quote: order ${live.id} (${live.status.replace('_', ' ')}).`,
    )
  const product = (await catalog.productsForOrder(tx, [input.productId])).get(input.productId)
  if (!product || product.businessId !== input.businessId)
    throw invalid(
      'product_not_found',
      'The quoted product is no longer on sale; ask the seller for a new quote.',
    )
  if (product.hsnCode === null || !isGstRate(product.gstRatePercent))
    throw invalid(
      'tax_details_missing',
      `"${product.title}" cannot be ordered online yet: the seller must add its HSN code and GST rate first.`,
    )
  const reserved = await catalog.reserveStock(tx, product.id, input.quantity)
  const priced = priceLine(
    {
      unitPricePaise: input.unitPricePaise,
      quantity: input.quantity,
      gstRatePercent: product.gstRatePercent,
    },
    { seller: input.sellerState, placeOfSupply: input.shippingAddress.state },
  )
  return createOrder(tx, {
    buyerUserId: input.buyerUserId,
    businessId: input.businessId,
    shippingAddress: input.shippingAddress,
    billingGstin: input.billingGstin,
    poNumber: input.poNumber,
    source: 'quote',
    enquiryId: input.enquiryId,
    quoteMessageId: input.quoteMessageId,
    deliveryPaise: null,
    reservationExpiresAt: input.reservationExpiresAt,
    items: [
      {
        productId: product.id,
        title: product.title,
        hsnCode: product.hsnCode,
        unit: input.unit,
        unitPricePaise: input.unitPricePaise,
        quantity: input.quantity,
        gstRatePercent: product.gstRatePercent,
        taxablePaise: priced.taxablePaise,
        taxPaise: priced.taxPaise,
        stockReserved: reserved,
      },
    ],
  })
}
