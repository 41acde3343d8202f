import { randomBytes } from 'node:crypto'
import { mkdir, readdir, rm, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { strToU8, zipSync } from 'fflate'
import { z } from 'zod'
import type { Db } from '../db/database.ts'
import * as accounts from '../modules/accounts/index.ts'
import * as messaging from '../modules/messaging/index.ts'
import * as privacy from '../modules/privacy/index.ts'
import { toCsv } from '../shared/csv.ts'
import { formatDate } from '../shared/format.ts'
import { type DataSummary, subjectAccessInventory, summariseRows, withheldRows } from './data-summary.ts'
import { csvText, heldNotShown, jsonValue } from './data-values.ts'
import { findSubjectRows } from './subject-rows.ts'

// "Download a copy of my data": a job builds a ZIP of everything the inventory's subject links find
// for the person — data.json (every row of every table, the summary in words and the disclosure
// ledger), one CSV per table and a README — into DATA_DIR/exports/<random>.zip, marks the request
// ready for 7 days and queues the email with the link, in one transaction. A scheduled job deletes
// the files whose time is up.

export interface ExportDeps {
  /** The data directory; files go to its exports/ folder. */
  dataDir: string
  /** Absolute base URL for the download link in the email. */
  publicUrl: string
}

export interface ExportContent {
  /** What data.json holds. */
  data: {
    generatedAt: string
    accountId: string
    /** Every personal value in words, by category, and who received it (as on the "Your data" page). */
    summary: ReturnType<typeof presentSummaryForFile>
    /** Every row of every table that holds the person's data, by table, keyed by column name. */
    tables: Record<string, { description: string; rows: Record<string, unknown>[] }>
    /** The disclosure ledger as stored: who received which fields, why, on what basis, when. */
    ledger: {
      recipient: string
      recipientKind: string
      fields: string[]
      purpose: string
      basis: string
      reference: string | null
      at: string
    }[]
  }
  /** One CSV per table, by file name ("users.csv"): a header of column names, one line per row. */
  csvs: Record<string, string>
}

// Every entry of the person's ledger (the privacy centre shows the newest 200).
const ledgerLimit = 100_000

function presentSummaryForFile(summary: DataSummary) {
  return {
    categories: summary.categories,
    tables: summary.tables,
    recipients: summary.recipients.map((r) => ({ ...r, at: r.at.toISOString() })),
    withheld: summary.withheld,
  }
}

/**
 * The content of a person's export, without writing a file: what the ZIP holds. Secrets
 * (credentials-category columns: password hash, two-factor secrets, recovery codes) are written
 * as "held (not shown)", never as their value.
 */
export async function buildExportContent(db: Db, userId: string, now = new Date()): Promise<ExportContent> {
  const [found, disclosures, withheld] = await Promise.all([
    findSubjectRows(db, userId, { inventory: subjectAccessInventory }),
    privacy.listDisclosures(db, userId, ledgerLimit),
    withheldRows(db, userId),
  ])
  const tables: ExportContent['data']['tables'] = {}
  const csvs: Record<string, string> = {}
  for (const { table, rows } of found) {
    const secret = new Set(
      table.columns
        .filter((c) => c.entry.personal && c.entry.category === 'credentials')
        .map((c) => c.column),
    )
    const shown = rows.map((row) =>
      Object.fromEntries(
        Object.entries(row).map(([column, value]) => [
          column,
          secret.has(column) && value !== null && value !== undefined ? heldNotShown : value,
        ]),
      ),
    )
    tables[table.table] = {
      description: table.description,
      rows: shown.map((row) => jsonValue(row) as Record<string, unknown>),
    }
    const header = Object.keys(shown[0] ?? {})
    csvs[`${table.table}.csv`] = toCsv(
      header,
      shown.map((row) => header.map((column) => csvText(row[column]))),
    )
  }
  return {
    data: {
      generatedAt: now.toISOString(),
      accountId: userId,
      summary: presentSummaryForFile(summariseRows(found, disclosures, withheld)),
      tables,
      ledger: disclosures.map((d) => ({
        recipient: d.recipient,
        recipientKind: d.recipientKind,
        fields: d.fields,
        purpose: d.purpose,
        basis: d.basis,
        reference: d.reference,
        at: d.createdAt.toISOString(),
      })),
    },
    csvs,
  }
}

/** The README.txt of an export: what each file is, when it was made, how long the link lasts. */
export function exportReadme(content: ExportContent, expiresAt: Date): string {
  const tables = Object.entries(content.data.tables)
  const width = Math.max(...tables.map(([name]) => `${name}.csv`.length), 'data.json'.length) + 2
  const file = (name: string, ...lines: string[]) =>
    lines.map((line, i) => `${(i === 0 ? name : '').padEnd(width)}${line}`)
  return [
    'Your data from Mandi',
    '====================',
    '',
    `Made on ${formatDate(new Date(content.data.generatedAt))} (${content.data.generatedAt}) at your request.`,
    `The download link works until ${formatDate(expiresAt)}; after that the file is deleted from our servers.`,
    'Keep this file safe: it holds your contact details, messages and history.',
    '',
    'What is in this file',
    '--------------------',
    ...file(
      'data.json',
      'Everything in one file: "summary" lists each personal value in words, by category, with',
      'why we hold it and for how long, and everyone it was shared with; "tables" holds every row',
      'of ours that is about you, table by table; "ledger" is the disclosure ledger as recorded',
      '(who received which details, why, on what legal basis, when).',
    ),
    ...tables.flatMap(([name, t]) =>
      file(`${name}.csv`, `${t.description} (${t.rows.length} ${t.rows.length === 1 ? 'row' : 'rows'})`),
    ),
    '',
    ...(content.data.summary.withheld.length > 0
      ? [
          "Not in this file: records about you that are someone else's private record of you",
          ...content.data.summary.withheld.map(
            (w) =>
              `- ${w.description} ${w.rows} ${w.rows === 1 ? 'record' : 'records'}. ${w.reasons.join(' ')}.`,
          ),
          '',
        ]
      : []),
    'The CSV files open in any spreadsheet. Their first line names the columns; dates are in UTC',
    '(ISO 8601). Secrets such as your password hash and two-factor keys are listed as',
    `"${heldNotShown}": we hold them to sign you in, but a copy of them would only help an attacker.`,
    '',
    'Questions, or something wrong? Correct it in your account, or write to our grievance officer',
    'from the grievance page on the site.',
    '',
  ].join('\r\n')
}

/** The ZIP: data.json, README.txt and one CSV per table. */
export function zipExport(content: ExportContent, expiresAt: Date): Uint8Array {
  const mtime = new Date(content.data.generatedAt)
  const files: Record<string, [Uint8Array, { mtime: Date }]> = {
    'README.txt': [strToU8(exportReadme(content, expiresAt)), { mtime }],
    'data.json': [strToU8(JSON.stringify(content.data, null, 2)), { mtime }],
  }
  for (const [name, csv] of Object.entries(content.csvs)) files[name] = [strToU8(csv), { mtime }]
  return zipSync(files, { level: 6 })
}

export const exportsFolder = 'exports'

/** Where an export's file lives; the name is ours (random hex), never the person's input. */
export function exportFilePath(dataDir: string, fileName: string): string {
  if (!/^[0-9a-f]{32}\.zip$/.test(fileName)) throw new Error('Not an export file name')
  return path.join(dataDir, exportsFolder, fileName)
}

/** The address that downloads an export (it needs the owner's session). */
export function exportDownloadPath(id: string): string {
  return `/account/privacy/exports/${id}/download`
}

/**
 * Builds one pending export: writes the ZIP, then in one transaction marks the request ready (7
 * days) and queues the "your copy is ready" email. Returns false when the request was not pending
 * (built already, or by another worker at the same time — its file is then removed again).
 */
export async function buildDataExport(
  db: Db,
  deps: ExportDeps,
  exportId: string,
  now = new Date(),
): Promise<boolean> {
  const request = await privacy.findPendingDataExport(db, exportId)
  if (!request) return false
  const content = await buildExportContent(db, request.userId, now)
  const expiresAt = new Date(now.getTime() + privacy.dataExportLifetimeDays * 86_400_000)
  const zip = zipExport(content, expiresAt)
  const fileName = `${randomBytes(16).toString('hex')}.zip`
  const file = exportFilePath(deps.dataDir, fileName)
  await mkdir(path.dirname(file), { recursive: true })
  await writeFile(file, zip)
  let done = false
  try {
    done = await db.transaction(async (tx) => {
      const ready = await privacy.markDataExportReady(tx, exportId, {
        fileName,
        byteSize: zip.byteLength,
        readyAt: now,
      })
      if (!ready) return false
      const person = await accounts.findProfile(tx, request.userId)
      await messaging.queueMessage(tx, {
        kind: 'data-export-ready',
        toUserId: request.userId,
        to: { email: person.email },
        data: {
          downloadUrl: `${deps.publicUrl}${exportDownloadPath(exportId)}`,
          expiresOn: formatDate(ready.expiresAt ?? expiresAt),
        },
        idempotencyKey: `data-export-ready:${exportId}`,
      })
      return true
    })
  } finally {
    if (!done) await rm(file, { force: true })
  }
  return done
}

const JobPayload = z.object({ exportId: z.uuid().optional() }).catch({})

/**
 * The 'privacy.build-export' job: builds the export named in the payload (sent right after the
 * request), or every pending one when it names none (the minute sweep). Safe to run twice.
 * Returns how many it built.
 */
export async function runDataExportJob(db: Db, deps: ExportDeps, payload: unknown, now = () => new Date()) {
  const { exportId } = JobPayload.parse(payload ?? {})
  const ids = exportId ? [exportId] : (await privacy.listPendingDataExports(db)).map((e) => e.id)
  let failure: unknown
  let built = 0
  for (const id of ids) {
    try {
      if (await buildDataExport(db, deps, id, now())) built++
    } catch (error) {
      // Left pending: the next sweep tries again; the others still get built now.
      failure ??= error
    }
  }
  if (failure) throw failure
  return built
}

/**
 * The 'privacy.expire-exports' job: deletes the files of exports whose 7 days are over at `now`
 * and marks them expired. The file goes first, so a crash in between leaves a row that the next
 * run finishes; downloads already answer "expired" from `expires_at`. Then it deletes any file no
 * export row names any more (the person's account was erased, or a build crashed before it
 * recorded its file), once it is an hour old so that a build in progress keeps its file.
 * Returns how many exports expired.
 */
export async function expireDataExports(db: Db, dataDir: string, now = new Date()): Promise<number> {
  const due = await privacy.listDueDataExports(db, now)
  for (const e of due) {
    if (e.fileName) await rm(exportFilePath(dataDir, e.fileName), { force: true })
  }
  const expired = await privacy.markDataExportsExpired(
    db,
    due.map((e) => e.id),
  )
  await removeOrphanFiles(db, dataDir, now)
  return expired
}

const orphanAgeMs = 60 * 60 * 1000

async function removeOrphanFiles(db: Db, dataDir: string, now: Date) {
  const folder = path.join(dataDir, exportsFolder)
  const names = await readdir(folder).catch(() => [] as string[])
  if (names.length === 0) return
  const known = new Set(await privacy.listDataExportFileNames(db))
  for (const name of names) {
    if (known.has(name) || !/^[0-9a-f]{32}\.zip$/.test(name)) continue
    const info = await stat(path.join(folder, name)).catch(() => null)
    if (info && now.getTime() - info.mtimeMs >= orphanAgeMs)
      await rm(path.join(folder, name), { force: true })
  }
}

/**
 * Deletes the files of all the person's exports at once (erasing an account: the rows go with
 * it, and a file no row names would otherwise wait for the hourly sweep). Returns how many.
 */
export async function removeExportFiles(db: Db, dataDir: string, userId: string): Promise<number> {
  let removed = 0
  for (const e of await privacy.listDataExports(db, userId, 1000)) {
    if (!e.fileName) continue
    await rm(exportFilePath(dataDir, e.fileName), { force: true })
    removed++
  }
  return removed
}

export type ExportDownload =
  | { status: 'ready'; file: string; byteSize: number; fileName: string; expiresAt: Date }
  | { status: 'pending' }
  | { status: 'expired'; expiredAt: Date | null }

/**
 * What the person's download link gives at `now`: the file, "still being built", or "expired".
 * Throws notFound('export_not_found') for another person's export or an unknown id.
 */
export async function findExportDownload(
  db: Db,
  deps: Pick<ExportDeps, 'dataDir'>,
  userId: string,
  id: string,
  now = new Date(),
): Promise<ExportDownload> {
  const e = await privacy.getDataExport(db, userId, id)
  if (e.status === 'pending') return { status: 'pending' }
  if (e.status !== 'ready' || !e.fileName || !e.expiresAt || e.expiresAt <= now) {
    return { status: 'expired', expiredAt: e.expiresAt }
  }
  return {
    status: 'ready',
    file: exportFilePath(deps.dataDir, e.fileName),
    byteSize: e.byteSize ?? 0,
    fileName: `mandi-data-${(e.readyAt ?? now).toISOString().slice(0, 10)}.zip`,
    expiresAt: e.expiresAt,
  }
}

export interface DataExportState {
  id: string
  status: 'pending' | 'ready' | 'expired'
  requestedAt: Date
  /** Only while ready: the absolute download address (it needs the owner's session). */
  downloadUrl?: string
  /** Only while ready: when the file is deleted. */
  expiresAt?: Date
}

/** An export as the person sees it at `now`: a ready one whose 7 days are over is expired, even before the job deletes it. */
export function describeDataExport(
  e: privacy.DataExport,
  deps: Pick<ExportDeps, 'publicUrl'>,
  now = new Date(),
): DataExportState {
  if (e.status === 'pending') return { id: e.id, status: 'pending', requestedAt: e.requestedAt }
  if (e.status === 'ready' && e.expiresAt && e.expiresAt > now) {
    return {
      id: e.id,
      status: 'ready',
      requestedAt: e.requestedAt,
      downloadUrl: `${deps.publicUrl}${exportDownloadPath(e.id)}`,
      expiresAt: e.expiresAt,
    }
  }
  return { id: e.id, status: 'expired', requestedAt: e.requestedAt }
}

/**
 * Asks for a copy of the person's data; while one is being built, asking again returns it.
 * The caller sends the 'privacy.build-export' job after this returns (`created`).
 */
export async function requestExport(
  db: Db,
  deps: Pick<ExportDeps, 'publicUrl'>,
  userId: string,
  now = new Date(),
) {
  const { export: row, created } = await privacy.requestDataExport(db, userId)
  return { export: describeDataExport(row, deps, now), created }
}
