import { and, desc, eq, inArray, isNotNull, lte, sql } from 'drizzle-orm'
import type { Db } from '../../db/database.ts'
import { notFound } from '../../shared/errors.ts'
import { isUuid } from '../../shared/validation.ts'
import { dataExports } from './rights.tables.ts'

// The requests behind "Download a copy of my data". The file itself is built by a flow (it reads
// every module) into DATA_DIR/exports/<file_name>; this module keeps the request's state:
// pending → ready (7 days) → expired, when the file is deleted.

export type DataExport = typeof dataExports.$inferSelect

/** How long a built export can be downloaded. */
export const dataExportLifetimeDays = 7

const exportNotFound = () =>
  notFound('export_not_found', 'There is no copy of your data with that id in your account.')

/**
 * Asks for a copy of the person's data. At most one request per person is pending: asking again
 * while one is being built returns that one (`created: false`). The insert decides, in one
 * statement, against the partial unique index `data_exports_one_pending` (ADR 014), so two
 * simultaneous requests cannot both insert.
 */
export async function requestDataExport(
  db: Db,
  userId: string,
): Promise<{ export: DataExport; created: boolean }> {
  for (;;) {
    const [row] = await db
      .insert(dataExports)
      .values({ userId })
      .onConflictDoNothing({ target: dataExports.userId, where: sql`status = 'pending'` })
      .returning()
    if (row) return { export: row, created: true }
    const [pending] = await db
      .select()
      .from(dataExports)
      .where(and(eq(dataExports.userId, userId), eq(dataExports.status, 'pending')))
      .limit(1)
    // Between the two statements the pending one may have been built: then ask again.
    if (pending) return { export: pending, created: false }
  }
}

/** One of the person's exports. Throws notFound('export_not_found') for anyone else's or an unknown id. */
export async function getDataExport(db: Db, userId: string, id: string): Promise<DataExport> {
  if (!isUuid(id)) throw exportNotFound()
  const [row] = await db
    .select()
    .from(dataExports)
    .where(and(eq(dataExports.id, id), eq(dataExports.userId, userId)))
    .limit(1)
  if (!row) throw exportNotFound()
  return row
}

/** The person's most recent exports, newest first. */
export async function listDataExports(db: Db, userId: string, limit = 5): Promise<DataExport[]> {
  return db
    .select()
    .from(dataExports)
    .where(eq(dataExports.userId, userId))
    .orderBy(desc(dataExports.requestedAt))
    .limit(limit)
}

/** A pending export by id (whoever it belongs to), for the job that builds it; undefined once built. */
export async function findPendingDataExport(db: Db, id: string): Promise<DataExport | undefined> {
  if (!isUuid(id)) return undefined
  const [row] = await db
    .select()
    .from(dataExports)
    .where(and(eq(dataExports.id, id), eq(dataExports.status, 'pending')))
    .limit(1)
  return row
}

/** Pending exports, oldest first, for the sweep that builds what the immediate job missed. */
export async function listPendingDataExports(db: Db, limit = 20): Promise<DataExport[]> {
  return db
    .select()
    .from(dataExports)
    .where(eq(dataExports.status, 'pending'))
    .orderBy(dataExports.requestedAt)
    .limit(limit)
}

/**
 * Marks a pending export ready with its file, in the caller's transaction (which also queues the
 * email). Returns undefined when it was no longer pending (another worker finished it first).
 */
export async function markDataExportReady(
  tx: Db,
  id: string,
  file: { fileName: string; byteSize: number; readyAt: Date },
): Promise<DataExport | undefined> {
  const expiresAt = new Date(file.readyAt.getTime() + dataExportLifetimeDays * 86_400_000)
  const [row] = await tx
    .update(dataExports)
    .set({
      status: 'ready',
      fileName: file.fileName,
      byteSize: file.byteSize,
      readyAt: file.readyAt,
      expiresAt,
    })
    .where(and(eq(dataExports.id, id), eq(dataExports.status, 'pending')))
    .returning()
  return row
}

/** Ready exports whose time is up at `now`, with their files, for the job that deletes them. */
export async function listDueDataExports(db: Db, now: Date, limit = 500): Promise<DataExport[]> {
  return db
    .select()
    .from(dataExports)
    .where(and(eq(dataExports.status, 'ready'), lte(dataExports.expiresAt, now)))
    .orderBy(dataExports.expiresAt)
    .limit(limit)
}

/** Marks exports expired once their files are gone. Returns how many changed. */
export async function markDataExportsExpired(db: Db, ids: readonly string[]): Promise<number> {
  if (ids.length === 0) return 0
  const rows = await db
    .update(dataExports)
    .set({ status: 'expired', fileName: null })
    .where(and(inArray(dataExports.id, [...ids]), eq(dataExports.status, 'ready')))
    .returning({ id: dataExports.id })
  return rows.length
}

/** The file names every export row still names (ready ones), for the sweep that removes orphan files. */
export async function listDataExportFileNames(db: Db): Promise<string[]> {
  const rows = await db
    .select({ fileName: dataExports.fileName })
    .from(dataExports)
    .where(isNotNull(dataExports.fileName))
  return rows.map((r) => r.fileName!)
}
