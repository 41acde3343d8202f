import { randomUUID } from 'node:crypto'
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { and, desc, eq, inArray, sql } from 'drizzle-orm'
import { z } from 'zod'
import type { Db } from '../../db/database.ts'
import { invalid, notFound } from '../../shared/errors.ts'
import { announceCatalogChange } from './catalog.events.ts'
import { categories, productImports, products } from './catalog.tables.ts'
import { CsvSyntaxError, parseCsv, toCsvLine } from './product-csv.ts'
import { ProductInput, slugFromTitle } from './product-schemas.ts'
import type { SellerActor } from './seller-products.ts'

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

export interface ImportColumn {
  name: string
  required: boolean
  description: string
  example: string
}

/** The columns of an import file, in the template's order. Header names are matched without regard to case. */
export const importColumns: ImportColumn[] = [
  {
    name: 'title',
    required: true,
    description: 'Product name buyers search for, 5–150 characters.',
    example: 'Cast iron monoblock pump 1 HP',
  },
  {
    name: 'category',
    required: true,
    description: 'Subcategory, by its short name (slug) or its name as shown on Mandi.',
    example: 'monoblock-pumps',
  },
  { name: 'unit', required: true, description: 'What one unit is: piece, kg, metre, set…', example: 'piece' },
  {
    name: 'price',
    required: false,
    description: 'Price per unit in rupees, like 4250 or 4,250.50. Leave empty for "Price on request".',
    example: '4250',
  },
  {
    name: 'moq',
    required: false,
    description: 'Minimum order quantity, a whole number (1 if empty).',
    example: '10',
  },
  {
    name: 'stock',
    required: false,
    description: 'Units in stock, a whole number; leave empty if you do not say.',
    example: '120',
  },
  {
    name: 'description',
    required: false,
    description: 'Longer description, up to 5,000 characters.',
    example: 'Self-priming pump for domestic and farm use.',
  },
  {
    name: 'specs',
    required: false,
    description: 'Specifications as "Name: value" pairs separated by semicolons.',
    example: 'Power: 1 HP; Head: 30 m; Outlet: 25 mm',
  },
  { name: 'status', required: false, description: '"draft" (the default) or "published".', example: 'draft' },
]

/** The downloadable template: the header and one example row. */
export function importTemplateCsv(): string {
  return `${toCsvLine(importColumns.map((c) => c.name))}\r\n${toCsvLine(importColumns.map((c) => c.example))}\r\n`
}

export interface ImportRowError {
  row: number
  field: string
  message: string
}

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

const fileProblem = (message: string) => invalid('import_file', message, { file: message })

/** One of the seller's imports with its report. Throws NotFound('import_not_found') for anyone else's. */
export async function getProductImport(db: Db, seller: SellerActor, id: string): Promise<ImportSummary> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw importNotFound()
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

class FileFailure extends Error {}

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

type ColumnIndex = Map<string, number>

function checkHeader(header: string[]): ColumnIndex {
  const known = new Set(importColumns.map((c) => c.name))
  const index: ColumnIndex = new Map()
  for (const [i, raw] of header.entries()) {
    const name = raw.trim().toLowerCase()
    if (name === '') continue
    if (!known.has(name)) {
      throw new FileFailure(
        `The first row must name the columns; "${raw.trim().slice(0, 40)}" is not one of them. The columns are: ${importColumns.map((c) => c.name).join(', ')}. Download the template to start from.`,
      )
    }
    if (index.has(name))
      throw new FileFailure(`The column "${name}" appears twice in the first row. Keep one.`)
    index.set(name, i)
  }
  const missing = importColumns.filter((c) => c.required && !index.has(c.name)).map((c) => c.name)
  if (missing.length) {
    throw new FileFailure(
      `The first row must name the columns, and ${missing.map((m) => `"${m}"`).join(', ')} ${missing.length === 1 ? 'is' : 'are'} missing. Download the template to start from.`,
    )
  }
  return index
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

// Field names of ProductInput → the CSV column a person sees.
const columnOfField: Record<string, string> = {
  categoryId: 'category',
  price: 'price',
  moq: 'moq',
  stock: 'stock',
  unit: 'unit',
  title: 'title',
  description: 'description',
  specs: 'specs',
}

function checkRow(
  row: number,
  cells: string[],
  columns: ColumnIndex,
  categoryIds: Map<string, number>,
): { value: Omit<typeof products.$inferInsert, 'businessId'> } | { errors: ImportRowError[] } {
  const cell = (name: string) => {
    const i = columns.get(name)
    return i === undefined ? '' : (cells[i] ?? '').trim()
  }
  const errors: ImportRowError[] = []
  const category = cell('category')
  const categoryId = categoryIds.get(category.toLowerCase())
  if (!categoryId) {
    errors.push({
      row,
      field: 'category',
      message: category
        ? `"${category.slice(0, 60)}" is not a subcategory on Mandi. Use a name from the list on the import page.`
        : 'Enter the subcategory.',
    })
  }
  const specs = parseSpecs(cell('specs'))
  if (typeof specs === 'string') errors.push({ row, field: 'specs', message: specs })
  const status = cell('status').toLowerCase() || 'draft'
  if (status !== 'draft' && status !== 'published') {
    errors.push({
      row,
      field: 'status',
      message: 'Write "draft" or "published", or leave it empty for draft.',
    })
  }
  const parsed = ProductInput.safeParse({
    title: cell('title'),
    categoryId: categoryId ?? 1,
    unit: cell('unit'),
    price: cell('price'),
    moq: cell('moq') || undefined,
    stock: cell('stock'),
    description: cell('description'),
    specs: typeof specs === 'string' ? [] : specs,
  })
  if (!parsed.success) {
    const seen = new Set<string>()
    for (const issue of parsed.error.issues) {
      const field = columnOfField[String(issue.path[0])] ?? String(issue.path[0])
      if (seen.has(field)) continue
      seen.add(field)
      const message =
        field === 'price' && issue.code === 'invalid_type'
          ? 'Write the price in rupees, like 1250 or 1,250.50, or leave the cell empty for "Price on request".'
          : issue.message
      errors.push({ row, field, message })
    }
  }
  if (errors.length || !parsed.success || !categoryId) return { errors }
  const data = parsed.data
  return {
    value: {
      categoryId,
      slug: slugFromTitle(data.title),
      title: data.title,
      description: data.description,
      specs: data.specs,
      unit: data.unit,
      moq: data.moq,
      pricePaise: data.price,
      stock: data.stock,
      status: status as 'draft' | 'published',
      publishedAt: status === 'published' ? new Date() : null,
    },
  }
}

/** "Power: 1 HP; Head: 30 m" → specs, or a message saying what is wrong. */
export function parseSpecs(text: string): { name: string; value: string }[] | string {
  if (text === '') return []
  const specs = []
  for (const part of text.split(';')) {
    if (part.trim() === '') continue
    const colon = part.indexOf(':')
    const name = colon > 0 ? part.slice(0, colon).trim() : ''
    const value = colon > 0 ? part.slice(colon + 1).trim() : ''
    if (!name || !value)
      return `Write each specification as "Name: value", separated by semicolons — "${part.trim().slice(0, 40)}" is not.`
    if (name.length > 80 || value.length > 200)
      return 'A specification name may have 80 characters and a value 200.'
    specs.push({ name, value })
  }
  if (specs.length > 30) return 'List at most 30 specifications.'
  return specs
}
