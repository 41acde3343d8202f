import { hash } from '@node-rs/argon2'
import { eq, inArray, sql } from 'drizzle-orm'
import { drizzle } from 'drizzle-orm/node-postgres'
import type pg from 'pg'
import { type Database, type Db, queryRows } from '#src/db/database.ts'
import { businesses, profileVersions, users } from '#src/modules/accounts/accounts.tables.ts'
import { categories, products } from '#src/modules/catalog/catalog.tables.ts'
import { makeGstin } from '#src/shared/gstin.ts'
import { catalogue, compileCatalogue } from './catalogue.ts'
import { foldCategoryCounts, refreshSearchTerms } from '#src/modules/catalog/index.ts'
import { copyProducts } from './copy.ts'
import { createProductStream, type DemoProduct, type SellerForProducts } from './products.ts'
import { type DemoSeller, sellerStream } from './sellers.ts'

/**
 * The demo catalogue: an Indian industrial marketplace with categories, sellers with valid GSTINs,
 * products with specifications and INR prices, and fixed sign-ins for a buyer, a seller and an
 * admin. Deterministic for a seed; additive when run again. On PostgreSQL products are streamed
 * with COPY; on PGlite they go in multi-row INSERTs.
 */

export const DEFAULT_SEED = 20_261

export interface SeedOptions {
  products: number
  seed?: number
  onProgress?: (done: number, total: number, stage: string) => void
}

export interface SeedResult {
  categories: number
  businesses: number
  products: number
  users: number
  ms: number
}

/** Adds categories (once), demo sign-ins (once), and `products` new products with their sellers. */
export async function seedDemo(database: Database, options: SeedOptions): Promise<SeedResult> {
  const started = performance.now()
  const seed = options.seed ?? DEFAULT_SEED
  const progress = options.onProgress ?? (() => {})
  const target = Math.max(0, Math.floor(options.products))
  const now = startOfUtcDay(new Date())
  const counts = { categories: 0, businesses: 0, products: 0, users: 0 }

  await inTransaction(database, async (db, client) => {
    const categoryIds = await ensureCategories(db, counts)
    const categoryTotal = catalogue.length + categoryIds.size
    progress(categoryTotal, categoryTotal, 'categories')

    const sellerFrom = await countRows(db, 'businesses')
    const productOffset = await countRows(db, 'products')
    const demoSeller = await ensureDemoAccounts(db, categoryIds, counts, now)
    if (target === 0) return

    const sellerCount = Math.max(5, Math.round(target / PRODUCTS_PER_SELLER))
    const generated = sellerStream(seed, sellerFrom, sellerCount, catalogue, now)
    const sellers = await insertSellers(db, generated, sellerCount, categoryIds, counts, progress)
    // About three times an average seller's share, so the demo seller's storefront is well stocked.
    if (demoSeller) sellers.push({ ...demoSeller, weight: 4 })

    const stream = createProductStream({
      seed,
      offset: productOffset,
      sellers,
      subcategories: compileCatalogue(),
      categoryIds,
      now,
    })
    const onRows = (done: number) => progress(done, target, 'products')
    if (client) {
      // Bulk loads into a table at most as big as the load: building the GIN indexes once at the
      // end is faster than maintaining them row by row. DDL is transactional, so a failed or
      // interrupted seed leaves the indexes as they were.
      const rebuild = target >= BULK_THRESHOLD && target >= productOffset ? await dropGinIndexes(client) : []
      await copyProducts(client, stream.next, target, onRows)
      if (rebuild.length) {
        progress(0, rebuild.length, 'indexes')
        await client.query(`set local maintenance_work_mem = '1GB'`)
        for (const [i, definition] of rebuild.entries()) {
          await client.query(definition)
          progress(i + 1, rebuild.length, 'indexes')
        }
      }
    } else {
      await insertProducts(db, stream.next, target, onRows)
    }
    counts.products = target
  })

  if (counts.products > 0) {
    // The triggers added new title words and count changes as rows went in; bring the search
    // lexicon's counts up to date and fold the category counts once, after the load.
    await refreshSearchTerms(database.db)
    await foldCategoryCounts(database.db)
    // search_sellers too: without statistics on lower(city) the planner guesses 117 sellers for a
    // city of 2,300 and reads every product of theirs for a 24-row page (3 s instead of 20 ms).
    await database.db.execute(
      sql`analyze products, businesses, users, search_terms, search_sellers, categories`,
    )
  }
  return { ...counts, ms: Math.round(performance.now() - started) }
}

/** True when the catalogue has at least one product (used to seed an empty database on start). */
export async function hasCatalogue(db: Db): Promise<boolean> {
  const [row] = await queryRows<{ present: boolean }>(
    db,
    sql`select exists (select 1 from products) as present`,
  )
  return row?.present === true
}

/** The fixed sign-ins created by the seed (printed by `mandi start`; never deliverable addresses). */
export function demoLogins(): { role: string; email: string; password: string }[] {
  return demoAccounts.map(({ role, email, password }) => ({ role, email, password }))
}

const PRODUCTS_PER_SELLER = 25
/** From this many products on, dropping and rebuilding the GIN indexes beats maintaining them row by row. */
const BULK_THRESHOLD = 50_000
const BATCH = 500

// Passwords follow the accounts module's rules (10+ characters, not the email's local part).
const demoAccounts = [
  {
    role: 'buyer',
    email: 'buyer@demo.mandi.example',
    password: 'demo-purchase-2026',
    name: 'Priya Nair',
    phone: '+919800000101',
    roles: ['buyer'],
    address: {
      addressLine1: 'Flat 304, Shanti Heights, Baner Road',
      city: 'Pune',
      state: 'Maharashtra',
      pin: '411045',
    },
  },
  {
    role: 'seller',
    email: 'seller@demo.mandi.example',
    password: 'demo-listings-2026',
    name: 'Rakesh Kulkarni',
    phone: '+919800000102',
    roles: ['buyer', 'seller'],
    address: { addressLine1: 'Plot No. 27, MIDC Bhosari', city: 'Pune', state: 'Maharashtra', pin: '411026' },
  },
  {
    role: 'admin',
    email: 'admin@demo.mandi.example',
    password: 'demo-operator-2026',
    name: 'Mandi Operations',
    phone: '+919800000103',
    roles: ['admin'],
    address: null,
  },
] as const

const DEMO_PAN = 'AAKCP4821M'
const demoBusiness = {
  slug: 'pawana-pumps-and-valves-pune',
  legalName: 'Pawana Pumps & Valves Pvt. Ltd.',
  tradeName: 'Pawana Pumps & Valves Pvt. Ltd.',
  gstin: makeGstin('27', DEMO_PAN),
  pan: DEMO_PAN,
  businessType: 'manufacturer',
  yearEstablished: 1998,
  description:
    'Manufacturer of centrifugal, submersible and pressure booster pumps, with ball and check valves, since 1998, from MIDC Bhosari, Pune. ' +
    'Every pump is tested on our own test bed; GST invoices and test certificates with every order.',
  addressLine1: 'Plot No. 27, MIDC Bhosari',
  city: 'Pune',
  state: 'Maharashtra',
  pin: '411026',
  phone: '+919800000202',
  email: 'sales@pawana-pumps.example',
} as const
const demoBusinessSells = [
  'centrifugal-monoblock-pumps',
  'submersible-pumps',
  'pressure-booster-pumps',
  'ball-valves',
  'check-valves',
]

type Counts = Omit<SeedResult, 'ms'>

/** On PostgreSQL one pooled client (COPY needs it); on PGlite a Drizzle transaction. */
async function inTransaction(database: Database, run: (db: Db, client?: pg.PoolClient) => Promise<void>) {
  if (database.kind === 'pglite') {
    await database.db.transaction((tx) => run(tx as unknown as Db))
    return
  }
  const client = await database.pool.connect()
  try {
    await client.query('begin')
    await run(drizzle(client) as unknown as Db, client)
    await client.query('commit')
  } catch (error) {
    await client.query('rollback').catch(() => {})
    throw error
  } finally {
    client.release()
  }
}

async function ensureCategories(db: Db, counts: Counts): Promise<Map<string, number>> {
  const tops = await db
    .insert(categories)
    .values(
      catalogue.map((c, position) => ({ slug: c.slug, name: c.name, description: c.description, position })),
    )
    .onConflictDoNothing({ target: categories.slug })
    .returning({ id: categories.id })
  const ids = await categoryIdsBySlug(
    db,
    catalogue.map((c) => c.slug),
  )
  const subs = await db
    .insert(categories)
    .values(
      catalogue.flatMap((top) =>
        top.subcategories.map((sub, position) => ({
          parentId: ids.get(top.slug)!,
          slug: sub.slug,
          name: sub.name,
          description: sub.description,
          position,
        })),
      ),
    )
    .onConflictDoNothing({ target: categories.slug })
    .returning({ id: categories.id })
  counts.categories = tops.length + subs.length
  return categoryIdsBySlug(
    db,
    catalogue.flatMap((top) => top.subcategories.map((s) => s.slug)),
  )
}

async function categoryIdsBySlug(db: Db, slugs: string[]): Promise<Map<string, number>> {
  const rows = await db
    .select({ id: categories.id, slug: categories.slug })
    .from(categories)
    .where(inArray(categories.slug, slugs))
  return new Map(rows.map((r) => [r.slug, r.id]))
}

/** Creates the demo sign-ins that are missing, and the demo seller's business if it has none. */
async function ensureDemoAccounts(
  db: Db,
  categoryIds: ReadonlyMap<string, number>,
  counts: Counts,
  now: Date,
): Promise<Omit<SellerForProducts, 'weight'> | null> {
  const emails = demoAccounts.map((a) => a.email)
  const existing = new Set(
    (await db.select({ email: users.email }).from(users).where(inArray(users.email, emails))).map(
      (u) => u.email,
    ),
  )
  for (const account of demoAccounts) {
    if (existing.has(account.email)) continue
    const profile = { email: account.email, name: account.name, phone: account.phone, ...account.address }
    const [user] = await db
      .insert(users)
      .values({
        ...profile,
        emailVerifiedAt: now,
        phoneVerifiedAt: now,
        passwordHash: await hash(account.password),
        roles: [...account.roles],
        adultBusinessDeclaredAt: now,
      })
      .onConflictDoNothing({ target: users.email })
      .returning({ id: users.id })
    if (!user) continue
    // Version 1 of the profile, as registration records it, so the profile history starts complete.
    const changes = Object.entries(profile).map(([field, to]) => ({ field, from: null, to }))
    await db.insert(profileVersions).values({ userId: user.id, version: 1, changedBy: user.id, changes })
    counts.users += 1
  }

  const [seller] = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, 'seller@demo.mandi.example'))
  if (!seller) return null
  let [business] = await db
    .select({ id: businesses.id, city: businesses.city })
    .from(businesses)
    .where(eq(businesses.ownerUserId, seller.id))
    .limit(1)
  if (!business) {
    ;[business] = await db
      .insert(businesses)
      .values({
        ...demoBusiness,
        ownerUserId: seller.id,
        gstinVerifiedAt: now,
        categoryIds: demoBusinessSells.map((slug) => categoryIds.get(slug)!),
      })
      .onConflictDoNothing()
      .returning({ id: businesses.id, city: businesses.city })
    if (!business) return null
    counts.businesses += 1
  }
  return { id: business.id, city: business.city, businessType: 'manufacturer', sells: demoBusinessSells }
}

/**
 * Inserts owners and their businesses in batches. A row that collides with an existing one (same
 * email, slug or GSTIN, possible only with hand-made data) is skipped along with its owner.
 */
async function insertSellers(
  db: Db,
  generated: Iterator<DemoSeller>,
  total: number,
  categoryIds: ReadonlyMap<string, number>,
  counts: Counts,
  progress: NonNullable<SeedOptions['onProgress']>,
): Promise<SellerForProducts[]> {
  const sellers: SellerForProducts[] = []
  for (let done = 0; done < total; ) {
    const batch = take(generated, BATCH)
    if (batch.length === 0) break
    done += batch.length
    const owners = await db
      .insert(users)
      .values(
        batch.map(({ owner }) => ({
          email: owner.email,
          emailVerifiedAt: owner.createdAt,
          name: owner.name,
          phone: owner.phone,
          roles: ['buyer', 'seller'],
          adultBusinessDeclaredAt: owner.createdAt,
          createdAt: owner.createdAt,
          updatedAt: owner.createdAt,
        })),
      )
      .onConflictDoNothing({ target: users.email })
      .returning({ id: users.id, email: users.email })
    const ownerIds = new Map(owners.map((o) => [o.email, o.id]))
    const withOwner = batch.filter((s) => ownerIds.has(s.owner.email))
    if (withOwner.length === 0) continue
    const inserted = await db
      .insert(businesses)
      .values(
        withOwner.map((s) => ({
          ...s.business,
          ownerUserId: ownerIds.get(s.owner.email)!,
          categoryIds: s.sells.map((slug) => categoryIds.get(slug)!),
          updatedAt: s.business.createdAt,
        })),
      )
      .onConflictDoNothing()
      .returning({ id: businesses.id, slug: businesses.slug })
    const ids = new Map(inserted.map((b) => [b.slug, b.id]))
    const orphans = withOwner
      .filter((s) => !ids.has(s.business.slug))
      .map((s) => ownerIds.get(s.owner.email)!)
    if (orphans.length) await db.delete(users).where(inArray(users.id, orphans))
    for (const s of withOwner) {
      const id = ids.get(s.business.slug)
      if (id === undefined) continue
      sellers.push({
        id,
        city: s.business.city,
        businessType: s.business.businessType,
        sells: s.sells,
        weight: s.weight,
      })
    }
    counts.users += owners.length - orphans.length
    counts.businesses += inserted.length
    progress(done, total, 'sellers')
  }
  if (sellers.length === 0)
    throw new Error('No demo sellers could be added (all collided with existing rows)')
  return sellers
}

function take<T>(items: Iterator<T>, n: number): T[] {
  const taken: T[] = []
  while (taken.length < n) {
    const next = items.next()
    if (next.done) break
    taken.push(next.value)
  }
  return taken
}

async function insertProducts(
  db: Db,
  next: () => DemoProduct,
  count: number,
  onRows: (done: number) => void,
) {
  for (let done = 0; done < count; ) {
    const size = Math.min(BATCH, count - done)
    const rows = Array.from({ length: size }, () => {
      const p = next()
      return {
        ...p,
        createdAt: new Date(p.createdAt),
        updatedAt: new Date(p.updatedAt),
        publishedAt: p.publishedAt === null ? null : new Date(p.publishedAt),
      }
    })
    await db.insert(products).values(rows)
    done += size
    onRows(done)
  }
}

async function countRows(db: Db, table: 'businesses' | 'products'): Promise<number> {
  const [row] = await queryRows<{ n: number | string }>(
    db,
    sql`select count(*)::int as n from ${sql.identifier(table)}`,
  )
  return Number(row?.n ?? 0)
}

/** Drops the GIN indexes on products and returns their definitions, exactly as the migrations made them. */
async function dropGinIndexes(client: pg.PoolClient): Promise<string[]> {
  const { rows } = await client.query<{ name: string; definition: string }>(
    `select indexname as name, indexdef as definition from pg_indexes
      where schemaname = current_schema() and tablename = 'products' and indexdef like '% USING gin %'
      order by indexname`,
  )
  for (const { name } of rows) await client.query(`drop index ${client.escapeIdentifier(name)}`)
  return rows.map((r) => r.definition)
}

/** Timestamps are relative to the start of the seeding day (UTC), so a seed is repeatable within a day. */
function startOfUtcDay(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()))
}
