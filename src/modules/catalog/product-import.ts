import { randomUUID } from 'node:crypto'
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import { z } from 'zod'
import type { Db } from '../../db/database.ts'
import { invalid, notFound } from '../../shared/errors.ts'
import { isUuid } from '../../shared/validation.ts'
import { announceCatalogChange } from './catalog.events.ts'
import { categories, productImports, products } from './catalog.tables.ts'
import { CsvSyntaxError, parseCsv } from './product-csv.ts'
import {
  checkHeader,
  checkRow,
  chooseExampleCategory,
  FileFailure,
  type ImportColumn,
  type ImportRowError,
  importColumnsFor,
  importTemplateCsv,
} from './product-import-rows.ts'
import type { SellerActor } from './seller-products.ts'

export { type ImportColumn, type ImportRowError, importColumns, parseSpecs } from './product-import-rows.ts'

// CSV bulk import (docs/csv-import.md). The upload is stored and a job checks it row by row,
// counting progress as it goes. Rows that pass are then written in ONE transaction at the end:
// the checking is the slow part and shows progress, the write is a quick bulk insert, and a file
// that fails as a whole — or a worker that dies half-way — leaves nothing half-imported. The
// final transaction also re-checks the import's status under a row lock, so a job delivered twice
// imports once.

export const importRules = {
  maxBytes: 5 * 1024 * 1024,
  maxRows: 5000,
  maxReportedErrors: 1000,
  progressEvery: 100,
} as const

export type ImportStatus = (typeof productImports.$inferSelect)['status']

export interface ImportSummary {
  id: string
  filename: string
  status: ImportStatus
  totalRows: number
  processedRows: number
  acceptedRows: number
  rejectedRows: number
  errors: ImportRowError[]
  failureReason: string | null
  createdAt: Date
  finishedAt: Date | null
}

const summaryColumns = {
  id: productImports.id,
  filename: productImports.filename,
  status: productImports.status,
  totalRows: productImports.totalRows,
  processedRows: productImports.processedRows,
  acceptedRows: productImports.acceptedRows,
  rejectedRows: productImports.rejectedRows,
  errors: productImports.errors,
  failureReason: productImports.failureReason,
  createdAt: productImports.createdAt,
  finishedAt: productImports.finishedAt,
}

/**
 * Stores an uploaded file under <dataDir>/imports and queues its import. The caller then asks the
 * worker to run 'catalog.import' (a sweep every minute also picks it up). Throws invalid('import_file').
 */
export async function startProductImport(
  db: Db,
  dataDir: string,
  seller: SellerActor,
  upload: { filename: string; bytes: Buffer; truncated?: boolean },
): Promise<string> {
  if (upload.truncated || upload.bytes.length > importRules.maxBytes) {
    throw fileProblem('The file is larger than 5 MB. Split it into smaller files and import each one.')
  }
  if (upload.bytes.length === 0) throw fileProblem('Choose a CSV file to import.')
  const id = randomUUID()
  const storedPath = `imports/${id}.csv`
  const file = path.join(dataDir, storedPath)
  await mkdir(path.dirname(file), { recursive: true })
  await writeFile(`${file}.partial`, upload.bytes)
  await rename(`${file}.partial`, file)
  const filename = path.basename(upload.filename.replace(/\\/g, '/')).slice(0, 200) || 'products.csv'
  await db
    .insert(productImports)
    .values({ id, businessId: seller.businessId, createdBy: seller.userId, filename, storedPath })
  return id
}

/**
 * The template and the column list as the import page shows them, with an example row whose
 * category is a subcategory that exists now, so the template as downloaded imports cleanly.
 */
export async function importTemplate(db: Db): Promise<{ csv: string; columns: ImportColumn[] }> {
  const parent = alias(categories, 'parent')
  const subcategories = await db
    .select({ slug: categories.slug })
    .from(categories)
    .innerJoin(parent, eq(parent.id, categories.parentId))
    .orderBy(asc(parent.position), asc(parent.name), asc(categories.position), asc(categories.name))
  const example = chooseExampleCategory(subcategories)
  return { csv: importTemplateCsv(example), columns: importColumnsFor(example) }
}

const fileProblem = (message: string) => invalid('import_file', message, { file: message })

/** One of the seller's imports with its report. Throws NotFound('import_not_found') for anyone else's. */
export async function getProductImport(db: Db, seller: SellerActor, id: string): Promise<ImportSummary> {
  if (!isUuid(id)) throw importNotFound()
  const [row] = await db
    .select(summaryColumns)
    .from(productImports)
    .where(and(eq(productImports.id, id), eq(productImports.businessId, seller.businessId)))
  if (!row) throw importNotFound()
  return row
}

/** The seller's most recent imports. */
export async function listProductImports(db: Db, seller: SellerActor, limit = 10): Promise<ImportSummary[]> {
  return db
    .select(summaryColumns)
    .from(productImports)
    .where(eq(productImports.businessId, seller.businessId))
    .orderBy(desc(productImports.createdAt))
    .limit(limit)
}

const importNotFound = () => notFound('import_not_found', 'There is no such import for your business.')

const JobPayload = z.object({ importId: z.uuid().optional() }).catch({})

/**
 * The 'catalog.import' job: runs the import named in the payload, or every queued import when the
 * payload names none (the minute sweep). Safe to run twice for the same import.
 */
export async function runImportJob(db: Db, dataDir: string, payload: unknown): Promise<void> {
  const { importId } = JobPayload.parse(payload ?? {})
  if (!importId) {
    // Checking even 5,000 rows takes seconds: an import "running" for half an hour lost its worker.
    // Nothing of it was written (the write is one transaction), so it can simply run again.
    await db
      .update(productImports)
      .set({ status: 'queued', processedRows: 0 })
      .where(
        and(
          eq(productImports.status, 'running'),
          sql`${productImports.createdAt} < now() - interval '30 minutes'`,
        ),
      )
  }
  const ids = importId
    ? [importId]
    : (
        await db
          .select({ id: productImports.id })
          .from(productImports)
          .where(eq(productImports.status, 'queued'))
          .orderBy(productImports.createdAt)
          .limit(20)
      ).map((r) => r.id)
  for (const id of ids) await runProductImport(db, dataDir, id)
}

/** Checks and imports one queued file. Returns quietly if it is not queued (already done, or another worker has it). */
export async function runProductImport(db: Db, dataDir: string, importId: string): Promise<void> {
  const [job] = await db
    .update(productImports)
    .set({ status: 'running' })
    .where(and(eq(productImports.id, importId), inArray(productImports.status, ['queued'])))
    .returning({ businessId: productImports.businessId, storedPath: productImports.storedPath })
  if (!job) return
  try {
    const records = await readRecords(dataDir, job.storedPath)
    const columns = checkHeader(records[0] ?? [])
    const rows = records
      .slice(1)
      .map((cells, i) => ({ row: i + 2, cells }))
      .filter((r) => r.cells.some((c) => c.trim() !== ''))
    if (rows.length === 0) throw new FileFailure('The file has a header but no products under it.')
    if (rows.length > importRules.maxRows) {
      throw new FileFailure(
        `The file has ${rows.length.toLocaleString('en-IN')} products; one import takes at most ${importRules.maxRows.toLocaleString('en-IN')}. Split it into smaller files.`,
      )
    }
    await db.update(productImports).set({ totalRows: rows.length }).where(eq(productImports.id, importId))

    const categoryIds = await subcategoryLookup(db)
    const accepted: { row: number; value: typeof products.$inferInsert }[] = []
    const errors: ImportRowError[] = []
    let rejected = 0
    for (const [index, { row, cells }] of rows.entries()) {
      const result = checkRow(row, cells, columns, categoryIds)
      if ('errors' in result) {
        rejected++
        errors.push(...result.errors)
      } else {
        accepted.push({ row, value: { ...result.value, businessId: job.businessId } })
      }
      if ((index + 1) % importRules.progressEvery === 0) {
        await db
          .update(productImports)
          .set({ processedRows: index + 1 })
          .where(eq(productImports.id, importId))
      }
    }

    await db.transaction(async (tx) => {
      const [current] = await tx
        .select({ status: productImports.status })
        .from(productImports)
        .where(eq(productImports.id, importId))
        .for('update')
      if (current?.status !== 'running') return
      for (let i = 0; i < accepted.length; i += 500) {
        const inserted = await tx
          .insert(products)
          .values(accepted.slice(i, i + 500).map((a) => a.value))
          .returning({ id: products.id })
        for (const { id } of inserted) await announceCatalogChange(tx, `product:${id}`)
      }
      await tx
        .update(productImports)
        .set({
          status: 'done',
          processedRows: rows.length,
          acceptedRows: accepted.length,
          rejectedRows: rejected,
          errors: errors.slice(0, importRules.maxReportedErrors),
          storedPath: null,
          finishedAt: sql`now()`,
        })
        .where(eq(productImports.id, importId))
    })
  } catch (error) {
    if (!(error instanceof FileFailure)) {
      // Put it back for the next attempt; pg-boss retries the job.
      await db.update(productImports).set({ status: 'queued' }).where(eq(productImports.id, importId))
      throw error
    }
    await db
      .update(productImports)
      .set({ status: 'failed', failureReason: error.message, storedPath: null, finishedAt: sql`now()` })
      .where(eq(productImports.id, importId))
  }
  if (job.storedPath) await rm(path.join(dataDir, job.storedPath), { force: true })
}

async function readRecords(dataDir: string, storedPath: string | null): Promise<string[][]> {
  if (!storedPath || !/^imports\/[0-9a-f-]{36}\.csv$/.test(storedPath))
    throw new FileFailure('The uploaded file is missing. Upload it again.')
  const bytes = await readFile(path.join(dataDir, storedPath)).catch(() => null)
  if (!bytes) throw new FileFailure('The uploaded file is missing. Upload it again.')
  if (bytes.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) {
    throw new FileFailure(
      'This is an Excel or other zipped file, not CSV. In your spreadsheet choose "Save as" → "CSV UTF-8" and import that file.',
    )
  }
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    throw new FileFailure(
      'This file is not UTF-8 text. Save it from your spreadsheet as "CSV UTF-8" and import it again.',
    )
  }
  if (text.includes('\u0000'))
    throw new FileFailure(
      'This is not a CSV text file. Save your spreadsheet as "CSV UTF-8" and import that file.',
    )
  try {
    return parseCsv(text)
  } catch (error) {
    if (error instanceof CsvSyntaxError) {
      throw new FileFailure(
        `The file is not valid CSV: on row ${error.row} ${error.message}. Save it again from your spreadsheet as "CSV UTF-8".`,
      )
    }
    throw error
  }
}

async function subcategoryLookup(db: Db): Promise<Map<string, number>> {
  const rows = await db
    .select({ id: categories.id, slug: categories.slug, name: categories.name })
    .from(categories)
    .where(sql`${categories.parentId} is not null`)
  const map = new Map<string, number>()
  for (const r of rows) {
    map.set(r.name.trim().toLowerCase(), r.id)
    map.set(r.slug.toLowerCase(), r.id)
  }
  return map
}
