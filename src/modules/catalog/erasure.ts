import { and, eq, inArray, isNull, or, sql } from 'drizzle-orm'
import type { Db } from '../../db/database.ts'
import * as accounts from '../accounts/index.ts'
import { announceCatalogChange } from './catalog.events.ts'
import { apiKeys, products } from './catalog.tables.ts'

/**
 * What erasing an account needs from the catalogue, in the eraser's transaction: the API keys of
 * the person's businesses, and any key they created, stop working; their products are taken off
 * the site (back to draft), so nothing of a gone seller stays on sale. Returns report counts.
 */
export async function eraseSubject(tx: Db, userId: string): Promise<Record<string, number>> {
  const business = await accounts.findBusinessByOwner(tx, userId)
  const owned = business ? [business.id] : []
  const keys = await tx
    .update(apiKeys)
    .set({ revokedAt: sql`now()` })
    .where(
      and(isNull(apiKeys.revokedAt), or(inArray(apiKeys.businessId, owned), eq(apiKeys.createdBy, userId))),
    )
    .returning({ id: apiKeys.id })
  const unpublished = await tx
    .update(products)
    .set({ status: 'draft', publishedAt: null, updatedAt: sql`now()` })
    .where(and(inArray(products.businessId, owned), eq(products.status, 'published')))
    .returning({ id: products.id, businessId: products.businessId })
  for (const businessId of new Set(unpublished.map((p) => p.businessId))) {
    await announceCatalogChange(tx, `business:${businessId}`)
  }
  return { 'API keys revoked': keys.length, 'products taken off the site': unpublished.length }
}
