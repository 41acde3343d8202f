import { and, desc, eq, gt, isNull, lt, ne, or, sql } from 'drizzle-orm'
import type { Db } from '../../db/database.ts'
import { sessions, users } from './accounts.tables.ts'
import { randomToken, tokenHash } from './secrets.ts'
import { queueSecurityAlert } from './security-alerts.ts'

/**
 * Session lifetimes. A session ends when it has been idle too long or reaches its absolute
 * lifetime, whichever comes first. "Shared computer" sessions are short and never remembered.
 */
export const sessionLifetimes = {
  normal: { idleSeconds: 14 * 24 * 3600, absoluteSeconds: 60 * 24 * 3600 },
  shared: { idleSeconds: 30 * 60, absoluteSeconds: 8 * 3600 },
} as const

// Writing last_seen_at on every request would make every page a write; once a minute is enough.
const TOUCH_AFTER_MS = 60_000

export interface SessionUser {
  id: string
  email: string
  name: string
  roles: string[]
  emailVerifiedAt: Date | null
  phone: string | null
}

export interface ValidSession {
  sessionId: string
  sharedDevice: boolean
  expiresAt: Date
  user: SessionUser
}

export async function createSession(
  db: Db,
  input: {
    userId: string
    sharedDevice: boolean
    userAgent?: string | undefined
    ipPrefix?: string | undefined
  },
  now = new Date(),
) {
  const token = randomToken()
  const lifetime = input.sharedDevice ? sessionLifetimes.shared : sessionLifetimes.normal
  const [session] = await db
    .insert(sessions)
    .values({
      userId: input.userId,
      tokenHash: tokenHash(token),
      sharedDevice: input.sharedDevice,
      userAgent: input.userAgent?.slice(0, 400) ?? null,
      ipPrefix: input.ipPrefix ?? null,
      createdAt: now,
      lastSeenAt: now,
      idleExpiresAt: new Date(now.getTime() + lifetime.idleSeconds * 1000),
      expiresAt: new Date(now.getTime() + lifetime.absoluteSeconds * 1000),
    })
    .returning({ id: sessions.id, expiresAt: sessions.expiresAt })
  return { token, sessionId: session!.id, expiresAt: session!.expiresAt, sharedDevice: input.sharedDevice }
}

// Resolved on every signed-in request: prepared once per database, so each lookup is one round
// trip with no query building or planning.
function prepareSessionLookup(db: Db) {
  return db
    .select({
      sessionId: sessions.id,
      sharedDevice: sessions.sharedDevice,
      lastSeenAt: sessions.lastSeenAt,
      expiresAt: sessions.expiresAt,
      user: {
        id: users.id,
        email: users.email,
        name: users.name,
        roles: users.roles,
        emailVerifiedAt: users.emailVerifiedAt,
        phone: users.phone,
      },
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(
        eq(sessions.tokenHash, sql.placeholder('tokenHash')),
        isNull(sessions.revokedAt),
        gt(sessions.expiresAt, sql.placeholder('now')),
        gt(sessions.idleExpiresAt, sql.placeholder('now')),
      ),
    )
    .limit(1)
    .prepare('accounts_validate_session')
}

const sessionLookups = new WeakMap<Db, ReturnType<typeof prepareSessionLookup>>()

/** The signed-in person for a cookie token, or null when the session is unknown, revoked or expired. */
export async function validateSession(
  db: Db,
  token: string | undefined,
  now = new Date(),
): Promise<ValidSession | null> {
  if (!token || token.length > 100) return null
  let lookup = sessionLookups.get(db)
  if (!lookup) {
    lookup = prepareSessionLookup(db)
    sessionLookups.set(db, lookup)
  }
  const [row] = await lookup.execute({ tokenHash: tokenHash(token), now: now.toISOString() })
  if (!row) return null
  if (now.getTime() - row.lastSeenAt.getTime() > TOUCH_AFTER_MS) {
    const idle = row.sharedDevice ? sessionLifetimes.shared.idleSeconds : sessionLifetimes.normal.idleSeconds
    await db
      .update(sessions)
      .set({ lastSeenAt: now, idleExpiresAt: new Date(now.getTime() + idle * 1000) })
      .where(eq(sessions.id, row.sessionId))
  }
  return {
    sessionId: row.sessionId,
    sharedDevice: row.sharedDevice,
    expiresAt: row.expiresAt,
    user: row.user,
  }
}

/**
 * The NOTIFY channel on which ended sessions are announced. Web processes may keep a validated
 * session for a few seconds (catalogue pages, see web/session.ts); they drop them on this.
 */
export const SESSIONS_CHANNEL = 'mandi_sessions'

// In the caller's transaction, if any: delivered on commit, so a rolled-back sign-out drops nothing.
async function announceSessionsEnded(db: Db, userId: string) {
  await db.execute(sql`select pg_notify(${SESSIONS_CHANNEL}, ${userId})`)
}

/** Signs out one session of this person (their own only: another person's id changes nothing). */
export async function revokeSession(db: Db, userId: string, sessionId: string, reason = 'signed_out') {
  const revoked = await db
    .update(sessions)
    .set({ revokedAt: new Date(), revokedReason: reason })
    .where(and(eq(sessions.id, sessionId), eq(sessions.userId, userId), isNull(sessions.revokedAt)))
    .returning({ id: sessions.id })
  if (revoked.length > 0) await announceSessionsEnded(db, userId)
  return revoked.length > 0
}

/**
 * Signs out every session of the person, except `keepSessionId` when given. Returns how many ended.
 * "Sign out everywhere" (reason 'signed_out_everywhere') also emails the person a security alert,
 * in the same transaction; a password change or reset sends its own alert instead.
 */
export async function revokeAllSessions(db: Db, userId: string, reason: string, keepSessionId?: string) {
  return db.transaction(async (tx) => {
    const revoked = await tx
      .update(sessions)
      .set({ revokedAt: new Date(), revokedReason: reason })
      .where(
        and(
          eq(sessions.userId, userId),
          isNull(sessions.revokedAt),
          keepSessionId ? ne(sessions.id, keepSessionId) : undefined,
        ),
      )
      .returning({ id: sessions.id })
    if (revoked.length > 0) await announceSessionsEnded(tx, userId)
    if (revoked.length > 0 && reason === 'signed_out_everywhere') {
      await queueSecurityAlert(tx, userId, { kind: 'sessions-ended', count: revoked.length })
    }
    return revoked.length
  })
}

/** The person's active sessions, most recently used first. */
export async function listActiveSessions(db: Db, userId: string, now = new Date()) {
  return db
    .select({
      id: sessions.id,
      sharedDevice: sessions.sharedDevice,
      userAgent: sessions.userAgent,
      ipPrefix: sessions.ipPrefix,
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
      expiresAt: sessions.expiresAt,
    })
    .from(sessions)
    .where(
      and(
        eq(sessions.userId, userId),
        isNull(sessions.revokedAt),
        gt(sessions.expiresAt, now),
        gt(sessions.idleExpiresAt, now),
      ),
    )
    .orderBy(desc(sessions.lastSeenAt))
}

/** Deletes sessions that ended more than 30 days ago (the retention in the inventory). */
export async function pruneSessions(db: Db, now = new Date()) {
  const cutoff = new Date(now.getTime() - 30 * 24 * 3600 * 1000)
  const deleted = await db
    .delete(sessions)
    .where(
      or(lt(sessions.expiresAt, cutoff), lt(sessions.idleExpiresAt, cutoff), lt(sessions.revokedAt, cutoff)),
    )
    .returning({ id: sessions.id })
  return deleted.length
}
