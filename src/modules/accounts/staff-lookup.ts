import { eq, inArray, sql } from 'drizzle-orm'
import type { Db } from '../../db/database.ts'
import * as messaging from '../messaging/index.ts'
import { users } from './accounts.tables.ts'

// What staff pages may ask of accounts: find a person by an exact email address or phone number
// (never by a fragment, so the search cannot be used to browse people), and the roles of staff
// members, so a person is told "Support staff" viewed their data without being told who.

/** A person as the staff search lists them. */
export interface PersonMatch {
  id: string
  name: string
  email: string
  phone: string | null
  roles: string[]
  createdAt: Date
}

/**
 * People whose email (case-insensitively, after normalising) or phone (as E.164) is exactly the
 * query. A query with an @ that is no valid email address throws invalid('invalid_email'); anything
 * else that is no valid phone number throws invalid('invalid_phone').
 */
export async function findPeopleByContact(db: Db, query: string): Promise<PersonMatch[]> {
  const condition = contactCondition(query)
  return db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      phone: users.phone,
      roles: users.roles,
      createdAt: users.createdAt,
    })
    .from(users)
    .where(condition)
    .orderBy(users.createdAt)
    .limit(50)
}

function contactCondition(query: string) {
  const text = query.trim()
  if (text.includes('@')) {
    const email = messaging.normaliseEmail(text)
    return sql`lower(${users.email}) = ${email.toLowerCase()}`
  }
  return eq(users.phone, messaging.normalisePhone(text))
}

/** The roles of the given people, by id; unknown ids (an erased staff account) are absent. */
export async function rolesOf(db: Db, userIds: readonly string[]): Promise<Map<string, string[]>> {
  const ids = [...new Set(userIds)]
  if (ids.length === 0) return new Map()
  const rows = await db.select({ id: users.id, roles: users.roles }).from(users).where(inArray(users.id, ids))
  return new Map(rows.map((r) => [r.id, r.roles]))
}
