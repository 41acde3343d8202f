import { randomUUID } from 'node:crypto'
import { and, asc, desc, eq, gt, sql } from 'drizzle-orm'
import type { Db } from '../../db/database.ts'
import { invalid, notFound } from '../../shared/errors.ts'
import { currentPolicyVersion } from './policy.ts'
import { consentEvents } from './privacy.tables.ts'
import { type Purpose, purposes } from './purposes.ts'
import type { ConsentReceiptClaims, ReceiptSigner } from './receipts.ts'

export type ConsentChannel = (typeof consentEvents.$inferInsert)['channel']

/** Purposes that rest on consent: the only ones a person grants or withdraws. */
export const consentPurposes = (Object.keys(purposes) as Purpose[]).filter(
  (p) => purposes[p].basis === 'consent',
)

/** True when the person's latest consent event for the purpose is a grant. */
export async function hasConsent(db: Db, userId: string, purpose: Purpose): Promise<boolean> {
  const [latest] = await db
    .select({ action: consentEvents.action })
    .from(consentEvents)
    .where(and(eq(consentEvents.userId, userId), eq(consentEvents.purpose, purpose)))
    .orderBy(desc(consentEvents.id))
    .limit(1)
  return latest?.action === 'grant'
}

/** Current state of every consent purpose for a person, with when it last changed. */
export async function listConsents(db: Db, userId: string) {
  const rows = await db
    .selectDistinctOn([consentEvents.purpose], {
      purpose: consentEvents.purpose,
      action: consentEvents.action,
      policyVersion: consentEvents.policyVersion,
      channel: consentEvents.channel,
      receiptId: consentEvents.receiptId,
      createdAt: consentEvents.createdAt,
    })
    .from(consentEvents)
    .where(eq(consentEvents.userId, userId))
    .orderBy(consentEvents.purpose, desc(consentEvents.id))
  const byPurpose = new Map(rows.map((r) => [r.purpose, r]))
  return consentPurposes.map((purpose) => {
    const latest = byPurpose.get(purpose)
    return {
      purpose,
      granted: latest?.action === 'grant',
      changedAt: latest?.createdAt ?? null,
      policyVersion: latest?.policyVersion ?? null,
      receiptId: latest?.action === 'grant' ? (latest.receiptId ?? null) : null,
    }
  })
}

/**
 * Records a grant or a withdrawal in the caller's transaction; processing that checks
 * `hasConsent` in a later statement sees the change at once. Throws invalid('not_a_consent_purpose')
 * for purposes that do not rest on consent.
 */
export async function recordConsent(
  tx: Db,
  input: { userId: string; purpose: Purpose; action: 'grant' | 'withdraw'; channel: ConsentChannel },
) {
  if (!consentPurposes.includes(input.purpose)) {
    throw invalid(
      'not_a_consent_purpose',
      `"${input.purpose}" is not something you grant or withdraw consent for.`,
    )
  }
  // Serialise changes per person and purpose, so two clicks cannot interleave.
  await tx.execute(
    sql`select pg_advisory_xact_lock(hashtextextended(${`${input.userId}:${input.purpose}`}, 0))`,
  )
  const [event] = await tx
    .insert(consentEvents)
    .values({
      userId: input.userId,
      purpose: input.purpose,
      action: input.action,
      channel: input.channel,
      policyVersion: currentPolicyVersion,
      receiptId: input.action === 'grant' ? randomUUID() : null,
    })
    .returning()
  return event!
}

export interface ReceiptContext {
  issuer: string
  controller: { name: string; grievanceEmail: string }
}

/**
 * The signed receipt for one of the person's consent grants, rebuilt from the ledger (Ed25519
 * signatures are deterministic, so every download is the same token). Throws
 * notFound('receipt_not_found') for another person's receipt or an unknown id.
 */
export async function consentReceipt(
  db: Db,
  signer: ReceiptSigner,
  context: ReceiptContext,
  userId: string,
  receiptId: string,
) {
  const [event] = await db
    .select()
    .from(consentEvents)
    .where(and(eq(consentEvents.userId, userId), eq(consentEvents.receiptId, receiptId)))
    .limit(1)
  if (!event) throw notFound('receipt_not_found', 'There is no consent receipt with that id in your account.')
  const purpose = purposes[event.purpose as Purpose]
  return signer.sign({
    jti: receiptId,
    iss: context.issuer,
    sub: userId,
    iat: Math.floor(event.createdAt.getTime() / 1000),
    controller: context.controller,
    purpose: { code: event.purpose, title: purpose.title, description: purpose.description },
    policyVersion: event.policyVersion,
    channel: event.channel,
  })
}

/**
 * What the consent ledger says now about the grant a (verified) receipt records: whether the
 * ledger knows it, and when the person withdrew that consent after it, if they did (the first
 * withdrawal after the grant; a later grant has a receipt of its own).
 */
export async function receiptStanding(
  db: Db,
  claims: Pick<ConsentReceiptClaims, 'jti' | 'sub'>,
): Promise<{ known: boolean; withdrawnAt: Date | null }> {
  if (!isUuid(claims.jti) || !isUuid(claims.sub)) return { known: false, withdrawnAt: null }
  const [grant] = await db
    .select({ id: consentEvents.id, purpose: consentEvents.purpose })
    .from(consentEvents)
    .where(and(eq(consentEvents.receiptId, claims.jti), eq(consentEvents.userId, claims.sub)))
    .limit(1)
  if (!grant) return { known: false, withdrawnAt: null }
  const [withdrawal] = await db
    .select({ createdAt: consentEvents.createdAt })
    .from(consentEvents)
    .where(
      and(
        eq(consentEvents.userId, claims.sub),
        eq(consentEvents.purpose, grant.purpose),
        eq(consentEvents.action, 'withdraw'),
        gt(consentEvents.id, grant.id),
      ),
    )
    .orderBy(asc(consentEvents.id))
    .limit(1)
  return { known: true, withdrawnAt: withdrawal?.createdAt ?? null }
}

const isUuid = (value: unknown) =>
  typeof value === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value)
