import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { and, eq } from 'drizzle-orm'
import * as accounts from '#src/modules/accounts/index.ts'
import { products } from '#src/modules/catalog/catalog.tables.ts'
import * as enquiries from '#src/modules/enquiries/index.ts'
import { enquiries as enquiryRows, enquiryMessages } from '#src/modules/enquiries/enquiries.tables.ts'
import { orders as orderRows } from '#src/modules/orders/orders.tables.ts'
import * as payments from '#src/modules/payments/index.ts'
import * as privacy from '#src/modules/privacy/index.ts'
import { buildEnquiry } from '#test/enquiry-factories.ts'
import { buildProduct } from '#test/factories.ts'
import { testDatabaseKind, useTestApp } from '#test/setup.ts'

// Issue 13: a buyer accepts a seller's quote from the enquiry thread; an order at the quoted
// price and quantity, paid on the sandbox gateway exactly as a checkout is.

const address = {
  name: 'Ravi Kulkarni',
  line1: 'Plot 4, MIDC Chakan',
  city: 'Pune',
  state: 'Maharashtra',
  pin: '410501',
  phone: '98123 45678',
}

describe(`accepting a quote (${testDatabaseKind})`, () => {
  const ctx = useTestApp()

  async function quoted(
    options: { validUntil?: string; hsnCode?: string | null; stock?: number | null } = {},
  ) {
    const { enquiry, buyer, seller } = await buildEnquiry(ctx.db)
    const product = await buildProduct(ctx.db, {
      businessId: seller.business.id,
      moq: 1,
      pricePaise: 200_000,
      hsnCode: options.hsnCode === undefined ? '8413' : options.hsnCode,
      gstRatePercent: options.hsnCode === null ? null : 18,
      stock: options.stock === undefined ? 50 : options.stock,
    })
    await ctx.db.update(enquiryRows).set({ productId: product.id }).where(eq(enquiryRows.id, enquiry.id))
    const sellerActor = { userId: seller.owner.id, businessId: seller.business.id }
    const send = (pricePaisePerUnit: number, validUntil = options.validUntil ?? '2099-12-31') =>
      enquiries.sendQuote(ctx.db, ctx.app.enquiryContext, sellerActor, enquiry.id, {
        pricePaisePerUnit,
        quantity: 10,
        unit: 'piece',
        validUntil,
        terms: 'Delivery in 10 days',
      })
    const quote = await send(150_000)
    const session = await accounts.createSession(ctx.db, { userId: buyer.id, sharedDevice: false })
    return {
      enquiry,
      buyer,
      seller,
      product,
      quote,
      send,
      headers: { cookie: `mandi_session=${session.token}` },
    }
  }

  const accept = (
    enquiryId: string,
    quoteId: number,
    headers: Record<string, string>,
    payload: object = { shippingAddress: address, billingGstin: '27AAPFU0939F1ZV', poNumber: 'PO-77' },
  ) =>
    ctx.server.inject({
      method: 'POST',
      url: `/api/v1/enquiries/${enquiryId}/quotes/${quoteId}/accept`,
      headers,
      payload,
    })

  async function payOnPage(path: string) {
    const page = await ctx.server.inject({ url: path })
    const cookie = [page.headers['set-cookie']]
      .flat()
      .find((c) => c?.startsWith('_csrf='))!
      .split(';')[0]!
    const token = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!
    const paid = await ctx.server.inject({
      method: 'POST',
      url: path,
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: token, decision: 'pay' }).toString(),
    })
    assert.equal(paid.statusCode, 303)
  }

  const deliverToServer = () =>
    payments.deliverSandboxWebhooks(
      ctx.db,
      { webhookSecret: ctx.app.config.payments.sandboxWebhookSecret, publicUrl: ctx.app.config.publicUrl },
      async (url, body, webhookHeaders) =>
        (
          await ctx.server.inject({
            method: 'POST',
            url: new URL(url).pathname,
            payload: body,
            headers: webhookHeaders,
          })
        ).statusCode,
    )

  it('orders at the quoted price with GST, reserves the stock, notes the thread, wins the lead, and is paid through the sandbox', async () => {
    const { enquiry, quote, headers, product, buyer } = await quoted()
    const answer = await accept(enquiry.id, quote.id, headers)
    assert.equal(answer.statusCode, 201, answer.body)
    const body = answer.json()
    assert.equal(body.orders.length, 1)
    // 10 × ₹1,500 = ₹15,000 + 18% GST (seller and delivery state may differ; the total is the same).
    assert.equal(body.orders[0].totalPaise, 1_770_000)
    assert.equal(body.orders[0].status, 'pending_payment')
    assert.equal(body.payment.gateway, 'sandbox')
    const orderId = body.orders[0].id as string

    const [row] = await ctx.db.select().from(orderRows).where(eq(orderRows.id, orderId))
    assert.equal(row!.source, 'quote')
    assert.equal(row!.enquiryId, enquiry.id)
    assert.equal(row!.quoteMessageId, quote.id)
    assert.equal(row!.poNumber, 'PO-77')
    const [stock] = await ctx.db
      .select({ stock: products.stock })
      .from(products)
      .where(eq(products.id, product.id))
    assert.equal(stock!.stock, 40)

    const thread = await ctx.db
      .select()
      .from(enquiryMessages)
      .where(and(eq(enquiryMessages.enquiryId, enquiry.id), eq(enquiryMessages.author, 'system')))
    assert.ok(thread.some((m) => m.body.includes(`Quote accepted — order ${orderId}`)))
    const [lead] = await ctx.db.select().from(enquiryRows).where(eq(enquiryRows.id, enquiry.id))
    assert.equal(lead!.leadStatus, 'won')

    const ledger = await privacy.listDisclosures(ctx.db, buyer.id)
    assert.ok(
      ledger.some((d) => d.reference === `order:${orderId}`),
      'delivery details to the seller recorded',
    )
    assert.ok(
      ledger.some((d) => d.reference === `order-billing:${orderId}`),
      'billing GSTIN to the seller recorded',
    )

    await payOnPage(new URL(body.payment.redirectUrl).pathname)
    const report = await deliverToServer()
    assert.equal(report.failed, 0)
    const view = await ctx.server.inject({ url: `/api/v1/orders/${orderId}`, headers })
    assert.equal(view.statusCode, 200, view.body)
    assert.equal(view.json().order.status, 'paid')
    assert.deepEqual(view.json().order.payment, { status: 'captured' })
    assert.equal(view.json().order.items[0].unitPricePaise, 150_000)
  })

  it('refuses an expired quote with 409 naming the date', async () => {
    const { enquiry, quote, headers } = await quoted()
    await ctx.db
      .update(enquiryMessages)
      .set({ quote: { ...quote.quote!, validUntil: '2020-01-31' } })
      .where(eq(enquiryMessages.id, quote.id))
    const answer = await accept(enquiry.id, quote.id, headers)
    assert.equal(answer.statusCode, 409, answer.body)
    assert.match(answer.json().error.message, /expired on 2020-01-31; ask the seller for a new one/)
  })

  it('refuses a quote the seller replaced with a newer one (409), and takes the newer one', async () => {
    const { enquiry, quote, headers, send } = await quoted()
    const newer = await send(140_000)
    const old = await accept(enquiry.id, quote.id, headers)
    assert.equal(old.statusCode, 409, old.body)
    assert.equal(old.json().error.code, 'quote_superseded')
    const latest = await accept(enquiry.id, newer.id, headers)
    assert.equal(latest.statusCode, 201, latest.body)
    assert.equal(latest.json().orders[0].totalPaise, 1_652_000)
  })

  it("answers 404 for someone else's enquiry, and for a message that is no quote", async () => {
    const mine = await quoted()
    const theirs = await quoted()
    const answer = await accept(theirs.enquiry.id, theirs.quote.id, mine.headers)
    assert.equal(answer.statusCode, 404, answer.body)
    const crossed = await accept(mine.enquiry.id, theirs.quote.id, mine.headers)
    assert.equal(crossed.statusCode, 404, crossed.body)
  })

  it('refuses with 400 when the product has no HSN code or GST rate, and checks the address like checkout', async () => {
    const { enquiry, quote, headers } = await quoted({ hsnCode: null })
    const answer = await accept(enquiry.id, quote.id, headers)
    assert.equal(answer.statusCode, 400, answer.body)
    assert.match(answer.json().error.message, /seller must add its HSN code and GST rate/)
    const bad = await accept(enquiry.id, quote.id, headers, {
      shippingAddress: { ...address, pin: '12', state: 'Atlantis' },
    })
    assert.equal(bad.statusCode, 400, bad.body)
    const fields = Object.keys(bad.json().error.fields ?? {})
    assert.ok(fields.some((f) => f.includes('pin')) && fields.some((f) => f.includes('state')), bad.body)
  })

  it('makes exactly one order when the same quote is accepted twice at once; the second names the first', async () => {
    const { enquiry, quote, headers, product } = await quoted()
    const answers = await Promise.all([1, 2, 3].map(() => accept(enquiry.id, quote.id, headers)))
    const codes = answers.map((a) => a.statusCode).sort()
    assert.deepEqual(codes, [201, 409, 409], answers.map((a) => a.body).join('\n'))
    const orderId = answers.find((a) => a.statusCode === 201)!.json().orders[0].id
    for (const refused of answers.filter((a) => a.statusCode === 409))
      assert.match(refused.json().error.message, new RegExp(orderId))
    const rows = await ctx.db.select().from(orderRows).where(eq(orderRows.quoteMessageId, quote.id))
    assert.equal(rows.length, 1)
    const [stock] = await ctx.db
      .select({ stock: products.stock })
      .from(products)
      .where(eq(products.id, product.id))
    assert.equal(stock!.stock, 40)
  })
})
