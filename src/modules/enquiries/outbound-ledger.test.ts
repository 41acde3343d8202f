import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { eq } from 'drizzle-orm'
import { disclosures } from '#src/modules/privacy/privacy.tables.ts'
import { AppError } from '#src/shared/errors.ts'
import { buildBuyer, buildEnquiry, buildSeller } from '#test/enquiry-factories.ts'
import { buildProduct } from '#test/factories.ts'
import { enquiriesLedgerScenarios, externalCallMasking } from '#test/ledger/enquiries.scenarios.ts'
import { buildCategoryPair, buildSellerWithProduct, valveRequirement } from '#test/requirement-factories.ts'
import { useTestApp } from '#test/setup.ts'
import { buyerBlocks } from './enquiries.tables.ts'
import * as enquiries from './index.ts'

// Every way a person's data leaves through enquiries writes their disclosure ledger, naming the
// recipient and the fields, in the transaction of the hand-off — and nothing is written when the
// data does not leave (a refused enquiry, the development call masking).

describe('the enquiries module’s outbound paths in the disclosure ledger', () => {
  const ctx = useTestApp()
  const ledgerOf = (userId: string) =>
    ctx.db.select().from(disclosures).where(eq(disclosures.subjectUserId, userId)).orderBy(disclosures.id)

  it('declares each path once, with a scenario that makes it write the declared entry', async () => {
    const ids = enquiries.outboundPaths.map((p) => p.id)
    assert.deepEqual(ids, [
      'enquiries.enquiry-to-seller',
      'enquiries.requirement-to-seller',
      'enquiries.buyer-phone-to-call-provider',
      'enquiries.seller-phone-to-call-provider',
    ])
    assert.deepEqual(Object.keys(enquiriesLedgerScenarios).sort(), [...ids].sort())
    for (const path of enquiries.outboundPaths) {
      const { subjectUserId, reference } = await enquiriesLedgerScenarios[path.id]!(ctx)
      const rows = (await ledgerOf(subjectUserId)).filter(
        (r) => r.reference === reference && r.recipientKind === path.recipientKind,
      )
      assert.equal(rows.length, 1, `${path.id}: one ledger entry for ${reference}`)
      assert.deepEqual(rows[0]!.fields, [...path.fields], path.id)
      assert.equal(rows[0]!.purpose, path.purpose, path.id)
    }
  })

  it('tells the buyer which seller received their name, company, city and need for an enquiry', async () => {
    const seller = await buildSeller(ctx.db)
    const product = await buildProduct(ctx.db, { businessId: seller.business.id })
    const buyer = await buildBuyer(ctx.db, { emailVerifiedAt: new Date() })
    const { id } = await enquiries.createEnquiry(ctx.db, ctx.app.enquiryContext, buyer.id, {
      productId: product.id,
      quantity: 10,
      unit: 'piece',
      message: 'Ten pumps for our plant in Nashik, please.',
    })
    const rows = await ledgerOf(buyer.id)
    assert.equal(rows.length, 1)
    assert.equal(rows[0]!.recipient, 'Kovai Pumps (seller)')
    assert.equal(rows[0]!.recipientKind, 'seller')
    assert.deepEqual(rows[0]!.fields, ['name', 'company', 'city', 'product', 'quantity', 'message'])
    assert.equal(rows[0]!.purpose, 'enquiries')
    assert.equal(rows[0]!.reference, `enquiry:${id}`)
  })

  it('writes nothing when the enquiry is refused, as nothing reached the seller', async () => {
    const seller = await buildSeller(ctx.db)
    const product = await buildProduct(ctx.db, { businessId: seller.business.id })
    const buyer = await buildBuyer(ctx.db, { emailVerifiedAt: new Date() })
    await ctx.db
      .insert(buyerBlocks)
      .values({ businessId: seller.business.id, buyerUserId: buyer.id, reason: 'spam' })
    await assert.rejects(
      enquiries.createEnquiry(ctx.db, ctx.app.enquiryContext, buyer.id, {
        productId: product.id,
        quantity: 10,
        unit: 'piece',
        message: 'Ten pumps for our plant in Nashik, please.',
      }),
      (error: unknown) => error instanceof AppError && error.code === 'buyer_blocked',
    )
    assert.deepEqual(await ledgerOf(buyer.id), [])
  })

  it('writes one entry per seller a buy requirement reached, naming each seller, and none for a blocking one', async () => {
    const { sub } = await buildCategoryPair(ctx.db, 'Gate valves')
    const reached = [
      await buildSellerWithProduct(ctx.db, { categoryId: sub.id, name: 'Nashik Valves' }),
      await buildSellerWithProduct(ctx.db, { categoryId: sub.id, name: 'Pune Flow Controls' }),
    ]
    const blocking = await buildSellerWithProduct(ctx.db, { categoryId: sub.id, name: 'Thane Fittings' })
    const buyer = await buildBuyer(ctx.db)
    await ctx.db
      .insert(buyerBlocks)
      .values({ businessId: blocking.business.id, buyerUserId: buyer.id, reason: 'spam' })
    const { requirement } = await enquiries.postRequirement(
      ctx.db,
      ctx.app.enquiryContext,
      buyer.id,
      valveRequirement({ categoryId: sub.id, maxSuppliers: 5 }),
    )
    assert.equal(requirement.matchedCount, 2)
    const { recipients } = await enquiries.getRequirement(ctx.db, buyer.id, requirement.id)
    const rows = await ledgerOf(buyer.id)
    assert.deepEqual(
      rows.map((r) => r.recipient).sort(),
      reached.map((s) => `${s.business.tradeName} (seller)`).sort(),
    )
    assert.deepEqual(
      rows.map((r) => r.reference).sort(),
      recipients.map((r) => `enquiry:${r.enquiryId}`).sort(),
    )
    for (const row of rows) {
      assert.equal(row.recipientKind, 'seller')
      assert.deepEqual(row.fields, ['name', 'company', 'city', 'product', 'quantity', 'message'])
    }
  })

  it('records both phones handed to an outside call-masking provider, each in its owner’s ledger', async () => {
    const { enquiry, buyer, seller } = await buildEnquiry(ctx.db)
    await enquiries.requestCallback(
      ctx.db,
      { ...ctx.app.enquiryContext, callMasking: externalCallMasking() },
      buyer.id,
      enquiry.id,
      { preferredTime: 'after lunch', revealNumber: false },
    )
    for (const subject of [buyer.id, seller.owner.id]) {
      const rows = await ledgerOf(subject)
      assert.equal(rows.length, 1)
      assert.equal(rows[0]!.recipient, 'Exotel (call masking)')
      assert.equal(rows[0]!.recipientKind, 'call_provider')
      assert.deepEqual(rows[0]!.fields, ['phone'])
      assert.equal(rows[0]!.reference, `enquiry:${enquiry.id}`)
    }
  })

  it('records no phone for the development call masking, whose numbers never leave the machine', async () => {
    const { enquiry, buyer, seller } = await buildEnquiry(ctx.db)
    await enquiries.requestCallback(
      ctx.db,
      { ...ctx.app.enquiryContext, callMasking: enquiries.createDevCallMasking() },
      buyer.id,
      enquiry.id,
      { preferredTime: 'after lunch', revealNumber: false },
    )
    assert.deepEqual(await ledgerOf(buyer.id), [])
    assert.deepEqual(await ledgerOf(seller.owner.id), [])
  })
})
