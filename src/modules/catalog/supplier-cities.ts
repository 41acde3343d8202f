import { inArray, sql } from 'drizzle-orm'
import { type Db, queryRows } from '../../db/database.ts'
import { slugify } from '../../shared/slug.ts'
import { businesses } from '../accounts/accounts.tables.ts'
import type { FeaturedSeller } from './catalog.queries.ts'
import { products, searchSellers } from './catalog.tables.ts'

// City pages ("Valves suppliers in Pune") group the catalogue by the seller's city. A city is
// free text typed by the seller, so its URL is its slug ("Navi Mumbai" → navi-mumbai); spellings
// that differ only in case or punctuation share one page, under the most common spelling.

export interface SupplierCity {
  /** The spelling most sellers there use. */
  name: string
  slug: string
  /** Sellers in the city with at least one published product. */
  sellers: number
  /** Every lower-cased spelling sellers used that has this slug. */
  spellings: string[]
}

/** The URL slug of a city name; empty when the name has no letters or digits. */
export function citySlug(city: string): string {
  return slugify(city)
}

/**
 * Cities that have at least one seller with a published product, most sellers first. One pass
 * over search_sellers with an index probe per seller (about 90 ms at 40,000 sellers), so pages
 * keep the answer in memory between catalogue changes.
 */
export async function listSupplierCities(db: Db): Promise<SupplierCity[]> {
  const rows = await queryRows<{ spelling: string; name: string; sellers: number }>(
    db,
    sql`select lower(s.city) as spelling, mode() within group (order by s.city) as name, count(*)::int as sellers
      from ${searchSellers} s
      where exists (select 1 from ${products} p where p.business_id = s.business_id and p.status = 'published')
      group by lower(s.city)`,
  )
  const bySlug = new Map<string, SupplierCity>()
  for (const row of rows) {
    const slug = citySlug(row.name)
    if (!slug) continue
    const seen = bySlug.get(slug)
    const sellers = Number(row.sellers)
    if (!seen) bySlug.set(slug, { name: row.name, slug, sellers, spellings: [row.spelling] })
    else {
      // "Navi-Mumbai" and "Navi Mumbai": one page, named as the larger group spells it.
      if (sellers > seen.sellers) seen.name = row.name
      seen.sellers += sellers
      seen.spellings.push(row.spelling)
    }
  }
  return [...bySlug.values()].sort((a, b) => b.sellers - a.sellers || a.name.localeCompare(b.name))
}

export interface CityCatalogue {
  /** Published products of the city's sellers, by (own) category and seller. */
  counts: { categoryId: number; businessId: number; products: number }[]
}

/**
 * How many published products each seller of the city has in each category: enough to count a
 * category's products and rank its sellers in that city (about 75 ms for a city of 2,600 sellers
 * and 65,000 products, so pages keep it in memory between catalogue changes).
 */
export async function loadCityCatalogue(db: Db, city: SupplierCity): Promise<CityCatalogue> {
  const rows = await queryRows<{ category_id: number; business_id: number; n: number }>(
    db,
    sql`select p.category_id, p.business_id, count(*)::int as n
      from ${products} p
      where p.status = 'published' and p.business_id in (
        select ${searchSellers.businessId} from ${searchSellers}
        where ${inArray(sql`lower(${searchSellers.city})`, city.spellings)}
      )
      group by p.category_id, p.business_id`,
  )
  return {
    counts: rows.map((r) => ({
      categoryId: Number(r.category_id),
      businessId: Number(r.business_id),
      products: Number(r.n),
    })),
  }
}

/** Public cards of these sellers (name, place, verification), with the product counts given. */
export async function listSellerCards(db: Db, productCounts: Map<number, number>): Promise<FeaturedSeller[]> {
  const ids = [...productCounts.keys()]
  if (ids.length === 0) return []
  const rows = await db
    .select({
      id: businesses.id,
      slug: businesses.slug,
      name: sql<string>`coalesce(${businesses.tradeName}, ${businesses.legalName})`,
      city: businesses.city,
      state: businesses.state,
      gstVerifiedAt: businesses.gstinVerifiedAt,
      yearEstablished: businesses.yearEstablished,
      businessType: businesses.businessType,
    })
    .from(businesses)
    .where(inArray(businesses.id, ids))
  const byId = new Map(rows.map((row) => [row.id, row]))
  return ids.flatMap((id) => {
    const row = byId.get(id)
    return row ? [{ ...row, publishedProducts: productCounts.get(id) ?? 0 }] : []
  })
}

/**
 * For the sitemap: the categories (own, not rolled up) with published products, per city slug.
 * One grouped pass over all published products (about 1.4 s at a million), so it is memoised by
 * the caller.
 */
export async function listCityCategories(db: Db): Promise<Map<string, Set<number>>> {
  const [cities, rows] = await Promise.all([
    listSupplierCities(db),
    queryRows<{ spelling: string; category_id: number }>(
      db,
      sql`select distinct lower(s.city) as spelling, p.category_id
        from ${products} p join ${searchSellers} s on s.business_id = p.business_id
        where p.status = 'published'`,
    ),
  ])
  const slugOf = new Map(cities.flatMap((city) => city.spellings.map((spelling) => [spelling, city.slug])))
  const out = new Map<string, Set<number>>()
  for (const row of rows) {
    const slug = slugOf.get(row.spelling)
    if (!slug) continue
    const set = out.get(slug) ?? new Set<number>()
    set.add(Number(row.category_id))
    out.set(slug, set)
  }
  return out
}
