import { sql } from 'drizzle-orm'
import type { Db } from '../../db/database.ts'

/** The PostgreSQL NOTIFY channel on which catalogue changes are announced to every web process. */
export const CATALOG_CHANNEL = 'mandi_catalog'

/**
 * Announces that published catalogue data changed (a product's price, status, title, images; a
 * seller's name or city). Call it in the transaction that makes the change: PostgreSQL delivers
 * the notification only if that transaction commits, so caches never drop a page for a change
 * that was rolled back. The payload names what changed, e.g. 'product:42' or 'business:7'.
 */
export async function announceCatalogChange(tx: Db, what: string) {
  await tx.execute(sql`select pg_notify(${CATALOG_CHANNEL}, ${what.slice(0, 200)})`)
}
