import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { and, eq, inArray } from 'drizzle-orm'
import * as messaging from '#src/modules/messaging/index.ts'
import { outboxMessages } from '#src/modules/messaging/messaging.tables.ts'
import { testDatabaseKind, useTestDb } from '#test/setup.ts'
import * as accounts from './index.ts'

// Each change to how someone signs in queues exactly one alert to the account's own address, in
// the transaction of the change; a sign-in from a device seen before queues none. No alert holds
// a code, a link that signs in, a full IP address or the raw user agent.

const deps = { secretKey: 'test-secret-key-that-is-long-enough-for-signing', publicUrl: 'http://mandi.test' }
const chrome =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36'
const firefox = 'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0'
const office = { ip: '198.51.100.7', ipPrefix: '198.51.100.0', userAgent: chrome }
const securityKinds = ['two-factor-changed', 'password-changed', 'new-device-sign-in', 'sessions-ended']

let n = 0
const person = () => ({
  email: `kavya.${++n}.${Date.now()}@sharma-valves.example`,
  password: 'Quiet harbour lantern 47',
  name: 'Kavya Sharma',
  phone: '98765 43210',
  isAdultBusinessUser: true as const,
})

describe(`security alerts (${testDatabaseKind})`, () => {
  const ctx = useTestDb()
  const at = (stepsFromNow: number) => new Date(Date.now() + stepsFromNow * 30_000)

  const alertsOf = (userId: string) =>
    ctx.db
      .select()
      .from(outboxMessages)
      .where(and(eq(outboxMessages.recipientUserId, userId), inArray(outboxMessages.kind, securityKinds)))

  /** A person who has signed in once from the office Chrome (their known device), with no alerts yet. */
  async function known() {
    const input = person()
    const user = await accounts.register(ctx.db, deps, input)
    await accounts.createSession(ctx.db, {
      userId: user.id,
      sharedDevice: false,
      userAgent: office.userAgent,
      ipPrefix: office.ipPrefix,
    })
    assert.deepEqual(await alertsOf(user.id), [])
    return { input, user }
  }

  function onlyAlert(rows: Awaited<ReturnType<typeof alertsOf>>, kind: string, email: string) {
    assert.equal(rows.length, 1, JSON.stringify(rows.map((r) => r.kind)))
    const [row] = rows
    assert.equal(row!.kind, kind)
    assert.equal(row!.channel, 'email')
    assert.equal(row!.toAddress, email)
    assert.equal(row!.purpose, 'security')
    const mail = messaging.renderMessage(row!.kind, 'email', row!.data, {
      publicUrl: 'http://mandi.test',
      operatorName: 'Mandi Test',
      dltTemplateIds: {},
    })
    const all = JSON.stringify({ data: row!.data, mail: mail.content })
    assert.doesNotMatch(all, /198\.51\.100\.7|203\.0\.113\.9/, 'no full IP address')
    assert.doesNotMatch(all, /Mozilla|Gecko|AppleWebKit/, 'no raw user agent')
    assert.doesNotMatch(all, /token=|\b\d{6}\b/, 'no code and no sign-in link')
    return { row: row!, text: (mail.content as messaging.EmailContent).text }
  }

  it('queues none for a sign-in from a known device', async () => {
    const { input, user } = await known()
    await accounts.signIn(ctx.db, deps, input, office)
    await accounts.signIn(ctx.db, deps, input, office)
    assert.deepEqual(await alertsOf(user.id), [])
  })

  it('queues one for a sign-in from a new browser or a new network, naming the browser and the prefix', async () => {
    const { input, user } = await known()
    await accounts.signIn(ctx.db, deps, input, {
      ip: '203.0.113.9',
      ipPrefix: '203.0.113.0',
      userAgent: firefox,
    })
    const { text } = onlyAlert(await alertsOf(user.id), 'new-device-sign-in', input.email)
    assert.match(text, /Device: Firefox on Linux/)
    assert.match(text, /Network: 203\.0\.113\.x/)
    // Seen now: signing in there again is not news.
    await accounts.signIn(ctx.db, deps, input, {
      ip: '203.0.113.9',
      ipPrefix: '203.0.113.0',
      userAgent: firefox,
    })
    assert.equal((await alertsOf(user.id)).length, 1)
    // The known browser on another network is a new device too.
    await accounts.signIn(ctx.db, deps, input, { ...office, ip: '203.0.113.9', ipPrefix: '203.0.113.0' })
    assert.equal((await alertsOf(user.id)).length, 2)
  })

  it('queues one when two-factor sign-in is turned on, and one when it is turned off', async () => {
    const { input, user } = await known()
    const { secret } = await accounts.startTwoFactorSetup(ctx.db, deps, user.id, { password: input.password })
    assert.deepEqual(await alertsOf(user.id), [], 'starting the setup changes nothing yet')
    await accounts.confirmTwoFactor(ctx.db, deps, user.id, accounts.totpCode(secret))
    const on = onlyAlert(await alertsOf(user.id), 'two-factor-changed', input.email)
    assert.equal(on.row.data.enabled, true)
    assert.match(on.text, /Two-factor sign-in was turned on/)

    await ctx.db.delete(outboxMessages).where(eq(outboxMessages.id, on.row.id))
    const later = at(1)
    await accounts.disableTwoFactor(
      ctx.db,
      deps,
      user.id,
      { password: input.password, code: accounts.totpCode(secret, later.getTime()) },
      later,
    )
    const off = onlyAlert(await alertsOf(user.id), 'two-factor-changed', input.email)
    assert.equal(off.row.data.enabled, false)
  })

  it('queues one when the password is changed, and one when it is reset from a link', async () => {
    const { input, user } = await known()
    const session = await accounts.createSession(ctx.db, {
      userId: user.id,
      sharedDevice: false,
      userAgent: office.userAgent,
      ipPrefix: office.ipPrefix,
    })
    await accounts.changePassword(ctx.db, deps, {
      userId: user.id,
      currentSessionId: session.sessionId,
      currentPassword: input.password,
      newPassword: 'Copper kettle monsoon 83',
    })
    const changed = onlyAlert(await alertsOf(user.id), 'password-changed', input.email)
    assert.equal(changed.row.data.viaResetLink, false)

    await ctx.db.delete(outboxMessages).where(eq(outboxMessages.id, changed.row.id))
    await accounts.requestPasswordReset(ctx.db, deps, input.email, office)
    const [link] = await ctx.db
      .select({ data: outboxMessages.data })
      .from(outboxMessages)
      .where(and(eq(outboxMessages.recipientUserId, user.id), eq(outboxMessages.kind, 'password-reset')))
    const token = new URL(String(link!.data.resetUrl)).searchParams.get('token')!
    await accounts.resetPassword(ctx.db, deps, token, 'Saffron bicycle river 29')
    const reset = onlyAlert(await alertsOf(user.id), 'password-changed', input.email)
    assert.equal(reset.row.data.viaResetLink, true)
  })

  it('queues one when every session is ended, and none when one session signs out', async () => {
    const { user, input } = await known()
    const one = await accounts.createSession(ctx.db, { userId: user.id, sharedDevice: false })
    await accounts.revokeSession(ctx.db, user.id, one.sessionId)
    assert.deepEqual(await alertsOf(user.id), [])
    await accounts.createSession(ctx.db, { userId: user.id, sharedDevice: false })
    assert.equal(await accounts.revokeAllSessions(ctx.db, user.id, 'signed_out_everywhere'), 2)
    const { row } = onlyAlert(await alertsOf(user.id), 'sessions-ended', input.email)
    assert.equal(row.data.count, 2)
    // Nothing left to end: nothing to tell.
    assert.equal(await accounts.revokeAllSessions(ctx.db, user.id, 'signed_out_everywhere'), 0)
    assert.equal((await alertsOf(user.id)).length, 1)
  })
})
