import { and, asc, between, eq, max } from 'drizzle-orm'
import type { Db } from '../../db/database.ts'
import * as accounts from '../accounts/index.ts'
import { sellersWithPublishedProducts } from './catalog.reads.ts'
import { categories, products } from './catalog.tables.ts'

/** The sitemap protocol allows 50,000 URLs per file. Products are chunked by id range, so each chunk is one index range scan. */
export const SITEMAP_CHUNK = 50_000

export async function sitemapChunkCounts(db: Db) {
  const [productIds] = await db.select({ top: max(products.id) }).from(products)
  const topBusinessId = await accounts.highestBusinessId(db)
  return {
    products: Math.ceil(Number(productIds?.top ?? 0) / SITEMAP_CHUNK),
    sellers: Math.ceil(topBusinessId / SITEMAP_CHUNK),
  }
}

/** Published products with ids in chunk `n` (0-based): id, slug, last change. */
export async function sitemapProducts(db: Db, chunk: number) {
  const from = chunk * SITEMAP_CHUNK + 1
  return db
    .select({ id: products.id, slug: products.slug, updatedAt: products.updatedAt })
    .from(products)
    .where(and(between(products.id, from, from + SITEMAP_CHUNK - 1), eq(products.status, 'published')))
    .orderBy(asc(products.id))
}

/** Sellers with at least one published product, in chunk `n` of business ids. */
export async function sitemapSellers(db: Db, chunk: number) {
  const from = chunk * SITEMAP_CHUNK + 1
  // The businesses of the chunk come from accounts; the catalogue keeps those with a listing.
  const chunkSellers = await accounts.businessesInIdRange(db, from, from + SITEMAP_CHUNK - 1)
  const listing = await sellersWithPublishedProducts(
    db,
    chunkSellers.map((b) => b.id),
  )
  return chunkSellers.filter((b) => listing.has(b.id)).map(({ slug, updatedAt }) => ({ slug, updatedAt }))
}

export async function sitemapCategories(db: Db) {
  return db
    .select({ id: categories.id, slug: categories.slug, parentId: categories.parentId })
    .from(categories)
    .orderBy(asc(categories.position), asc(categories.id))
}
