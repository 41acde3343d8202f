import assert from 'node:assert/strict'
import { connect } from 'node:net'
import { describe, it } from 'node:test'
import type { LightMyRequestResponse } from 'fastify'
import sharp from 'sharp'
import * as accounts from '#src/modules/accounts/index.ts'
import { buildEnquiry } from '#test/enquiry-factories.ts'
import { buildBusiness, buildCategory, buildProduct, buildUser } from '#test/factories.ts'
import { useTestApp } from '#test/setup.ts'
import { MAX_PARAM_LENGTH, MAX_URL_LENGTH } from './input.ts'

// Each case here was a 500 (or a Fastify answer that skipped the app) found by fuzzing: issue 10.

describe('bad input answers 4xx, never 500', () => {
  const ctx = useTestApp()

  const cookieFor = async (userId: string) => {
    const session = await accounts.createSession(ctx.db, { userId, sharedDevice: false })
    return `mandi_session=${session.token}`
  }
  const parties = async () => {
    const sellerUser = await buildUser(ctx.db, { roles: ['buyer', 'seller'], emailVerifiedAt: new Date() })
    const business = await buildBusiness(ctx.db, { ownerUserId: sellerUser.id })
    const product = await buildProduct(ctx.db, { businessId: business.id })
    const buyer = await buildUser(ctx.db, {
      emailVerifiedAt: new Date(),
      city: 'Pune',
      createdAt: new Date(Date.now() - 30 * 86_400_000),
    })
    const { enquiry } = await buildEnquiry(
      ctx.db,
      { buyer, seller: { owner: sellerUser, business } },
      { productId: product.id },
    )
    return {
      product,
      enquiry,
      seller: await cookieFor(sellerUser.id),
      buyer: await cookieFor(buyer.id),
    }
  }
  /** A form token and the cookie it belongs to, as a browser gets them from any page with a form. */
  const csrf = async () => {
    const page = await ctx.server.inject('/account/sign-in')
    const cookie = page.cookies.find((c) => c.name === '_csrf')!
    return { cookie: `_csrf=${cookie.value}`, token: /name="_csrf" value="([^"]+)"/.exec(page.body)![1]! }
  }
  const assertRefused = (res: LightMyRequestResponse, status: number, code: string) => {
    assert.equal(res.statusCode, status, res.body.slice(0, 300))
    if (String(res.headers['content-type']).includes('json')) assert.equal(res.json().error.code, code)
    else assert.match(res.body, /We could not do that|Something|not/)
    assert.doesNotMatch(res.body, /FST_|ERR_|\.ts:\d|SELECT |syntax error|violates/)
    assert.ok(res.headers['content-security-policy'], 'security headers are sent')
    assert.equal(res.headers['x-content-type-options'], 'nosniff')
  }

  it('refuses a NUL character in the query, the path or a form, anonymously, with a message', async () => {
    const page = await ctx.server.inject('/search?q=%00')
    assertRefused(page, 400, 'invalid_input')
    assert.match(page.body, /NUL character/)
    const api = await ctx.server.inject('/api/v1/products?q=pump%00')
    assertRefused(api, 400, 'invalid_input')
    assert.equal(api.json().error.message, 'The query parameter q contains a NUL character.')
    assertRefused(await ctx.server.inject('/c/pumps%00'), 400, 'invalid_input')
    const { cookie, token } = await csrf()
    const form = await ctx.server.inject({
      method: 'POST',
      url: '/account/sign-in',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: `email=a%00%40b.in&password=x&_csrf=${encodeURIComponent(token)}`,
    })
    assertRefused(form, 400, 'invalid_input')
  })

  it('refuses a lone UTF-16 surrogate in a thread message, as JSON and as a form', async () => {
    const p = await parties()
    const api = await ctx.server.inject({
      method: 'POST',
      url: `/api/v1/enquiries/${p.enquiry.id}/messages`,
      headers: { cookie: p.buyer, 'content-type': 'application/json' },
      payload: '{"body":"Price for 20 units? \\ud800"}',
    })
    assertRefused(api, 400, 'invalid_input')
    assert.match(api.json().error.message, /body contains text that is not valid Unicode/)
    const { cookie, token } = await csrf()
    const form = await ctx.server.inject({
      method: 'POST',
      url: `/seller/leads/${p.enquiry.id}/messages`,
      headers: { cookie: `${cookie}; ${p.seller}`, 'content-type': 'application/json' },
      payload: `{"body":"x\\udfff","_csrf":"${token}"}`,
    })
    assertRefused(form, 400, 'invalid_input')
  })

  it('refuses integers past their column: maxMoq past int4, a category id of 2^31 or 2^53', async () => {
    assertRefused(await ctx.server.inject('/api/v1/products?maxMoq=2147483648'), 400, 'invalid_query')
    // Pages forgive a bad filter: it is dropped, and the rest of the search is kept.
    assert.equal((await ctx.server.inject('/search?q=pump&maxMoq=2147483648')).statusCode, 200)
    assert.equal((await ctx.server.inject('/api/v1/products?maxMoq=2147483647')).statusCode, 200)
    // 36 minus signs were 36 stacked NOTs for websearch_to_tsquery: "tsquery stack too small".
    assert.equal((await ctx.server.inject(`/api/v1/products?q=${'-'.repeat(36)}`)).statusCode, 200)
    assert.equal((await ctx.server.inject(`/search?q=${'-%20'.repeat(40)}pump`)).statusCode, 200)
    const p = await parties()
    for (const categoryId of [2 ** 31, 2 ** 53, '9007199254740993']) {
      const res = await ctx.server.inject({
        method: 'POST',
        url: '/api/v1/requirements',
        headers: { cookie: p.buyer },
        payload: { title: 'Ball valves 2 inch', quantity: 10, unit: 'piece', maxSuppliers: 3, categoryId },
      })
      assertRefused(res, 400, 'invalid_body')
    }
    const product = await ctx.server.inject({
      method: 'POST',
      url: '/api/v1/seller/products',
      headers: { cookie: p.seller },
      payload: { title: 'Cast iron pump 1 HP', categoryId: 2 ** 31, unit: 'piece', moq: 1, price: 100 },
    })
    assert.equal(product.statusCode, 400, product.body)
    assert.match(product.json().error.fields.categoryId, /category/)
    const enquiry = await ctx.server.inject({
      method: 'POST',
      url: '/api/v1/enquiries',
      headers: { cookie: p.buyer },
      payload: { productId: 2 ** 53, quantity: 1, unit: 'piece', message: 'Need one pump for a farm.' },
    })
    assertRefused(enquiry, 400, 'invalid_body')
  })

  it('checks ids exactly: 36 hyphens are not a UUID anywhere', async () => {
    const p = await parties()
    const hyphens = '-'.repeat(36)
    for (const url of [
      `/seller/leads/${hyphens}`,
      `/seller/import/${hyphens}`,
      `/account/enquiries/${hyphens}`,
    ]) {
      const res = await ctx.server.inject({ url, headers: { cookie: `${p.seller}` } })
      assert.equal(res.statusCode, 404, `${url}: ${res.body.slice(0, 200)}`)
    }
    const { cookie, token } = await csrf()
    const revoke = await ctx.server.inject({
      method: 'POST',
      url: `/seller/api-keys/${hyphens}/revoke`,
      headers: { cookie: `${cookie}; ${p.seller}`, 'content-type': 'application/x-www-form-urlencoded' },
      payload: `_csrf=${encodeURIComponent(token)}`,
    })
    assert.ok(revoke.statusCode < 500 && revoke.statusCode !== 200, `revoke: ${revoke.statusCode}`)
    const api = await ctx.server.inject({
      url: `/api/v1/seller/leads/${hyphens}`,
      headers: { cookie: p.seller },
    })
    assertRefused(api, 400, 'invalid_params')
  })

  it('refuses JSON values a form cannot send (objects, arrays of objects, numbers, null) on form routes', async () => {
    const { cookie, token } = await csrf()
    for (const payload of [
      { email: { $gt: '' }, password: 'x', _csrf: token },
      { email: ['a@b.in', { a: 1 }], password: 'x', _csrf: token },
      { email: 'a@b.in', password: 12345, _csrf: token },
      { email: null, password: 'x', _csrf: token },
    ]) {
      const res = await ctx.server.inject({
        method: 'POST',
        url: '/account/sign-in',
        headers: { cookie },
        payload,
      })
      assertRefused(res, 400, 'invalid_input')
    }
    const p = await parties()
    const product = await ctx.server.inject({
      method: 'POST',
      url: '/seller/products/new',
      headers: { cookie: `${cookie}; ${p.seller}` },
      payload: { title: 'Cast iron pump', specName: [{ a: 1 }], _csrf: token },
    })
    assertRefused(product, 400, 'invalid_input')
  })

  it('checks multipart uploads too: a NUL in a file name or a field, a body without boundary or cut off: 400', async () => {
    const p = await parties()
    const { cookie, token } = await csrf()
    const png = await sharp({ create: { width: 16, height: 16, channels: 3, background: '#c00' } })
      .png()
      .toBuffer()
    const multipart = (parts: { name: string; content: string | Buffer; filename?: string }[]) => {
      const boundary = 'input-test-boundary'
      const chunks = parts.flatMap(({ name, content, filename }) => [
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="${name}"${filename === undefined ? '' : `; filename="${filename}"\r\nContent-Type: application/octet-stream`}\r\n\r\n`,
        ),
        Buffer.from(content),
        Buffer.from('\r\n'),
      ])
      return {
        headers: {
          cookie: `${cookie}; ${p.seller}`,
          'content-type': `multipart/form-data; boundary=${boundary}`,
        },
        payload: Buffer.concat([...chunks, Buffer.from(`--${boundary}--\r\n`)]),
      }
    }
    const csv = await ctx.server.inject({
      method: 'POST',
      url: '/seller/import',
      ...multipart([
        { name: '_csrf', content: token },
        { name: 'file', content: 'title,category\nPump,1\n', filename: 'products\u0000.csv' },
      ]),
    })
    assertRefused(csv, 400, 'invalid_input')
    assert.match(csv.body, /file name contains a NUL character/)
    const photo = await ctx.server.inject({
      method: 'POST',
      url: `/seller/products/${p.product.id}/images`,
      ...multipart([
        { name: '_csrf', content: token },
        { name: 'alt', content: 'Front view\u0000' },
        { name: 'image', content: png, filename: 'pump.png' },
      ]),
    })
    assertRefused(photo, 400, 'invalid_input')
    // A body busboy cannot read: no boundary, or cut off in the middle of the file.
    const whole = multipart([
      { name: '_csrf', content: token },
      { name: 'image', content: png, filename: 'pump.png' },
    ])
    for (const [contentType, payload] of [
      ['multipart/form-data', 'a=1'],
      [whole.headers['content-type'], whole.payload.subarray(0, whole.payload.length - 80)],
    ] as const) {
      const res = await ctx.server.inject({
        method: 'POST',
        url: `/seller/products/${p.product.id}/images`,
        headers: { cookie: whole.headers.cookie, 'content-type': contentType },
        payload,
      })
      assertRefused(res, 400, 'invalid_upload')
    }
  })

  it('never lets next= break sign-in: €, control characters and line breaks fall back to the account', async () => {
    const user = await buildUser(ctx.db)
    const signedIn = await cookieFor(user.id)
    for (const next of ['/%E2%82%AC', '/%01x', '/a%0d%0aSet-Cookie:%20x=1', '%E2%82%AC', '/ok%20space']) {
      const res = await ctx.server.inject({
        url: `/account/sign-in?next=${next}`,
        headers: { cookie: signedIn },
      })
      assert.equal(res.statusCode, 303, `${next}: ${res.body.slice(0, 200)}`)
      assert.equal(res.headers.location, '/account', next)
    }
    const fine = await ctx.server.inject({
      url: '/account/sign-in?next=%2Fsearch%3Fq%3Dpump',
      headers: { cookie: signedIn },
    })
    assert.equal(fine.headers.location, '/search?q=pump')
  })

  it('answers the router’s own refusals through the app: our code, security headers, no URL echo', async () => {
    const checks: [string, number, string][] = [
      ['/%', 400, 'bad_url'],
      ['/p/%E2%82/x', 400, 'bad_url'],
      ['/api/v1/products/%zz', 400, 'bad_url'],
      [`/p/1/${'a'.repeat(MAX_PARAM_LENGTH + 1)}`, 414, 'url_too_long'],
      [`/api/v1/products/${'9'.repeat(MAX_PARAM_LENGTH + 1)}`, 414, 'url_too_long'],
      [`/search?q=${'a'.repeat(MAX_URL_LENGTH)}`, 414, 'url_too_long'],
    ]
    for (const [url, status, code] of checks) {
      const res = await ctx.server.inject({ url, headers: { 'x-request-id': 'router-error-test-1' } })
      assert.equal(res.statusCode, status, `${url.slice(0, 40)}: ${res.body.slice(0, 200)}`)
      assert.ok(res.headers['content-security-policy'], `${url.slice(0, 40)}: security headers`)
      assert.equal(res.headers['x-content-type-options'], 'nosniff')
      assert.equal(res.headers['x-request-id'], 'router-error-test-1')
      assert.doesNotMatch(res.body, /FST_/)
      assert.ok(
        !res.body.includes(url.slice(0, 20).replace(/^\//, '')) || url.length < 5,
        'the URL is not echoed',
      )
      if (url.startsWith('/api/')) assert.equal(res.json().error.code, code)
      else assert.match(String(res.headers['content-type']), /text\/html/)
    }
  })

  it('answers a malformed header with JSON and security headers, before any route runs', async () => {
    const address = await ctx.server.listen({ port: 0, host: '127.0.0.1' })
    const { port } = new URL(address)
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(port), '127.0.0.1', () => {
        socket.write('GET / HTTP/1.1\r\nHost: localhost\r\nBad Header Line\r\n\r\n')
      })
      let data = ''
      socket.on('data', (chunk) => {
        data += chunk
      })
      socket.on('close', () => resolve(data))
      socket.on('error', reject)
    })
    assert.match(answer, /^HTTP\/1\.1 400 Bad Request/)
    assert.match(answer, /content-security-policy: default-src 'none'/i)
    assert.match(answer, /x-content-type-options: nosniff/i)
    assert.match(
      answer,
      /\{"error":\{"code":"bad_request","message":"The request could not be understood\."\}\}$/,
    )
  })

  it('refuses to delete a product buyers have enquired about (409), instead of a foreign-key 500', async () => {
    const p = await parties()
    const res = await ctx.server.inject({
      method: 'DELETE',
      url: `/api/v1/seller/products/${p.product.id}`,
      headers: { cookie: p.seller },
    })
    assert.equal(res.statusCode, 409, res.body)
    assert.equal(res.json().error.code, 'product_in_use')
    const category = await buildCategory(ctx.db)
    const unused = await buildProduct(ctx.db, { businessId: p.product.businessId, categoryId: category.id })
    const deleted = await ctx.server.inject({
      method: 'DELETE',
      url: `/api/v1/seller/products/${unused.id}`,
      headers: { cookie: p.seller },
    })
    assert.equal(deleted.statusCode, 204, deleted.body)
  })
})
