import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { eq } from 'drizzle-orm'
import { outboxMessages } from '#src/modules/messaging/messaging.tables.ts'
import { AppError } from '#src/shared/errors.ts'
import { buildBusiness, buildProduct } from '#test/factories.ts'
import {
  buildBuyer,
  buildCategoryPair,
  buildSellerWithProduct,
  setResponsiveness,
  valveRequirement,
} from '#test/requirement-factories.ts'
import { useTestDb } from '#test/setup.ts'
import { buyerBlocks, buyRequirements, enquiries } from './enquiries.tables.ts'
import type { EnquiryContext } from './enquiry-context.ts'
import { closeRequirement, expireRequirements, getRequirement, postRequirement } from './requirements.ts'

const DAY_MS = 24 * 3_600_000

const ctx: EnquiryContext = {
  publicUrl: 'https://mandi.test',
  relay: { secretKey: 'relay-test-key-that-is-long-enough-0123456789', domain: 'relay.mandi.test' },
}

async function rejects(promise: Promise<unknown>, code: string) {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(error instanceof AppError, String(error))
    assert.equal(error.code, code)
    return true
  })
}

describe('buy requirements through the database', () => {
  const t = useTestDb()

  it('sends a requirement to no more sellers than the buyer allows, each as a lead with reasons', async () => {
    const { sub } = await buildCategoryPair(t.db)
    for (let i = 0; i < 6; i++) await buildSellerWithProduct(t.db, { categoryId: sub.id })
    const buyer = await buildBuyer(t.db)

    const posted = await postRequirement(
      t.db,
      ctx,
      buyer.id,
      valveRequirement({ maxSuppliers: 4, categoryId: sub.id }),
    )
    assert.equal(posted.requirement.status, 'open')
    assert.equal(posted.requirement.matchedCount, 4)

    const leads = await t.db
      .select()
      .from(enquiries)
      .where(eq(enquiries.requirementId, posted.requirement.id))
    assert.equal(leads.length, 4)
    for (const lead of leads) {
      assert.ok(lead.matchScore !== null && lead.matchScore > 0)
      assert.ok(lead.matchReasons && lead.matchReasons.length > 0)
      assert.equal(lead.subject, 'Stainless steel ball valve 2 inch')
    }
    const [stored] = await t.db
      .select()
      .from(buyRequirements)
      .where(eq(buyRequirements.id, posted.requirement.id))
    assert.equal(stored!.matchedCount, 4)
    assert.equal(stored!.city, 'Pune', 'the city defaults to the buyer’s profile')
    assert.equal(stored!.categoryId, sub.id)
  })

  it('prefers a nearer, more responsive seller over a distant, slow one with the same listing', async () => {
    const { sub } = await buildCategoryPair(t.db, 'Gate valves')
    const far = await buildSellerWithProduct(t.db, {
      categoryId: sub.id,
      city: 'Chennai',
      state: 'Tamil Nadu',
      name: 'Far Valves',
    })
    const near = await buildSellerWithProduct(t.db, {
      categoryId: sub.id,
      city: 'Pune',
      state: 'Maharashtra',
      name: 'Near Valves',
    })
    const sameState = await buildSellerWithProduct(t.db, {
      categoryId: sub.id,
      city: 'Nashik',
      state: 'Maharashtra',
    })
    await setResponsiveness(t.db, far.business.id, {
      enquiries90d: 30,
      answeredShare: 0.2,
      medianFirstReplyHours: 120,
    })
    await setResponsiveness(t.db, near.business.id, {
      enquiries90d: 30,
      answeredShare: 0.95,
      medianFirstReplyHours: 2,
    })
    await setResponsiveness(t.db, sameState.business.id, {
      enquiries90d: 30,
      answeredShare: 0.95,
      medianFirstReplyHours: 2,
    })
    const buyer = await buildBuyer(t.db)

    const one = await postRequirement(
      t.db,
      ctx,
      buyer.id,
      valveRequirement({ maxSuppliers: 1, categoryId: sub.id }),
    )
    const [lead] = await t.db.select().from(enquiries).where(eq(enquiries.requirementId, one.requirement.id))
    assert.equal(lead!.businessId, near.business.id)
    assert.ok(lead!.matchReasons!.some((r) => r.component === 'location' && r.text.includes('Pune')))

    const two = await getRequirement(
      t.db,
      buyer.id,
      (await postRequirement(t.db, ctx, buyer.id, valveRequirement({ maxSuppliers: 2, categoryId: sub.id })))
        .requirement.id,
    )
    assert.deepEqual(
      two.recipients.map((r) => r.businessId),
      [near.business.id, sameState.business.id],
      'the distant, slow seller is left out when only two may receive it',
    )
  })

  it('infers the category from the best-matching products when none is chosen', async () => {
    const { sub } = await buildCategoryPair(t.db, 'Butterfly valves')
    await buildSellerWithProduct(t.db, {
      categoryId: sub.id,
      title: 'Wafer Butterfly Valve Cast Iron 6 inch',
    })
    const buyer = await buildBuyer(t.db)
    const posted = await postRequirement(
      t.db,
      ctx,
      buyer.id,
      valveRequirement({ title: 'Wafer butterfly valve 6 inch', maxSuppliers: 2 }),
    )
    const [stored] = await t.db
      .select()
      .from(buyRequirements)
      .where(eq(buyRequirements.id, posted.requirement.id))
    assert.equal(stored!.categoryId, sub.id)
    assert.ok(posted.requirement.matchedCount >= 1)
  })

  it('never sends to the buyer’s own business or to a seller who blocked the buyer', async () => {
    const { sub } = await buildCategoryPair(t.db, 'Check valves')
    const buyer = await buildBuyer(t.db)
    const own = await buildBusiness(t.db, { ownerUserId: buyer.id })
    await buildProduct(t.db, {
      businessId: own.id,
      categoryId: sub.id,
      title: 'Stainless Steel Ball Valve 2 inch',
    })
    const free = await buildSellerWithProduct(t.db, { categoryId: sub.id })
    const blocking = await buildSellerWithProduct(t.db, { categoryId: sub.id })
    await t.db.insert(buyerBlocks).values({ businessId: blocking.business.id, buyerUserId: buyer.id })

    const posted = await postRequirement(
      t.db,
      ctx,
      buyer.id,
      valveRequirement({ maxSuppliers: 10, categoryId: sub.id }),
    )
    const leads = await t.db
      .select()
      .from(enquiries)
      .where(eq(enquiries.requirementId, posted.requirement.id))
    const ids = leads.map((l) => l.businessId)
    assert.deepEqual(ids, [free.business.id])
    assert.ok(!ids.includes(own.id))
    assert.ok(!ids.includes(blocking.business.id))
  })

  it('gives sellers the need without the buyer’s email or phone', async () => {
    const { sub } = await buildCategoryPair(t.db, 'Plug valves')
    const seller = await buildSellerWithProduct(t.db, { categoryId: sub.id })
    const buyer = await buildBuyer(t.db, { email: 'meera.private@buyers.example', phone: '+919811122233' })
    const posted = await postRequirement(
      t.db,
      ctx,
      buyer.id,
      valveRequirement({ maxSuppliers: 1, categoryId: sub.id }),
    )
    const [lead] = await t.db
      .select()
      .from(enquiries)
      .where(eq(enquiries.requirementId, posted.requirement.id))
    assert.equal(lead!.businessId, seller.business.id)
    assert.equal(lead!.contactSharedAt, null)
    const messages = await t.db
      .select()
      .from(outboxMessages)
      .where(eq(outboxMessages.recipientUserId, seller.business.ownerUserId))
    assert.ok(messages.length >= 1, 'the seller is notified')
    const everything = JSON.stringify({ lead, messages: messages.map((m) => m.data) })
    assert.ok(!everything.includes('meera.private@buyers.example'))
    assert.ok(!everything.includes('9811122233'))
    assert.ok(everything.includes('Meera'), 'the first name is there')
  })

  it('lets only the owner read or close a requirement, and closes the unanswered leads', async () => {
    const { sub } = await buildCategoryPair(t.db, 'Globe valves')
    await buildSellerWithProduct(t.db, { categoryId: sub.id })
    await buildSellerWithProduct(t.db, { categoryId: sub.id })
    const buyer = await buildBuyer(t.db)
    const other = await buildBuyer(t.db)
    const { requirement } = await postRequirement(
      t.db,
      ctx,
      buyer.id,
      valveRequirement({ maxSuppliers: 2, categoryId: sub.id }),
    )

    await rejects(getRequirement(t.db, other.id, requirement.id), 'requirement_not_found')
    await rejects(closeRequirement(t.db, ctx, other.id, requirement.id), 'requirement_not_found')
    await rejects(getRequirement(t.db, buyer.id, 'not-a-uuid'), 'requirement_not_found')

    const seen = await getRequirement(t.db, buyer.id, requirement.id)
    assert.equal(seen.recipients.length, 2)
    assert.ok(seen.recipients.every((r) => r.reasons.length > 0 && !r.replied))
    // One seller answered: their thread stays open after closing.
    await t.db
      .update(enquiries)
      .set({ firstReplyAt: new Date() })
      .where(eq(enquiries.id, seen.recipients[0]!.enquiryId))

    const closed = await closeRequirement(t.db, ctx, buyer.id, requirement.id)
    assert.equal(closed.status, 'closed')
    const again = await closeRequirement(t.db, ctx, buyer.id, requirement.id)
    assert.equal(again.status, 'closed')
    const leads = await t.db.select().from(enquiries).where(eq(enquiries.requirementId, requirement.id))
    const byId = new Map(leads.map((l) => [l.id, l.status]))
    assert.equal(byId.get(seen.recipients[0]!.enquiryId), 'open')
    assert.equal(byId.get(seen.recipients[1]!.enquiryId), 'closed')
  })

  it('expires requirements past their date, with their open leads', async () => {
    const { sub } = await buildCategoryPair(t.db, 'Needle valves')
    await buildSellerWithProduct(t.db, { categoryId: sub.id })
    const buyer = await buildBuyer(t.db)
    const { requirement } = await postRequirement(
      t.db,
      ctx,
      buyer.id,
      valveRequirement({ maxSuppliers: 1, categoryId: sub.id }),
    )
    assert.equal(await expireRequirements(t.db, new Date()), 0)
    assert.ok((await expireRequirements(t.db, new Date(Date.now() + 31 * DAY_MS))) >= 1)
    const [stored] = await t.db.select().from(buyRequirements).where(eq(buyRequirements.id, requirement.id))
    assert.equal(stored!.status, 'expired')
    const leads = await t.db.select().from(enquiries).where(eq(enquiries.requirementId, requirement.id))
    assert.ok(leads.every((l) => l.status === 'expired'))
    await rejects(closeRequirement(t.db, ctx, buyer.id, requirement.id), 'requirement_expired')
  })

  it('refuses what cannot be sent: no match, a far closing date, an incomplete profile, too many in a day', async () => {
    const { sub } = await buildCategoryPair(t.db, 'Foot valves')
    await buildSellerWithProduct(t.db, { categoryId: sub.id })
    const buyer = await buildBuyer(t.db)
    await rejects(
      postRequirement(t.db, ctx, buyer.id, valveRequirement({ title: 'Handloom silk sarees zari' })),
      'no_matching_sellers',
    )
    await rejects(
      postRequirement(
        t.db,
        ctx,
        buyer.id,
        valveRequirement({
          categoryId: sub.id,
          expiresAt: new Date(Date.now() + 120 * DAY_MS).toISOString(),
        }),
      ),
      'invalid_expiry',
    )
    await rejects(
      postRequirement(t.db, ctx, buyer.id, valveRequirement({ maxSuppliers: 11 })),
      'invalid_input',
    )
    const unverified = await buildBuyer(t.db, { emailVerifiedAt: null })
    await rejects(
      postRequirement(t.db, ctx, unverified.id, valveRequirement({ categoryId: sub.id })),
      'profile_incomplete',
    )

    const newcomer = await buildBuyer(t.db, { createdAt: new Date() })
    const input = valveRequirement({ categoryId: sub.id, maxSuppliers: 1 })
    await postRequirement(t.db, ctx, newcomer.id, input)
    await postRequirement(t.db, ctx, newcomer.id, input)
    await rejects(postRequirement(t.db, ctx, newcomer.id, input), 'enquiry_limit')
  })
})
