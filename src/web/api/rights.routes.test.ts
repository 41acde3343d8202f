import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { FastifyInstance, HTTPMethods } from 'fastify'
import { strFromU8, unzipSync } from 'fflate'
import * as flows from '#src/flows/index.ts'
import * as privacy from '#src/modules/privacy/index.ts'
import { testDatabaseKind, useTestApp } from '#test/setup.ts'

let n = 0
const newPerson = () => ({
  email: `kavya.${++n}.${Date.now()}@deccan-castings.example`,
  password: 'molten bronze ladle 88',
  name: 'Kavya Reddy',
  phone: '+91 90000 12345',
  isAdultBusinessUser: true,
})

const call = (server: FastifyInstance, method: string, url: string, cookie?: string, payload?: unknown) =>
  server.inject({
    method: method as HTTPMethods,
    url,
    ...(payload === undefined ? {} : { payload: payload as object }),
    headers: cookie ? { cookie } : {},
  })

async function registered(server: FastifyInstance) {
  const person = newPerson()
  const res = await call(server, 'POST', '/api/v1/auth/register', undefined, person)
  assert.equal(res.statusCode, 201, res.body)
  const cookie = res.cookies.find((c) => c.name === 'mandi_session')!
  return { person, cookie: `mandi_session=${cookie.value}`, id: res.json().user.id as string }
}

const DAY = 86_400_000

describe(`data rights API (${testDatabaseKind})`, () => {
  const ctx = useTestApp()

  it('GET /api/v1/me/data: every personal value by category, and the recipients from the ledger', async () => {
    const { person, cookie, id } = await registered(ctx.server)
    await privacy.recordDisclosure(ctx.app.db, {
      subjectUserId: id,
      recipient: 'Deccan Foundry Supplies (seller)',
      recipientKind: 'seller',
      fields: ['name', 'phone'],
      purpose: 'enquiries',
    })
    const res = await call(ctx.server, 'GET', '/api/v1/me/data', cookie)
    assert.equal(res.statusCode, 200)
    const body = res.json()
    assert.deepEqual(Object.keys(body).sort(), ['categories', 'recipients'])
    const contact = body.categories.find((c: { category: string }) => c.category === 'contact')
    const email = contact.items.find((i: { field: string }) => i.field === 'users.email')
    assert.deepEqual(Object.keys(email).sort(), ['description', 'field', 'purposes', 'retention', 'value'])
    assert.equal(email.value, person.email)
    assert.ok(email.purposes.includes('Running your account'))
    const credentials = body.categories.find((c: { category: string }) => c.category === 'credentials')
    assert.ok(credentials.items.every((i: { value: string }) => i.value === 'held (not shown)'))
    assert.doesNotMatch(res.body, /\$argon2/)
    assert.equal(body.recipients.length, 1)
    assert.deepEqual(
      { ...body.recipients[0], at: undefined },
      {
        recipient: 'Deccan Foundry Supplies (seller)',
        fields: ['Name', 'Mobile number'],
        purpose: 'Enquiries and matchmaking',
        at: undefined,
      },
    )
    assert.ok(!Number.isNaN(Date.parse(body.recipients[0].at)))

    assert.equal((await call(ctx.server, 'GET', '/api/v1/me/data')).statusCode, 401)
  })

  it('exports: 202 pending (one at a time), ready with a link once built, a ZIP holding the email, 404 for others, expired after 7 days (410 download)', async () => {
    const { person, cookie, id } = await registered(ctx.server)
    const stranger = await registered(ctx.server)

    const first = await call(ctx.server, 'POST', '/api/v1/me/exports', cookie, {})
    assert.equal(first.statusCode, 202)
    const exportId = first.json().export.id as string
    assert.deepEqual(first.json(), { export: { id: exportId, status: 'pending' } })
    const second = await call(ctx.server, 'POST', '/api/v1/me/exports', cookie, {})
    assert.equal(second.statusCode, 202)
    assert.equal(second.json().export.id, exportId, 'asking again while pending returns the pending one')

    const pending = await call(ctx.server, 'GET', `/api/v1/me/exports/${exportId}`, cookie)
    assert.equal(pending.statusCode, 200)
    assert.deepEqual(pending.json(), { export: { id: exportId, status: 'pending' } })
    const notYet = await call(ctx.server, 'GET', flows.exportDownloadPath(exportId), cookie)
    assert.equal(notYet.statusCode, 409)

    const theirs = await call(ctx.server, 'GET', `/api/v1/me/exports/${exportId}`, stranger.cookie)
    assert.equal(theirs.statusCode, 404)
    assert.equal(theirs.json().error.code, 'export_not_found')
    assert.equal((await call(ctx.server, 'GET', `/api/v1/me/exports/${exportId}`)).statusCode, 401)

    await flows.runDataExportJob(ctx.app.db, ctx.app.config, { exportId })
    const ready = await call(ctx.server, 'GET', `/api/v1/me/exports/${exportId}`, cookie)
    assert.equal(ready.statusCode, 200)
    const shown = ready.json().export
    assert.equal(shown.status, 'ready')
    assert.equal(
      shown.downloadUrl,
      `${ctx.app.config.publicUrl}/account/privacy/exports/${exportId}/download`,
    )
    const expiresIn = Date.parse(shown.expiresAt) - Date.now()
    assert.ok(expiresIn > 7 * DAY - 60_000 && expiresIn <= 7 * DAY, `expires in ${expiresIn} ms`)

    const downloadPath = new URL(shown.downloadUrl).pathname
    const download = await call(ctx.server, 'GET', downloadPath, cookie)
    assert.equal(download.statusCode, 200)
    assert.equal(download.headers['content-type'], 'application/zip')
    assert.match(
      String(download.headers['content-disposition']),
      /^attachment; filename="mandi-data-\d{4}-\d{2}-\d{2}\.zip"$/,
    )
    const files = unzipSync(new Uint8Array(download.rawPayload))
    assert.deepEqual(
      ['README.txt', 'data.json', 'users.csv'].filter((f) => !(f in files)),
      [],
      `files: ${Object.keys(files).join(', ')}`,
    )
    const data = JSON.parse(strFromU8(files['data.json']!))
    assert.equal(data.accountId, id)
    assert.equal(data.tables.users.rows[0].email, person.email)
    assert.match(strFromU8(files['users.csv']!), new RegExp(person.email.replaceAll('.', '\\.')))

    const strangerDownload = await call(ctx.server, 'GET', downloadPath, stranger.cookie)
    assert.equal(strangerDownload.statusCode, 404)
    assert.doesNotMatch(strangerDownload.body, new RegExp(person.email))
    const signedOut = await call(ctx.server, 'GET', downloadPath)
    assert.equal(signedOut.statusCode, 303)
    assert.match(String(signedOut.headers.location), /^\/account\/sign-in/)

    const later = new Date(Date.now() + 7 * DAY + 60_000)
    assert.ok((await flows.expireDataExports(ctx.app.db, ctx.app.config.dataDir, later)) >= 1)
    const expired = await call(ctx.server, 'GET', `/api/v1/me/exports/${exportId}`, cookie)
    assert.deepEqual(expired.json(), { export: { id: exportId, status: 'expired' } })
    const gone = await call(ctx.server, 'GET', downloadPath, cookie)
    assert.equal(gone.statusCode, 410)
    assert.match(gone.body, /This link no longer works/)
  })
})
