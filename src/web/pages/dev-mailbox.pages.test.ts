import assert from 'node:assert/strict'
import { generateKeyPairSync } from 'node:crypto'
import { after, before, describe, it } from 'node:test'
import type { FastifyInstance } from 'fastify'
import { type App, createApp } from '#src/app.ts'
import * as accounts from '#src/modules/accounts/index.ts'
import * as messaging from '#src/modules/messaging/index.ts'
import { buildUser } from '#test/factories.ts'
import { openTestDatabase, testConfig, testDatabaseKind } from '#test/setup.ts'
import { createServer } from '../server.ts'
import { devMailboxPages } from './dev-mailbox.pages.tsx'

function useServer(config: Record<string, string> = {}) {
  const ctx = {} as { app: App; server: FastifyInstance }
  before(async () => {
    ctx.app = await createApp(testConfig(config), { database: await openTestDatabase() })
    ctx.server = await createServer(ctx.app)
    // server.ts may already register these pages; register them here only if it does not.
    if (!ctx.server.hasRoute({ method: 'GET', url: '/dev/mailbox' })) devMailboxPages(ctx.server, ctx.app)
    await ctx.server.ready()
  })
  after(async () => {
    await ctx.server?.close()
    await ctx.app?.close()
  })
  return ctx
}

describe(`the dev mailbox pages (${testDatabaseKind})`, () => {
  const ctx = useServer()
  let emailId = ''
  let adminCookie = ''
  const asAdmin = (url: string) => ctx.server.inject({ url, headers: { cookie: adminCookie } })

  before(async () => {
    const admin = await buildUser(ctx.app.db, { roles: ['admin'] })
    adminCookie = `mandi_session=${(await accounts.createSession(ctx.app.db, { userId: admin.id, sharedDevice: false })).token}`
    await messaging.queueMessage(ctx.app.db, {
      kind: 'enquiry-received',
      to: { email: 'seller@example.in', phone: '9876543210' },
      idempotencyKey: 'page:1',
      data: {
        buyerFirstName: 'Ravi',
        buyerCity: '<script>alert("x")</script>',
        productTitle: 'Centrifugal Monoblock Pump 1 HP',
        quantity: 25,
        unit: 'piece',
        enquiryUrl: 'https://mandi.example/e/1',
      },
    })
    await messaging.deliverDueMessages(ctx.app.messaging)
    const list = await messaging.listDevMailbox(ctx.app.db)
    emailId = list.find((m) => m.channel === 'email')!.id
  })

  it('lists email and text messages, newest first, each linking to its page', async () => {
    const res = await asAdmin('/dev/mailbox')
    assert.equal(res.statusCode, 200)
    assert.equal(res.headers['cache-control'], 'no-store')
    assert.match(res.body, /seller@example\.in/)
    assert.match(res.body, /\+919876543210/)
    assert.match(res.body, /New enquiry: Centrifugal Monoblock Pump 1 HP \(25 pieces\)/)
    assert.match(res.body, new RegExp(`href="/dev/mailbox/${emailId}"`))
    assert.match(res.body, /<td>SMS<\/td>/)
    assert.doesNotMatch(res.body, /<script>alert/)
    const times = [...res.body.matchAll(/datetime="([^"]+)"/g)].map((m) => m[1]!)
    assert.deepEqual(times, [...times].sort().reverse())
  })

  it('shows one email: its HTML in a sandboxed frame, its text part and its headers', async () => {
    const res = await asAdmin(`/dev/mailbox/${emailId}`)
    assert.equal(res.statusCode, 200)
    assert.match(
      res.body,
      new RegExp(`<iframe class="mail-frame" src="/dev/mailbox/${emailId}/html" sandbox[ >]`),
    )
    assert.match(res.body, /<pre class="mail-text">You have a new enquiry on Mandi\./)
    assert.match(res.body, /Message-ID/)
    assert.doesNotMatch(res.body, /<script>alert/)
  })

  it('serves the stored HTML under a policy that allows no script and only this site as its frame', async () => {
    const res = await asAdmin(`/dev/mailbox/${emailId}/html`)
    assert.equal(res.statusCode, 200)
    assert.match(String(res.headers['content-type']), /^text\/html/)
    const csp = String(res.headers['content-security-policy'])
    assert.match(csp, /default-src 'none'/)
    assert.match(csp, /frame-ancestors 'self'/)
    assert.match(csp, /(^|; )sandbox(;|$)/)
    assert.doesNotMatch(csp, /script-src/)
    assert.match(res.body, /from &lt;script>alert\(&quot;x&quot;\)&lt;\/script> would like/)
  })

  it('answers 404 for a message that does not exist', async () => {
    assert.equal((await asAdmin('/dev/mailbox/00000000-0000-4000-8000-000000000000')).statusCode, 404)
    assert.equal((await asAdmin('/dev/mailbox/not-an-id')).statusCode, 404)
    assert.equal((await asAdmin('/dev/mailbox/not-an-id/html')).statusCode, 404)
  })

  it('sends someone signed out to sign in, and shows others only their own messages', async () => {
    const signedOut = await ctx.server.inject('/dev/mailbox')
    assert.equal(signedOut.statusCode, 303)
    assert.match(String(signedOut.headers.location), /^\/account\/sign-in\?next=/)

    const buyer = await buildUser(ctx.app.db, { email: 'ravi.buyer@example.in' })
    const cookie = `mandi_session=${(await accounts.createSession(ctx.app.db, { userId: buyer.id, sharedDevice: false })).token}`
    await messaging.queueMessage(ctx.app.db, {
      kind: 'password-reset',
      toUserId: buyer.id,
      to: 'ravi.buyer@example.in',
      data: { firstName: 'Ravi', resetUrl: 'https://mandi.example/r', expiresInMinutes: 30 },
    })
    await messaging.deliverDueMessages(ctx.app.messaging)
    const own = await ctx.server.inject({ url: '/dev/mailbox', headers: { cookie } })
    assert.match(own.body, /ravi\.buyer@example\.in/)
    assert.doesNotMatch(own.body, /seller@example\.in/)
    const someoneElses = await ctx.server.inject({ url: `/dev/mailbox/${emailId}`, headers: { cookie } })
    assert.equal(someoneElses.statusCode, 404)
  })
})

describe(`the dev mailbox, for someone who gave another person's phone number (${testDatabaseKind})`, () => {
  const ctx = useServer()

  it('shows a non-admin only messages addressed to their own account, not those sent to the same number', async () => {
    const owner = await buildUser(ctx.app.db, { email: 'meera.owner@example.in', phone: '+919812345678' })
    const squatter = await buildUser(ctx.app.db, { email: 'someone.else@example.in', phone: '+919812345678' })
    await messaging.queueMessage(ctx.app.db, {
      kind: 'enquiry-received',
      toUserId: owner.id,
      to: { email: owner.email, phone: owner.phone },
      data: {
        buyerFirstName: 'Ravi',
        buyerCity: 'Pune',
        productTitle: 'Gate valve 2 inch',
        quantity: 40,
        unit: 'piece',
        enquiryUrl: 'https://mandi.example/e/2',
      },
    })
    await messaging.deliverDueMessages(ctx.app.messaging)
    const cookieOf = async (userId: string) =>
      `mandi_session=${(await accounts.createSession(ctx.app.db, { userId, sharedDevice: false })).token}`

    const theirs = await ctx.server.inject({
      url: '/dev/mailbox',
      headers: { cookie: await cookieOf(squatter.id) },
    })
    assert.equal(theirs.statusCode, 200)
    assert.doesNotMatch(theirs.body, /Gate valve 2 inch|\+919812345678/)
    assert.match(theirs.body, /No messages yet/)
    const [sms] = (await messaging.listDevMailbox(ctx.app.db)).filter((m) => m.channel === 'sms')
    assert.ok(sms)
    const direct = await ctx.server.inject({
      url: `/dev/mailbox/${sms.id}`,
      headers: { cookie: await cookieOf(squatter.id) },
    })
    assert.equal(direct.statusCode, 404)

    const ownerCookie = await cookieOf(owner.id)
    const mine = await ctx.server.inject({ url: '/dev/mailbox', headers: { cookie: ownerCookie } })
    assert.match(mine.body, /<td>SMS<\/td>/)
    assert.match(mine.body, /meera\.owner@example\.in/)
    assert.equal(
      (await ctx.server.inject({ url: `/dev/mailbox/${sms.id}`, headers: { cookie: ownerCookie } }))
        .statusCode,
      200,
    )
  })
})

describe(`the dev mailbox in production (${testDatabaseKind})`, () => {
  const ctx = useServer({
    NODE_ENV: 'production',
    CONSENT_RECEIPT_KEY: generateKeyPairSync('ed25519')
      .privateKey.export({ format: 'pem', type: 'pkcs8' })
      .toString(),
  })

  it('does not exist', async () => {
    await messaging.queueMessage(ctx.app.db, {
      kind: 'password-reset',
      to: 'asha@example.in',
      data: { firstName: 'Asha', resetUrl: 'https://mandi.example/r', expiresInMinutes: 30 },
    })
    assert.equal((await ctx.server.inject('/dev/mailbox')).statusCode, 404)
    const [message] = await messaging.listDevMailbox(ctx.app.db)
    assert.equal(message, undefined)
    assert.equal(
      (await ctx.server.inject('/dev/mailbox/00000000-0000-4000-8000-000000000000')).statusCode,
      404,
    )
  })
})
