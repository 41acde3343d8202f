import { and, asc, eq, inArray, sql } from 'drizzle-orm'
import { z } from 'zod'
import { type Db, queryRows } from '../../db/database.ts'
import { invalid } from '../../shared/errors.ts'
import { bigintId, parseInput } from '../../shared/validation.ts'
import * as accounts from '../accounts/index.ts'
import * as catalog from '../catalog/index.ts'
import { checkOrderable, MAX_LINE_QUANTITY, priceLine } from './orderable.ts'
import { cartItems } from './orders.tables.ts'

// A buyer's cart: one line per product. Putting a product in sets its quantity (it does not add to
// it), after the same checks checkout makes; the cart is shown grouped per seller with prices and
// GST from the products as they are now.

/** The most lines one cart holds. */
export const MAX_CART_LINES = 50

export const CartItemInput = z.object({
  productId: bigintId({ message: 'productId must be a product number.' }),
  quantity: z
    .number({ error: 'Enter the quantity as a whole number, like 10.' })
    .int('Enter the quantity as a whole number, like 10.')
    .min(1, 'The quantity must be at least 1.')
    .max(MAX_LINE_QUANTITY, `The quantity can be at most ${MAX_LINE_QUANTITY.toLocaleString('en-IN')}.`),
})

export interface CartLine {
  productId: number
  title: string
  unit: string
  moq: number
  quantity: number
  /** Null while the product has no listed price (then it cannot be checked out). */
  unitPricePaise: number | null
  hsnCode: string | null
  gstRatePercent: number | null
  taxablePaise: number
  taxPaise: number
  /** Why the line cannot be checked out as it is (the product changed since), or null. */
  problem: string | null
}

export interface CartSeller {
  sellerId: number
  sellerName: string
  lines: CartLine[]
  taxablePaise: number
  taxPaise: number
  /** The seller's delivery charge; null means "to be agreed" with the seller. */
  deliveryPaise: number | null
  totalPaise: number
}

export interface Cart {
  sellers: CartSeller[]
  lineCount: number
  taxablePaise: number
  taxPaise: number
  totalPaise: number
}

/**
 * Puts a product in the buyer's cart with this quantity (replacing the line's quantity). Throws
 * NotFound('product_not_found'), invalid('below_moq' | 'above_stock' | 'price_on_request' |
 * 'tax_details_missing' | 'own_product' | 'cart_full' | 'invalid_input'), each naming the product.
 */
export async function addToCart(db: Db, userId: string, input: unknown): Promise<Cart> {
  const data = parseInput(CartItemInput, input)
  const product = (await catalog.productsForOrder(db, [data.productId])).get(data.productId)
  const check = checkOrderable(product, data.quantity, await accounts.businessIdsOwnedBy(db, userId))
  if (!check.ok) throw check.error
  // One statement decides the line limit: a new line goes in only while the cart has room.
  const [row] = await queryRows<{ id: string }>(
    db,
    sql`insert into cart_items (user_id, product_id, quantity)
        select ${userId}, ${data.productId}, ${data.quantity}
        where (select count(*) from cart_items where user_id = ${userId}) < ${MAX_CART_LINES}
           or exists (select 1 from cart_items where user_id = ${userId} and product_id = ${data.productId})
        on conflict (user_id, product_id)
        do update set quantity = excluded.quantity, updated_at = now()
        returning id`,
  )
  if (!row)
    throw invalid(
      'cart_full',
      `Your cart holds at most ${MAX_CART_LINES} products. Check out or remove some before adding more.`,
    )
  return cartOf(db, userId)
}

/** Takes a product out of the buyer's cart (nothing happens if it is not there). */
export async function removeFromCart(db: Db, userId: string, productId: number): Promise<Cart> {
  await db.delete(cartItems).where(and(eq(cartItems.userId, userId), eq(cartItems.productId, productId)))
  return cartOf(db, userId)
}

/** The buyer's cart lines, oldest first: what a checkout without `items` orders. */
export async function cartLines(db: Db, userId: string): Promise<{ productId: number; quantity: number }[]> {
  const rows = await db
    .select({ productId: cartItems.productId, quantity: cartItems.quantity })
    .from(cartItems)
    .where(eq(cartItems.userId, userId))
    .orderBy(asc(cartItems.createdAt), asc(cartItems.id))
  return rows.map((r) => ({ productId: Number(r.productId), quantity: r.quantity }))
}

/** Removes the given products from the buyer's cart, in the transaction that ordered them. */
export async function clearCartLines(tx: Db, userId: string, productIds: readonly number[]): Promise<void> {
  if (productIds.length === 0) return
  await tx
    .delete(cartItems)
    .where(and(eq(cartItems.userId, userId), inArray(cartItems.productId, [...productIds])))
}

/** The buyer's cart, grouped per seller, priced from the products as they are now. */
export async function cartOf(db: Db, userId: string): Promise<Cart> {
  const lines = await cartLines(db, userId)
  const products = await catalog.productsForOrder(
    db,
    lines.map((l) => l.productId),
  )
  const sellers = await accounts.businessCards(
    db,
    [...products.values()].map((p) => p.businessId),
  )
  const own = await accounts.businessIdsOwnedBy(db, userId)
  const bySeller = new Map<number, CartSeller>()
  for (const line of lines) {
    const product = products.get(line.productId)
    if (!product) continue
    const check = checkOrderable(product, line.quantity, own)
    const seller = sellers.get(product.businessId)
    const priced = check.ok
      ? priceLine(
          {
            unitPricePaise: check.product.pricePaise,
            quantity: line.quantity,
            gstRatePercent: check.product.gstRatePercent,
          },
          { seller: seller?.state ?? null, placeOfSupply: null },
        )
      : { taxablePaise: 0, taxPaise: 0 }
    const group = bySeller.get(product.businessId) ?? {
      sellerId: product.businessId,
      sellerName: seller?.name ?? 'Seller',
      lines: [],
      taxablePaise: 0,
      taxPaise: 0,
      deliveryPaise: null,
      totalPaise: 0,
    }
    group.lines.push({
      productId: product.id,
      title: product.title,
      unit: product.unit,
      moq: product.moq,
      quantity: line.quantity,
      unitPricePaise: product.pricePaise,
      hsnCode: product.hsnCode,
      gstRatePercent: product.gstRatePercent,
      ...priced,
      problem: check.ok ? null : check.error.message,
    })
    group.taxablePaise += priced.taxablePaise
    group.taxPaise += priced.taxPaise
    group.totalPaise += priced.taxablePaise + priced.taxPaise
    bySeller.set(product.businessId, group)
  }
  const groups = [...bySeller.values()]
  return {
    sellers: groups,
    lineCount: groups.reduce((n, g) => n + g.lines.length, 0),
    taxablePaise: groups.reduce((n, g) => n + g.taxablePaise, 0),
    taxPaise: groups.reduce((n, g) => n + g.taxPaise, 0),
    totalPaise: groups.reduce((n, g) => n + g.totalPaise, 0),
  }
}
