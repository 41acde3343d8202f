import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { describe, it } from 'node:test'
import { dataInventory } from '#src/inventory.ts'
import * as privacy from '#src/modules/privacy/index.ts'
import { useTestApp } from '#test/setup.ts'

const decode = (html: string) =>
  html.replace(/&#39;|&#x27;|&apos;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>')

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
    for (const purpose of Object.values(privacy.purposes)) assert.ok(text.includes(purpose.title), purpose.title)
    assert.match(text, /Yes, at any time, as easily as you switched it on/)
    for (const recipient of Object.values(privacy.recipientDeclarations)) assert.ok(text.includes(recipient.title), recipient.title)
  })
})

describe('consent receipt verification', () => {
  const ctx = useTestApp()

  async function issue() {
    const user = randomUUID()
    const grant = await privacy.recordConsent(ctx.db, { userId: user, purpose: 'marketing_email', action: 'grant', channel: 'web' })
    const context = { issuer: ctx.app.config.publicUrl, controller: { name: 'Mandi', grievanceEmail: 'g@mandi.example' } }
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
    const ok = await ctx.server.inject({ method: 'POST', url: '/api/v1/consent-receipts/verify', payload: { receipt: token } })
    assert.equal(ok.statusCode, 200)
    assert.equal(ok.json().valid, true)
    assert.equal(ok.json().claims.purpose.code, 'marketing_email')

    const [h, p, s] = token.split('.') as [string, string, string]
    const claims = JSON.parse(Buffer.from(p, 'base64url').toString())
    const tampered = `${h}.${Buffer.from(JSON.stringify({ ...claims, channel: 'api' })).toString('base64url')}.${s}`
    const bad = await ctx.server.inject({ method: 'POST', url: '/api/v1/consent-receipts/verify', payload: { receipt: tampered } })
    assert.deepEqual(bad.json(), { valid: false, reason: 'signature does not match' })

    const empty = await ctx.server.inject({ method: 'POST', url: '/api/v1/consent-receipts/verify', payload: {} })
    assert.equal(empty.statusCode, 400)
    assert.equal(empty.json().error.code, 'invalid_body')
  })

  it('checks a pasted receipt on a page that works without JavaScript', async () => {
    const token = await issue()
    const ok = await ctx.server.inject(`/privacy/verify-receipt?receipt=${encodeURIComponent(token)}`)
    assert.match(ok.body, /This receipt is genuine/)
    const bad = await ctx.server.inject(`/privacy/verify-receipt?receipt=${encodeURIComponent(`${token}x`)}`)
    assert.match(bad.body, /This receipt does not verify/)
  })
})
