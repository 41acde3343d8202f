import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { and, eq } from 'drizzle-orm'
import * as accounts from '#src/modules/accounts/index.ts'
import { users } from '#src/modules/accounts/accounts.tables.ts'
import { enquiries } from '#src/modules/enquiries/enquiries.tables.ts'
import { outboxMessages } from '#src/modules/messaging/messaging.tables.ts'
import { buildBusiness, buildProduct, buildUser } from '#test/factories.ts'
import {
  buildBuyer,
  buildCategoryPair,
  buildSellerWithProduct,
  valveRequirement,
} from '#test/requirement-factories.ts'
import { useTestApp } from '#test/setup.ts'
import { TestBrowser, visibleText } from '../account/account-pages.test-support.ts'

// A seller whose number cannot take text messages (a Mumbai landline, as ~12 of the demo sellers
// had) must still get every lead: the buyer's action succeeds, the email and the in-app lead go
// out, the SMS is recorded as skipped with the reason, and the seller is told to add a mobile.

const LANDLINE = '+912223456789'
const LANDLINE_REASON = 'Text messages need a mobile number; this one is a landline.'

describe('lead alerts to a seller who cannot get text messages', () => {
  const ctx = useTestApp()

  async function browserFor(userId: string) {
    const session = await accounts.createSession(ctx.db, { userId, sharedDevice: false })
    const browser = new TestBrowser(ctx.server)
    browser.cookies.set('mandi_session', session.token)
    return browser
  }
  const buyerCookies = async (userId: string) => ({
    mandi_session: (await accounts.createSession(ctx.db, { userId, sharedDevice: false })).token,
  })
  const alertsTo = (userId: string) =>
    ctx.db
      .select()
      .from(outboxMessages)
      .where(and(eq(outboxMessages.kind, 'enquiry-received'), eq(outboxMessages.recipientUserId, userId)))

  it('sends the enquiry (201), emails the seller, records the SMS as skipped and shows a notice until fixed', async () => {
    const owner = await buildUser(ctx.db, {
      roles: ['buyer', 'seller'],
      emailVerifiedAt: new Date(),
      phone: LANDLINE,
    })
    const business = await buildBusiness(ctx.db, { ownerUserId: owner.id })
    const product = await buildProduct(ctx.db, { businessId: business.id })
    const buyer = await buildBuyer(ctx.db)

    const sent = await ctx.server.inject({
      method: 'POST',
      url: '/api/v1/enquiries',
      cookies: await buyerCookies(buyer.id),
      payload: {
        productId: product.id,
        quantity: 40,
        unit: 'piece',
        message: 'Need 40 pumps, please quote.',
      },
    })
    assert.equal(sent.statusCode, 201, sent.body)
    const { enquiry } = sent.json()
    const [lead] = await ctx.db.select().from(enquiries).where(eq(enquiries.id, enquiry.id))
    assert.equal(lead?.businessId, business.id)

    const alerts = await alertsTo(owner.id)
    const email = alerts.find((a) => a.channel === 'email')
    const sms = alerts.find((a) => a.channel === 'sms')
    assert.equal(email?.status, 'pending')
    assert.equal(sms?.status, 'skipped')
    assert.equal(sms?.lastError, `invalid_phone: ${LANDLINE_REASON}`)

    const seller = await browserFor(owner.id)
    const page = await seller.get('/seller/leads')
    assert.equal(page.statusCode, 200)
    const text = visibleText(page.body)
    assert.match(text, /We could not text you about new leads/)
    assert.ok(text.includes(LANDLINE_REASON), text.slice(0, 600))
    assert.match(page.body, /href="\/account\/profile"/)

    // With a mobile number, the next alert goes out by SMS and the notice is gone.
    await ctx.db.update(users).set({ phone: '+919900112233' }).where(eq(users.id, owner.id))
    const other = await buildBuyer(ctx.db)
    const again = await ctx.server.inject({
      method: 'POST',
      url: '/api/v1/enquiries',
      cookies: await buyerCookies(other.id),
      payload: {
        productId: product.id,
        quantity: 5,
        unit: 'piece',
        message: 'Need five pumps, please quote.',
      },
    })
    assert.equal(again.statusCode, 201, again.body)
    const after = visibleText((await seller.get('/seller/leads')).body)
    assert.doesNotMatch(after, /We could not text you/)
  })

  it('shows no notice to a seller whose alerts go out', async () => {
    const owner = await buildUser(ctx.db, { roles: ['buyer', 'seller'], emailVerifiedAt: new Date() })
    await buildBusiness(ctx.db, { ownerUserId: owner.id })
    const page = await (await browserFor(owner.id)).get('/seller/leads')
    assert.equal(page.statusCode, 200)
    assert.doesNotMatch(visibleText(page.body), /We could not text you/)
  })

  it('posts a buy requirement matched to such a seller, with the lead and the email', async () => {
    const { sub } = await buildCategoryPair(ctx.db)
    const { business } = await buildSellerWithProduct(ctx.db, { categoryId: sub.id })
    await ctx.db.update(users).set({ phone: LANDLINE }).where(eq(users.id, business.ownerUserId))
    const buyer = await buildBuyer(ctx.db)

    const res = await ctx.server.inject({
      method: 'POST',
      url: '/api/v1/requirements',
      cookies: await buyerCookies(buyer.id),
      payload: valveRequirement({ categoryId: sub.id, maxSuppliers: 1 }),
    })
    assert.equal(res.statusCode, 201, res.body)
    assert.equal(res.json().requirement.matchedCount, 1)
    const alerts = await alertsTo(business.ownerUserId)
    assert.deepEqual(alerts.map((a) => [a.channel, a.status]).sort(), [
      ['email', 'pending'],
      ['sms', 'skipped'],
    ])
  })
})
