import { eq, sql } from 'drizzle-orm'
import type { Db } from '../../db/database.ts'
import { parseGstin } from '../../shared/gstin.ts'
import { stateCodeOf } from '../../shared/india.ts'
import { AppError, conflict } from '../../shared/errors.ts'
import { slugify } from '../../shared/slug.ts'
import { type FieldProblem, parseInputAll, validOrUndefined } from '../../shared/validation.ts'
import { BusinessInput, stateInput } from './accounts.schemas.ts'
import { businesses, users } from './accounts.tables.ts'

export type Business = typeof businesses.$inferSelect

/** The person's business profile, or null when they have none yet. */
export async function findBusinessByOwner(db: Db, userId: string): Promise<Business | null> {
  const [row] = await db.select().from(businesses).where(eq(businesses.ownerUserId, userId)).limit(1)
  return row ?? null
}

/**
 * Creates or updates the person's business profile, making them a seller. The GSTIN must have a
 * valid check character and its state code must match the address. PAN is derived from the
 * GSTIN. Throws AppError invalid 'invalid_gstin' (with the reason), conflict 'gstin_taken'.
 */
export async function saveBusinessProfile(db: Db, userId: string, input: unknown): Promise<Business> {
  const data = parseInputAll(BusinessInput, input, [gstinProblem(input)])
  const gstin = parseGstin(data.gstin)
  if (!gstin.ok) throw invalidGstin(gstin.message)
  const values = {
    legalName: data.legalName,
    tradeName: data.tradeName ?? null,
    gstin: gstin.gstin,
    pan: gstin.pan,
    businessType: data.businessType,
    yearEstablished: data.yearEstablished ?? null,
    description: data.description ?? '',
    addressLine1: data.address.line1,
    city: data.address.city,
    state: data.address.state,
    pin: data.address.pin,
    categoryIds: data.categories ?? [],
  }
  return db.transaction(async (tx) => {
    const [taken] = await tx
      .select({ owner: businesses.ownerUserId })
      .from(businesses)
      .where(eq(businesses.gstin, gstin.gstin))
      .limit(1)
    if (taken && taken.owner !== userId) {
      throw conflict(
        'gstin_taken',
        'Another business on Mandi is registered with this GSTIN. Contact support if it is yours.',
      )
    }
    const [existing] = await tx
      .select({ id: businesses.id, gstin: businesses.gstin })
      .from(businesses)
      .where(eq(businesses.ownerUserId, userId))
      .for('update')
    let business: Business
    if (existing) {
      ;[business] = (await tx
        .update(businesses)
        .set({
          ...values,
          // A changed GSTIN must be checked again before it shows as verified.
          ...(existing.gstin !== gstin.gstin ? { gstinVerifiedAt: null } : {}),
          updatedAt: sql`now()`,
        })
        .where(eq(businesses.id, existing.id))
        .returning()) as [Business]
    } else {
      ;[business] = (await tx
        .insert(businesses)
        .values({
          ...values,
          ownerUserId: userId,
          slug: await freeSlug(tx, data.tradeName || data.legalName),
        })
        .returning()) as [Business]
    }
    await tx
      .update(users)
      .set({ roles: sql`(select array_agg(distinct r) from unnest(${users.roles} || array['seller']) as r)` })
      .where(eq(users.id, userId))
    return business
  })
}

/**
 * What is wrong with the GSTIN given, checked on the raw input so that it is reported together
 * with every other field: a bad check character, or a state code other than the address's state.
 */
function gstinProblem(input: unknown): FieldProblem | null {
  const raw = (input && typeof input === 'object' ? input : {}) as Record<string, unknown>
  if (typeof raw.gstin !== 'string' || raw.gstin.trim() === '') return null
  const gstin = parseGstin(raw.gstin.trim().toUpperCase())
  if (!gstin.ok) return { field: 'gstin', message: gstin.message, code: 'invalid_gstin' }
  const address = (raw.address && typeof raw.address === 'object' ? raw.address : {}) as Record<
    string,
    unknown
  >
  const state = validOrUndefined(stateInput, address.state)
  if (state === undefined || stateCodeOf(state) === gstin.stateCode) return null
  const message = `This GSTIN is registered in ${gstin.state} (state code ${gstin.stateCode}), but the address is in ${state}. Use the GSTIN of the state your address is in.`
  return { field: 'gstin', message, code: 'invalid_gstin' }
}

function invalidGstin(message: string) {
  return new AppError('invalid', 'invalid_gstin', message, { fields: { gstin: message } })
}

async function freeSlug(tx: Db, name: string): Promise<string> {
  const base = slugify(name, { maxLength: 60, fallback: 'business' })
  for (let n = 1; ; n++) {
    const slug = n === 1 ? base : `${base}-${n}`
    const [taken] = await tx
      .select({ id: businesses.id })
      .from(businesses)
      .where(eq(businesses.slug, slug))
      .limit(1)
    if (!taken) return slug
  }
}

/** Records the stored logo file of a business; returns the previous path so the caller can delete that file. */
export async function setBusinessLogo(
  db: Db,
  businessId: number,
  logoPath: string | null,
): Promise<string | null> {
  return db.transaction(async (tx) => {
    const [previous] = await tx
      .select({ logoPath: businesses.logoPath })
      .from(businesses)
      .where(eq(businesses.id, businessId))
      .for('update')
    await tx.update(businesses).set({ logoPath, updatedAt: sql`now()` }).where(eq(businesses.id, businessId))
    return previous?.logoPath ?? null
  })
}
