import assert from 'node:assert/strict'
import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm, utimes, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { after, before, describe, it } from 'node:test'
import { and, eq } from 'drizzle-orm'
import { strFromU8, unzipSync } from 'fflate'
import { outboxMessages } from '#src/modules/messaging/messaging.tables.ts'
import * as privacy from '#src/modules/privacy/index.ts'
import { dataExports } from '#src/modules/privacy/rights.tables.ts'
import { buildBuyer, buildEnquiry } from '#test/enquiry-factories.ts'
import { testDatabaseKind, useTestDb } from '#test/setup.ts'
import {
  buildDataExport,
  buildExportContent,
  expireDataExports,
  exportReadme,
  findExportDownload,
  removeExportFiles,
  requestExport,
  runDataExportJob,
} from './export-account.ts'
import { runPendingErasures } from './erase-account.ts'

const DAY = 86_400_000

describe(`the data export (${testDatabaseKind})`, () => {
  const ctx = useTestDb()
  let dataDir = ''
  const deps = () => ({ dataDir, publicUrl: 'https://mandi.example' })
  before(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'mandi-exports-'))
  })
  after(async () => {
    await rm(dataDir, { recursive: true, force: true })
  })

  const rowOf = async (id: string) =>
    (await ctx.db.select().from(dataExports).where(eq(dataExports.id, id)))[0]!

  it("holds every row of the person's tables in data.json and one CSV per table, secrets held not shown", async () => {
    const buyer = await buildBuyer(ctx.db, {
      passwordHash: '$argon2id$v=19$notarealhash',
      totpSecret: 'TOTP-SECRET-VALUE',
    })
    const { enquiry } = await buildEnquiry(ctx.db, { buyer }, { message: '=HYPERLINK("http://evil")' })
    await privacy.recordDisclosure(ctx.db, {
      subjectUserId: buyer.id,
      recipient: 'Kovai Pumps (seller)',
      recipientKind: 'seller',
      fields: ['name'],
      purpose: 'enquiries',
      reference: `enquiry:${enquiry.id}`,
    })
    const other = await buildBuyer(ctx.db)

    const content = await buildExportContent(ctx.db, buyer.id, new Date('2026-12-07T10:00:00Z'))
    const users = content.data.tables.users!.rows
    assert.equal(users.length, 1)
    assert.equal(users[0]!.email, buyer.email)
    assert.equal(users[0]!.password_hash, 'held (not shown)')
    assert.equal(users[0]!.totp_secret, 'held (not shown)')
    assert.match(String(users[0]!.created_at), /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/)
    assert.equal(content.data.tables.enquiries!.rows[0]!.message, '=HYPERLINK("http://evil")')
    assert.deepEqual(
      content.data.ledger.map((l) => [l.recipient, l.fields, l.purpose, l.basis]),
      [['Kovai Pumps (seller)', ['name'], 'enquiries', 'contract']],
    )
    assert.equal(content.data.summary.recipients[0]!.purpose, 'Enquiries and matchmaking')
    assert.ok(content.data.summary.categories.some((c) => c.items.some((i) => i.value === buyer.email)))

    const usersCsv = content.csvs['users.csv']!
    const [header, line] = usersCsv.split('\r\n')
    assert.ok(header!.split(',').includes('email'))
    assert.ok(line!.includes(buyer.email))
    assert.ok(content.csvs['enquiries.csv']!.includes(`"'=HYPERLINK(""http://evil"")"`), 'formula defused')

    const everything = JSON.stringify(content)
    assert.doesNotMatch(everything, /notarealhash|TOTP-SECRET-VALUE/)
    assert.doesNotMatch(everything, new RegExp(other.email))

    const readme = exportReadme(content, new Date('2026-12-14T10:00:00Z'))
    assert.match(readme, /data\.json/)
    assert.match(readme, /users\.csv/)
    assert.match(readme, /works until 14 Dec 2026/)
  })

  it('builds the ZIP, marks it ready for 7 days and queues the email in the same step; a second build does nothing', async () => {
    const buyer = await buildBuyer(ctx.db)
    const requested = await requestExport(ctx.db, deps(), buyer.id)
    assert.equal(requested.created, true)
    assert.equal(requested.export.status, 'pending')
    const readyAt = new Date('2026-12-07T10:00:00Z')

    assert.equal(await buildDataExport(ctx.db, deps(), requested.export.id, readyAt), true)
    const row = await rowOf(requested.export.id)
    assert.equal(row.status, 'ready')
    assert.equal(row.readyAt?.toISOString(), readyAt.toISOString())
    assert.equal(row.expiresAt?.getTime(), readyAt.getTime() + 7 * DAY)
    assert.match(row.fileName!, /^[0-9a-f]{32}\.zip$/)

    const zip = unzipSync(new Uint8Array(await readFile(path.join(dataDir, 'exports', row.fileName!))))
    assert.ok(zip['README.txt'] && zip['users.csv'])
    const data = JSON.parse(strFromU8(zip['data.json']!))
    assert.equal(data.tables.users.rows[0].email, buyer.email)
    assert.equal(row.byteSize, (await readFile(path.join(dataDir, 'exports', row.fileName!))).byteLength)

    const mails = await ctx.db
      .select()
      .from(outboxMessages)
      .where(and(eq(outboxMessages.recipientUserId, buyer.id), eq(outboxMessages.kind, 'data-export-ready')))
    assert.equal(mails.length, 1)
    assert.equal(mails[0]!.toAddress, buyer.email)
    assert.deepEqual(mails[0]!.data, {
      downloadUrl: `https://mandi.example/account/privacy/exports/${requested.export.id}/download`,
      expiresOn: '14 Dec 2026',
    })

    assert.equal(await buildDataExport(ctx.db, deps(), requested.export.id, readyAt), false)
    assert.equal((await rowOf(requested.export.id)).fileName, row.fileName)
  })

  it('keeps one pending export per person, even when asked for twice at once', async () => {
    const buyer = await buildBuyer(ctx.db)
    const [a, b] = await Promise.all([
      requestExport(ctx.db, deps(), buyer.id),
      requestExport(ctx.db, deps(), buyer.id),
    ])
    assert.equal(a.export.id, b.export.id)
    assert.deepEqual([a.created, b.created].sort(), [false, true])
    const again = await requestExport(ctx.db, deps(), buyer.id)
    assert.equal(again.export.id, a.export.id)
    assert.equal((await ctx.db.select().from(dataExports).where(eq(dataExports.userId, buyer.id))).length, 1)
    await runDataExportJob(ctx.db, deps(), {})
    const next = await requestExport(ctx.db, deps(), buyer.id)
    assert.equal(next.created, true, 'a new request once the first is ready')
  })

  it('expires with the clock: the download works until the 7 days are over, then the file is deleted and the row expired', async () => {
    const buyer = await buildBuyer(ctx.db)
    const { export: requested } = await requestExport(ctx.db, deps(), buyer.id)
    const readyAt = new Date('2026-12-01T09:00:00Z')
    await buildDataExport(ctx.db, deps(), requested.id, readyAt)
    const { fileName } = await rowOf(requested.id)
    const file = path.join(dataDir, 'exports', fileName!)

    const justBefore = new Date(readyAt.getTime() + 7 * DAY - 1000)
    assert.equal(
      (await findExportDownload(ctx.db, deps(), buyer.id, requested.id, justBefore)).status,
      'ready',
    )
    assert.equal(await expireDataExports(ctx.db, dataDir, justBefore), 0)
    assert.ok(existsSync(file))

    const after7Days = new Date(readyAt.getTime() + 7 * DAY)
    assert.equal(
      (await findExportDownload(ctx.db, deps(), buyer.id, requested.id, after7Days)).status,
      'expired',
    )
    assert.ok((await expireDataExports(ctx.db, dataDir, after7Days)) >= 1)
    assert.equal(existsSync(file), false)
    const row = await rowOf(requested.id)
    assert.equal(row.status, 'expired')
    assert.equal(row.fileName, null)
    assert.equal(
      (await findExportDownload(ctx.db, deps(), buyer.id, requested.id, after7Days)).status,
      'expired',
    )
  })

  it('the sweep also deletes files no export names any more (an erased account), once an hour old; erasure can delete them at once', async () => {
    const buyer = await buildBuyer(ctx.db)
    const { export: requested } = await requestExport(ctx.db, deps(), buyer.id)
    await buildDataExport(ctx.db, deps(), requested.id)
    const kept = path.join(dataDir, 'exports', (await rowOf(requested.id)).fileName!)
    const orphan = path.join(dataDir, 'exports', `${'a'.repeat(32)}.zip`)
    const building = path.join(dataDir, 'exports', `${'b'.repeat(32)}.zip`)
    await writeFile(orphan, 'old copy of an erased account')
    await writeFile(building, 'a build in progress')
    const twoHoursAgo = new Date(Date.now() - 2 * 3_600_000)
    await utimes(orphan, twoHoursAgo, twoHoursAgo)

    await expireDataExports(ctx.db, dataDir, new Date())
    assert.equal(existsSync(orphan), false)
    assert.equal(existsSync(building), true, 'a file younger than an hour may be a build in progress')
    assert.equal(existsSync(kept), true)

    assert.equal(await removeExportFiles(ctx.db, dataDir, buyer.id), 1)
    assert.equal(existsSync(kept), false)
    await rm(building)
  })

  it('the erasure job deletes the person’s export files as soon as the erasure commits', async () => {
    const buyer = await buildBuyer(ctx.db)
    const { export: requested } = await requestExport(ctx.db, deps(), buyer.id)
    await buildDataExport(ctx.db, deps(), requested.id)
    const file = path.join(dataDir, 'exports', (await rowOf(requested.id)).fileName!)
    assert.equal(existsSync(file), true)
    const erasure = await privacy.createErasureRequest(ctx.db, buyer.id)
    assert.equal(await runPendingErasures(ctx.db, { erasureId: erasure.id }, { dataDir }), 1)
    assert.equal(existsSync(file), false, 'no copy of an erased account waits for the hourly sweep')
  })

  it("answers another person's export as not found", async () => {
    const owner = await buildBuyer(ctx.db)
    const stranger = await buildBuyer(ctx.db)
    const { export: requested } = await requestExport(ctx.db, deps(), owner.id)
    await assert.rejects(findExportDownload(ctx.db, deps(), stranger.id, requested.id), {
      code: 'export_not_found',
    })
    await assert.rejects(findExportDownload(ctx.db, deps(), stranger.id, 'not-a-uuid'), {
      code: 'export_not_found',
    })
  })
})
