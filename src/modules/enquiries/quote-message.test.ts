import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { eq } from 'drizzle-orm'
import * as messaging from '#src/modules/messaging/index.ts'
import { buildEnquiry, testEnquiryContext } from '#test/enquiry-factories.ts'
import { testDatabaseKind, useTestDb } from '#test/setup.ts'
import { enquiryMessages } from './enquiries.tables.ts'
import { sendQuote } from './leads.ts'
import { outboxMessages as outboxMessagesTable } from '#src/modules/messaging/messaging.tables.ts'

const ctx = testEnquiryContext()
const renderContext = { publicUrl: ctx.publicUrl, operatorName: 'Mandi Test', dltTemplateIds: {} }

describe(`a quote in the thread and the buyer's email (${testDatabaseKind})`, () => {
  const t = useTestDb()

  async function quote(quantity: number, unit: string) {
    const { enquiry, seller } = await buildEnquiry(t.db)
    await sendQuote(t.db, ctx, { userId: seller.owner.id, businessId: seller.business.id }, enquiry.id, {
      pricePaisePerUnit: 1_250_000,
      quantity,
      unit,
      validUntil: '2099-12-31',
    })
    const [line] = await t.db.select().from(enquiryMessages).where(eq(enquiryMessages.enquiryId, enquiry.id))
    const [row] = (
      await t.db.select().from(outboxMessagesTable).where(eq(outboxMessagesTable.kind, 'enquiry-message'))
    ).filter((r) => (r.data as { enquiryId?: string }).enquiryId === enquiry.id)
    const mail = messaging.renderMessage('enquiry-message', 'email', row!.data, renderContext)
    assert.equal(mail.channel, 'email')
    return { thread: line!.body, text: (mail.content as messaging.EmailContent).text }
  }

  it('writes the quantity with a plural unit: "40 pieces", not "40 piece"', async () => {
    const { thread, text } = await quote(40, 'piece')
    for (const body of [thread, text]) {
      assert.match(body, /per piece for 40 pieces \(/)
      assert.doesNotMatch(body, /40 piece\b/)
    }
  })

  it('keeps one unit singular, and abbreviations as they are', async () => {
    assert.match((await quote(1, 'set')).text, /per set for 1 set \(/)
    assert.match((await quote(500, 'kg')).text, /per kg for 500 kg \(/)
  })
})
