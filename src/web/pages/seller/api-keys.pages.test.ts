import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { eq } from 'drizzle-orm'
import * as accounts from '#src/modules/accounts/index.ts'
import * as catalog from '#src/modules/catalog/index.ts'
import { buildBusiness } from '#test/factories.ts'
import { testDatabaseKind } from '#test/setup.ts'
import { visibleText } from '../account/account-pages.test-support.ts'
import { browserFor, type SellerTestContext, useSellerServer } from './seller-test-support.ts'
import { users as usersTable } from '#src/modules/accounts/accounts.tables.ts'

let n = 0

/** A seller who registered with a password (the step-up checks it), signed in in a test browser. */
async function sellerWithPassword(ctx: SellerTestContext) {
  const password = 'forged brass valve 31'
  const user = await accounts.register(ctx.app.db, ctx.app.accountsDeps, {
    email: `seller.${++n}.${Date.now()}@shakti-valves.example`,
    password,
    name: 'Farhan Qureshi',
    phone: '98250 11223',
    isAdultBusinessUser: true,
  })
  await ctx.app.db
    .update(usersTable)
    .set({ roles: ['buyer', 'seller'], emailVerifiedAt: new Date() })
    .where(eq(usersTable.id, user.id))
  const business = await buildBusiness(ctx.app.db, { ownerUserId: user.id })
  const browser = await browserFor(ctx, user.id)
  return { user, password, browser, seller: { userId: user.id, businessId: business.id } }
}

describe(`seller API keys page (${testDatabaseKind})`, () => {
  const ctx = useSellerServer()

  it('makes an API key shown once, lists it by prefix and revokes it', async () => {
    const { browser, seller, password } = await sellerWithPassword(ctx)
    const made = await browser.submit('/seller/api-keys', '/seller/api-keys', {
      name: 'Tally sync',
      password,
    })
    assert.equal(made.statusCode, 201)
    const key = /value="(mk_[A-Za-z0-9_-]+)"/.exec(made.body)![1]!
    assert.ok(await catalog.authenticateApiKey(ctx.app.db, key))
    const list = await browser.get('/seller/api-keys')
    assert.ok(!list.body.includes(key), 'the key is shown once')
    assert.ok(list.body.includes(key.slice(0, 11)))
    const [summary] = await catalog.listApiKeys(ctx.app.db, seller)
    const revoked = await browser.post(`/seller/api-keys/${summary!.id}/revoke`, {})
    assert.equal(revoked.statusCode, 303)
    assert.equal(await catalog.authenticateApiKey(ctx.app.db, key), null)
    const empty = await browser.submit('/seller/api-keys', '/seller/api-keys', { name: '  ', password })
    assert.equal(empty.statusCode, 400)
    assert.ok(empty.body.includes('id="name-error"'))
  })

  it('makes no key without the password, reporting a bad name with it and keeping the name typed', async () => {
    const { browser, seller } = await sellerWithPassword(ctx)
    const page = await browser.get('/seller/api-keys')
    assert.match(page.body, /name="password"/)
    const bare = await browser.post('/seller/api-keys', { name: 'ERP nightly sync' })
    assert.equal(bare.statusCode, 403)
    assert.match(bare.body, /id="password-error"[^>]*>.*Enter your current password/)
    assert.match(bare.body, /value="ERP nightly sync"/)
    assert.doesNotMatch(bare.body, /value="mk_/)

    const both = await browser.post('/seller/api-keys', { name: 'x'.repeat(81) })
    assert.match(both.body, /id="name-error"/)
    assert.match(both.body, /id="password-error"/)

    const wrong = await browser.post('/seller/api-keys', {
      name: 'ERP nightly sync',
      password: 'a wrong guess 42',
    })
    assert.equal(wrong.statusCode, 401)
    assert.match(wrong.body, /id="password-error"[^>]*>.*This is not your current password/)
    assert.doesNotMatch(wrong.body, /a wrong guess 42/)
    assert.deepEqual(await catalog.listApiKeys(ctx.app.db, seller), [])
  })

  it('asks for a current code when two-factor sign-in is on', async () => {
    const { browser, seller, password, user } = await sellerWithPassword(ctx)
    const { secret } = await accounts.startTwoFactorSetup(ctx.app.db, ctx.app.accountsDeps, user.id, {
      password,
    })
    await accounts.confirmTwoFactor(ctx.app.db, ctx.app.accountsDeps, user.id, accounts.totpCode(secret))
    const page = await browser.get('/seller/api-keys')
    assert.match(page.body, /name="code"/)
    const noCode = await browser.post('/seller/api-keys', { name: 'ERP', password })
    assert.equal(noCode.statusCode, 403)
    assert.match(noCode.body, /id="code-error"/)
    assert.deepEqual(await catalog.listApiKeys(ctx.app.db, seller), [])
    const made = await browser.post('/seller/api-keys', {
      name: 'ERP',
      password,
      code: accounts.totpCode(secret, Date.now() + 30_000),
    })
    assert.equal(made.statusCode, 201)
    assert.match(visibleText(made.body), /Key “ERP” is ready/)
  })
})
