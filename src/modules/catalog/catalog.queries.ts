import { and, asc, count, desc, eq, exists, inArray, isNotNull, type SQL, sql } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import { type Db, queryRows } from '../../db/database.ts'
import { businesses } from '../accounts/accounts.tables.ts'
import {
  categories,
  categoryCountChanges,
  categoryCounts,
  type ProductSpec,
  products,
} from './catalog.tables.ts'

export interface CategoryNode {
  id: number
  slug: string
  name: string
  description: string
  parent: { id: number; slug: string; name: string } | null
  children: CategoryNode[]
}

export interface CategoryTree {
  roots: CategoryNode[]
  bySlug: Map<string, CategoryNode>
}

/** The whole two-level tree in one query; it is small (tens to a few hundred rows). */
export async function loadCategoryTree(db: Db): Promise<CategoryTree> {
  const rows = await db
    .select({
      id: categories.id,
      parentId: categories.parentId,
      slug: categories.slug,
      name: categories.name,
      description: categories.description,
    })
    .from(categories)
    .orderBy(asc(categories.position), asc(categories.name))
  const byId = new Map<number, CategoryNode>()
  for (const row of rows) {
    byId.set(row.id, {
      id: row.id,
      slug: row.slug,
      name: row.name,
      description: row.description,
      parent: null,
      children: [],
    })
  }
  const roots: CategoryNode[] = []
  for (const row of rows) {
    const node = byId.get(row.id)!
    const parent = row.parentId === null ? undefined : byId.get(row.parentId)
    if (parent) {
      node.parent = { id: parent.id, slug: parent.slug, name: parent.name }
      parent.children.push(node)
    } else {
      roots.push(node)
    }
  }
  return { roots, bySlug: new Map([...byId.values()].map((node) => [node.slug, node])) }
}

/** The category and its subcategories: what "products in this category" means. */
export function categoryAndDescendantIds(node: CategoryNode): number[] {
  return [node.id, ...node.children.flatMap(categoryAndDescendantIds)]
}

/**
 * Published products per category id, with each parent counting its subcategories too. Read
 * from category_counts plus the changes not yet folded into it (see catalog.tables.ts), so it
 * costs the same at a million products as at ten. With `within`, only that branch is returned.
 */
export async function countPublishedByCategory(
  db: Db,
  tree: CategoryTree,
  within?: CategoryNode,
): Promise<Map<number, number>> {
  const rows = await queryRows<{ category_id: number; total: number }>(
    db,
    sql`select category_id, sum(n)::int as total from (
      select ${categoryCounts.categoryId} as category_id, ${categoryCounts.products} as n from ${categoryCounts}
      union all
      select ${categoryCountChanges.categoryId}, ${categoryCountChanges.delta} from ${categoryCountChanges}
    ) c group by category_id`,
  )
  const own = new Map(rows.map((r) => [Number(r.category_id), Number(r.total)]))
  const totals = new Map<number, number>()
  const sum = (node: CategoryNode): number => {
    const total = (own.get(node.id) ?? 0) + node.children.reduce((acc, child) => acc + sum(child), 0)
    totals.set(node.id, total)
    return total
  }
  for (const root of within ? [within] : tree.roots) sum(root)
  return totals
}

/**
 * Folds the appended count changes into category_counts; the table of changes grows with every
 * statement that writes products, so a periodic job (every few minutes) keeps reads short.
 */
export async function foldCategoryCounts(db: Db): Promise<void> {
  await db.execute(sql`select catalog_fold_category_counts()`)
}

export interface ProductDetail {
  id: number
  slug: string
  title: string
  description: string
  pricePaise: number | null
  unit: string
  moq: number
  /** Units the seller says are in stock; null when they have not said. */
  stock: number | null
  specs: ProductSpec[]
  publishedAt: Date | null
  updatedAt: Date
  category: { id: number; slug: string; name: string }
  parentCategory: { slug: string; name: string } | null
  /** Slug of the top-level category, which picks the illustration until products have photos. */
  topCategorySlug: string
  seller: SellerCard
}

export interface SellerCard {
  id: number
  slug: string
  name: string
  city: string
  state: string
  gstVerifiedAt: Date | null
  yearEstablished: number | null
  businessType: string
}

const parentCategory = alias(categories, 'parent_category')
const sellerName = sql<string>`coalesce(${businesses.tradeName}, ${businesses.legalName})`

/** A published product with its category and seller, or null when it is unknown, a draft or suspended. */
export async function findPublishedProduct(db: Db, id: number): Promise<ProductDetail | null> {
  const [row] = await db
    .select({
      id: products.id,
      slug: products.slug,
      title: products.title,
      description: products.description,
      pricePaise: products.pricePaise,
      unit: products.unit,
      moq: products.moq,
      stock: products.stock,
      specs: products.specs,
      publishedAt: products.publishedAt,
      updatedAt: products.updatedAt,
      categoryId: categories.id,
      categorySlug: categories.slug,
      categoryName: categories.name,
      parentSlug: parentCategory.slug,
      parentName: parentCategory.name,
      sellerId: businesses.id,
      sellerSlug: businesses.slug,
      sellerName,
      sellerCity: businesses.city,
      sellerState: businesses.state,
      sellerVerifiedAt: businesses.gstinVerifiedAt,
      sellerYear: businesses.yearEstablished,
      sellerType: businesses.businessType,
    })
    .from(products)
    .innerJoin(categories, eq(categories.id, products.categoryId))
    .leftJoin(parentCategory, eq(parentCategory.id, categories.parentId))
    .innerJoin(businesses, eq(businesses.id, products.businessId))
    .where(and(eq(products.id, id), eq(products.status, 'published')))
  if (!row) return null
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    description: row.description,
    pricePaise: row.pricePaise,
    unit: row.unit,
    moq: row.moq,
    stock: row.stock,
    specs: row.specs,
    publishedAt: row.publishedAt,
    updatedAt: row.updatedAt,
    category: { id: row.categoryId, slug: row.categorySlug, name: row.categoryName },
    parentCategory: row.parentSlug && row.parentName ? { slug: row.parentSlug, name: row.parentName } : null,
    topCategorySlug: row.parentSlug ?? row.categorySlug,
    seller: {
      id: row.sellerId,
      slug: row.sellerSlug,
      name: row.sellerName,
      city: row.sellerCity,
      state: row.sellerState,
      gstVerifiedAt: row.sellerVerifiedAt,
      yearEstablished: row.sellerYear,
      businessType: row.sellerType,
    },
  }
}

export interface SellerProfile extends SellerCard {
  legalName: string
  gstin: string | null
  description: string
  publishedProducts: number
}

// A business becomes public with its first published product; until then it has no storefront.
const hasPublishedProducts = exists(
  sql`(select 1 from ${products} where ${products.businessId} = ${businesses.id} and ${products.status} = 'published')`,
)

/** A seller's public profile, or null when the slug is unknown or the business lists nothing yet. */
export async function findSellerBySlug(db: Db, slug: string): Promise<SellerProfile | null> {
  const [row] = await db
    .select({
      id: businesses.id,
      slug: businesses.slug,
      name: sellerName,
      legalName: businesses.legalName,
      city: businesses.city,
      state: businesses.state,
      gstin: businesses.gstin,
      gstVerifiedAt: businesses.gstinVerifiedAt,
      yearEstablished: businesses.yearEstablished,
      businessType: businesses.businessType,
      description: businesses.description,
    })
    .from(businesses)
    .where(and(eq(businesses.slug, slug), hasPublishedProducts))
  if (!row) return null
  const counts = await countPublishedBySeller(db, [row.id])
  return { ...row, publishedProducts: counts.get(row.id) ?? 0 }
}

export interface FeaturedSeller extends SellerCard {
  publishedProducts: number
}

/** The most recently verified sellers that have something to sell. */
export async function listFeaturedSellers(db: Db, limit: number): Promise<FeaturedSeller[]> {
  const rows = await db
    .select({
      id: businesses.id,
      slug: businesses.slug,
      name: sellerName,
      city: businesses.city,
      state: businesses.state,
      gstVerifiedAt: businesses.gstinVerifiedAt,
      yearEstablished: businesses.yearEstablished,
      businessType: businesses.businessType,
    })
    .from(businesses)
    .where(and(isNotNull(businesses.gstinVerifiedAt), hasPublishedProducts))
    .orderBy(desc(businesses.gstinVerifiedAt), desc(businesses.id))
    .limit(limit)
  const counts = await countPublishedBySeller(
    db,
    rows.map((r) => r.id),
  )
  return rows.map((row) => ({ ...row, publishedProducts: counts.get(row.id) ?? 0 }))
}

/** How many businesses have at least one published product. */
// A headline figure on the home page: a minute old is fine, and it saves a scan per page view.
const activeSellerCounts = new WeakMap<Db, { total: number; at: number }>()

export async function countActiveSellers(db: Db, maxAgeMs = 60_000): Promise<number> {
  const cached = activeSellerCounts.get(db)
  if (cached && Date.now() - cached.at < maxAgeMs) return cached.total
  const [row] = await db.select({ total: count() }).from(businesses).where(hasPublishedProducts)
  const total = row?.total ?? 0
  activeSellerCounts.set(db, { total, at: Date.now() })
  return total
}

async function countPublishedBySeller(db: Db, businessIds: number[]): Promise<Map<number, number>> {
  if (businessIds.length === 0) return new Map()
  const where: SQL | undefined = and(
    inArray(products.businessId, businessIds),
    eq(products.status, 'published'),
  )
  const rows = await db
    .select({ businessId: products.businessId, total: count() })
    .from(products)
    .where(where)
    .groupBy(products.businessId)
  return new Map(rows.map((r) => [r.businessId, r.total]))
}
