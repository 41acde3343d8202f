import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { and, eq } from 'drizzle-orm'
import type { FastifyInstance, HTTPMethods } from 'fastify'
import * as accounts from '#src/modules/accounts/index.ts'
import { outboxMessages } from '#src/modules/messaging/messaging.tables.ts'
import * as privacy from '#src/modules/privacy/index.ts'
import { buildUser } from '#test/factories.ts'
import { useTestApp } from '#test/setup.ts'

const json = (server: FastifyInstance, method: string, url: string, cookie?: string, payload?: unknown) =>
  server.inject({
    method: method as HTTPMethods,
    url,
    ...(payload === undefined ? {} : { payload: payload as object }),
    headers: cookie ? { cookie } : {},
  })

const grievance = {
  category: 'disclosure',
  subject: 'Who got my phone number?',
  message: 'A seller I never contacted called me. Who did you give my number to?',
}

describe('grievance and nominee API', () => {
  const ctx = useTestApp()

  const person = async (overrides: Parameters<typeof buildUser>[1] = {}) => {
    const user = await buildUser(ctx.db, { name: 'Farah Khan', ...overrides })
    const { token } = await accounts.createSession(ctx.db, { userId: user.id, sharedDevice: false })
    return { user, cookie: `mandi_session=${token}` }
  }

  it('POST /api/v1/grievances answers 201 with the id, status and both deadlines, and queues the receipt', async () => {
    const { user, cookie } = await person()
    const before = Date.now()
    const res = await json(ctx.server, 'POST', '/api/v1/grievances', cookie, grievance)
    assert.equal(res.statusCode, 201, res.body)
    const body = res.json().grievance
    assert.equal(body.status, 'open')
    assert.match(body.id, /^[0-9a-f-]{36}$/)
    const ack = Date.parse(body.acknowledgeBy)
    const resolve = Date.parse(body.resolveBy)
    assert.ok(Math.abs(ack - before - 48 * 3_600_000) < 60_000, body.acknowledgeBy)
    assert.ok(Math.abs(resolve - before - 30 * 86_400_000) < 60_000, body.resolveBy)
    const mails = await ctx.db
      .select()
      .from(outboxMessages)
      .where(and(eq(outboxMessages.kind, 'grievance-received'), eq(outboxMessages.toAddress, user.email)))
    assert.equal(mails.length, 1)
    assert.equal((mails[0]!.data as { reference: string }).reference, privacy.grievanceReference(body.id))
  })

  it('refuses a bad grievance with 400 naming every field at once', async () => {
    const { cookie } = await person()
    const res = await json(ctx.server, 'POST', '/api/v1/grievances', cookie, {
      category: 'gossip',
      subject: '',
      message: 'short',
    })
    assert.equal(res.statusCode, 400)
    const error = res.json().error
    assert.deepEqual(Object.keys(error.fields).sort(), ['category', 'message', 'subject'])
    assert.match(error.message, /Please check your input/)
  })

  it('asks the signed-out to sign in (the form at /grievance takes them)', async () => {
    const res = await json(ctx.server, 'POST', '/api/v1/grievances', undefined, grievance)
    assert.equal(res.statusCode, 401)
  })

  it('lists only one’s own grievances, and answers 404 for another’s', async () => {
    const a = await person()
    const b = await person()
    const mine = (await json(ctx.server, 'POST', '/api/v1/grievances', a.cookie, grievance)).json().grievance
    const theirs = (
      await json(ctx.server, 'POST', '/api/v1/grievances', b.cookie, { ...grievance, subject: 'Theirs' })
    ).json().grievance
    const list = await json(ctx.server, 'GET', '/api/v1/grievances', a.cookie)
    assert.equal(list.statusCode, 200)
    assert.deepEqual(
      list.json().grievances.map((g: { id: string }) => g.id),
      [mine.id],
    )
    const own = await json(ctx.server, 'GET', `/api/v1/grievances/${mine.id}`, a.cookie)
    assert.equal(own.statusCode, 200)
    assert.equal(own.json().grievance.message, grievance.message)
    assert.deepEqual(
      own.json().events.map((e: { kind: string }) => e.kind),
      ['created'],
    )
    const other = await json(ctx.server, 'GET', `/api/v1/grievances/${theirs.id}`, a.cookie)
    assert.equal(other.statusCode, 404)
    assert.equal(other.json().error.code, 'grievance_not_found')
    assert.doesNotMatch(other.body, /Theirs/)
    const reopenOther = await json(ctx.server, 'POST', `/api/v1/grievances/${theirs.id}/reopen`, a.cookie, {})
    assert.equal(reopenOther.statusCode, 404)
  })

  it('reopens only a resolved grievance (409 before), with a fresh 30-day clock', async () => {
    const { user, cookie } = await person()
    const g = (await json(ctx.server, 'POST', '/api/v1/grievances', cookie, grievance)).json().grievance
    const early = await json(ctx.server, 'POST', `/api/v1/grievances/${g.id}/reopen`, cookie, {})
    assert.equal(early.statusCode, 409)
    const staff = await buildUser(ctx.db, { roles: ['buyer', 'support'] })
    await ctx.db.transaction((tx) =>
      privacy.resolveGrievance(tx, g.id, { userId: staff.id, note: 'Answered.' }, new Date()),
    )
    const res = await json(ctx.server, 'POST', `/api/v1/grievances/${g.id}/reopen`, cookie, {
      reason: 'Not answered really.',
    })
    assert.equal(res.statusCode, 200, res.body)
    assert.equal(res.json().grievance.status, 'open')
    assert.ok(Date.parse(res.json().grievance.resolveBy) > Date.parse(g.resolveBy))
    assert.equal(user.id.length, 36)
  })

  it('PUT /api/v1/me/nominee saves, tells the nominee once, records the disclosure; GET shows it; DELETE removes it', async () => {
    const { user, cookie } = await person({ name: 'Meena Pillai' })
    const email = `nominee.${Date.now()}@example.in`
    const put = await json(ctx.server, 'PUT', '/api/v1/me/nominee', cookie, {
      name: 'Arun Pillai',
      email,
      relationship: 'Spouse',
    })
    assert.equal(put.statusCode, 200, put.body)
    assert.deepEqual(
      { ...put.json().nominee, updatedAt: undefined },
      { name: 'Arun Pillai', email, relationship: 'Spouse', updatedAt: undefined },
    )
    assert.equal(put.json().nomineeTold, true)
    const again = await json(ctx.server, 'PUT', '/api/v1/me/nominee', cookie, {
      name: 'Arun K. Pillai',
      email,
      relationship: 'Husband',
    })
    assert.equal(again.json().nomineeTold, false, 'the same nominee is not told twice')

    const mails = await ctx.db
      .select()
      .from(outboxMessages)
      .where(and(eq(outboxMessages.kind, 'nominee-named'), eq(outboxMessages.toAddress, email)))
    assert.equal(mails.length, 1)
    assert.equal((mails[0]!.data as { personName: string }).personName, 'Meena Pillai')
    assert.ok(
      mails[0]!.idempotencyKey?.startsWith(`nominee-named:${user.id}:`),
      'erasure can find it by the key',
    )
    const ledger = await privacy.listDisclosures(ctx.db, user.id)
    const entry = ledger.find((d) => d.recipientKind === 'nominee')
    assert.ok(entry, 'the note to the nominee is in the ledger')
    assert.deepEqual(entry.fields, ['name', 'relationship'])
    assert.equal(entry.reference, `outbox:${mails[0]!.id}`)

    const got = await json(ctx.server, 'GET', '/api/v1/me/nominee', cookie)
    assert.equal(got.json().nominee.name, 'Arun K. Pillai')
    const del = await json(ctx.server, 'DELETE', '/api/v1/me/nominee', cookie)
    assert.equal(del.statusCode, 204)
    assert.equal((await json(ctx.server, 'GET', '/api/v1/me/nominee', cookie)).json().nominee, null)
  })

  it('refuses a nominee with every problem at once, and one’s own email address', async () => {
    const { user, cookie } = await person()
    const bad = await json(ctx.server, 'PUT', '/api/v1/me/nominee', cookie, {
      name: '',
      email: 'nope',
      relationship: 'x'.repeat(61),
    })
    assert.equal(bad.statusCode, 400)
    assert.deepEqual(Object.keys(bad.json().error.fields).sort(), ['email', 'name', 'relationship'])
    const self = await json(ctx.server, 'PUT', '/api/v1/me/nominee', cookie, {
      name: 'Me Myself',
      email: user.email.toUpperCase(),
      relationship: 'Friend',
    })
    assert.equal(self.statusCode, 400)
    assert.match(self.json().error.fields.email, /your own email/)
  })
})
