import { and, asc, between, eq, max, sql } from 'drizzle-orm'
import type { Db } from '../../db/database.ts'
import { businesses } from '../accounts/accounts.tables.ts'
import { categories, products } from './catalog.tables.ts'

/** The sitemap protocol allows 50,000 URLs per file. Products are chunked by id range, so each chunk is one index range scan. */
export const SITEMAP_CHUNK = 50_000

export async function sitemapChunkCounts(db: Db) {
  const [productIds] = await db.select({ top: max(products.id) }).from(products)
  const [businessIds] = await db.select({ top: max(businesses.id) }).from(businesses)
  return {
    products: Math.ceil(Number(productIds?.top ?? 0) / SITEMAP_CHUNK),
    sellers: Math.ceil(Number(businessIds?.top ?? 0) / SITEMAP_CHUNK),
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
  return db
    .select({ slug: businesses.slug, updatedAt: businesses.updatedAt })
    .from(businesses)
    .where(
      and(
        between(businesses.id, from, from + SITEMAP_CHUNK - 1),
        sql`exists (select 1 from ${products} p where p.business_id = ${businesses.id} and p.status = 'published')`,
      ),
    )
    .orderBy(asc(businesses.id))
}

export async function sitemapCategories(db: Db) {
  return db
    .select({ id: categories.id, slug: categories.slug, parentId: categories.parentId })
    .from(categories)
    .orderBy(asc(categories.position), asc(categories.id))
}
