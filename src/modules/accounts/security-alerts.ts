import { and, eq, isNull, sql } from 'drizzle-orm'
import UAParser from 'ua-parser-js'
import type { Db } from '../../db/database.ts'
import * as messaging from '../messaging/index.ts'
import { sessions, users } from './accounts.tables.ts'

// Security alerts go to the account's own address, queued in the transaction of the change they
// report, so an alert exists exactly when the change happened. They carry no secret: the browser's
// name instead of the user agent, the network prefix the session keeps instead of the address.

type SecurityAlert =
  | { kind: 'two-factor-changed'; enabled: boolean }
  | { kind: 'password-changed'; viaResetLink: boolean }
  | { kind: 'new-device-sign-in'; userAgent: string | null; ipPrefix: string | null }
  | { kind: 'sessions-ended'; count: number }

/** Queues one security alert to the person's own email address, in the caller's transaction. */
export async function queueSecurityAlert(tx: Db, userId: string, alert: SecurityAlert, now = new Date()) {
  const [person] = await tx
    .select({ email: users.email, name: users.name })
    .from(users)
    .where(eq(users.id, userId))
  if (!person) return
  const common = { firstName: firstNameOf(person.name), at: now.toISOString() }
  const to = { email: person.email }
  switch (alert.kind) {
    case 'two-factor-changed':
      await messaging.queueMessage(tx, {
        kind: alert.kind,
        toUserId: userId,
        to,
        data: { ...common, enabled: alert.enabled },
      })
      return
    case 'password-changed':
      await messaging.queueMessage(tx, {
        kind: alert.kind,
        toUserId: userId,
        to,
        data: { ...common, viaResetLink: alert.viaResetLink },
      })
      return
    case 'new-device-sign-in':
      await messaging.queueMessage(tx, {
        kind: alert.kind,
        toUserId: userId,
        to,
        data: { ...common, device: browserName(alert.userAgent), network: networkPrefix(alert.ipPrefix) },
      })
      return
    case 'sessions-ended':
      await messaging.queueMessage(tx, {
        kind: alert.kind,
        toUserId: userId,
        to,
        data: { ...common, count: alert.count },
      })
      return
  }
}

/**
 * A sign-in is from a new device when the person has signed in before and none of their earlier
 * sessions (ended ones too, kept 30 days after they end) had this user agent and network prefix.
 * The very first session of an account is not news to its owner. Checked before the new session
 * is created.
 */
export async function isNewDevice(
  tx: Db,
  userId: string,
  device: { userAgent: string | null; ipPrefix: string | null },
): Promise<boolean> {
  const earlier = eq(sessions.userId, userId)
  const [any] = await tx.select({ one: sql<number>`1` }).from(sessions).where(earlier).limit(1)
  if (!any) return false
  const [seen] = await tx
    .select({ one: sql<number>`1` })
    .from(sessions)
    .where(
      and(
        earlier,
        device.userAgent === null ? isNull(sessions.userAgent) : eq(sessions.userAgent, device.userAgent),
        device.ipPrefix === null ? isNull(sessions.ipPrefix) : eq(sessions.ipPrefix, device.ipPrefix),
      ),
    )
    .limit(1)
  return !seen
}

/** "Chrome on Windows": the browser and system only, never the version string or the raw agent. */
export function browserName(userAgent: string | null): string {
  if (!userAgent) return 'An unknown browser'
  const parsed = new UAParser(userAgent).getResult()
  const browser = parsed.browser.name ?? 'An unknown browser'
  const system = parsed.os.name
  return (system ? `${browser} on ${system}` : browser).slice(0, 80)
}

// Only a prefix already truncated the way sessions keep it (logger.truncateIp) goes into a mail.
function networkPrefix(prefix: string | null): string | null {
  if (!prefix) return null
  return /^(\d{1,3}\.\d{1,3}\.\d{1,3}\.0|[0-9a-f:]*::)$/i.test(prefix) ? prefix : null
}

function firstNameOf(name: string): string {
  return name.trim().split(/\s+/)[0]?.slice(0, 60) || 'there'
}
