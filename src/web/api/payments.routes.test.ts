import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import * as payments from '#src/modules/payments/index.ts'
import { buildUser } from '#test/factories.ts'
import { testDatabaseKind, useTestApp } from '#test/setup.ts'
import { paymentSettings } from './payments.routes.ts'

// The whole sandbox flow through the server: the hosted page, the payer's choice, the signed
// webhooks the worker delivers to the webhook route, and the payment settled once.

describe(`the sandbox gateway and its webhook route (${testDatabaseKind})`, () => {
  const ctx = useTestApp()
  const webhookUrl = '/api/v1/payments/webhooks/sandbox'

  async function startSandboxPayment(amountPaise = 1_25_000_00) {
    const user = await buildUser(ctx.db)
    const gateway = payments.activePaymentGateway(ctx.db, paymentSettings(ctx.app))
    const started = await payments.startPayment(ctx.db, gateway, {
      payerUserId: user.id,
      amountPaise,
      references: [crypto.randomUUID()],
      payer: { name: 'Asha Verma', email: user.email, phone: null },
      returnUrl: `${ctx.app.config.publicUrl}/account`,
    })
    const path = new URL(started.redirectUrl).pathname
    return { ...started, path, ref: path.split('/').pop()! }
  }

  function signed(body: object, secret = ctx.app.config.payments.sandboxWebhookSecret) {
    const payload = JSON.stringify(body)
    return {
      payload,
      headers: {
        'content-type': 'application/json',
        [payments.sandboxSignatureHeader]: payments.signSandboxBody(secret, payload),
      },
    }
  }

  /** The worker's delivery, with the server itself as the receiving end. */
  const deliverToServer = () =>
    payments.deliverSandboxWebhooks(
      ctx.db,
      { webhookSecret: ctx.app.config.payments.sandboxWebhookSecret, publicUrl: ctx.app.config.publicUrl },
      async (url, body, headers) => {
        const response = await ctx.server.inject({
          method: 'POST',
          url: new URL(url).pathname,
          payload: body,
          headers,
        })
        return response.statusCode
      },
    )

  it('shows a clearly labelled test page with the amount and the merchant, and works without script', async () => {
    const { path } = await startSandboxPayment()
    const page = await ctx.server.inject({ url: path })
    assert.equal(page.statusCode, 200)
    assert.match(page.body, /Test gateway — no real money moves/)
    assert.match(page.body, /₹1,25,000/)
    assert.ok(page.body.includes(ctx.app.config.operator.name.replace(/&/g, '&amp;')))
    assert.match(page.body, /<form method="post" action="\/sandbox-gateway\/pay\/sbx_/)
    assert.match(page.body, /name="decision" value="pay"/)
    assert.match(page.body, /name="decision" value="fail"/)
    assert.match(page.body, /name="decision" value="pay_later"/)
    assert.doesNotMatch(page.body, /<script(?![^>]*src=)/, 'no inline script')
    assert.equal(
      (await ctx.server.inject({ url: '/sandbox-gateway/pay/sbx_000000000000000000000000' })).statusCode,
      404,
    )
    assert.equal((await ctx.server.inject({ url: '/sandbox-gateway/pay/nonsense' })).statusCode, 404)
  })

  it('pays: the form redirects to the shop, the worker delivers the signed webhook, the payment is captured once', async () => {
    const { id, path } = await startSandboxPayment()
    const first = await ctx.server.inject({ url: `${path}?duplicates=2&out_of_order=1` })
    const secret = [first.headers['set-cookie']]
      .flat()
      .find((c) => c?.startsWith('_csrf='))!
      .split(';')[0]!
    const token = /name="_csrf" value="([^"]+)"/.exec(first.body)![1]!
    assert.match(first.body, /name="duplicates" value="2"/)
    const form = (decision: string) =>
      ctx.server.inject({
        method: 'POST',
        url: path,
        headers: { cookie: secret, 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({
          _csrf: token,
          decision,
          duplicates: '2',
          out_of_order: '1',
          delay: '30',
        }).toString(),
      })
    const paid = await form('pay')
    assert.equal(paid.statusCode, 303)
    assert.equal(paid.headers.location, `${ctx.app.config.publicUrl}/account`)
    assert.equal((await form('fail')).statusCode, 303, 'a second press only sends the payer back')
    // Everything is due by now except the stale "pending", which waits a second on purpose.
    await new Promise((resolve) => setTimeout(resolve, 1100))
    const report = await deliverToServer()
    assert.deepEqual(report, { delivered: 6, retried: 0, failed: 0 })
    assert.equal((await payments.findPayment(ctx.db, id))!.status, 'captured')
    assert.deepEqual(
      (await payments.listPaymentEvents(ctx.db, id)).map((e) => [e.fromStatus, e.toStatus, e.source]),
      [
        [null, 'created', 'checkout'],
        ['created', 'captured', 'webhook'],
      ],
    )
  })

  it('refuses a form post without a choice', async () => {
    const { path } = await startSandboxPayment()
    const first = await ctx.server.inject({ url: path })
    const secret = [first.headers['set-cookie']]
      .flat()
      .find((c) => c?.startsWith('_csrf='))!
      .split(';')[0]!
    const token = /name="_csrf" value="([^"]+)"/.exec(first.body)![1]!
    const response = await ctx.server.inject({
      method: 'POST',
      url: path,
      headers: { cookie: secret, 'content-type': 'application/x-www-form-urlencoded' },
      payload: `_csrf=${encodeURIComponent(token)}&decision=steal`,
    })
    assert.equal(response.statusCode, 400)
    assert.match(response.body, /Choose one of the buttons/)
  })

  it('answers 400 and changes nothing for a missing, wrong or stale-body signature', async () => {
    const { id, ref } = await startSandboxPayment()
    const event = { id: `evt_sig_${ref}`, type: 'payment.captured', payload: { ref } }
    const missing = await ctx.server.inject({
      method: 'POST',
      url: webhookUrl,
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify(event),
    })
    assert.equal(missing.statusCode, 400)
    assert.equal(missing.json().error.code, 'invalid_webhook')
    const wrong = signed(event, 'x'.repeat(40))
    assert.equal((await ctx.server.inject({ method: 'POST', url: webhookUrl, ...wrong })).statusCode, 400)
    // Signed, then re-serialised with different spacing: the bytes differ, so the signature does not match.
    const good = signed(event)
    const respaced = await ctx.server.inject({
      method: 'POST',
      url: webhookUrl,
      headers: good.headers,
      payload: JSON.stringify(event, null, 2),
    })
    assert.equal(respaced.statusCode, 400)
    assert.equal((await payments.findPayment(ctx.db, id))!.status, 'created')
  })

  it('changes a payment once for ten copies of a webhook sent at once, and ignores a stale one after', async () => {
    const { id, ref } = await startSandboxPayment()
    const captured = signed({ id: `evt_cap_${ref}`, type: 'payment.captured', payload: { ref } })
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => ctx.server.inject({ method: 'POST', url: webhookUrl, ...captured })),
    )
    assert.deepEqual(
      answers.map((a) => a.statusCode),
      Array(10).fill(200),
    )
    assert.deepEqual(
      answers.map((a) => a.json().outcome).sort(),
      ['applied', ...Array(9).fill('duplicate')].sort(),
    )
    const stale = signed({ id: `evt_pen_${ref}`, type: 'payment.pending', payload: { ref } })
    const late = await ctx.server.inject({ method: 'POST', url: webhookUrl, ...stale })
    assert.equal(late.statusCode, 200)
    assert.equal(late.json().outcome, 'ignored')
    assert.equal((await payments.findPayment(ctx.db, id))!.status, 'captured')
    assert.equal((await payments.listPaymentEvents(ctx.db, id)).length, 2)
  })
})
