import { and, asc, desc, eq, inArray, ne, sql } from 'drizzle-orm'
import type { Db } from '../../db/database.ts'
import { conflict, notFound } from '../../shared/errors.ts'
import {
  type GrievanceCategory,
  type GrievanceEventKind,
  type GrievanceStatus,
  grievanceEvents,
  grievances,
} from './rights.tables.ts'

// Grievance tickets and their clock. Every time decision takes `now` from the caller, so a test
// can move a fake clock past a deadline; the web layer passes the real time.
//
// The clock (also in README and docs/architecture.md):
// - On creation: acknowledge_by = created + 48 hours, resolve_by = created + 30 days. The person
//   gets an automatic receipt by email at once (the flow queues it); that receipt is not the
//   acknowledgement.
// - "Acknowledged" is the grievance officer's own acknowledgement from the staff queue: a person
//   has read the ticket. It must happen before acknowledge_by.
// - Overdue for acknowledgement: still 'open' and now is past acknowledge_by (at exactly 48 hours
//   it is due, not yet overdue). Overdue for resolution: not 'resolved' and now is past resolve_by.
// - Reopening a resolved ticket (by the person) makes it 'open' again with a fresh clock:
//   acknowledge_by = now + 48 hours, resolve_by = now + 30 days.

export const grievanceClock = { acknowledgeHours: 48, resolveDays: 30 } as const

const HOUR_MS = 3_600_000
const DAY_MS = 24 * HOUR_MS

/** One declaration of the categories' human labels: the form, the API validation and the staff queue. */
export const grievanceCategoryLabels: Record<GrievanceCategory, string> = {
  access: 'Seeing the data Mandi holds about me',
  correction: 'Correcting my data',
  erasure: 'Erasing my data',
  consent: 'Consent and how my data is used',
  disclosure: 'Who my data was shared with',
  account: 'My account, a listing or a seller',
  nominee_request: 'I am a nominee acting for someone',
  other: 'Something else',
}

export const grievanceStatusLabels: Record<GrievanceStatus, string> = {
  open: 'Received, waiting for the grievance officer',
  acknowledged: 'Acknowledged by the grievance officer',
  resolved: 'Resolved',
}

export type Grievance = typeof grievances.$inferSelect
export type GrievanceEvent = typeof grievanceEvents.$inferSelect

/** The reference a person quotes: "GRV-1A2B3C4D", the start of the ticket's id. */
export function grievanceReference(id: string): string {
  return `GRV-${id.slice(0, 8).toUpperCase()}`
}

export function grievanceDeadlines(from: Date): { acknowledgeBy: Date; resolveBy: Date } {
  return {
    acknowledgeBy: new Date(from.getTime() + grievanceClock.acknowledgeHours * HOUR_MS),
    resolveBy: new Date(from.getTime() + grievanceClock.resolveDays * DAY_MS),
  }
}

export interface NewGrievance {
  userId: string | null
  requesterName?: string | null
  requesterEmail?: string | null
  category: GrievanceCategory
  subject: string
  message: string
}

/** Inserts a ticket with its clock and its 'created' event. Call inside the flow's transaction. */
export async function createGrievance(tx: Db, input: NewGrievance, now: Date): Promise<Grievance> {
  const { acknowledgeBy, resolveBy } = grievanceDeadlines(now)
  const [row] = await tx
    .insert(grievances)
    .values({
      userId: input.userId,
      requesterName: input.userId ? null : (input.requesterName ?? null),
      requesterEmail: input.userId ? null : (input.requesterEmail ?? null),
      category: input.category,
      subject: input.subject,
      message: input.message,
      status: 'open',
      acknowledgeBy,
      resolveBy,
      createdAt: now,
      updatedAt: now,
    })
    .returning()
  await addEvent(tx, row!.id, {
    authorUserId: input.userId,
    authorRole: 'person',
    kind: 'created',
    body: null,
    now,
  })
  return row!
}

async function addEvent(
  tx: Db,
  grievanceId: string,
  event: {
    authorUserId: string | null
    authorRole: 'person' | 'staff' | 'system'
    kind: GrievanceEventKind
    body: string | null
    now: Date
  },
) {
  const [row] = await tx
    .insert(grievanceEvents)
    .values({
      grievanceId,
      authorUserId: event.authorUserId,
      authorRole: event.authorRole,
      kind: event.kind,
      body: event.body,
      createdAt: event.now,
    })
    .returning()
  return row!
}

/** A person's own tickets, newest first. */
export async function listGrievancesForUser(db: Db, userId: string): Promise<Grievance[]> {
  return db
    .select()
    .from(grievances)
    .where(eq(grievances.userId, userId))
    .orderBy(desc(grievances.createdAt), desc(grievances.id))
    .limit(200)
}

/** A ticket, for staff tools and flows. Throws not_found. */
export async function findGrievance(db: Db, id: string): Promise<Grievance> {
  const [row] = await db.select().from(grievances).where(eq(grievances.id, id)).limit(1)
  if (!row) throw notFound('grievance_not_found', 'There is no grievance with that reference.')
  return row
}

/** One of the person's own tickets; another's answers exactly as one that does not exist. */
export async function findGrievanceForUser(db: Db, userId: string, id: string): Promise<Grievance> {
  const [row] = await db
    .select()
    .from(grievances)
    .where(and(eq(grievances.id, id), eq(grievances.userId, userId)))
    .limit(1)
  if (!row) throw notFound('grievance_not_found', 'You have no grievance with that reference.')
  return row
}

/** The history of a ticket, oldest first. */
export async function listGrievanceEvents(db: Db, grievanceId: string): Promise<GrievanceEvent[]> {
  return db
    .select()
    .from(grievanceEvents)
    .where(eq(grievanceEvents.grievanceId, grievanceId))
    .orderBy(asc(grievanceEvents.createdAt), asc(grievanceEvents.id))
}

/** Staff: the officer has read the ticket. Only an open ticket can be acknowledged. */
export async function acknowledgeGrievance(
  tx: Db,
  id: string,
  staff: { userId: string; note?: string | null },
  now: Date,
): Promise<Grievance> {
  const [row] = await tx
    .update(grievances)
    .set({ status: 'acknowledged', acknowledgedAt: now, updatedAt: now })
    .where(and(eq(grievances.id, id), eq(grievances.status, 'open')))
    .returning()
  if (!row) {
    await findGrievance(tx, id)
    throw conflict('grievance_not_open', 'This grievance has already been acknowledged or resolved.')
  }
  await addEvent(tx, id, {
    authorUserId: staff.userId,
    authorRole: 'staff',
    kind: 'acknowledged',
    body: staff.note ?? null,
    now,
  })
  return row
}

/** A message on the ticket from the person or from staff. A resolved ticket takes no replies (reopen it). */
export async function addGrievanceReply(
  tx: Db,
  id: string,
  reply: { authorUserId: string; authorRole: 'person' | 'staff'; body: string },
  now: Date,
): Promise<{ grievance: Grievance; event: GrievanceEvent }> {
  const [row] = await tx
    .update(grievances)
    .set({ updatedAt: now })
    .where(and(eq(grievances.id, id), ne(grievances.status, 'resolved')))
    .returning()
  if (!row) {
    await findGrievance(tx, id)
    throw conflict(
      'grievance_resolved',
      'This grievance is resolved. Reopen it if the matter is not settled, then write again.',
    )
  }
  const event = await addEvent(tx, id, { ...reply, kind: 'reply', now })
  return { grievance: row, event }
}

/** Staff: the decision, with a note saying what was done. An open ticket is acknowledged on the way. */
export async function resolveGrievance(
  tx: Db,
  id: string,
  staff: { userId: string; note: string },
  now: Date,
): Promise<Grievance> {
  const [row] = await tx
    .update(grievances)
    .set({
      status: 'resolved',
      resolvedAt: now,
      acknowledgedAt: sql`coalesce(${grievances.acknowledgedAt}, ${now.toISOString()}::timestamptz)`,
      updatedAt: now,
    })
    .where(and(eq(grievances.id, id), inArray(grievances.status, ['open', 'acknowledged'])))
    .returning()
  if (!row) {
    await findGrievance(tx, id)
    throw conflict('grievance_already_resolved', 'This grievance is already resolved.')
  }
  await addEvent(tx, id, {
    authorUserId: staff.userId,
    authorRole: 'staff',
    kind: 'resolved',
    body: staff.note,
    now,
  })
  return row
}

/**
 * The person reopens a resolved ticket: it is open again, with a fresh clock (acknowledge within
 * 48 hours, resolve within 30 days, both from now). Only the ticket's own person may; the caller
 * finds the ticket with findGrievanceForUser first.
 */
export async function reopenGrievance(
  tx: Db,
  id: string,
  person: { userId: string; reason?: string | null },
  now: Date,
): Promise<Grievance> {
  const { acknowledgeBy, resolveBy } = grievanceDeadlines(now)
  const [row] = await tx
    .update(grievances)
    .set({
      status: 'open',
      acknowledgeBy,
      resolveBy,
      acknowledgedAt: null,
      resolvedAt: null,
      updatedAt: now,
    })
    .where(
      and(eq(grievances.id, id), eq(grievances.userId, person.userId), eq(grievances.status, 'resolved')),
    )
    .returning()
  if (!row) {
    await findGrievanceForUser(tx, person.userId, id)
    throw conflict(
      'grievance_not_resolved',
      'Only a resolved grievance can be reopened; this one is still open.',
    )
  }
  await addEvent(tx, id, {
    authorUserId: person.userId,
    authorRole: 'person',
    kind: 'reopened',
    body: person.reason ?? null,
    now,
  })
  return row
}

// ── The clock, as staff and the person read it ──────────────────────────────────────────────

export type GrievanceClockState =
  | { state: 'resolved' }
  | { state: 'overdue'; deadline: 'acknowledge' | 'resolve'; since: Date; ms: number }
  | { state: 'due'; deadline: 'acknowledge' | 'resolve'; by: Date; ms: number }

type ClockFields = Pick<Grievance, 'status' | 'acknowledgeBy' | 'resolveBy'>

/** Where a ticket stands against its deadlines at `now`. Overdue means strictly past the deadline. */
export function grievanceClockState(g: ClockFields, now: Date): GrievanceClockState {
  if (g.status === 'resolved') return { state: 'resolved' }
  const t = now.getTime()
  if (t > g.resolveBy.getTime())
    return { state: 'overdue', deadline: 'resolve', since: g.resolveBy, ms: t - g.resolveBy.getTime() }
  if (g.status === 'open' && t > g.acknowledgeBy.getTime())
    return {
      state: 'overdue',
      deadline: 'acknowledge',
      since: g.acknowledgeBy,
      ms: t - g.acknowledgeBy.getTime(),
    }
  const deadline = g.status === 'open' ? 'acknowledge' : 'resolve'
  const by = deadline === 'acknowledge' ? g.acknowledgeBy : g.resolveBy
  return { state: 'due', deadline, by, ms: by.getTime() - t }
}

export function isOverdueForAcknowledgement(g: ClockFields, now: Date): boolean {
  return g.status === 'open' && now.getTime() > g.acknowledgeBy.getTime()
}

export function isOverdueForResolution(g: ClockFields, now: Date): boolean {
  return g.status !== 'resolved' && now.getTime() > g.resolveBy.getTime()
}

/** "5 h", "2 days", "40 min": a duration rounded the way a queue is read. */
export function describeDuration(ms: number): string {
  const minutes = Math.max(1, Math.floor(ms / 60_000))
  if (minutes < 60) return `${minutes} min`
  const hours = Math.floor(minutes / 60)
  if (hours < 48) return `${hours} h`
  const days = Math.floor(hours / 24)
  return `${days} days`
}

/** "acknowledge within 5 h", "resolve within 12 days", "overdue by 2 days (acknowledgement)", "resolved". */
export function describeGrievanceClock(g: ClockFields, now: Date): string {
  const clock = grievanceClockState(g, now)
  if (clock.state === 'resolved') return 'resolved'
  if (clock.state === 'overdue')
    return `overdue by ${describeDuration(clock.ms)} (${clock.deadline === 'acknowledge' ? 'acknowledgement' : 'resolution'})`
  return `${clock.deadline} within ${describeDuration(clock.ms)}`
}

/**
 * The staff queue: every ticket not resolved, overdue ones first (past acknowledge_by while open,
 * past resolve_by while not resolved), then by the nearest deadline (acknowledge_by for open
 * tickets, resolve_by for acknowledged ones). Overdue ones are ordered by how long ago their
 * deadline passed, longest first.
 */
export async function listGrievanceQueue(db: Db, now: Date, limit = 500): Promise<Grievance[]> {
  const at = sql`${now.toISOString()}::timestamptz`
  const deadline = sql`case when ${grievances.status} = 'open' then least(${grievances.acknowledgeBy}, ${grievances.resolveBy}) else ${grievances.resolveBy} end`
  const overdue = sql`(${grievances.resolveBy} < ${at} or (${grievances.status} = 'open' and ${grievances.acknowledgeBy} < ${at}))`
  return db
    .select()
    .from(grievances)
    .where(ne(grievances.status, 'resolved'))
    .orderBy(sql`case when ${overdue} then 0 else 1 end`, sql`${deadline} asc`, asc(grievances.createdAt))
    .limit(limit)
}

/** Recently resolved tickets, for the bottom of the staff queue. */
export async function listResolvedGrievances(db: Db, limit = 50): Promise<Grievance[]> {
  return db
    .select()
    .from(grievances)
    .where(eq(grievances.status, 'resolved'))
    .orderBy(desc(grievances.resolvedAt))
    .limit(limit)
}
