import type { Db } from '#src/db/database.ts'
import { sellerResponsiveness } from '#src/modules/enquiries/enquiries.tables.ts'
import * as privacy from '#src/modules/privacy/index.ts'
import { buildBusiness, buildCategory, buildProduct, buildUser } from './factories.ts'

// Factories for buy requirements and recommendations: a buyer who may post, sellers with matching
// products in a given place, stored responsiveness figures and consent.

const DAY_MS = 24 * 3_600_000

/**
 * A buyer who may post requirements: confirmed email and a phone. By default the account is a
 * month old, so the new-account daily cap does not apply; pass `createdAt: new Date()` to test it.
 */
export async function buildBuyer(db: Db, overrides: Parameters<typeof buildUser>[1] = {}) {
  return buildUser(db, {
    name: 'Meera Iyer',
    email: `buyer-${Math.random().toString(36).slice(2, 10)}@buyers.example`,
    phone: '+919812345678',
    emailVerifiedAt: new Date(),
    city: 'Pune',
    state: 'Maharashtra',
    createdAt: new Date(Date.now() - 30 * DAY_MS),
    ...overrides,
  })
}

/** A top category with one subcategory, where requirement products are listed. */
export async function buildCategoryPair(db: Db, name = 'Ball valves') {
  const top = await buildCategory(db, { name: `Valves ${Math.random().toString(36).slice(2, 8)}` })
  const sub = await buildCategory(db, { parentId: top.id, name })
  return { top, sub }
}

export interface SellerSpec {
  categoryId: number
  title?: string
  city?: string
  state?: string
  verified?: boolean
  pricePaise?: number | null
  unit?: string
  name?: string
}

/** A seller (its own owner account) with one published product. */
export async function buildSellerWithProduct(db: Db, spec: SellerSpec) {
  const business = await buildBusiness(db, {
    city: spec.city ?? 'Pune',
    state: spec.state ?? 'Maharashtra',
    gstinVerifiedAt: spec.verified === false ? null : new Date(),
    ...(spec.name ? { tradeName: spec.name } : {}),
  })
  const product = await buildProduct(db, {
    businessId: business.id,
    categoryId: spec.categoryId,
    title: spec.title ?? 'Stainless Steel Ball Valve 2 inch PN16',
    slug: 'stainless-steel-ball-valve',
    description: 'Full bore ball valve in SS316 with PTFE seats, flanged ends.',
    specs: [
      { name: 'Material', value: 'SS316' },
      { name: 'Size', value: '2 inch' },
    ],
    unit: spec.unit ?? 'piece',
    pricePaise: spec.pricePaise === undefined ? 450_000 : spec.pricePaise,
  })
  return { business, product }
}

/** Stores a seller's responsiveness figures as the daily job would. */
export async function setResponsiveness(
  db: Db,
  businessId: number,
  figures: { enquiries90d: number; answeredShare: number; medianFirstReplyHours: number | null },
) {
  await db
    .insert(sellerResponsiveness)
    .values({ businessId, ...figures })
    .onConflictDoUpdate({ target: sellerResponsiveness.businessId, set: figures })
}

export async function giveConsent(db: Db, userId: string, purpose: privacy.Purpose = 'personalisation') {
  await db.transaction((tx) =>
    privacy.recordConsent(tx, { userId, purpose, action: 'grant', channel: 'web' }),
  )
}

/** The body of a requirement that matches the products buildSellerWithProduct lists. */
export function valveRequirement(overrides: Record<string, unknown> = {}) {
  return {
    title: 'Stainless steel ball valve 2 inch',
    details: 'SS316, PN16, flanged ends. Test certificate needed.',
    quantity: 50,
    unit: 'piece',
    maxSuppliers: 3,
    ...overrides,
  }
}
