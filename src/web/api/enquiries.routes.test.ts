import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { and, eq, sql } from 'drizzle-orm'
import * as accounts from '#src/modules/accounts/index.ts'
import { abuseReports, enquiries, sellerResponsiveness } from '#src/modules/enquiries/enquiries.tables.ts'
import { outboxMessages } from '#src/modules/messaging/messaging.tables.ts'
import { disclosures } from '#src/modules/privacy/privacy.tables.ts'
import { buildBusiness, buildProduct, buildUser } from '#test/factories.ts'
import { useTestApp } from '#test/setup.ts'

describe('enquiries API', () => {
  const ctx = useTestApp()

  const cookieFor = async (userId: string) => {
    const session = await accounts.createSession(ctx.db, { userId, sharedDevice: false })
    return { cookie: `mandi_session=${session.token}` }
  }
  // A buyer who has met every requirement for enquiring, with contact details we can look for.
  const buyer = async (overrides: Parameters<typeof buildUser>[1] = {}) => {
    const user = await buildUser(ctx.db, {
      name: 'Ravi Kulkarni',
      email: `ravi.${Math.random().toString(36).slice(2, 8)}@buyer.example`,
      phone: '+919812345678',
      city: 'Nashik',
      emailVerifiedAt: new Date(),
      createdAt: new Date(Date.now() - 30 * 86_400_000),
      ...overrides,
    })
    return { user, headers: await cookieFor(user.id) }
  }
  const seller = async () => {
    const user = await buildUser(ctx.db, {
      roles: ['buyer', 'seller'],
      emailVerifiedAt: new Date(),
      phone: '+919900112233',
    })
    const business = await buildBusiness(ctx.db, { ownerUserId: user.id })
    const product = await buildProduct(ctx.db, { businessId: business.id })
    return { user, business, product, headers: await cookieFor(user.id) }
  }
  const enquire = (headers: { cookie: string }, productId: number, extra: Record<string, unknown> = {}) =>
    ctx.server.inject({
      method: 'POST',
      url: '/api/v1/enquiries',
      headers,
      payload: {
        productId,
        quantity: 20,
        unit: 'piece',
        message: 'Need 20 pumps for a housing project, delivery to Nashik.',
        ...extra,
      },
    })
  const leadJson = async (headers: { cookie: string }, id: string) =>
    ctx.server.inject({ url: `/api/v1/seller/leads/${id}`, headers })

  it('refuses without a session, and explains what to complete when the profile lacks it', async () => {
    const s = await seller()
    const anonymous = await ctx.server.inject({
      method: 'POST',
      url: '/api/v1/enquiries',
      payload: {
        productId: s.product.id,
        quantity: 1,
        unit: 'piece',
        message: 'Please send your best price.',
      },
    })
    assert.equal(anonymous.statusCode, 401)
    const unverified = await buyer({ emailVerifiedAt: null })
    const refused = await enquire(unverified.headers, s.product.id)
    assert.equal(refused.statusCode, 403)
    assert.equal(refused.json().error.code, 'profile_incomplete')
    assert.match(refused.json().error.message, /confirm your email address/)
  })

  it('sends an enquiry: 201, a lead for the seller without the buyer’s email or phone, and a notification', async () => {
    const s = await seller()
    const b = await buyer()
    const sent = await enquire(b.headers, s.product.id)
    assert.equal(sent.statusCode, 201, sent.body)
    const { enquiry } = sent.json()
    assert.equal(enquiry.status, 'open')
    assert.match(enquiry.id, /^[0-9a-f-]{36}$/)

    const list = await ctx.server.inject({ url: '/api/v1/seller/leads', headers: s.headers })
    assert.equal(list.statusCode, 200)
    const item = list.json().items[0]
    assert.equal(item.id, enquiry.id)
    assert.deepEqual(item.buyer, { name: 'Ravi Kulkarni', company: null, city: 'Nashik' })
    assert.equal(item.contactShared, false)
    assert.equal(item.status, 'new')
    assert.equal(item.unread, true)
    const lead = await leadJson(s.headers, enquiry.id)
    for (const body of [list.body, lead.body]) {
      assert.ok(!body.includes(b.user.email), 'the seller must not see the buyer’s email')
      assert.ok(!body.includes('9812345678'), 'the seller must not see the buyer’s phone')
    }
    assert.equal(lead.json().lead.contact, null)

    const notes = await ctx.db
      .select()
      .from(outboxMessages)
      .where(and(eq(outboxMessages.kind, 'enquiry-received'), eq(outboxMessages.recipientUserId, s.user.id)))
    assert.deepEqual(notes.map((n) => n.channel).sort(), ['email', 'sms'])
    const payload = JSON.stringify(notes.map((n) => n.data))
    assert.ok(payload.includes('Ravi') && payload.includes('Nashik'))
    assert.ok(!payload.includes(b.user.email) && !payload.includes('9812345678'))
  })

  it('shares contact details with a ledger entry, and stops showing them after revocation', async () => {
    const s = await seller()
    const b = await buyer()
    const { enquiry } = (await enquire(b.headers, s.product.id)).json()

    const shared = await ctx.server.inject({
      method: 'POST',
      url: `/api/v1/enquiries/${enquiry.id}/share-contact`,
      headers: b.headers,
      payload: {},
    })
    assert.equal(shared.statusCode, 200, shared.body)
    assert.deepEqual(shared.json().fields, ['email', 'phone'])
    const whileShared = (await leadJson(s.headers, enquiry.id)).json().lead
    assert.deepEqual(whileShared.contact, { email: b.user.email, phone: '+919812345678' })
    const csv = await ctx.server.inject({ url: '/api/v1/seller/leads/export?format=csv', headers: s.headers })
    assert.ok(csv.body.includes(b.user.email))

    // The enquiry itself wrote the first entry (name, company, city, need); the share is the second.
    const shares = () =>
      ctx.db
        .select()
        .from(disclosures)
        .where(and(eq(disclosures.subjectUserId, b.user.id), eq(disclosures.basis, 'consent')))
    const [entry] = await shares()
    assert.ok(entry)
    assert.equal(entry.recipientKind, 'seller')
    assert.deepEqual(entry.fields, ['email', 'phone'])
    assert.equal(entry.purpose, 'enquiries')
    assert.equal(entry.basis, 'consent')
    assert.equal(entry.reference, `enquiry:${enquiry.id}`)
    assert.match(entry.recipient, /Test Industries .* \(seller\)/)

    // Sharing again adds no second ledger entry.
    await ctx.server.inject({
      method: 'POST',
      url: `/api/v1/enquiries/${enquiry.id}/share-contact`,
      headers: b.headers,
      payload: {},
    })
    assert.equal((await shares()).length, 1)

    const revoked = await ctx.server.inject({
      method: 'DELETE',
      url: `/api/v1/enquiries/${enquiry.id}/share-contact`,
      headers: b.headers,
    })
    assert.deepEqual(revoked.json(), { shared: false })
    const after = await leadJson(s.headers, enquiry.id)
    assert.equal(after.json().lead.contact, null)
    assert.ok(!after.body.includes(b.user.email) && !after.body.includes('9812345678'))
    const json = await ctx.server.inject({ url: '/api/v1/seller/leads/export', headers: s.headers })
    const csvAfter = await ctx.server.inject({
      url: '/api/v1/seller/leads/export?format=csv',
      headers: s.headers,
    })
    for (const body of [json.body, csvAfter.body])
      assert.ok(!body.includes(b.user.email) && !body.includes('9812345678'))

    const mine = (
      await ctx.server.inject({ url: `/api/v1/enquiries/${enquiry.id}`, headers: b.headers })
    ).json().enquiry
    assert.equal(mine.contactShared, false)
    assert.equal(mine.shares.length, 1)
    assert.ok(mine.shares[0].revokedAt, 'the buyer still sees what was shared and when it stopped')
  })

  it('keeps each seller to their own leads', async () => {
    const s = await seller()
    const other = await seller()
    const b = await buyer()
    const { enquiry } = (await enquire(b.headers, s.product.id)).json()
    assert.equal((await leadJson(other.headers, enquiry.id)).statusCode, 404)
    const reply = await ctx.server.inject({
      method: 'POST',
      url: `/api/v1/seller/leads/${enquiry.id}/messages`,
      headers: other.headers,
      payload: { body: 'Hello' },
    })
    assert.equal(reply.statusCode, 404)
    const list = await ctx.server.inject({ url: '/api/v1/seller/leads', headers: other.headers })
    assert.deepEqual(list.json().items, [])
    // A buyer cannot read someone else's enquiry either.
    const stranger = await buyer()
    assert.equal(
      (await ctx.server.inject({ url: `/api/v1/enquiries/${enquiry.id}`, headers: stranger.headers }))
        .statusCode,
      404,
    )
  })

  it('limits a new account to five enquiries a day, with Retry-After', async () => {
    const s = await seller()
    const b = await buyer({ createdAt: new Date() })
    for (let i = 0; i < 5; i++) assert.equal((await enquire(b.headers, s.product.id)).statusCode, 201)
    const sixth = await enquire(b.headers, s.product.id)
    assert.equal(sixth.statusCode, 429)
    assert.equal(sixth.json().error.code, 'rate_limited')
    assert.equal(sixth.json().error.reason, 'enquiry_limit')
    assert.match(sixth.json().error.message, /New accounts can send 5 enquiries a day/)
    assert.ok(Number(sixth.headers['retry-after']) > 0)
  })

  it('holds the new-account cap when seven enquiries arrive at once', async () => {
    const s = await seller()
    const b = await buyer({ createdAt: new Date() })
    const answers = await Promise.all(Array.from({ length: 7 }, () => enquire(b.headers, s.product.id)))
    const statuses = answers.map((a) => a.statusCode).sort()
    assert.deepEqual(statuses, [201, 201, 201, 201, 201, 429, 429])
    const stored = await ctx.db
      .select({ id: enquiries.id })
      .from(enquiries)
      .where(eq(enquiries.buyerUserId, b.user.id))
    assert.equal(stored.length, 5)
  })

  it('flags contact details written before sharing, replies, quotes and records responsiveness', async () => {
    const s = await seller()
    const b = await buyer()
    const { enquiry } = (await enquire(b.headers, s.product.id)).json()
    const flagged = await ctx.server.inject({
      method: 'POST',
      url: `/api/v1/enquiries/${enquiry.id}/messages`,
      headers: b.headers,
      payload: { body: 'Call me on 98123 45678 if easier.' },
    })
    assert.equal(flagged.statusCode, 201)
    assert.equal(flagged.json().message.flaggedContact, true)
    const plain = await ctx.server.inject({
      method: 'POST',
      url: `/api/v1/enquiries/${enquiry.id}/messages`,
      headers: b.headers,
      payload: { body: 'We need them with a 50 mm outlet, 2 HP motor.' },
    })
    assert.equal(plain.json().message.flaggedContact, false)
    const masked = await leadJson(s.headers, enquiry.id)
    const typed = masked.json().lead.thread.find((m: { flaggedContact: boolean }) => m.flaggedContact)
    assert.ok(typed, 'the seller sees that the message held contact details…')
    assert.ok(!masked.body.includes('98123 45678'), '…but not the buyer’s own number while it is not shared')

    const reply = await ctx.server.inject({
      method: 'POST',
      url: `/api/v1/seller/leads/${enquiry.id}/messages`,
      headers: s.headers,
      payload: { body: 'Yes, we have 2 HP in stock.' },
    })
    assert.equal(reply.statusCode, 201)
    const [stats] = await ctx.db
      .select()
      .from(sellerResponsiveness)
      .where(eq(sellerResponsiveness.businessId, s.business.id))
    assert.ok(stats, 'the first reply recomputes the seller’s responsiveness')

    const quote = await ctx.server.inject({
      method: 'POST',
      url: `/api/v1/seller/leads/${enquiry.id}/quotes`,
      headers: s.headers,
      payload: {
        pricePaisePerUnit: 1_250_000,
        quantity: 20,
        unit: 'piece',
        validUntil: '2099-01-31',
        terms: 'Ex-works Pune',
      },
    })
    assert.equal(quote.statusCode, 201, quote.body)
    const lead = (await leadJson(s.headers, enquiry.id)).json().lead
    assert.equal(lead.status, 'quoted')
    assert.equal(lead.thread.at(-1).quote.pricePaisePerUnit, 1_250_000)
    assert.match(lead.thread.at(-1).body, /₹12,500 per piece/)

    const wrong = await ctx.server.inject({
      method: 'POST',
      url: `/api/v1/seller/leads/${enquiry.id}/status`,
      headers: s.headers,
      payload: { status: 'new' },
    })
    assert.equal(wrong.statusCode, 409)
    assert.match(wrong.json().error.message, /can't be moved from quoted to new/)
    const buyerView = (
      await ctx.server.inject({ url: `/api/v1/enquiries/${enquiry.id}`, headers: b.headers })
    ).json().enquiry
    assert.equal(buyerView.latestQuote.terms, 'Ex-works Pune')
  })

  it('lets a seller block a buyer and report spam', async () => {
    const s = await seller()
    const b = await buyer()
    const { enquiry } = (await enquire(b.headers, s.product.id)).json()
    const spam = await ctx.server.inject({
      method: 'POST',
      url: `/api/v1/seller/leads/${enquiry.id}/spam`,
      headers: s.headers,
      payload: { reason: 'Selling SEO services' },
    })
    assert.equal(spam.statusCode, 200)
    const list = (await ctx.server.inject({ url: '/api/v1/seller/leads', headers: s.headers })).json()
    assert.equal(list.items.length, 0, 'spam leaves the default list')
    assert.equal(list.counts.spam, 1)
    const reports = await ctx.db.select().from(abuseReports).where(eq(abuseReports.enquiryId, enquiry.id))
    assert.deepEqual(
      reports.map((r) => [r.reason, r.status]),
      [['Selling SEO services', 'open']],
    )

    const block = await ctx.server.inject({
      method: 'POST',
      url: `/api/v1/seller/leads/${enquiry.id}/block`,
      headers: s.headers,
      payload: { reason: 'Repeated spam' },
    })
    assert.equal(block.statusCode, 200)
    const again = await enquire(b.headers, s.product.id)
    assert.equal(again.statusCode, 403)
    assert.equal(again.json().error.code, 'buyer_blocked')
  })

  it('rejects bad input with field messages and enquiries to one’s own business', async () => {
    const s = await seller()
    const b = await buyer()
    const bad = await enquire(b.headers, s.product.id, { quantity: -2, message: 'short' })
    assert.equal(bad.statusCode, 400)
    assert.ok(bad.json().error.fields)
    const late = await enquire(b.headers, s.product.id, { requiredBy: '2020-01-01' })
    assert.equal(late.statusCode, 400)
    assert.equal(late.json().error.fields.requiredBy, 'Choose today or a later date.')
    const own = await enquire(s.headers, s.product.id)
    assert.equal(own.statusCode, 403)
    assert.equal(own.json().error.code, 'own_business')
    const missing = await enquire(b.headers, 999_999_999)
    assert.equal(missing.statusCode, 404)
    const [row] = await ctx.db
      .select({ n: sql<number>`count(*)::int` })
      .from(enquiries)
      .where(eq(enquiries.buyerUserId, b.user.id))
    assert.equal(row?.n, 0)
  })

  it('asks for a call back through a masked number, or reveals the number only with consent', async () => {
    const s = await seller()
    const b = await buyer()
    const { enquiry } = (await enquire(b.headers, s.product.id)).json()
    const callback = (revealNumber: boolean) =>
      ctx.server.inject({
        method: 'POST',
        url: `/api/v1/enquiries/${enquiry.id}/callback`,
        headers: b.headers,
        payload: { preferredTime: 'weekdays after 4 pm', revealNumber },
      })
    assert.equal((await callback(false)).statusCode, 201)
    let lead = await leadJson(s.headers, enquiry.id)
    const [masked] = lead.json().lead.callbacks
    assert.match(masked.number, /^\+91 14000 \d{5}$/)
    assert.equal(masked.numberIsMasked, true)
    assert.ok(!lead.body.includes('9812345678'))
    // The development masking keeps the number on this machine: only the enquiry's own entry exists.
    const ledger = () =>
      ctx.db.select().from(disclosures).where(eq(disclosures.subjectUserId, b.user.id)).orderBy(disclosures.id)
    assert.deepEqual(
      (await ledger()).map((e) => e.recipientKind),
      ['seller'],
    )

    assert.equal((await callback(true)).statusCode, 201)
    lead = await leadJson(s.headers, enquiry.id)
    assert.equal(lead.json().lead.callbacks[0].number, '+919812345678')
    assert.deepEqual(lead.json().lead.contact, { email: null, phone: '+919812345678' })
    const entry = (await ledger()).at(-1)
    assert.equal(entry?.basis, 'consent')
    assert.deepEqual(entry?.fields, ['phone'])

    await ctx.server.inject({
      method: 'DELETE',
      url: `/api/v1/enquiries/${enquiry.id}/share-contact`,
      headers: b.headers,
    })
    lead = await leadJson(s.headers, enquiry.id)
    assert.ok(!lead.body.includes('9812345678'), 'revoking hides the revealed number too')
  })

  it('takes no more messages once the buyer closes the enquiry, until they reopen it', async () => {
    const s = await seller()
    const b = await buyer()
    const { enquiry } = (await enquire(b.headers, s.product.id)).json()
    const close = await ctx.server.inject({
      method: 'POST',
      url: `/api/v1/enquiries/${enquiry.id}/status`,
      headers: b.headers,
      payload: { status: 'closed', reason: 'Bought locally' },
    })
    assert.equal(close.statusCode, 200)
    const reply = () =>
      ctx.server.inject({
        method: 'POST',
        url: `/api/v1/seller/leads/${enquiry.id}/messages`,
        headers: s.headers,
        payload: { body: 'Still interested?' },
      })
    const refused = await reply()
    assert.equal(refused.statusCode, 409)
    assert.equal(refused.json().error.message, 'The buyer closed this enquiry, so it takes no more messages.')
    const lead = (await leadJson(s.headers, enquiry.id)).json().lead
    assert.match(lead.thread.at(-1).body, /closed this enquiry: Bought locally/)
    await ctx.server.inject({
      method: 'POST',
      url: `/api/v1/enquiries/${enquiry.id}/status`,
      headers: b.headers,
      payload: { status: 'open' },
    })
    assert.equal((await reply()).statusCode, 201)
  })
})
