import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { eq } from 'drizzle-orm'
import * as privacy from '#src/modules/privacy/index.ts'
import { buildBusiness, buildProduct } from '#test/factories.ts'
import {
  buildBuyer,
  buildCategoryPair,
  buildSellerWithProduct,
  giveConsent,
  setResponsiveness,
} from '#test/requirement-factories.ts'
import { useTestDb } from '#test/setup.ts'
import { buyerInterests, enquiries } from './enquiries.tables.ts'
import { forgetInterests, pruneInterests, recordInterest, suppliersYouMayNeed } from './recommendations.ts'

const DAY_MS = 24 * 3_600_000

describe('interests and "suppliers you may need"', () => {
  const t = useTestDb()
  const interestsOf = (userId: string) =>
    t.db.select().from(buyerInterests).where(eq(buyerInterests.userId, userId))

  it('records nothing and suggests nothing without consent to personalisation', async () => {
    const { sub } = await buildCategoryPair(t.db)
    const { product } = await buildSellerWithProduct(t.db, { categoryId: sub.id })
    const buyer = await buildBuyer(t.db)
    // Consent to something else does not count.
    await giveConsent(t.db, buyer.id, 'marketing_email')
    assert.equal(await recordInterest(t.db, buyer.id, { kind: 'view', productId: product.id }), false)
    assert.equal(await recordInterest(t.db, buyer.id, { kind: 'enquiry', categoryId: sub.id }), false)
    assert.deepEqual(await interestsOf(buyer.id), [])
    assert.deepEqual(await suppliersYouMayNeed(t.db, buyer.id, 5), [])
  })

  it('records views with consent (filling in category and seller, not repeating a view within the hour)', async () => {
    const { sub } = await buildCategoryPair(t.db)
    const { product, business } = await buildSellerWithProduct(t.db, { categoryId: sub.id })
    const buyer = await buildBuyer(t.db)
    await giveConsent(t.db, buyer.id)
    assert.equal(await recordInterest(t.db, buyer.id, { kind: 'view', productId: product.id }), true)
    assert.equal(await recordInterest(t.db, buyer.id, { kind: 'view', productId: product.id }), false)
    const rows = await interestsOf(buyer.id)
    assert.equal(rows.length, 1)
    assert.equal(rows[0]!.categoryId, sub.id)
    assert.equal(rows[0]!.businessId, business.id)
  })

  it('suggests uncontacted sellers in the categories of recent interests, most responsive first', async () => {
    const { sub } = await buildCategoryPair(t.db, 'Angle valves')
    const { sub: elsewhere } = await buildCategoryPair(t.db, 'Solar panels')
    const viewed = await buildSellerWithProduct(t.db, { categoryId: sub.id, name: 'Viewed Valves' })
    const quick = await buildSellerWithProduct(t.db, { categoryId: sub.id, name: 'Quick Valves' })
    const slow = await buildSellerWithProduct(t.db, { categoryId: sub.id, name: 'Slow Valves' })
    const contacted = await buildSellerWithProduct(t.db, { categoryId: sub.id, name: 'Contacted Valves' })
    const unrelated = await buildSellerWithProduct(t.db, { categoryId: elsewhere.id, name: 'Solar Co' })
    await setResponsiveness(t.db, quick.business.id, {
      enquiries90d: 20,
      answeredShare: 1,
      medianFirstReplyHours: 1,
    })
    await setResponsiveness(t.db, slow.business.id, {
      enquiries90d: 20,
      answeredShare: 0.1,
      medianFirstReplyHours: 100,
    })
    const buyer = await buildBuyer(t.db)
    const own = await buildBusiness(t.db, { ownerUserId: buyer.id })
    await buildProduct(t.db, { businessId: own.id, categoryId: sub.id })
    await t.db.insert(enquiries).values({
      buyerUserId: buyer.id,
      businessId: contacted.business.id,
      subject: 'Angle valve',
      quantity: 1,
      unit: 'piece',
      message: 'Price for 10 pieces?',
    })
    await giveConsent(t.db, buyer.id)
    await recordInterest(t.db, buyer.id, { kind: 'view', productId: viewed.product.id })

    const suggestions = await suppliersYouMayNeed(t.db, buyer.id, 10)
    const ids = suggestions.map((s) => s.businessId)
    assert.equal(ids[0], quick.business.id)
    assert.equal(ids.at(-1), slow.business.id)
    assert.ok(ids.includes(viewed.business.id), 'viewing a seller is not contacting them')
    for (const excluded of [contacted.business.id, unrelated.business.id, own.id])
      assert.ok(!ids.includes(excluded))
    assert.equal(suggestions[0]!.categoryName, 'Angle valves')
    assert.equal((await suppliersYouMayNeed(t.db, buyer.id, 1)).length, 1)
  })

  it('forgets everything on withdrawal and stops suggesting; prunes signals past retention', async () => {
    const { sub } = await buildCategoryPair(t.db)
    const { product } = await buildSellerWithProduct(t.db, { categoryId: sub.id })
    const buyer = await buildBuyer(t.db)
    await giveConsent(t.db, buyer.id)
    await recordInterest(t.db, buyer.id, { kind: 'view', productId: product.id })
    await recordInterest(
      t.db,
      buyer.id,
      { kind: 'enquiry', categoryId: sub.id },
      new Date(Date.now() - 200 * DAY_MS),
    )
    assert.equal((await interestsOf(buyer.id)).length, 2)
    assert.ok((await pruneInterests(t.db, new Date())) >= 1)
    assert.equal((await interestsOf(buyer.id)).length, 1)

    await t.db.transaction((tx) =>
      privacy.recordConsent(tx, {
        userId: buyer.id,
        purpose: 'personalisation',
        action: 'withdraw',
        channel: 'web',
      }),
    )
    assert.deepEqual(await suppliersYouMayNeed(t.db, buyer.id, 5), [])
    assert.equal(await forgetInterests(t.db, buyer.id), 1)
    assert.deepEqual(await interestsOf(buyer.id), [])
  })
})
