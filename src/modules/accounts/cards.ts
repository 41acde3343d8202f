import { and, asc, eq, ilike, inArray, isNull, max, sql } from 'drizzle-orm'
import type { Db } from '../../db/database.ts'
import { businesses, users } from './accounts.tables.ts'
import type { ProfileFacts } from './requirements.ts'

// What other modules may read about people and businesses, as plain objects: a person's card
// (name, company, city), their contact details, a seller's business card and contact. Other
// modules never read the accounts tables; they ask here, by id and in batches, so a list of
// 100 leads costs one query per kind of fact, not one per lead.

/** What a seller may read about a buyer: no email or phone (those travel only through a share). */
export interface PersonCard {
  id: string
  name: string
  city: string | null
  state: string | null
  /** The trade (else legal) name of the first business the person owns, if any. */
  company: string | null
}

/** A person's own contact details, for the module that decides whether and where to send them. */
export interface PersonContact {
  email: string
  phone: string | null
}

/** A business as buyers see it on a storefront, with its owner for the module's own checks. */
export interface BusinessCard {
  id: number
  ownerUserId: string
  /** Trade name, else legal name. */
  name: string
  slug: string
  city: string
  state: string
  verified: boolean
  categoryIds: number[]
}

/** Where a seller's business is reached: its own email and phone, else the owner's. */
export interface SellerContact {
  businessId: number
  ownerUserId: string
  /** Trade name, else legal name. */
  name: string
  businessEmail: string | null
  businessPhone: string | null
  ownerEmail: string
  ownerPhone: string | null
}

/** Ids per query, well under PostgreSQL's 65,535 bound parameters. */
const BATCH = 10_000

function batches<T>(values: readonly T[]): T[][] {
  const out: T[][] = []
  for (let i = 0; i < values.length; i += BATCH) out.push(values.slice(i, i + BATCH))
  return out
}

const displayName = sql<string>`coalesce(${businesses.tradeName}, ${businesses.legalName})`

/** Cards of the given people, by id; unknown ids are absent. */
export async function personCards(db: Db, userIds: readonly string[]): Promise<Map<string, PersonCard>> {
  const result = new Map<string, PersonCard>()
  for (const ids of batches([...new Set(userIds)])) {
    for (const [id, card] of await personCardBatch(db, ids)) result.set(id, card)
  }
  return result
}

async function personCardBatch(db: Db, ids: string[]): Promise<Map<string, PersonCard>> {
  // One after the other: `db` may be a transaction, which runs one statement at a time.
  const people = await db
    .select({ id: users.id, name: users.name, city: users.city, state: users.state })
    .from(users)
    .where(inArray(users.id, ids))
  const companies = await companiesOf(db, ids)
  return new Map(people.map((p) => [p.id, { ...p, company: companies.get(p.id) ?? null }]))
}

export async function personCard(db: Db, userId: string): Promise<PersonCard | null> {
  return (await personCards(db, [userId])).get(userId) ?? null
}

// The first business a person owns (lowest id), as their company. Not for an account without any
// role: that is an erased one (erased_at set), whose business is kept only as a legal record.
async function companiesOf(db: Db, userIds: string[]): Promise<Map<string, string>> {
  const rows = await db
    .selectDistinctOn([businesses.ownerUserId], { ownerUserId: businesses.ownerUserId, name: displayName })
    .from(businesses)
    .innerJoin(users, eq(users.id, businesses.ownerUserId))
    .where(and(inArray(businesses.ownerUserId, userIds), isNull(users.erasedAt)))
    .orderBy(businesses.ownerUserId, asc(businesses.id))
  return new Map(rows.map((r) => [r.ownerUserId, r.name]))
}

/** Email and phone of the given people, by id; unknown ids are absent. */
export async function personContacts(
  db: Db,
  userIds: readonly string[],
): Promise<Map<string, PersonContact>> {
  const result = new Map<string, PersonContact>()
  for (const ids of batches([...new Set(userIds)])) {
    const rows = await db
      .select({ id: users.id, email: users.email, phone: users.phone })
      .from(users)
      .where(inArray(users.id, ids))
    for (const { id, ...contact } of rows) result.set(id, contact)
  }
  return result
}

export async function personContact(db: Db, userId: string): Promise<PersonContact | null> {
  return (await personContacts(db, [userId])).get(userId) ?? null
}

/** What `assertCapability` needs to decide whether the person may send an enquiry; null if unknown. */
export async function profileFactsOf(db: Db, userId: string): Promise<ProfileFacts | null> {
  const [row] = await db
    .select({ emailVerifiedAt: users.emailVerifiedAt, phone: users.phone })
    .from(users)
    .where(eq(users.id, userId))
  return row ?? null
}

/**
 * Of the given people, those whose name contains `text` (case-insensitive, taken literally), for a
 * search over a list another module holds.
 */
export async function peopleNamedLike(
  db: Db,
  userIds: readonly string[],
  text: string,
): Promise<Set<string>> {
  const pattern = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
  const result = new Set<string>()
  for (const ids of batches([...new Set(userIds)])) {
    const rows = await db
      .select({ id: users.id })
      .from(users)
      .where(and(inArray(users.id, ids), ilike(users.name, pattern)))
    for (const row of rows) result.add(row.id)
  }
  return result
}

/** Cards of the given businesses, by id; unknown ids are absent. */
export async function businessCards(
  db: Db,
  businessIds: readonly number[],
): Promise<Map<number, BusinessCard>> {
  const result = new Map<number, BusinessCard>()
  for (const ids of batches([...new Set(businessIds)])) {
    for (const [id, card] of await businessCardBatch(db, ids)) result.set(id, card)
  }
  return result
}

async function businessCardBatch(db: Db, ids: number[]): Promise<Map<number, BusinessCard>> {
  const rows = await db
    .select({
      id: businesses.id,
      ownerUserId: businesses.ownerUserId,
      name: displayName,
      slug: businesses.slug,
      city: businesses.city,
      state: businesses.state,
      verifiedAt: businesses.gstinVerifiedAt,
      categoryIds: businesses.categoryIds,
    })
    .from(businesses)
    .where(inArray(businesses.id, ids))
  return new Map(
    rows.map(({ verifiedAt, ...r }) => [r.id, { ...r, id: Number(r.id), verified: verifiedAt !== null }]),
  )
}

export async function businessCard(db: Db, businessId: number): Promise<BusinessCard | null> {
  return (await businessCards(db, [businessId])).get(businessId) ?? null
}

/** The ids of the businesses a person owns, lowest first. */
export async function businessIdsOwnedBy(db: Db, userId: string): Promise<number[]> {
  const rows = await db
    .select({ id: businesses.id })
    .from(businesses)
    .where(eq(businesses.ownerUserId, userId))
    .orderBy(asc(businesses.id))
  return rows.map((r) => Number(r.id))
}

/** How a business is reached (its own email and phone and its owner's), or null if there is none. */
export async function sellerContact(db: Db, businessId: number): Promise<SellerContact | null> {
  const [row] = await db
    .select({
      businessId: businesses.id,
      ownerUserId: businesses.ownerUserId,
      name: displayName,
      businessEmail: businesses.email,
      businessPhone: businesses.phone,
      ownerEmail: users.email,
      ownerPhone: users.phone,
    })
    .from(businesses)
    .innerJoin(users, eq(users.id, businesses.ownerUserId))
    .where(eq(businesses.id, businessId))
  return row ? { ...row, businessId: Number(row.businessId) } : null
}

/** The highest business id, for splitting sellers into sitemap chunks by id. */
export async function highestBusinessId(db: Db): Promise<number> {
  const [row] = await db.select({ top: max(businesses.id) }).from(businesses)
  return Number(row?.top ?? 0)
}

/** Slug and last change of the businesses with ids in [from, to], by id: the sitemap's seller entries. */
export async function businessesInIdRange(db: Db, from: number, to: number) {
  const rows = await db
    .select({ id: businesses.id, slug: businesses.slug, updatedAt: businesses.updatedAt })
    .from(businesses)
    .where(sql`${businesses.id} between ${from} and ${to}`)
    .orderBy(asc(businesses.id))
  return rows.map((r) => ({ ...r, id: Number(r.id) }))
}
