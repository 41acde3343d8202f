import { createHash, randomBytes } from 'node:crypto'
import { and, desc, eq, isNull, lt, or, sql } from 'drizzle-orm'
import type { Db } from '../../db/database.ts'
import { invalid, notFound } from '../../shared/errors.ts'
import { isUuid } from '../../shared/validation.ts'
import * as accounts from '../accounts/index.ts'
import { apiKeys } from './catalog.tables.ts'
import type { SellerActor } from './seller-products.ts'

// Keys for a seller's own systems. The key is shown once; only its SHA-256 is stored (a key is
// 256 random bits, so a fast hash is enough — there is nothing to guess). The first characters
// are kept as a prefix so a seller can tell their keys apart.

const KEY_PREFIX = 'mk_'
const SHOWN_PREFIX_LENGTH = KEY_PREFIX.length + 8
const MAX_ACTIVE_KEYS = 20

export interface ApiKeySummary {
  id: string
  name: string
  prefix: string
  createdAt: Date
  lastUsedAt: Date | null
  revokedAt: Date | null
}

const hashKey = (key: string) => createHash('sha256').update(key).digest('hex')

/**
 * Makes a key for the seller's business after a step-up (accounts.assertStepUp: the person's
 * password, and a code when two-factor sign-in is on) — a key can change every listing, so a
 * session alone must not be enough. Returns the key itself, which is never shown again. Throws
 * what assertStepUp throws (with a bad name reported alongside), invalid('invalid_key_name' | 'too_many_keys').
 */
export async function issueApiKey(
  db: Db,
  deps: accounts.AccountsDeps,
  seller: SellerActor,
  input: { name: string } & accounts.StepUpProof,
): Promise<{ key: string; summary: ApiKeySummary }> {
  const problem = keyNameProblem(input.name)
  await accounts.assertStepUp(db, deps, seller.userId, input, { fields: problem ? { name: problem } : {} })
  return createApiKey(db, seller, input.name)
}

/**
 * Makes a key without a step-up: for callers that have already proved who is acting (issueApiKey)
 * and for test fixtures. Throws invalid('invalid_key_name' | 'too_many_keys').
 */
export async function createApiKey(
  db: Db,
  seller: SellerActor,
  name: string,
): Promise<{ key: string; summary: ApiKeySummary }> {
  const trimmed = name.trim()
  const problem = keyNameProblem(name)
  if (problem) throw invalid('invalid_key_name', problem, { name: problem })
  const active = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(apiKeys)
    .where(and(eq(apiKeys.businessId, seller.businessId), isNull(apiKeys.revokedAt)))
  if ((active[0]?.count ?? 0) >= MAX_ACTIVE_KEYS) {
    const message = `You have ${MAX_ACTIVE_KEYS} active keys. Revoke one you no longer use first.`
    throw invalid('too_many_keys', message, { name: message })
  }
  const key = `${KEY_PREFIX}${randomBytes(32).toString('base64url')}`
  const [row] = await db
    .insert(apiKeys)
    .values({
      businessId: seller.businessId,
      name: trimmed,
      prefix: key.slice(0, SHOWN_PREFIX_LENGTH),
      keyHash: hashKey(key),
      createdBy: seller.userId,
    })
    .returning(summaryColumns)
  return { key, summary: row! }
}

function keyNameProblem(name: string): string | null {
  const trimmed = name.trim()
  if (trimmed.length >= 1 && trimmed.length <= 80) return null
  return 'Name the key after the system that will use it, in 80 characters or fewer, like "ERP sync".'
}

const summaryColumns = {
  id: apiKeys.id,
  name: apiKeys.name,
  prefix: apiKeys.prefix,
  createdAt: apiKeys.createdAt,
  lastUsedAt: apiKeys.lastUsedAt,
  revokedAt: apiKeys.revokedAt,
}

/** The business's keys, newest first, revoked ones included (marked). */
export async function listApiKeys(db: Db, seller: SellerActor): Promise<ApiKeySummary[]> {
  return db
    .select(summaryColumns)
    .from(apiKeys)
    .where(eq(apiKeys.businessId, seller.businessId))
    .orderBy(desc(apiKeys.createdAt))
    .limit(100)
}

/** Stops a key working at once. Revoking a revoked key changes nothing. Throws NotFound('api_key_not_found'). */
export async function revokeApiKey(db: Db, seller: SellerActor, id: string): Promise<void> {
  if (!isUuid(id)) throw keyNotFound()
  const [row] = await db
    .update(apiKeys)
    .set({ revokedAt: sql`coalesce(${apiKeys.revokedAt}, now())` })
    .where(and(eq(apiKeys.id, id), eq(apiKeys.businessId, seller.businessId)))
    .returning({ id: apiKeys.id })
  if (!row) throw keyNotFound()
}

/**
 * The seller a presented key acts for, or null for an unknown or revoked key. Records when the key
 * was last used (at most once a minute, so busy integrations do not write on every call).
 */
export async function authenticateApiKey(db: Db, key: string): Promise<SellerActor | null> {
  if (!key.startsWith(KEY_PREFIX) || key.length > 100) return null
  const [row] = await db
    .select({ id: apiKeys.id, businessId: apiKeys.businessId, createdBy: apiKeys.createdBy })
    .from(apiKeys)
    .where(and(eq(apiKeys.keyHash, hashKey(key)), isNull(apiKeys.revokedAt)))
  if (!row) return null
  await db
    .update(apiKeys)
    .set({ lastUsedAt: sql`now()` })
    .where(
      and(
        eq(apiKeys.id, row.id),
        or(isNull(apiKeys.lastUsedAt), lt(apiKeys.lastUsedAt, sql`now() - interval '1 minute'`)),
      ),
    )
  return { userId: row.createdBy, businessId: row.businessId }
}

const keyNotFound = () => notFound('api_key_not_found', 'There is no such key for your business.')
