import { type AppError, invalid, notFound } from '../../shared/errors.ts'
import { type GstStateCode, stateCodeOf } from '../../shared/india.ts'
import { type GstRatePercent, isGstRate, lineTax } from '../../shared/gst-tax.ts'
import type * as catalog from '../catalog/index.ts'

// Whether a product can be bought online in a given quantity, in words a buyer understands. The
// cart and checkout ask the same question, so a line the cart accepted fails at checkout only
// when the product changed meanwhile.

/** The most units of one product on one line: far above any B2B order, inside an integer column. */
export const MAX_LINE_QUANTITY = 1_000_000
/** The largest line value taken online (₹10 crore), the most one online payment can be. */
export const MAX_LINE_PAISE = 10_000_000_000

export type OrderableCheck =
  | { ok: true; product: catalog.OrderableProduct & { pricePaise: number; gstRatePercent: GstRatePercent } }
  | { ok: false; error: AppError }

/** Checks one product and quantity for the buyer whose own businesses are `ownBusinessIds`. */
export function checkOrderable(
  product: catalog.OrderableProduct | undefined,
  quantity: number,
  ownBusinessIds: readonly number[] = [],
): OrderableCheck {
  if (!product?.published)
    return { ok: false, error: notFound('product_not_found', 'This product is not on sale on Mandi.') }
  const name = `"${product.title}"`
  if (ownBusinessIds.includes(product.businessId))
    return { ok: false, error: invalid('own_product', `${name} is your own product; you cannot order it.`) }
  if (product.pricePaise === null)
    return {
      ok: false,
      error: invalid(
        'price_on_request',
        `${name} has no listed price. Send the seller an enquiry for a quote.`,
      ),
    }
  if (product.hsnCode === null || !isGstRate(product.gstRatePercent))
    return {
      ok: false,
      error: invalid(
        'tax_details_missing',
        `${name} cannot be ordered online yet: the seller has not set its HSN code and GST rate. Send the seller an enquiry instead.`,
      ),
    }
  if (!Number.isSafeInteger(quantity) || quantity < 1 || quantity > MAX_LINE_QUANTITY)
    return {
      ok: false,
      error: invalid(
        'invalid_quantity',
        `Enter the quantity of ${name} as a whole number from 1 to ${MAX_LINE_QUANTITY.toLocaleString('en-IN')}.`,
      ),
    }
  if (product.pricePaise * quantity > MAX_LINE_PAISE)
    return {
      ok: false,
      error: invalid(
        'line_too_large',
        `${quantity} ${product.unit} of ${name} come to more than ₹10 crore, the most one online order line can be. Send the seller an enquiry instead.`,
      ),
    }
  if (quantity < product.moq)
    return {
      ok: false,
      error: invalid(
        'below_moq',
        `The minimum order for ${name} is ${product.moq} ${product.unit}; you asked for ${quantity}.`,
      ),
    }
  if (product.stock !== null && quantity > product.stock)
    return {
      ok: false,
      error: invalid(
        'above_stock',
        product.stock === 0
          ? `${name} is out of stock.`
          : `Only ${product.stock} ${product.unit} of ${name} ${product.stock === 1 ? 'is' : 'are'} in stock; you asked for ${quantity}.`,
      ),
    }
  return {
    ok: true,
    product: { ...product, pricePaise: product.pricePaise, gstRatePercent: product.gstRatePercent },
  }
}

/**
 * A line's taxable value and GST. With no place of supply yet (the cart), the tax is worked out as
 * for another state (IGST at the full rate): the same amount as CGST + SGST, give or take a paisa.
 */
export function priceLine(
  line: { unitPricePaise: number; quantity: number; gstRatePercent: GstRatePercent },
  states: { seller: string | null; placeOfSupply: string | null },
): { taxablePaise: number; taxPaise: number } {
  const seller = (states.seller ? stateCodeOf(states.seller) : undefined) ?? null
  const supply = (states.placeOfSupply ? stateCodeOf(states.placeOfSupply) : undefined) ?? null
  // lineTax asks only whether the two states are the same; any two different codes mean inter-state.
  const parties: { sellerStateCode: GstStateCode; placeOfSupplyStateCode: GstStateCode } =
    seller && supply && seller === supply
      ? { sellerStateCode: seller, placeOfSupplyStateCode: supply }
      : { sellerStateCode: '27', placeOfSupplyStateCode: '29' }
  const tax = lineTax(
    { unitPricePaise: line.unitPricePaise, quantity: line.quantity, ratePercent: line.gstRatePercent },
    parties,
  )
  return { taxablePaise: tax.taxablePaise, taxPaise: tax.cgstPaise + tax.sgstPaise + tax.igstPaise }
}
