import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { describe, it } from 'node:test'
import { dataInventory } from '#src/inventory.ts'
import * as privacy from '#src/modules/privacy/index.ts'
import { outboundRegister } from '#src/outbound.ts'
import { formatDate } from '#src/shared/format.ts'
import { useTestApp } from '#test/setup.ts'
import {
  registerThroughForm,
  TestBrowser,
  useAccountServer,
  visibleText,
} from './account/account-pages.test-support.ts'

const decode = (html: string) =>
  html
    .replace(/&#39;|&#x27;|&apos;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')

describe('the generated privacy notice', () => {
  const ctx = useTestApp()

  it('describes every personal column in the inventory, with its retention', async () => {
    const res = await ctx.server.inject('/privacy/data-we-hold')
    assert.equal(res.statusCode, 200)
    const text = decode(res.body)
    const personal = dataInventory.flatMap((t) => t.columns.map((c) => c.entry)).filter((e) => e.personal)
    assert.ok(personal.length >= 10)
    for (const entry of personal) {
      assert.ok(text.includes(entry.description), `notice mentions: ${entry.description}`)
      assert.ok(text.includes(entry.retention), `notice gives retention: ${entry.retention}`)
    }
  })

  it('lists every purpose with its legal basis and whether it can be withdrawn, and every recipient', async () => {
    const text = decode((await ctx.server.inject('/privacy/data-we-hold')).body)
    for (const purpose of Object.values(privacy.purposes))
      assert.ok(text.includes(purpose.title), purpose.title)
    assert.match(text, /Yes, at any time, as easily as you switched it on/)
    for (const recipient of Object.values(privacy.recipientDeclarations))
      assert.ok(text.includes(recipient.title), recipient.title)
  })

  it('lists every way data leaves Mandi from the outbound register: what, to whom, which details', async () => {
    const text = visibleText(decode((await ctx.server.inject('/privacy/data-we-hold')).body))
    assert.match(text, /When your data leaves Mandi/)
    assert.ok(outboundRegister.length >= 7)
    for (const path of outboundRegister) {
      const row = `${path.description} ${privacy.recipientDeclarations[path.recipientKind].title} ${path.fields.join(', ')}`
      assert.ok(text.includes(row), `the notice lists ${path.id}`)
    }
  })
})

describe('consent receipt verification', () => {
  const ctx = useTestApp()

  async function issue() {
    const user = randomUUID()
    const grant = await privacy.recordConsent(ctx.db, {
      userId: user,
      purpose: 'marketing_email',
      action: 'grant',
      channel: 'web',
    })
    const context = {
      issuer: ctx.app.config.publicUrl,
      controller: { name: 'Mandi', grievanceEmail: 'g@mandi.example' },
    }
    return privacy.consentReceipt(ctx.db, ctx.app.receipts, context, user, grant.receiptId!)
  }

  it('publishes the public key (and only the public key) at /.well-known/consent-receipt-key', async () => {
    const res = await ctx.server.inject('/.well-known/consent-receipt-key')
    assert.equal(res.statusCode, 200)
    assert.deepEqual(res.json(), { keys: [ctx.app.receipts.publicJwk] })
    assert.doesNotMatch(res.body, /"d":/)
  })

  it('says a genuine receipt verifies and a tampered one does not, through the API', async () => {
    const token = await issue()
    const ok = await ctx.server.inject({
      method: 'POST',
      url: '/api/v1/consent-receipts/verify',
      payload: { receipt: token },
    })
    assert.equal(ok.statusCode, 200)
    assert.equal(ok.json().valid, true)
    assert.equal(ok.json().claims.purpose.code, 'marketing_email')
    assert.equal(ok.json().withdrawnAt, null)

    const [h, p, s] = token.split('.') as [string, string, string]
    const claims = JSON.parse(Buffer.from(p, 'base64url').toString())
    const tampered = `${h}.${Buffer.from(JSON.stringify({ ...claims, channel: 'api' })).toString('base64url')}.${s}`
    const bad = await ctx.server.inject({
      method: 'POST',
      url: '/api/v1/consent-receipts/verify',
      payload: { receipt: tampered },
    })
    assert.deepEqual(bad.json(), { valid: false, reason: 'signature does not match' })

    const empty = await ctx.server.inject({
      method: 'POST',
      url: '/api/v1/consent-receipts/verify',
      payload: {},
    })
    assert.equal(empty.statusCode, 400)
    assert.equal(empty.json().error.code, 'invalid_body')
  })

  it('checks a pasted receipt posted by a page that works without JavaScript', async () => {
    const token = await issue()
    const page = await ctx.server.inject('/privacy/verify-receipt')
    assert.match(
      page.body,
      /<form method="post" action="\/privacy\/verify-receipt" enctype="multipart\/form-data"/,
    )
    const cookie = page.cookies.find((c) => c.name === '_csrf')!
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!
    const post = (receipt: string) =>
      ctx.server.inject({
        method: 'POST',
        url: '/privacy/verify-receipt',
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: `_csrf=${cookie.value}` },
        payload: new URLSearchParams({ _csrf: csrf, receipt }).toString(),
      })
    assert.match((await post(token)).body, /This receipt is genuine/)
    assert.match((await post(`${token}x`)).body, /This receipt does not verify/)
  })
})

describe('consent receipt verification of a receipt as downloaded', () => {
  const ctx = useAccountServer()

  /** A signed-in person who turned marketing email on, and the receipt file they downloaded. */
  async function downloaded() {
    const { browser, userId } = await registerThroughForm(ctx)
    const granted = await browser.submit('/account/privacy', '/account/privacy/consents', {
      purpose: 'marketing_email',
      action: 'grant',
    })
    assert.equal(granted.statusCode, 303)
    const consent = (await privacy.listConsents(ctx.app.db, userId)).find(
      (c) => c.purpose === 'marketing_email',
    )!
    const file = await browser.get(`/account/privacy/receipts/${consent.receiptId}`)
    assert.equal(file.statusCode, 200)
    assert.match(file.headers['content-disposition'] as string, /attachment/)
    return { browser, userId, file: file.body, token: JSON.parse(file.body).receipt as string }
  }

  /** Posts the verify form as a browser does: multipart, CSRF field first, then a pasted text and/or a file. */
  async function verify(fields: { receipt?: string; file?: string }, csrf?: string) {
    const visitor = new TestBrowser(ctx.server)
    await visitor.get('/privacy/verify-receipt')
    const boundary = '----mandi-receipt-test'
    const part = (name: string, value: string, filename?: string) =>
      `--${boundary}\r\nContent-Disposition: form-data; name="${name}"${filename ? `; filename="${filename}"\r\nContent-Type: application/json` : ''}\r\n\r\n${value}\r\n`
    const payload =
      part('_csrf', csrf ?? visitor.token) +
      (fields.receipt !== undefined ? part('receipt', fields.receipt) : '') +
      (fields.file !== undefined ? part('file', fields.file, 'mandi-consent-receipt.json') : '') +
      `--${boundary}--\r\n`
    return ctx.server.inject({
      method: 'POST',
      url: '/privacy/verify-receipt',
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      cookies: Object.fromEntries(visitor.cookies),
      payload,
    })
  }

  it('verifies the downloaded file pasted whole, the token alone, and the file uploaded as it is', async () => {
    const { file, token } = await downloaded()
    assert.equal(privacy.receiptToken(file), token)
    for (const fields of [{ receipt: file }, { receipt: token }, { file }]) {
      const res = await verify(fields)
      assert.equal(res.statusCode, 200)
      assert.match(res.body, /This receipt is genuine</, JSON.stringify(Object.keys(fields)))
      assert.match(visibleText(res.body), /Our consent ledger shows no withdrawal since/)
    }
    const tampered = file.replace(token, `${token.slice(0, -4)}AAAA`)
    assert.match((await verify({ receipt: tampered })).body, /This receipt does not verify/)
  })

  it('takes the receipt in the body, never the address: a large paste is answered, not refused with 431', async () => {
    const { file } = await downloaded()
    const large = `${file}\n${' '.repeat(40_000)}`
    const res = await verify({ receipt: large })
    assert.equal(res.statusCode, 200)
    assert.match(res.body, /This receipt is genuine/)
    const junk = await verify({ receipt: 'x'.repeat(60_000) })
    assert.equal(junk.statusCode, 200)
    assert.match(junk.body, /This receipt does not verify/)
    // The address does not carry a receipt any more: the page ignores one there.
    const viaUrl = await ctx.server.inject(`/privacy/verify-receipt?receipt=${encodeURIComponent(file)}`)
    assert.doesNotMatch(viaUrl.body, /This receipt is genuine/)
  })

  it('refuses the form without its CSRF token', async () => {
    const { token } = await downloaded()
    const res = await verify({ receipt: token }, 'not-the-token')
    assert.equal(res.statusCode, 403)
  })

  it('says a receipt is genuine and that the consent was withdrawn, with the date', async () => {
    const { browser, file } = await downloaded()
    const withdrawn = await browser.submit('/account/privacy', '/account/privacy/consents', {
      purpose: 'marketing_email',
      action: 'withdraw',
    })
    assert.equal(withdrawn.statusCode, 303)
    const res = await verify({ file })
    const text = visibleText(res.body)
    assert.match(text, new RegExp(`This receipt is genuine — consent withdrawn on ${formatDate(new Date())}`))
    assert.doesNotMatch(text, /no withdrawal since/)
    // Granted again later: the old receipt still records a consent that was withdrawn.
    await browser.submit('/account/privacy', '/account/privacy/consents', {
      purpose: 'marketing_email',
      action: 'grant',
    })
    assert.match(visibleText((await verify({ receipt: file })).body), /consent withdrawn on/)
    // The API says the same, for the file as downloaded.
    const api = await ctx.server.inject({
      method: 'POST',
      url: '/api/v1/consent-receipts/verify',
      payload: { receipt: file },
    })
    assert.equal(api.json().valid, true)
    assert.ok(Date.parse(api.json().withdrawnAt) > 0, api.body)
  })
})
