import { eq } from 'drizzle-orm'
import type { Db } from '../../db/database.ts'
import { users } from './accounts.tables.ts'

/**
 * Locks the person's account row until the caller's transaction ends, and says when the account
 * was made. Other modules serialise one person's parallel requests with it (a daily cap counted
 * and recorded under the lock holds under concurrency). Undefined when there is no such account.
 */
export async function lockAccount(tx: Db, userId: string): Promise<{ createdAt: Date } | undefined> {
  const [account] = await tx
    .select({ createdAt: users.createdAt })
    .from(users)
    .where(eq(users.id, userId))
    .for('update')
  return account
}
