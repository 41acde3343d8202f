import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { eq } from 'drizzle-orm'
import { products } from '#src/modules/catalog/catalog.tables.ts'
import * as enquiries from '#src/modules/enquiries/index.ts'
import { enquiries as enquiryRows, enquiryMessages } from '#src/modules/enquiries/enquiries.tables.ts'
import { orders as orderRows } from '#src/modules/orders/orders.tables.ts'
import type * as payments from '#src/modules/payments/index.ts'
import type { AppError } from '#src/shared/errors.ts'
import { buildEnquiry, testEnquiryContext } from '#test/enquiry-factories.ts'
import { buildProduct } from '#test/factories.ts'
import { testDatabaseKind, useTestDb } from '#test/setup.ts'
import { acceptQuote } from './accept-quote.ts'

const shippingAddress = {
  name: 'Ravi Kulkarni',
  line1: 'Plot 4, MIDC Chakan',
  city: 'Pune',
  state: 'Maharashtra',
  pin: '410501',
  phone: '98123 45678',
}

/** A gateway that is down: every payment it is asked to start fails. */
const downGateway: payments.PaymentGateway = {
  code: 'sandbox',
  external: false,
  recipientName: 'Sandbox',
  createPayment: async () => {
    throw new Error('gateway down')
  },
  verifyWebhook: () => {
    throw new Error('unused')
  },
  fetchStatus: async () => {
    throw new Error('unused')
  },
  refund: async () => {},
}

describe(`acceptQuote (${testDatabaseKind})`, () => {
  const t = useTestDb()
  const ctx = testEnquiryContext()

  async function quoted(quantity = 10) {
    const { enquiry, buyer, seller } = await buildEnquiry(t.db)
    const product = await buildProduct(t.db, {
      businessId: seller.business.id,
      moq: 1,
      pricePaise: 200_000,
      hsnCode: '8413',
      gstRatePercent: 18,
      stock: 50,
    })
    await t.db.update(enquiryRows).set({ productId: product.id }).where(eq(enquiryRows.id, enquiry.id))
    const quote = await enquiries.sendQuote(
      t.db,
      ctx,
      { userId: seller.owner.id, businessId: seller.business.id },
      enquiry.id,
      { pricePaisePerUnit: 150_000, quantity, unit: 'piece', validUntil: '2099-12-31' },
    )
    return { enquiry, buyer, product, quote }
  }

  const stockOf = async (id: number) =>
    (await t.db.select({ stock: products.stock }).from(products).where(eq(products.id, id)))[0]!.stock

  it('cancels the order and gives the stock back when the payment cannot be started; the quote can be accepted again', async () => {
    const { enquiry, buyer, product, quote } = await quoted()
    const input = {
      buyerId: buyer.id,
      enquiryId: enquiry.id,
      quoteMessageId: quote.id,
      shippingAddress,
      returnUrl: 'https://mandi.example/account',
    }
    await assert.rejects(acceptQuote(t.db, downGateway, input), /gateway down/)
    const [order] = await t.db.select().from(orderRows).where(eq(orderRows.quoteMessageId, quote.id))
    assert.equal(order!.status, 'cancelled')
    assert.equal(await stockOf(product.id), 50)
    // A cancelled order does not hold the quote: the next attempt reaches the gateway again.
    await assert.rejects(acceptQuote(t.db, downGateway, input), /gateway down/)
  })

  it('refuses a closed enquiry (conflict) and a fractional quantity (invalid), ordering nothing', async () => {
    const closed = await quoted()
    await t.db.update(enquiryRows).set({ status: 'closed' }).where(eq(enquiryRows.id, closed.enquiry.id))
    await assert.rejects(
      acceptQuote(t.db, downGateway, {
        buyerId: closed.buyer.id,
        enquiryId: closed.enquiry.id,
        quoteMessageId: closed.quote.id,
        shippingAddress,
        returnUrl: 'https://mandi.example/account',
      }),
      (error: AppError) => error.code === 'enquiry_not_open' && error.kind === 'conflict',
    )
    const fractional = await quoted(2.5)
    await assert.rejects(
      acceptQuote(t.db, downGateway, {
        buyerId: fractional.buyer.id,
        enquiryId: fractional.enquiry.id,
        quoteMessageId: fractional.quote.id,
        shippingAddress,
        returnUrl: 'https://mandi.example/account',
      }),
      (error: AppError) => error.code === 'quote_quantity_not_orderable' && error.kind === 'invalid',
    )
    for (const q of [closed.quote.id, fractional.quote.id])
      assert.equal((await t.db.select().from(orderRows).where(eq(orderRows.quoteMessageId, q))).length, 0)
    const notes = await t.db
      .select()
      .from(enquiryMessages)
      .where(eq(enquiryMessages.enquiryId, fractional.enquiry.id))
    assert.ok(notes.every((m) => m.author !== 'system'))
  })
})
