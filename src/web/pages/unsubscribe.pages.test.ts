import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import * as messaging from '#src/modules/messaging/index.ts'
import * as privacy from '#src/modules/privacy/index.ts'
import { buildUser } from '#test/factories.ts'
import { useTestApp } from '#test/setup.ts'

describe('one-click unsubscribe', () => {
  const ctx = useTestApp()

  async function consentedUser() {
    const user = await buildUser(ctx.db)
    await privacy.recordConsent(ctx.db, { userId: user.id, purpose: 'marketing_email', action: 'grant', channel: 'signup' })
    const url = messaging.unsubscribeUrl(ctx.app.config.publicUrl, ctx.app.config.secretKey, user.id)
    return { user, path: new URL(url).pathname }
  }

  it('changes nothing on GET (mail scanners follow links) and asks for a button press', async () => {
    const { user, path } = await consentedUser()
    const page = await ctx.server.inject(path)
    assert.equal(page.statusCode, 200)
    assert.match(page.body, /<form method="post"/)
    assert.equal(await privacy.hasConsent(ctx.db, user.id, 'marketing_email'), true)
  })

  it('withdraws consent on the one-click POST without a CSRF token, and cancels queued offers', async () => {
    const { user, path } = await consentedUser()
    await messaging.queueMessage(ctx.db, {
      kind: 'marketing-digest',
      toUserId: user.id,
      to: user.email,
      data: {
        firstName: 'Asha',
        headline: 'New pumps this week',
        products: [{ title: 'Monoblock pump 1 HP', url: `${ctx.app.config.publicUrl}/p/1/pump`, pricePaise: 785_000, sellerCity: 'Rajkot' }],
        unsubscribeUrl: `${ctx.app.config.publicUrl}${path}`,
      },
    })
    const res = await ctx.server.inject({
      method: 'POST',
      url: path,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'List-Unsubscribe=One-Click',
    })
    assert.equal(res.statusCode, 200)
    assert.match(res.body, /You are unsubscribed/)
    assert.equal(await privacy.hasConsent(ctx.db, user.id, 'marketing_email'), false)
    const [consent] = (await privacy.listConsents(ctx.db, user.id)).filter((c) => c.purpose === 'marketing_email')
    assert.equal(consent?.granted, false)
    const report = await ctx.app.messaging.deliver()
    assert.equal(report.cancelled, 1)
    assert.equal(report.sent, 0)
  })

  it('refuses a forged or damaged token and changes nothing', async () => {
    const { user, path } = await consentedUser()
    const forged = `${path.slice(0, -3)}abc`
    const res = await ctx.server.inject({ method: 'POST', url: forged, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: '' })
    assert.equal(res.statusCode, 400)
    assert.equal(await privacy.hasConsent(ctx.db, user.id, 'marketing_email'), true)
  })
})
