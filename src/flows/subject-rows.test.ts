import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { productImages } from '#src/modules/catalog/catalog.tables.ts'
import { enquiryMessages } from '#src/modules/enquiries/enquiries.tables.ts'
import { buildProduct } from '#test/factories.ts'
import { buildEnquiry } from '#test/enquiry-factories.ts'
import { testDatabaseKind, useTestDb } from '#test/setup.ts'
import { findSubjectRows } from './subject-rows.ts'

describe(`findSubjectRows (${testDatabaseKind})`, () => {
  const ctx = useTestDb()

  const tablesOf = (found: Awaited<ReturnType<typeof findSubjectRows>>) =>
    Object.fromEntries(found.map((f) => [f.table.table, f.rows]))

  it('finds a buyer’s own rows and the thread they are in, and nobody else’s', async () => {
    const { enquiry, buyer, seller } = await buildEnquiry(ctx.db)
    const other = await buildEnquiry(ctx.db, { seller })
    await ctx.db.insert(enquiryMessages).values([
      { enquiryId: enquiry.id, author: 'buyer', authorUserId: buyer.id, body: 'Can you deliver by May?' },
      { enquiryId: enquiry.id, author: 'seller', authorUserId: seller.owner.id, body: 'Yes, by 10 May.' },
    ])

    const found = tablesOf(await findSubjectRows(ctx.db, buyer.id))
    assert.deepEqual(
      found.users?.map((r) => r.email),
      [buyer.email],
      'rows are keyed by column name',
    )
    assert.deepEqual(
      found.enquiries?.map((r) => String(r.id)),
      [enquiry.id],
    )
    assert.deepEqual(found.enquiry_messages?.map((r) => r.body).sort(), [
      'Can you deliver by May?',
      'Yes, by 10 May.',
    ])
    assert.equal(found.businesses, undefined, 'a buyer owns no business')
    const everything = JSON.stringify(found)
    assert.ok(!everything.includes(other.buyer.email), 'another buyer of the same seller is not found')
  })

  it('follows via links through several tables, and erasure leaves out rows that are another person’s', async () => {
    const { seller, enquiry } = await buildEnquiry(ctx.db)
    const product = await buildProduct(ctx.db, { businessId: seller.business.id })
    await ctx.db.insert(productImages).values({
      productId: product.id,
      position: 0,
      pathBase: 'p/1',
      widths: [320],
      width: 640,
      height: 480,
      alt: 'Pump',
    })

    const forExport = tablesOf(await findSubjectRows(ctx.db, seller.owner.id))
    assert.deepEqual(
      forExport.businesses?.map((r) => Number(r.id)),
      [seller.business.id],
    )
    assert.deepEqual(
      forExport.products?.map((r) => Number(r.id)),
      [product.id],
    )
    assert.equal(forExport.product_images?.length, 1, 'product_images → products → businesses')
    assert.deepEqual(
      forExport.enquiries?.map((r) => String(r.id)),
      [String(enquiry.id)],
      'the enquiry the seller received',
    )

    const forErasure = tablesOf(await findSubjectRows(ctx.db, seller.owner.id, { purpose: 'erasure' }))
    assert.equal(forErasure.product_images?.length, 1)
    assert.equal(forErasure.enquiries, undefined, 'the buyer’s enquiry is not the seller’s to erase')
  })

  it('refuses a via link that names an unknown table or loops', async () => {
    const base = { description: 'x', columns: [] }
    await assert.rejects(
      findSubjectRows(ctx.db, '00000000-0000-0000-0000-000000000000', {
        inventory: [{ ...base, table: 'users', subjects: [{ column: 'id', role: 'r', via: 'nowhere' }] }],
      }),
      /unknown table nowhere/,
    )
    await assert.rejects(
      findSubjectRows(ctx.db, '00000000-0000-0000-0000-000000000000', {
        inventory: [
          { ...base, table: 'products', subjects: [{ column: 'business_id', role: 'r', via: 'businesses' }] },
          { ...base, table: 'businesses', subjects: [{ column: 'id', role: 'r', via: 'products' }] },
        ],
      }),
      /loop/,
    )
  })
})
