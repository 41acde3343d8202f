import { createHash } from 'node:crypto'
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { and, eq, sql } from 'drizzle-orm'
import sharp from 'sharp'
import type { Db } from '../../db/database.ts'
import { AppError, notFound } from '../../shared/errors.ts'
import { type ImageLimits, inspectImage, tooLargeMessage } from '../../shared/images.ts'
import { announceCatalogChange } from './catalog.events.ts'
import { productImages } from './catalog.tables.ts'
import { lockOwnProduct, type SellerActor } from './seller-products.ts'

// Product photos. An upload is judged by its bytes (never its name or declared type), decoded by
// sharp with a pixel limit, turned upright, stripped of every metadata block (EXIF with GPS, XMP,
// ICC) and written as WebP at fixed widths — never wider than the original.

export const productImageRules = {
  maxBytes: 8 * 1024 * 1024,
  maxPixels: 40_000_000,
  widths: [320, 640, 1280],
  maxImages: 10,
} as const

function imageError(code: string, message: string) {
  return new AppError('invalid', code, message, { fields: { image: message } })
}

const photoLimits: ImageLimits = { noun: 'photo', maxBytes: productImageRules.maxBytes, maxPixels: productImageRules.maxPixels }

/** For an upload cut off at the size limit, before its bytes are looked at. */
export function productImageTooLarge() {
  return imageError('image_too_large', tooLargeMessage(photoLimits))
}

export interface PreparedImage {
  hash: string
  width: number
  height: number
  variants: { width: number; webp: Buffer }[]
}

/** The widths we make for an image this wide: the fixed widths below it, and its own width if smaller than the largest. */
export function variantWidths(width: number): number[] {
  const below: number[] = productImageRules.widths.filter((w) => w < width)
  const top = Math.min(width, productImageRules.widths.at(-1)!)
  return below.includes(top) ? below : [...below, top]
}

/** Checks and converts an upload. Throws AppError invalid with a message on the `image` field. */
export async function prepareProductImage(bytes: Buffer): Promise<PreparedImage> {
  const inspection = await inspectImage(bytes, photoLimits)
  if (!inspection.ok) throw imageError(`image_${inspection.problem}`, inspection.message)
  const { width: rawWidth, height: rawHeight } = inspection
  // EXIF orientations 5–8 turn the picture a quarter, swapping its sides.
  const turned = inspection.orientation >= 5
  const width = turned ? rawHeight : rawWidth
  const height = turned ? rawWidth : rawHeight
  try {
    const variants = []
    for (const w of variantWidths(width)) {
      // sharp writes no metadata unless asked (withMetadata), so EXIF, GPS, XMP and ICC are dropped.
      const webp = await sharp(bytes, { limitInputPixels: productImageRules.maxPixels, failOn: 'error' })
        .rotate()
        .resize({ width: w, withoutEnlargement: true })
        .webp({ quality: 82 })
        .toBuffer()
      variants.push({ width: w, webp })
    }
    const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 16)
    return { hash, width, height, variants }
  } catch {
    throw imageError(
      'image_unreadable',
      'This image is damaged or incomplete. Save it again and upload the new file.',
    )
  }
}

/**
 * Adds a photo to the seller's product: files under <uploadsDir>/products/<id>/<hash>-<width>.webp
 * and a product_images row. The same photo twice is stored once. Throws NotFound, AppError invalid
 * (field `image`), conflict('too_many_images').
 */
export async function addProductImage(
  db: Db,
  uploadsDir: string,
  seller: SellerActor,
  productId: number,
  bytes: Buffer,
  alt = '',
): Promise<{ id: number; pathBase: string }> {
  // Ownership first, so a stranger's upload is refused before any decoding work.
  await db.transaction((tx) => lockOwnProduct(tx, seller, productId))
  const prepared = await prepareProductImage(bytes)
  const pathBase = `products/${productId}/${prepared.hash}`
  for (const variant of prepared.variants) {
    const file = path.join(uploadsDir, `${pathBase}-${variant.width}.webp`)
    await mkdir(path.dirname(file), { recursive: true })
    const partial = `${file}.${process.pid}.partial`
    await writeFile(partial, variant.webp)
    await rename(partial, file)
  }
  return db.transaction(async (tx) => {
    await lockOwnProduct(tx, seller, productId)
    const existing = await tx
      .select({ id: productImages.id, position: productImages.position, pathBase: productImages.pathBase })
      .from(productImages)
      .where(eq(productImages.productId, productId))
    const same = existing.find((i) => i.pathBase === pathBase)
    if (same) return { id: same.id, pathBase }
    if (existing.length >= productImageRules.maxImages) {
      throw imageError(
        'too_many_images',
        `A product can have up to ${productImageRules.maxImages} photos. Delete one first.`,
      )
    }
    const [row] = await tx
      .insert(productImages)
      .values({
        productId,
        position: Math.max(-1, ...existing.map((i) => i.position)) + 1,
        pathBase,
        widths: prepared.variants.map((v) => v.width),
        width: prepared.width,
        height: prepared.height,
        alt: alt.trim().slice(0, 200),
      })
      .returning({ id: productImages.id })
    await announceCatalogChange(tx, `product:${productId}`)
    return { id: row!.id, pathBase }
  })
}

/** Removes a photo from the seller's product and deletes its files. Throws NotFound('image_not_found'). */
export async function deleteProductImage(
  db: Db,
  uploadsDir: string,
  seller: SellerActor,
  productId: number,
  imageId: number,
): Promise<void> {
  const removed = await db.transaction(async (tx) => {
    await lockOwnProduct(tx, seller, productId)
    const [row] = await tx
      .delete(productImages)
      .where(and(eq(productImages.id, imageId), eq(productImages.productId, productId)))
      .returning({ pathBase: productImages.pathBase, widths: productImages.widths })
    if (!row) throw notFound('image_not_found', 'This photo is not on this product any more.')
    await announceCatalogChange(tx, `product:${productId}`)
    return row
  })
  const stillUsed = await db
    .select({ id: productImages.id })
    .from(productImages)
    .where(eq(productImages.pathBase, removed.pathBase))
    .limit(1)
  if (stillUsed.length === 0) await removeImageFiles(uploadsDir, [removed.pathBase])
}

/** Makes a photo the product's main (first) photo. Throws NotFound('image_not_found'). */
export async function makeMainProductImage(
  db: Db,
  seller: SellerActor,
  productId: number,
  imageId: number,
): Promise<void> {
  await db.transaction(async (tx) => {
    await lockOwnProduct(tx, seller, productId)
    const [row] = await tx
      .update(productImages)
      .set({
        position: sql`(select coalesce(min(${productImages.position}), 0) - 1 from ${productImages} where ${productImages.productId} = ${productId})`,
      })
      .where(and(eq(productImages.id, imageId), eq(productImages.productId, productId)))
      .returning({ id: productImages.id })
    if (!row) throw notFound('image_not_found', 'This photo is not on this product any more.')
    await announceCatalogChange(tx, `product:${productId}`)
  })
}

/** Deletes every stored width of the given images (after their rows are gone). */
export async function removeImageFiles(uploadsDir: string, pathBases: string[]): Promise<void> {
  for (const pathBase of pathBases) {
    if (!STORED_PATH_BASE.test(pathBase)) continue
    const dir = path.join(uploadsDir, path.dirname(pathBase))
    const prefix = `${path.basename(pathBase)}-`
    const names = await readdir(dir).catch(() => [] as string[])
    for (const name of names.filter((n) => n.startsWith(prefix)))
      await rm(path.join(dir, name), { force: true })
  }
}

const STORED_PATH_BASE = /^products\/\d+\/[0-9a-f]{16}$/

/** Whether a path under /uploads/ is a product photo this code wrote ("products/12/ab…-640.webp"). */
export const isStoredProductImagePath = (p: string) => /^products\/\d+\/[0-9a-f]{16}-\d{1,4}\.webp$/.test(p)

/** The addresses of a stored photo for an <img>: a middle-sized src, a srcset of every width, and its shape. */
export function productImageUrls(image: {
  pathBase: string
  widths: number[]
  width: number
  height: number
  alt: string
}) {
  const widths = [...image.widths].sort((a, b) => a - b)
  const url = (w: number) => `/uploads/${image.pathBase}-${w}.webp`
  const middle = widths.find((w) => w >= 640) ?? widths.at(-1)!
  return {
    src: url(middle),
    srcset: widths.map((w) => `${url(w)} ${w}w`).join(', '),
    thumbnail: url(widths[0]!),
    width: image.width,
    height: image.height,
    alt: image.alt,
  }
}

/** A product's photos in display order (the first is the main photo). */
export async function listProductPhotos(db: Db, productId: number) {
  return db
    .select({
      id: productImages.id,
      pathBase: productImages.pathBase,
      widths: productImages.widths,
      width: productImages.width,
      height: productImages.height,
      alt: productImages.alt,
    })
    .from(productImages)
    .where(eq(productImages.productId, productId))
    .orderBy(productImages.position, productImages.id)
}
