import { desc, eq, sql } from 'drizzle-orm'
import type { Db } from '../../db/database.ts'
import { AppError, notFound } from '../../shared/errors.ts'
import { type FieldProblem, parseInputAll, validOrUndefined } from '../../shared/validation.ts'
import { dateOfBirthInput, ProfileInput } from './accounts.schemas.ts'
import { profileVersions, users } from './accounts.tables.ts'
import { mobileNumber } from './phone.ts'
import { voidPendingCodes } from './phone-verification.ts'

/** The profile fields a person can see and change, in display order, with their labels. */
export const profileFields = {
  email: 'Email address',
  name: 'Name',
  phone: 'Mobile number',
  dateOfBirth: 'Date of birth',
  gender: 'Gender',
  addressLine1: 'Address',
  addressLine2: 'Address (line 2)',
  city: 'City',
  state: 'State',
  pin: 'PIN code',
} as const
export type ProfileField = keyof typeof profileFields

export type Profile = {
  id: string
  emailVerifiedAt: Date | null
  phoneVerifiedAt: Date | null
  roles: string[]
  version: number
} & {
  [K in ProfileField]: string | null
}

const profileColumns = {
  id: users.id,
  email: users.email,
  emailVerifiedAt: users.emailVerifiedAt,
  phoneVerifiedAt: users.phoneVerifiedAt,
  roles: users.roles,
  version: users.profileVersion,
  name: users.name,
  phone: users.phone,
  dateOfBirth: users.dateOfBirth,
  gender: users.gender,
  addressLine1: users.addressLine1,
  addressLine2: users.addressLine2,
  city: users.city,
  state: users.state,
  pin: users.pin,
}

export async function findProfile(db: Db, userId: string): Promise<Profile> {
  const [row] = await db.select(profileColumns).from(users).where(eq(users.id, userId)).limit(1)
  if (!row) throw notFound('user_not_found', 'This account no longer exists.')
  return row as Profile
}

export interface ProfileChange {
  field: ProfileField
  from: string | null
  to: string | null
}

/**
 * Changes the named fields and writes a new profile version recording who changed what, from
 * what, to what — in one transaction. Fields given with their current value are not "changes";
 * a PATCH that changes nothing writes no version. Returns the new profile.
 */
export async function updateProfile(db: Db, userId: string, input: unknown, actorUserId: string = userId) {
  // Every problem in one answer: the schema's, and the checks that need no database.
  const raw = (input && typeof input === 'object' ? input : {}) as Record<string, unknown>
  const dateOfBirth = validOrUndefined(dateOfBirthInput, raw.dateOfBirth)
  const parsed = parseInputAll(ProfileInput, input, [
    dateOfBirth &&
      isUnder18(dateOfBirth) && {
        field: 'dateOfBirth',
        message: 'You must be 18 or over.',
        code: 'under_18',
        summary: 'Mandi is for people aged 18 or over.',
      },
    phoneProblem(raw.phone),
  ])
  const next: Partial<Record<ProfileField, string | null>> = { ...parsed }
  if (parsed.phone !== undefined) next.phone = mobileNumber(parsed.phone)
  return db.transaction(async (tx) => {
    const [current] = await tx.select(profileColumns).from(users).where(eq(users.id, userId)).for('update')
    if (!current) throw notFound('user_not_found', 'This account no longer exists.')
    const changes: ProfileChange[] = []
    for (const [field, value] of Object.entries(next) as [ProfileField, string | null | undefined][]) {
      if (value === undefined) continue
      const from = (current as Record<string, unknown>)[field] as string | null
      if ((from ?? null) !== (value ?? null)) changes.push({ field, from: from ?? null, to: value ?? null })
    }
    if (changes.length === 0) return current as Profile
    const version = current.version + 1
    const set: Record<string, unknown> = Object.fromEntries(changes.map((c) => [c.field, c.to]))
    // A new or changed mobile number is not verified, and codes sent to the old one stop working.
    if (changes.some((c) => c.field === 'phone')) {
      set.phoneVerifiedAt = null
      await voidPendingCodes(tx, userId)
    }
    await tx
      .update(users)
      .set({ ...set, profileVersion: version, updatedAt: sql`now()` })
      .where(eq(users.id, userId))
    await tx.insert(profileVersions).values({ userId, version, changedBy: actorUserId, changes })
    return { ...current, ...set, version } as Profile
  })
}

/** Writes version 1: the profile as registered. Used by registration, inside its transaction. */
export async function recordFirstVersion(
  tx: Db,
  userId: string,
  values: Partial<Record<ProfileField, string | null>>,
) {
  const changes: ProfileChange[] = (Object.keys(profileFields) as ProfileField[])
    .filter((field) => values[field] != null)
    .map((field) => ({ field, from: null, to: values[field] ?? null }))
  await tx.insert(profileVersions).values({ userId, version: 1, changedBy: userId, changes })
}

/** Every version of the person's profile, newest first. */
export async function listProfileHistory(db: Db, userId: string) {
  return db
    .select({
      version: profileVersions.version,
      changedAt: profileVersions.changedAt,
      changedBy: profileVersions.changedBy,
      changes: profileVersions.changes,
    })
    .from(profileVersions)
    .where(eq(profileVersions.userId, userId))
    .orderBy(desc(profileVersions.version))
}

/** True when someone born on `isoDate` is not yet 18 on `today` (birthdays count from the day itself). */
export function isUnder18(isoDate: string, today = new Date()): boolean {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number]
  const eighteenth = Date.UTC(y + 18, m - 1, d)
  const todayUtc = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate())
  return todayUtc < eighteenth
}

/** Why a phone number given as text cannot take text messages, as a field problem; null when it can or is absent. */
export function phoneProblem(value: unknown): FieldProblem | null {
  if (typeof value !== 'string' || value.trim() === '') return null
  try {
    mobileNumber(value)
    return null
  } catch (error) {
    if (error instanceof AppError) return { field: 'phone', message: error.message, code: error.code }
    throw error
  }
}
