import { and, eq, inArray, sql } from 'drizzle-orm'
import { type Db, queryRows } from '../../db/database.ts'
import { conflict } from '../../shared/errors.ts'
import { announceCatalogChange } from './catalog.events.ts'
import { products } from './catalog.tables.ts'

// What ordering needs from the catalogue: the facts an order copies from a product, and its stock.
// Stock is taken in one conditional UPDATE per product (`stock >= $q`), never read-then-write, so
// parallel checkouts of the last unit cannot both succeed (ADR 014).

export interface OrderableProduct {
  id: number
  businessId: number
  title: string
  unit: string
  moq: number
  pricePaise: number | null
  /** Units available; null when the seller does not track stock. */
  stock: number | null
  hsnCode: string | null
  gstRatePercent: number | null
  published: boolean
}

/** The products with the given ids (unknown ids are absent), published or not. */
export async function productsForOrder(
  db: Db,
  ids: readonly number[],
): Promise<Map<number, OrderableProduct>> {
  if (ids.length === 0) return new Map()
  const rows = await db
    .select({
      id: products.id,
      businessId: products.businessId,
      title: products.title,
      unit: products.unit,
      moq: products.moq,
      pricePaise: products.pricePaise,
      stock: products.stock,
      hsnCode: products.hsnCode,
      gstRatePercent: products.gstRatePercent,
      status: products.status,
    })
    .from(products)
    .where(inArray(products.id, [...new Set(ids)]))
  return new Map(
    rows.map(({ status, ...r }) => [
      Number(r.id),
      { ...r, id: Number(r.id), businessId: Number(r.businessId), published: status === 'published' },
    ]),
  )
}

/**
 * Takes `quantity` units of a product that tracks stock, in one conditional UPDATE, inside the
 * caller's transaction. Returns false when the product does not track stock (nothing to take).
 * Throws conflict('out_of_stock') naming the product and what is left when there are too few.
 */
export async function reserveStock(tx: Db, productId: number, quantity: number): Promise<boolean> {
  const [taken] = await tx
    .update(products)
    .set({ stock: sql`${products.stock} - ${quantity}` })
    .where(and(eq(products.id, productId), sql`${products.stock} >= ${quantity}`))
    .returning({ stock: products.stock })
  if (taken) {
    await announceCatalogChange(tx, `product:${productId}`)
    return true
  }
  const [row] = await tx
    .select({ title: products.title, stock: products.stock, unit: products.unit })
    .from(products)
    .where(eq(products.id, productId))
  if (!row || row.stock === null) return false
  throw conflict(
    'out_of_stock',
    row.stock === 0
      ? `"${row.title}" has just sold out.`
      : `Only ${row.stock} ${row.unit} of "${row.title}" ${row.stock === 1 ? 'is' : 'are'} left; you asked for ${quantity}.`,
  )
}

/**
 * Puts units back on products that track stock (a cancelled or expired order), in one statement.
 * Products that stopped tracking stock meanwhile stay untracked.
 */
export async function releaseStock(
  tx: Db,
  lines: readonly { productId: number; quantity: number }[],
): Promise<void> {
  const positive = lines.filter((l) => l.quantity > 0)
  if (positive.length === 0) return
  const ids = positive.map((l) => l.productId)
  const quantities = positive.map((l) => l.quantity)
  await queryRows(
    tx,
    sql`update products p set stock = p.stock + back.quantity
        from (
          select product_id, sum(quantity) as quantity
          from unnest(${sqlBigintArray(ids)}, ${sqlBigintArray(quantities)}) as l(product_id, quantity)
          group by product_id
        ) back
        where p.id = back.product_id and p.stock is not null`,
  )
  for (const id of new Set(ids)) await announceCatalogChange(tx, `product:${id}`)
}

function sqlBigintArray(values: readonly number[]) {
  return sql`array[${sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )}]::bigint[]`
}
