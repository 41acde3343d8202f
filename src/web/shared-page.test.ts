import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { setTimeout as sleep } from 'node:timers/promises'
import { eq } from 'drizzle-orm'
import * as accounts from '#src/modules/accounts/index.ts'
import * as catalog from '#src/modules/catalog/index.ts'
import { products } from '#src/modules/catalog/catalog.tables.ts'
import { buildBusiness, buildCategory, buildProduct, buildUser } from '#test/factories.ts'
import { testDatabaseKind, useTestApp } from '#test/setup.ts'

describe(`signed-in catalogue pages from the shared rendering (${testDatabaseKind})`, () => {
  const ctx = useTestApp({ config: { PAGE_CACHE_SECONDS: '300' } })

  async function signIn(name: string) {
    const user = await buildUser(ctx.db, { name })
    const session = await accounts.createSession(ctx.db, { userId: user.id, sharedDevice: false })
    return { cookie: `mandi_session=${session.token}` }
  }

  it("gives each person their own account menu on the same page, never another's", async () => {
    const category = await buildCategory(ctx.db, { slug: 'shared-valves', name: 'Shared Valves' })
    await buildProduct(ctx.db, { categoryId: category.id, title: 'Shared Butterfly Valve' })
    const asha = await signIn('Asha Verma')
    const ravi = await signIn('Ravi <b>Kumar</b>')
    for (const url of [
      '/',
      '/c/shared-valves',
      '/categories',
      '/suppliers/pune',
      '/suppliers/pune/shared-valves',
    ]) {
      const first = await ctx.server.inject({ url, headers: asha })
      const second = await ctx.server.inject({ url, headers: ravi })
      const anonymous = await ctx.server.inject(url)
      assert.equal(first.statusCode, 200, url)
      assert.match(first.body, /Signed in as <strong>Asha Verma<\/strong>/, url)
      assert.doesNotMatch(first.body, /Ravi/, url)
      assert.match(second.body, /Signed in as <strong>Ravi &lt;b>Kumar&lt;\/b><\/strong>/, url)
      assert.doesNotMatch(second.body, /Asha/, url)
      // A sign-out form with a CSRF token for this response, and no sign-in link.
      assert.match(
        first.body,
        /<form method="post" action="\/account\/sign-out"><input type="hidden" name="_csrf" value="[^"]+"/,
        url,
      )
      assert.doesNotMatch(first.body, />Sign in</, url)
      assert.match(anonymous.body, />Sign in</, url)
      assert.doesNotMatch(anonymous.body, /Signed in as|Asha|Ravi/, url)
      assert.match(first.body, /Shared Butterfly Valve|Shared Valves/, url)
      assert.equal(first.headers['x-cache'], undefined, 'never from the anonymous page cache')
    }
  })

  it('shows a price edit to signed-in people once the change is announced', async () => {
    const seller = await buildBusiness(ctx.db, { city: 'Nagpur', state: 'Maharashtra' })
    const category = await buildCategory(ctx.db, { slug: 'edited-pumps', name: 'Edited Pumps' })
    const product = await buildProduct(ctx.db, {
      businessId: seller.id,
      categoryId: category.id,
      pricePaise: 450_000,
    })
    // Factories write without announcing; a new seller's city is known after the next change.
    ctx.server.pageCache.clear()
    const asha = await signIn('Asha Verma')
    for (const url of ['/c/edited-pumps', '/suppliers/nagpur/edited-pumps']) {
      assert.match((await ctx.server.inject({ url, headers: asha })).body, /₹4,500/, url)
    }
    const invalidated = ctx.server.pageCache.nextInvalidation()
    await ctx.db.transaction(async (tx) => {
      await tx.update(products).set({ pricePaise: 520_000 }).where(eq(products.id, product.id))
      await catalog.announceCatalogChange(tx, `product:${product.id}`)
    })
    await invalidated
    for (const url of ['/c/edited-pumps', '/suppliers/nagpur/edited-pumps']) {
      const after = await ctx.server.inject({ url, headers: asha })
      assert.match(after.body, /₹5,200/, url)
      assert.doesNotMatch(after.body, /₹4,500/, url)
    }
  })

  it('answers 404 to a signed-in person for an unknown category', async () => {
    const asha = await signIn('Asha Verma')
    const res = await ctx.server.inject({ url: '/c/no-such-category', headers: asha })
    assert.equal(res.statusCode, 404)
    assert.match(res.body, /Signed in as <strong>Asha Verma<\/strong>/)
  })

  it('treats a revoked session as signed out at once', async () => {
    const user = await buildUser(ctx.db, { name: 'Meera Iyer' })
    const session = await accounts.createSession(ctx.db, { userId: user.id, sharedDevice: false })
    const headers = { cookie: `mandi_session=${session.token}` }
    assert.match((await ctx.server.inject({ url: '/', headers })).body, /Meera Iyer/)
    // Shared pages may keep a validated session for a few seconds; an ended one is announced and dropped.
    const dropped = ctx.server.sessionCache.nextClear()
    await accounts.revokeSession(ctx.db, user.id, session.sessionId)
    await Promise.race([dropped, sleep(2000)])
    const after = await ctx.server.inject({ url: '/', headers })
    assert.doesNotMatch(after.body, /Meera Iyer/)
    assert.match(after.body, />Sign in</)
  })
  it('answers a repeat signed-in visit early with the same headers and a sign-out form that works', async () => {
    const category = await buildCategory(ctx.db, { slug: 'early-valves', name: 'Early Valves' })
    await buildProduct(ctx.db, { categoryId: category.id, title: 'Early Gate Valve' })
    const user = await buildUser(ctx.db, { name: 'Kiran Rao' })
    const session = await accounts.createSession(ctx.db, { userId: user.id, sharedDevice: false })
    const sessionCookie = `mandi_session=${session.token}`
    // The first signed-in page gives the browser its CSRF secret cookie.
    const first = await ctx.server.inject({ url: '/c/early-valves', headers: { cookie: sessionCookie } })
    const setCookie = [first.headers['set-cookie']].flat().find((c) => c?.startsWith('_csrf='))
    assert.ok(setCookie, 'a CSRF secret cookie is set')
    const cookie = `${sessionCookie}; ${setCookie.split(';')[0]}`
    // Without that cookie, and for addresses not yet served signed in, the early answer is never used.
    const before = ctx.server.pageCache.signedInHits
    const normal = await ctx.server.inject({ url: '/c/early-valves', headers: { cookie } })
    assert.equal(
      ctx.server.pageCache.signedInHits,
      before,
      'the first visit with the cookie goes the normal way',
    )
    const early = await ctx.server.inject({ url: '/c/early-valves', headers: { cookie } })
    assert.equal(ctx.server.pageCache.signedInHits, before + 1, 'the repeat visit is answered early')
    for (const res of [normal, early]) {
      assert.equal(res.statusCode, 200)
      assert.match(res.body, /Signed in as <strong>Kiran Rao<\/strong>/)
      assert.match(res.body, /Early Gate Valve/)
      assert.equal(res.headers['set-cookie'], undefined)
    }
    // Same headers apart from those that belong to one response (and the rate-limit count it skips).
    const perResponse = /^(date|x-request-id|content-length|x-ratelimit-.*)$/
    const comparable = (headers: Record<string, unknown>) =>
      Object.fromEntries(Object.entries(headers).filter(([name]) => !perResponse.test(name)))
    assert.deepEqual(comparable(early.headers), comparable(normal.headers))
    assert.ok(early.headers['content-security-policy'], 'security headers are sent')
    assert.ok(early.headers['x-request-id'], 'a request id is sent')
    assert.notEqual(early.headers['x-request-id'], normal.headers['x-request-id'])
    // Only the account menu differs between the two bodies: the CSRF token is per response.
    const tokenOf = (body: string) => /name="_csrf" value="([^"]+)"/.exec(body)?.[1]
    const token = tokenOf(early.body)
    assert.ok(token)
    assert.notEqual(token, tokenOf(normal.body))
    assert.equal(early.body.replace(token, ''), normal.body.replace(tokenOf(normal.body)!, ''))
    // A signed-in person answered early from a different address falls back the normal way.
    const withQuery = await ctx.server.inject({ url: '/c/early-valves?page=1', headers: { cookie } })
    assert.equal(withQuery.statusCode, 200)
    assert.equal(ctx.server.pageCache.signedInHits, before + 1)
    // A forged token is refused; the early answer's token signs out.
    const forged = await ctx.server.inject({
      method: 'POST',
      url: '/account/sign-out',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: '_csrf=forged-token',
    })
    assert.equal(forged.statusCode, 403)
    assert.ok(await accounts.validateSession(ctx.db, session.token), 'still signed in')
    const dropped = ctx.server.sessionCache.nextClear()
    const signOut = await ctx.server.inject({
      method: 'POST',
      url: '/account/sign-out',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: `_csrf=${encodeURIComponent(token)}`,
    })
    assert.equal(signOut.statusCode, 303)
    assert.equal(await accounts.validateSession(ctx.db, session.token), null, 'signed out')
    await Promise.race([dropped, sleep(2000)])
    const after = await ctx.server.inject({ url: '/c/early-valves', headers: { cookie } })
    assert.doesNotMatch(after.body, /Kiran Rao/)
    assert.match(after.body, />Sign in</)
    assert.equal(ctx.server.pageCache.signedInHits, before + 1, 'an ended session is not answered early')
  })
})
