import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import * as payments from '#src/modules/payments/index.ts'
import { buildUser } from '#test/factories.ts'
import { seriousAxeViolations, useLiveServer } from '../browser.ts'

// The sandbox gateway's hosted page in a real browser without script: labelled as a test, no
// serious axe violation, "Pay" sends the payer back to the shop, and the signed webhook the worker
// then posts over real HTTP captures the payment.

describe('the sandbox gateway in a real browser', () => {
  const live = useLiveServer(async () => {})

  it('pays without script, passes axe, and the webhook over HTTP captures the payment', async () => {
    const { app } = live
    const user = await buildUser(app.db)
    const settings = { ...app.config.payments, publicUrl: live.url }
    const started = await payments.startPayment(app.db, payments.activePaymentGateway(app.db, settings), {
      payerUserId: user.id,
      amountPaise: 1_25_000_50,
      references: [crypto.randomUUID()],
      payer: { name: 'Asha Verma', email: user.email, phone: null },
      returnUrl: `${live.url}/`,
    })
    const page = await live.browser.newPage()
    await page.route('**/*.js', (route) => route.abort())
    await page.goto(started.redirectUrl)
    assert.match(await page.locator('h1').innerText(), /Pay ₹1,25,000\.50/)
    assert.match(await page.locator('main').innerText(), /Test gateway — no real money moves/)
    assert.deepEqual(await seriousAxeViolations(page), [])
    await page.getByRole('button', { name: /^Pay ₹/ }).click()
    await page.waitForURL(`${live.url}/`)
    await page.close()

    const report = await payments.deliverSandboxWebhooks(app.db, {
      webhookSecret: app.config.payments.sandboxWebhookSecret,
      publicUrl: live.url,
    })
    assert.deepEqual(report, { delivered: 1, retried: 0, failed: 0 })
    assert.equal((await payments.findPayment(app.db, started.id))!.status, 'captured')
  })
})
