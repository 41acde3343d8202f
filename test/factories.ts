import { randomBytes, randomInt } from 'node:crypto'
import type { Db } from '#src/db/database.ts'
import { businesses, users } from '#src/modules/accounts/accounts.tables.ts'
import { categories, type ProductSpec, products } from '#src/modules/catalog/catalog.tables.ts'
import { makeGstin } from '#src/shared/gstin.ts'

// Factories take overrides and build any missing parent, so a test states only what it cares about.

const unique = () => randomBytes(4).toString('hex')

export async function buildUser(db: Db, overrides: Partial<typeof users.$inferInsert> = {}) {
  const [user] = await db
    .insert(users)
    .values({ email: `user-${unique()}@example.test`, name: 'Asha Verma', phone: '+919876543210', ...overrides })
    .returning()
  return user!
}

export async function buildBusiness(db: Db, overrides: Partial<typeof businesses.$inferInsert> = {}) {
  const ownerUserId = overrides.ownerUserId ?? (await buildUser(db, { roles: ['buyer', 'seller'] })).id
  const id = unique()
  // A random, well-formed PAN (about 6 × 10^11 of them), so that a test building hundreds of
  // businesses never meets the unique GSTIN twice.
  const letter = () => 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'[randomInt(26)]!
  const pan = `${letter()}${letter()}${letter()}${'CFHPT'[randomInt(5)]}${letter()}${String(randomInt(10000)).padStart(4, '0')}${letter()}`
  const [business] = await db
    .insert(businesses)
    .values({
      ownerUserId,
      slug: `test-industries-${id}`,
      legalName: `Test Industries ${id} Pvt Ltd`,
      gstin: makeGstin('27', pan),
      gstinVerifiedAt: new Date(),
      businessType: 'manufacturer',
      addressLine1: 'Plot 12, MIDC Bhosari',
      city: 'Pune',
      state: 'Maharashtra',
      pin: '411026',
      ...overrides,
    })
    .returning()
  return business!
}

export async function buildCategory(db: Db, overrides: Partial<typeof categories.$inferInsert> = {}) {
  const id = unique()
  const [category] = await db
    .insert(categories)
    .values({ slug: `pumps-${id}`, name: `Pumps ${id}`, ...overrides })
    .returning()
  return category!
}

export async function buildProduct(db: Db, overrides: Partial<typeof products.$inferInsert> = {}) {
  const businessId = overrides.businessId ?? (await buildBusiness(db)).id
  const categoryId = overrides.categoryId ?? (await buildCategory(db)).id
  const specs: ProductSpec[] = [
    { name: 'Flow rate', value: '120 LPM' },
    { name: 'Power', value: '1 HP' },
  ]
  const [product] = await db
    .insert(products)
    .values({
      businessId,
      categoryId,
      slug: 'centrifugal-monoblock-pump',
      title: 'Centrifugal Monoblock Pump 1 HP',
      description: 'Cast iron body, suitable for clean water transfer in factories and buildings.',
      specs,
      unit: 'piece',
      moq: 2,
      pricePaise: 785_000,
      status: 'published',
      publishedAt: new Date(),
      ...overrides,
    })
    .returning()
  return product!
}
