import assert from 'node:assert/strict'
import { before, describe, it } from 'node:test'
import { and, eq, like } from 'drizzle-orm'
import * as accounts from '#src/modules/accounts/index.ts'
import { buyRequirements, buyerInterests, enquiries } from '#src/modules/enquiries/enquiries.tables.ts'
import { outboxMessages } from '#src/modules/messaging/messaging.tables.ts'
import {
  buildBuyer,
  buildCategoryPair,
  buildSellerWithProduct,
  giveConsent,
  valveRequirement,
} from '#test/requirement-factories.ts'
import { useTestApp } from '#test/setup.ts'

describe('buy requirements API', () => {
  const t = useTestApp()
  let categoryId: number

  before(async () => {
    const { sub } = await buildCategoryPair(t.db)
    categoryId = sub.id
    for (let i = 0; i < 4; i++) await buildSellerWithProduct(t.db, { categoryId })
  })

  async function cookieFor(userId: string) {
    const session = await accounts.createSession(t.db, { userId, sharedDevice: false })
    return { mandi_session: session.token }
  }
  const post = (cookies: Record<string, string> | undefined, payload: unknown) =>
    t.server.inject({
      method: 'POST',
      url: '/api/v1/requirements',
      payload: payload as object,
      ...(cookies ? { cookies } : {}),
    })

  it('posts a requirement: 201 with the matched sellers’ count, capped by maxSuppliers', async () => {
    const buyer = await buildBuyer(t.db)
    const res = await post(await cookieFor(buyer.id), valveRequirement({ maxSuppliers: 2, categoryId }))
    assert.equal(res.statusCode, 201, res.body)
    const body = res.json()
    assert.deepEqual(Object.keys(body.requirement).sort(), ['id', 'matchedCount', 'status'])
    assert.equal(body.requirement.status, 'open')
    assert.equal(body.requirement.matchedCount, 2)
    assert.equal(res.headers.location, `/api/v1/requirements/${body.requirement.id}`)
  })

  it('answers 401 without a session, 403 profile_incomplete with a message, 400 for bad input', async () => {
    const unauthenticated = await post(undefined, valveRequirement())
    assert.equal(unauthenticated.statusCode, 401)

    const unverified = await buildBuyer(t.db, { emailVerifiedAt: null, phone: null })
    const incomplete = await post(await cookieFor(unverified.id), valveRequirement({ categoryId }))
    assert.equal(incomplete.statusCode, 403)
    assert.equal(incomplete.json().error.code, 'profile_incomplete')
    assert.match(incomplete.json().error.message, /confirm your email address and add your mobile number/)

    const buyer = await buildBuyer(t.db)
    const cookies = await cookieFor(buyer.id)
    const noCap = await post(cookies, { ...valveRequirement(), maxSuppliers: undefined })
    assert.equal(noCap.statusCode, 400)
    assert.ok(noCap.json().error.fields.maxSuppliers)
    const tooMany = await post(cookies, valveRequirement({ maxSuppliers: 11 }))
    assert.equal(tooMany.statusCode, 400)
    const nothing = await post(cookies, valveRequirement({ title: 'Handwoven pashmina shawls' }))
    assert.equal(nothing.statusCode, 400)
    assert.equal(nothing.json().error.code, 'no_matching_sellers')
  })

  it('answers 429 on the third requirement of a new account in a day', async () => {
    const newcomer = await buildBuyer(t.db, { createdAt: new Date() })
    const cookies = await cookieFor(newcomer.id)
    assert.equal((await post(cookies, valveRequirement({ categoryId, maxSuppliers: 1 }))).statusCode, 201)
    assert.equal((await post(cookies, valveRequirement({ categoryId, maxSuppliers: 1 }))).statusCode, 201)
    const third = await post(cookies, valveRequirement({ categoryId, maxSuppliers: 1 }))
    assert.equal(third.statusCode, 429)
    assert.equal(third.json().error.code, 'rate_limited')
    assert.equal(third.json().error.reason, 'enquiry_limit')
    assert.ok(Number(third.headers['retry-after']) > 0)
  })

  it('holds the new-account cap when five requirements arrive at once', async () => {
    const newcomer = await buildBuyer(t.db, { createdAt: new Date() })
    const cookies = await cookieFor(newcomer.id)
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => post(cookies, valveRequirement({ categoryId, maxSuppliers: 1 }))),
    )
    assert.deepEqual(answers.map((a) => a.statusCode).sort(), [201, 201, 429, 429, 429])
    const stored = await t.db
      .select({ id: buyRequirements.id })
      .from(buyRequirements)
      .where(eq(buyRequirements.buyerUserId, newcomer.id))
    assert.equal(stored.length, 2)
  })

  it('shows the owner who received it and why; another buyer gets 404; lists and closes', async () => {
    const buyer = await buildBuyer(t.db, { email: 'anita.secret@buyers.example', phone: '+919800011122' })
    const cookies = await cookieFor(buyer.id)
    const { requirement } = (await post(cookies, valveRequirement({ categoryId, maxSuppliers: 3 }))).json()

    const seen = await t.server.inject({ url: `/api/v1/requirements/${requirement.id}`, cookies })
    assert.equal(seen.statusCode, 200)
    const body = seen.json()
    assert.equal(body.requirement.id, requirement.id)
    assert.equal(body.requirement.maxSuppliers, 3)
    assert.equal(body.recipients.length, 3)
    for (const r of body.recipients) {
      assert.equal(typeof r.seller.name, 'string')
      assert.equal(r.seller.city, 'Pune')
      assert.equal(r.seller.verified, true)
      assert.ok(r.reasons.includes('Sells in the category you chose'))
      assert.equal(r.replied, false)
    }

    const other = await buildBuyer(t.db)
    const stranger = await t.server.inject({
      url: `/api/v1/requirements/${requirement.id}`,
      cookies: await cookieFor(other.id),
    })
    assert.equal(stranger.statusCode, 404)
    assert.equal(stranger.json().error.code, 'requirement_not_found')
    const strangerClose = await t.server.inject({
      method: 'POST',
      url: `/api/v1/requirements/${requirement.id}/close`,
      cookies: await cookieFor(other.id),
      payload: {},
    })
    assert.equal(strangerClose.statusCode, 404)

    // The sellers' side: a lead per recipient, and nothing of the buyer's email or phone.
    const leads = await t.db.select().from(enquiries).where(eq(enquiries.requirementId, requirement.id))
    assert.equal(leads.length, 3)
    for (const lead of leads) {
      // One row per channel (email, SMS), keyed enquiry-received:<lead>:<channel>.
      const notices = await t.db
        .select()
        .from(outboxMessages)
        .where(
          and(
            eq(outboxMessages.kind, 'enquiry-received'),
            like(outboxMessages.idempotencyKey, `enquiry-received:${lead.id}%`),
          ),
        )
      assert.ok(notices.length >= 1, 'each seller is notified')
      const text = JSON.stringify([lead, notices.map((n) => n.data)])
      assert.ok(!text.includes('anita.secret'))
      assert.ok(!text.includes('9800011122'))
    }

    const list = await t.server.inject({ url: '/api/v1/requirements', cookies })
    assert.deepEqual(
      list.json().items.map((i: { id: string; matchedCount: number }) => [i.id, i.matchedCount]),
      [[requirement.id, 3]],
    )
    const closed = await t.server.inject({
      method: 'POST',
      url: `/api/v1/requirements/${requirement.id}/close`,
      cookies,
      payload: {},
    })
    assert.equal(closed.statusCode, 200)
    assert.equal(closed.json().requirement.status, 'closed')
  })

  it('records the requirement as an interest only with consent, and forgets on withdrawal through the API', async () => {
    const buyer = await buildBuyer(t.db)
    const cookies = await cookieFor(buyer.id)
    assert.equal((await post(cookies, valveRequirement({ categoryId, maxSuppliers: 1 }))).statusCode, 201)
    const count = async () =>
      (await t.db.select().from(buyerInterests).where(eq(buyerInterests.userId, buyer.id))).length
    assert.equal(await count(), 0)

    await giveConsent(t.db, buyer.id)
    assert.equal((await post(cookies, valveRequirement({ categoryId, maxSuppliers: 1 }))).statusCode, 201)
    assert.equal(await count(), 1)

    const withdrawn = await t.server.inject({
      method: 'PUT',
      url: '/api/v1/me/consents/personalisation',
      cookies,
      payload: { granted: false },
    })
    assert.equal(withdrawn.statusCode, 200, withdrawn.body)
    assert.equal(await count(), 0)
  })

  it('publishes the routes in the OpenAPI document', async () => {
    const doc = (await t.server.inject({ url: '/api/openapi.json' })).json()
    assert.ok(doc.paths['/api/v1/requirements'].post)
    assert.ok(doc.paths['/api/v1/requirements'].get)
    assert.ok(doc.paths['/api/v1/requirements/{id}'].get)
    assert.ok(doc.paths['/api/v1/requirements/{id}/close'].post)
    const body = doc.paths['/api/v1/requirements'].post.requestBody.content['application/json'].schema
    assert.ok(body.required.includes('maxSuppliers'))
    assert.ok(body.required.includes('title'))
  })
})
