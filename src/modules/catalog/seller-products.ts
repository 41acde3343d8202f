import { and, asc, desc, eq, sql } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import type { Db } from '../../db/database.ts'
import { conflict, invalid, notFound } from '../../shared/errors.ts'
import { parseInput } from '../../shared/validation.ts'
import * as accounts from '../accounts/index.ts'
import { announceCatalogChange } from './catalog.events.ts'
import {
  categories,
  type ProductSpec,
  type ProductStatus,
  productImages,
  products,
} from './catalog.tables.ts'
import { ProductInput, ProductPatch, slugFromTitle } from './product-schemas.ts'

// A seller's own listings: every function takes the acting seller and finds products only within
// that seller's business, so another business's product (draft or not) is simply "not found" —
// never "forbidden", which would tell a stranger that it exists.

/** The business a signed-in person acts for when they manage listings. */
export interface SellerActor {
  userId: string
  businessId: number
}

export interface OwnProductImage {
  id: number
  position: number
  pathBase: string
  widths: number[]
  width: number
  height: number
  alt: string
}

export interface OwnProduct {
  id: number
  slug: string
  title: string
  description: string
  categoryId: number
  specs: ProductSpec[]
  unit: string
  moq: number
  pricePaise: number | null
  stock: number | null
  hsnCode: string | null
  gstRatePercent: number | null
  status: ProductStatus
  createdAt: Date
  updatedAt: Date
  publishedAt: Date | null
  images: OwnProductImage[]
}

export interface OwnProductRow {
  id: number
  slug: string
  title: string
  status: ProductStatus
  pricePaise: number | null
  unit: string
  categoryName: string
  updatedAt: Date
  imageCount: number
}

/**
 * The seller a person acts as: the business they own, once their email is confirmed and the
 * business profile exists. Throws forbidden('profile_incomplete') with links to what is missing.
 */
export async function sellerForUser(
  db: Db,
  user: { id: string; emailVerifiedAt: Date | null; phone: string | null },
): Promise<SellerActor> {
  const business = await accounts.findBusinessByOwner(db, user.id)
  accounts.assertCapability(
    { emailVerifiedAt: user.emailVerifiedAt, phone: user.phone, hasBusiness: business != null },
    'list_products',
  )
  return { userId: user.id, businessId: business!.id }
}

const ownColumns = {
  id: products.id,
  slug: products.slug,
  title: products.title,
  description: products.description,
  categoryId: products.categoryId,
  specs: products.specs,
  unit: products.unit,
  moq: products.moq,
  pricePaise: products.pricePaise,
  stock: products.stock,
  hsnCode: products.hsnCode,
  gstRatePercent: products.gstRatePercent,
  status: products.status,
  createdAt: products.createdAt,
  updatedAt: products.updatedAt,
  publishedAt: products.publishedAt,
}

/** The seller's products, newest change first, drafts included. */
const ownRowColumns = {
  id: products.id,
  slug: products.slug,
  title: products.title,
  status: products.status,
  pricePaise: products.pricePaise,
  unit: products.unit,
  categoryName: categories.name,
  updatedAt: products.updatedAt,
  imageCount: sql<number>`(select count(*)::int from ${productImages} where ${productImages.productId} = ${products.id})`,
}

export async function listOwnProducts(db: Db, seller: SellerActor): Promise<OwnProductRow[]> {
  return db
    .select(ownRowColumns)
    .from(products)
    .innerJoin(categories, eq(categories.id, products.categoryId))
    .where(eq(products.businessId, seller.businessId))
    .orderBy(desc(products.updatedAt), desc(products.id))
    .limit(1000)
}

export interface OwnProductPage {
  rows: OwnProductRow[]
  /** All the seller's products, and how many of them are published (not just this page's). */
  total: number
  published: number
  page: number
  pageCount: number
  pageSize: number
}

/**
 * One page of the seller's products, newest change first. A page past the last is the last page
 * (a product deleted from a full last page leaves the seller on a page that still has rows).
 */
export async function listOwnProductsPage(
  db: Db,
  seller: SellerActor,
  options: { page: number; pageSize?: number },
): Promise<OwnProductPage> {
  const pageSize = options.pageSize ?? 50
  const [counts] = await db
    .select({
      total: sql<number>`count(*)::int`,
      published: sql<number>`(count(*) filter (where ${products.status} = 'published'))::int`,
    })
    .from(products)
    .where(eq(products.businessId, seller.businessId))
  const total = counts?.total ?? 0
  const pageCount = Math.max(1, Math.ceil(total / pageSize))
  const page = Math.min(Math.max(1, Math.floor(options.page) || 1), pageCount)
  const rows = total
    ? await db
        .select(ownRowColumns)
        .from(products)
        .innerJoin(categories, eq(categories.id, products.categoryId))
        .where(eq(products.businessId, seller.businessId))
        .orderBy(desc(products.updatedAt), desc(products.id))
        .limit(pageSize)
        .offset((page - 1) * pageSize)
    : []
  return { rows, total, published: counts?.published ?? 0, page, pageCount, pageSize }
}

/** One of the seller's own products with its images. Throws NotFound('product_not_found') for anyone else's. */
export async function getOwnProduct(db: Db, seller: SellerActor, id: number): Promise<OwnProduct> {
  if (!Number.isSafeInteger(id) || id < 1) throw productNotFound()
  const [row] = await db
    .select(ownColumns)
    .from(products)
    .where(and(eq(products.id, id), eq(products.businessId, seller.businessId)))
  if (!row) throw productNotFound()
  const images = await db
    .select({
      id: productImages.id,
      position: productImages.position,
      pathBase: productImages.pathBase,
      widths: productImages.widths,
      width: productImages.width,
      height: productImages.height,
      alt: productImages.alt,
    })
    .from(productImages)
    .where(eq(productImages.productId, id))
    .orderBy(asc(productImages.position), asc(productImages.id))
  return { ...row, images }
}

/** Creates a draft. Throws AppError invalid (fields named as in ProductInput). */
export async function createProduct(db: Db, seller: SellerActor, input: unknown): Promise<OwnProduct> {
  const data = parseInput(ProductInput, input)
  const id = await db.transaction(async (tx) => {
    await assertSubcategory(tx, data.categoryId)
    const [row] = await tx
      .insert(products)
      .values({
        businessId: seller.businessId,
        categoryId: data.categoryId,
        slug: slugFromTitle(data.title),
        title: data.title,
        description: data.description,
        specs: data.specs,
        unit: data.unit,
        moq: data.moq,
        pricePaise: data.price,
        stock: data.stock,
        hsnCode: data.hsnCode,
        gstRatePercent: data.gstRatePercent,
        status: 'draft',
      })
      .returning({ id: products.id })
    await announceCatalogChange(tx, `product:${row!.id}`)
    return row!.id
  })
  return getOwnProduct(db, seller, id)
}

/**
 * Changes the given fields of the seller's product (a page sends them all; the API may send some).
 * A published product changes for buyers at once. Throws NotFound, AppError invalid.
 */
export async function updateProduct(
  db: Db,
  seller: SellerActor,
  id: number,
  input: unknown,
): Promise<OwnProduct> {
  const data = parseInput(ProductPatch, input)
  await db.transaction(async (tx) => {
    await lockOwnProduct(tx, seller, id)
    if (data.categoryId !== undefined) await assertSubcategory(tx, data.categoryId)
    await tx
      .update(products)
      .set({
        ...(data.title !== undefined ? { title: data.title, slug: slugFromTitle(data.title) } : {}),
        ...(data.categoryId !== undefined ? { categoryId: data.categoryId } : {}),
        ...(data.description !== undefined ? { description: data.description } : {}),
        ...(data.specs !== undefined ? { specs: data.specs } : {}),
        ...(data.unit !== undefined ? { unit: data.unit } : {}),
        ...(data.moq !== undefined ? { moq: data.moq } : {}),
        ...(data.price !== undefined ? { pricePaise: data.price } : {}),
        ...(data.stock !== undefined ? { stock: data.stock } : {}),
        ...(data.hsnCode !== undefined ? { hsnCode: data.hsnCode } : {}),
        ...(data.gstRatePercent !== undefined ? { gstRatePercent: data.gstRatePercent } : {}),
        updatedAt: sql`now()`,
      })
      .where(eq(products.id, id))
    await announceCatalogChange(tx, `product:${id}`)
  })
  return getOwnProduct(db, seller, id)
}

/**
 * Shows a draft to buyers. Publishing a published product changes nothing. Throws NotFound, or
 * conflict('product_suspended') when moderation has taken the product down.
 */
export async function publishProduct(db: Db, seller: SellerActor, id: number): Promise<OwnProduct> {
  await db.transaction(async (tx) => {
    const current = await lockOwnProduct(tx, seller, id)
    if (current.status === 'suspended') throw suspended()
    if (current.status === 'published') return
    await tx
      .update(products)
      .set({
        status: 'published',
        publishedAt: sql`coalesce(${products.publishedAt}, now())`,
        updatedAt: sql`now()`,
      })
      .where(eq(products.id, id))
    await announceCatalogChange(tx, `product:${id}`)
  })
  return getOwnProduct(db, seller, id)
}

/** Takes a published product back to draft, hidden from buyers. Throws NotFound, conflict('product_suspended'). */
export async function unpublishProduct(db: Db, seller: SellerActor, id: number): Promise<OwnProduct> {
  await db.transaction(async (tx) => {
    const current = await lockOwnProduct(tx, seller, id)
    if (current.status === 'suspended') throw suspended()
    if (current.status === 'draft') return
    await tx.update(products).set({ status: 'draft', updatedAt: sql`now()` }).where(eq(products.id, id))
    await announceCatalogChange(tx, `product:${id}`)
  })
  return getOwnProduct(db, seller, id)
}

/**
 * Deletes the seller's product and its image rows; returns the image path bases so the caller can
 * remove the files once the transaction has committed. Throws NotFound, and
 * conflict('product_in_use') when enquiries or buyers' records still point at the product.
 */
export async function deleteProduct(db: Db, seller: SellerActor, id: number): Promise<string[]> {
  return db.transaction(async (tx) => {
    await lockOwnProduct(tx, seller, id)
    const images = await tx
      .delete(productImages)
      .where(eq(productImages.productId, id))
      .returning({ pathBase: productImages.pathBase })
    // Enquiries and buyers' interest records keep a reference to the product (other modules' tables,
    // so they are not looked up here): the database refuses the delete, and the seller is told why.
    await tx
      .delete(products)
      .where(eq(products.id, id))
      .catch((error: unknown) => {
        throw sqlState(error) === FOREIGN_KEY_VIOLATION ? productInUse() : error
      })
    await announceCatalogChange(tx, `product:${id}`)
    return images.map((i) => i.pathBase)
  })
}

/** Locks the seller's product row for a change (takes a transaction). Throws NotFound for anyone else's. */
export async function lockOwnProduct(
  tx: Db,
  seller: SellerActor,
  id: number,
): Promise<{ status: ProductStatus }> {
  if (!Number.isSafeInteger(id) || id < 1) throw productNotFound()
  const [row] = await tx
    .select({ status: products.status })
    .from(products)
    .where(and(eq(products.id, id), eq(products.businessId, seller.businessId)))
    .for('update')
  if (!row) throw productNotFound()
  return row
}

/** Subcategories a product may be listed in, grouped under their top category (for a picker). */
export async function listSubcategoryChoices(db: Db): Promise<{ group: string; id: number; name: string }[]> {
  const parent = alias(categories, 'parent')
  return db
    .select({ group: parent.name, id: categories.id, name: categories.name })
    .from(categories)
    .innerJoin(parent, eq(parent.id, categories.parentId))
    .orderBy(asc(parent.position), asc(parent.name), asc(categories.position), asc(categories.name))
}

export async function assertSubcategory(tx: Db, categoryId: number) {
  const [row] = await tx
    .select({ parentId: categories.parentId })
    .from(categories)
    .where(eq(categories.id, categoryId))
  if (!row || row.parentId === null) {
    const message = row
      ? 'Choose a subcategory (for example "Monoblock pumps"), not a top-level category.'
      : 'Choose a category from the list.'
    throw invalid('invalid_category', message, { categoryId: message })
  }
}

const productNotFound = () => notFound('product_not_found', 'There is no such product among your listings.')
const productInUse = () =>
  conflict(
    'product_in_use',
    'Buyers have enquired about this product, so it stays on record and cannot be deleted. Unpublish it to hide it from buyers.',
  )

const FOREIGN_KEY_VIOLATION = '23503'

/** PostgreSQL's SQLSTATE for a failed statement; drizzle keeps the driver's error as `cause`. */
function sqlState(error: unknown): string | undefined {
  for (let e: unknown = error; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    const code = (e as { code?: unknown }).code
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code
  }
  return undefined
}
const suspended = () =>
  conflict(
    'product_suspended',
    'This product was taken down by moderation and cannot be published again. Contact support if you think this is a mistake.',
  )
