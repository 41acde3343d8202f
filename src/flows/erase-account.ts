import { rm } from 'node:fs/promises'
import { type SQL, sql } from 'drizzle-orm'
import { type Db, queryRows } from '../db/database.ts'
import { dataInventory } from '../inventory.ts'
import { invalid } from '../shared/errors.ts'
import * as accounts from '../modules/accounts/index.ts'
import * as catalog from '../modules/catalog/index.ts'
import * as enquiries from '../modules/enquiries/index.ts'
import * as messaging from '../modules/messaging/index.ts'
import * as privacy from '../modules/privacy/index.ts'
import { exportFilePath } from './export-account.ts'
import { findSubjectRows, linkCondition } from './subject-rows.ts'

// Erasing an account: the person asks (password, and a code with two-factor sign-in), a job does
// it. The job applies each personal column's rule from the data inventory to the rows the subject
// links find — delete, pseudonymise or legal hold — in one transaction, after the modules have done
// what no column rule can say (sessions end, API keys stop, contact shares end). The ledgers get
// the pseudonym instead of the person's id, the person is told by email what went and what stayed,
// and the request keeps a report without values or user id.

/** What a module does on erasure beyond the column rules; returns counts for the report. */
type EraseContribution = (tx: Db, userId: string) => Promise<Record<string, number>>

/** Gathered from the modules' index files, so no module needs to know another. */
const contributions: readonly { module: string; erase: EraseContribution }[] = [
  { module: 'accounts', erase: accounts.eraseSubject },
  { module: 'catalog', erase: catalog.eraseSubject },
  { module: 'enquiries', erase: enquiries.eraseSubject },
  { module: 'messaging', erase: messaging.eraseSubject },
]

export interface ErasureProof {
  password?: string | null | undefined
  code?: string | null | undefined
}

/**
 * Checks the step-up (accounts.assertStepUp: forbidden 'step_up_required', unauthenticated
 * 'invalid_credentials' | 'invalid_totp', rate_limited; invalid 'erasure_not_confirmed' with the
 * caller's problems) and records the request; every session of
 * the person ends at once, and the job erases the account. Returns the (pending) request.
 */
export async function requestErasure(
  db: Db,
  deps: accounts.AccountsDeps,
  userId: string,
  proof: ErasureProof,
  /** Problems the form found with the rest of its input (the confirmation box): reported with the step-up's. */
  problems: Record<string, string> = {},
): Promise<{ id: string; status: privacy.ErasureStatus }> {
  await accounts.assertStepUp(db, deps, userId, proof, { fields: problems })
  if (Object.keys(problems).length > 0) {
    throw invalid('erasure_not_confirmed', 'Confirm that you want your account erased.', problems)
  }
  const request = await privacy.createErasureRequest(db, userId)
  await accounts.revokeAllSessions(db, userId, 'erasure_requested')
  return { id: request.id, status: request.status }
}

/** One line of the erasure report: a table, what happened to the person's rows there. No values. */
export interface ErasureReportTable {
  table: string
  description: string
  /** Rows of the person's found in the table. */
  rows: number
  deletedRows: number
  /** Columns cleared (set empty) and replaced with a meaningless value, on `updatedRows` rows. */
  cleared: string[]
  pseudonymised: string[]
  updatedRows: number
  /** Columns kept because the law needs them, with why and until when. */
  held: { column: string; description: string; reason: string; until: string; rows: number }[]
}

export interface ErasureReport {
  pseudonym: string
  tables: ErasureReportTable[]
  /** What the modules did besides the column rules ("sessions ended": 2). */
  actions: Record<string, number>
  ledgerRowsPseudonymised: number
}

/** The rules for one personal column, as the person reads them before asking. */
export interface ErasurePlanItem {
  description: string
  /** For held items: why they are kept and until when. */
  reason?: string
  until?: string
}

export interface ErasurePlan {
  /** Deleted outright (whole records, or the values). */
  erased: ErasurePlanItem[]
  /** Replaced with a meaningless value so that what others keep (a thread) still reads. */
  replaced: ErasurePlanItem[]
  /** Kept, with the reason and until when. */
  held: ErasurePlanItem[]
}

function purposeTitles(purposes: readonly privacy.Purpose[]): string {
  return purposes.map((p) => privacy.purposes[p].title).join(', ')
}

/**
 * What erasure does, generated from the inventory: every personal column a person's rows can have,
 * by rule. The page shows it before the person confirms; nothing in it is written by hand.
 */
export function erasurePlan(inventory: readonly privacy.TableInventory[] = dataInventory): ErasurePlan {
  const plan: ErasurePlan = { erased: [], replaced: [], held: [] }
  const seen = new Set<string>()
  for (const table of inventory) {
    const links = table.subjects.filter((l) => l.erasure !== 'keep')
    if (links.length === 0) continue
    const wholeRows = links.every((l) => l.erasure === 'delete_rows')
    for (const { entry } of table.columns) {
      if (!entry.personal) continue
      const rule = wholeRows ? 'delete' : entry.erasure
      const key = `${rule}:${entry.description}`
      if (seen.has(key)) continue
      seen.add(key)
      if (rule === 'delete') plan.erased.push({ description: entry.description })
      else if (rule === 'pseudonymise') plan.replaced.push({ description: entry.description })
      else
        plan.held.push({
          description: entry.description,
          reason: purposeTitles(entry.purposes),
          until: entry.retention,
        })
    }
  }
  return plan
}

interface ColumnType {
  nullable: boolean
  type: string
}

async function columnTypes(tx: Db): Promise<Map<string, ColumnType>> {
  const rows = await queryRows<{
    table_name: string
    column_name: string
    is_nullable: string
    data_type: string
  }>(
    tx,
    sql`select table_name, column_name, is_nullable, data_type from information_schema.columns
        where table_schema = current_schema()`,
  )
  return new Map(
    rows.map((r) => [
      `${r.table_name}.${r.column_name}`,
      { nullable: r.is_nullable === 'YES', type: r.data_type },
    ]),
  )
}

/** The value a cleared column gets: NULL where it may be, else the type's empty value. */
function clearedValue(table: string, column: string, type: ColumnType | undefined): SQL {
  if (!type || type.nullable) return sql`null`
  if (type.type === 'text' || type.type === 'character varying') return sql`''`
  if (type.type === 'jsonb' || type.type === 'json') return sql`'null'::jsonb`
  throw new Error(
    `erasure cannot clear ${table}.${column} (${type.type}, not null): give the table a delete_rows link`,
  )
}

/** A meaningless value in place of an identifier, so the rows others keep still read. */
function pseudonymValue(
  table: string,
  column: string,
  category: privacy.DataCategory,
  pseudonym: string,
  type: ColumnType | undefined,
): SQL {
  if (type && type.type !== 'text' && type.type !== 'character varying' && type.type !== 'citext') {
    throw new Error(`erasure cannot pseudonymise ${table}.${column} (${type.type})`)
  }
  // The address is unique and must stay an address, but one nobody can receive: .invalid (RFC 2606).
  if (category === 'contact' && column.includes('email')) return sql`${`erased-${pseudonym}@erased.invalid`}`
  if (category === 'identity') return sql`${'Erased user'}`
  return sql`${`erased-${pseudonym}`}`
}

const has = (value: unknown) => value !== null && value !== undefined && value !== ''

export interface ErasureOptions {
  /** The data directory: the person's export files there are deleted as soon as the erasure commits. */
  dataDir?: string
}

/**
 * Erases the account of one pending request, in one transaction; a request that is not pending
 * (done, or being done by another worker) is left alone. Returns the report, or null.
 */
export async function eraseAccount(
  db: Db,
  requestId: string,
  options: ErasureOptions = {},
): Promise<ErasureReport | null> {
  try {
    const files: string[] = []
    const report = await db.transaction(async (tx) => {
      const request = await privacy.claimErasureRequest(tx, requestId)
      if (!request) return null
      if (!request.userId) throw new Error('erasure request names no account')
      // The export rows go with the account; their file names are kept to delete the files after.
      for (const e of await privacy.listDataExports(tx, request.userId, 1000))
        if (e.fileName) files.push(e.fileName)
      return eraseInTransaction(tx, request, request.userId)
    })
    if (report && options.dataDir) {
      const dataDir = options.dataDir
      await Promise.all(files.map((name) => rm(exportFilePath(dataDir, name), { force: true })))
    }
    return report
  } catch (error) {
    // The code only: a database error's detail may quote a value.
    await privacy.failErasureRequest(db, requestId, error instanceof Error ? error.message : 'erasure failed')
    throw error
  }
}

async function eraseInTransaction(
  tx: Db,
  request: privacy.ErasureRequest,
  userId: string,
): Promise<ErasureReport> {
  const inventory = dataInventory
  const person = await accounts.findProfile(tx, userId)
  if (!person.email) throw new Error('the account has no email address to tell')
  const found = await findSubjectRows(tx, userId, { purpose: 'erasure', inventory })
  const types = await columnTypes(tx)
  const { pseudonym } = request

  // What the person will be told, and the report: from the rows found, before anything changes.
  const tables: ErasureReportTable[] = []
  const erasedWords = new Set<string>()
  const heldWords = new Map<string, { what: string; why: string; until: string }>()
  for (const { table, rows } of found) {
    const links = table.subjects.filter((l) => l.erasure !== 'keep')
    const wholeRows = links.every((l) => l.erasure === 'delete_rows')
    const line: ErasureReportTable = {
      table: table.table,
      description: table.description,
      rows: rows.length,
      deletedRows: 0,
      cleared: [],
      pseudonymised: [],
      updatedRows: 0,
      held: [],
    }
    for (const { column, entry } of table.columns) {
      if (!entry.personal) continue
      const withValue = rows.filter((r) => has(r[column])).length
      if (wholeRows || entry.erasure === 'delete') {
        if (!wholeRows) line.cleared.push(column)
        if (withValue > 0) erasedWords.add(entry.description)
      } else if (entry.erasure === 'pseudonymise') {
        line.pseudonymised.push(column)
        if (withValue > 0) erasedWords.add(entry.description)
      } else if (withValue > 0) {
        const reason = purposeTitles(entry.purposes)
        line.held.push({
          column,
          description: entry.description,
          reason,
          until: entry.retention,
          rows: withValue,
        })
        heldWords.set(entry.description, { what: entry.description, why: reason, until: entry.retention })
      }
    }
    tables.push(line)
  }

  // Told before the data goes, to the address the account has now; the outbox row keeps the
  // address itself and names no account, so erasing the outbox rows below leaves this one.
  await messaging.queueMessage(tx, {
    kind: 'account-erased',
    to: person.email,
    toUserId: null,
    idempotencyKey: `account-erased:${request.id}`,
    data: {
      reference: pseudonym,
      at: new Date().toISOString(),
      erased: [...erasedWords].slice(0, 200),
      held: [...heldWords.values()].slice(0, 100),
    },
  })

  const actions: Record<string, number> = {}
  for (const { erase } of contributions) Object.assign(actions, await erase(tx, userId))

  for (const line of tables) {
    const table = inventory.find((t) => t.table === line.table)!
    const links = table.subjects.filter((l) => l.erasure !== 'keep')
    const condition = (kind: 'rows' | 'columns') =>
      sql.join(
        links
          .filter((l) => (l.erasure === 'delete_rows') === (kind === 'rows'))
          .map((l) => sql`(${linkCondition(inventory, l, userId, 'erasure', [table.table])})`),
        sql` or `,
      )
    const name = sql.identifier(table.table)
    if (links.some((l) => l.erasure === 'delete_rows')) {
      if (line.held.length > 0) throw new Error(`erasure would delete held rows of ${table.table}`)
      const deleted = await queryRows(tx, sql`delete from ${name} where ${condition('rows')} returning 1`)
      line.deletedRows = deleted.length
    }
    const sets: SQL[] = []
    for (const { column, entry } of table.columns) {
      if (!entry.personal || !links.some((l) => l.erasure !== 'delete_rows')) continue
      const type = types.get(`${table.table}.${column}`)
      if (entry.erasure === 'delete')
        sets.push(sql`${sql.identifier(column)} = ${clearedValue(table.table, column, type)}`)
      if (entry.erasure === 'pseudonymise')
        sets.push(
          sql`${sql.identifier(column)} = ${pseudonymValue(table.table, column, entry.category, pseudonym, type)}`,
        )
    }
    if (sets.length > 0) {
      const updated = await queryRows(
        tx,
        sql`update ${name} set ${sql.join(sets, sql`, `)} where ${condition('columns')} returning 1`,
      )
      line.updatedRows = updated.length
    }
  }

  const [ledgers] = await queryRows<{ n: number }>(
    tx,
    sql`select mandi_pseudonymise_ledgers(${userId}::uuid, ${pseudonym}::uuid) as n`,
  )
  const report: ErasureReport = {
    pseudonym,
    tables,
    actions,
    ledgerRowsPseudonymised: Number(ledgers?.n ?? 0),
  }
  await privacy.completeErasureRequest(tx, request, report)
  return report
}

/** The worker's sweep: every pending request, each in its own transaction. Returns how many were done. */
export async function runPendingErasures(
  db: Db,
  payload: unknown = {},
  options: ErasureOptions = {},
): Promise<number> {
  const named =
    payload &&
    typeof payload === 'object' &&
    typeof (payload as { erasureId?: unknown }).erasureId === 'string'
      ? [(payload as { erasureId: string }).erasureId]
      : []
  const ids = [...new Set([...named, ...(await privacy.pendingErasureIds(db))])]
  let done = 0
  let firstError: unknown
  for (const id of ids) {
    try {
      if (await eraseAccount(db, id, options)) done += 1
    } catch (error) {
      // Recorded on the request as failed; the others still run, and the job reports the failure.
      firstError ??= error
    }
  }
  if (firstError) throw firstError
  return done
}
