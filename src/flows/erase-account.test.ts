import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { eq } from 'drizzle-orm'
import { users } from '#src/modules/accounts/accounts.tables.ts'
import { enquiries, enquiryMessages } from '#src/modules/enquiries/enquiries.tables.ts'
import * as privacy from '#src/modules/privacy/index.ts'
import type { AppError } from '#src/shared/errors.ts'
import { buildEnquiry } from '#test/enquiry-factories.ts'
import { testDatabaseKind, useTestDb } from '#test/setup.ts'
import { eraseAccount, erasurePlan, requestErasure, runPendingErasures } from './erase-account.ts'

const deps = {
  secretKey: 'test-secret-key-that-is-long-enough-for-signing',
  publicUrl: 'https://mandi.example',
}

describe(`eraseAccount (${testDatabaseKind})`, () => {
  const ctx = useTestDb()

  it('plans from the inventory: legal holds name their reason and term, and nothing is both erased and held', () => {
    const plan = erasurePlan()
    const gstin = plan.held.find((h) => /GSTIN/.test(h.description))
    assert.ok(gstin, 'the GSTIN is held')
    assert.match(gstin.reason!, /Legal and tax obligations/)
    assert.ok(gstin.until!.length > 3)
    assert.ok(plan.erased.some((e) => /phone/i.test(e.description)))
    assert.ok(plan.replaced.some((e) => /email/i.test(e.description)))
    const held = new Set(plan.held.map((h) => h.description))
    assert.deepEqual(
      plan.erased.filter((e) => held.has(e.description)),
      [],
    )
  })

  it('keeps one pending erasure per person when twenty requests arrive at once', async () => {
    const { buyer } = await buildEnquiry(ctx.db)
    const requests = await Promise.all(
      Array.from({ length: 20 }, () => privacy.createErasureRequest(ctx.db, buyer.id)),
    )
    assert.equal(new Set(requests.map((r) => r.id)).size, 1)
    assert.equal(requests[0]!.status, 'pending')
    assert.ok(await eraseAccount(ctx.db, requests[0]!.id), 'the one request runs (and leaves none pending)')
  })

  it('a seller’s erasure leaves the buyer’s enquiry as it was; the buyer’s erasure clears their words', async () => {
    const { enquiry, buyer, seller } = await buildEnquiry(ctx.db)
    await ctx.db.insert(enquiryMessages).values([
      { enquiryId: enquiry.id, author: 'buyer', authorUserId: buyer.id, body: 'Can you deliver by May?' },
      { enquiryId: enquiry.id, author: 'seller', authorUserId: seller.owner.id, body: 'Yes, by 10 May.' },
    ])

    const sellerRequest = await privacy.createErasureRequest(ctx.db, seller.owner.id)
    assert.ok(await eraseAccount(ctx.db, sellerRequest.id))
    const [afterSeller] = await ctx.db.select().from(enquiries).where(eq(enquiries.id, enquiry.id))
    assert.equal(afterSeller!.message, enquiry.message, 'the buyer’s message stays')
    const bodies = async () =>
      (await ctx.db.select().from(enquiryMessages).where(eq(enquiryMessages.enquiryId, enquiry.id))).map(
        (m) => [m.author, m.body],
      )
    assert.deepEqual(
      (await bodies()).filter(([a]) => a !== 'system'),
      [
        ['buyer', 'Can you deliver by May?'],
        ['seller', ''],
      ],
      'only the seller’s own words went',
    )

    const buyerRequest = await privacy.createErasureRequest(ctx.db, buyer.id)
    assert.equal(await runPendingErasures(ctx.db), 1)
    const [afterBuyer] = await ctx.db.select().from(enquiries).where(eq(enquiries.id, enquiry.id))
    assert.equal(afterBuyer!.message, '')
    assert.equal(afterBuyer!.deliveryCity, null)
    const [person] = await ctx.db.select().from(users).where(eq(users.id, buyer.id))
    assert.equal(person!.name, 'Erased user')
    assert.equal(person!.email, `erased-${buyerRequest.pseudonym}@erased.invalid`)
    assert.equal(person!.phone, null)
    assert.deepEqual(person!.roles, [])
  })

  it('keeps one pending request per person, and reports the box and the password together', async () => {
    const { buyer } = await buildEnquiry(ctx.db)
    const first = await privacy.createErasureRequest(ctx.db, buyer.id)
    const second = await privacy.createErasureRequest(ctx.db, buyer.id)
    assert.equal(second.id, first.id)

    await assert.rejects(
      requestErasure(ctx.db, deps, buyer.id, {}, { confirm: 'Tick the box.' }),
      (error: AppError) => {
        assert.equal(error.code, 'step_up_required')
        assert.deepEqual(Object.keys(error.fields ?? {}).sort(), ['confirm', 'password'])
        return true
      },
    )
  })

  it('records a failure on the request, and a done request is not run again', async () => {
    const request = await privacy.createErasureRequest(ctx.db, '00000000-0000-4000-8000-000000000001')
    await assert.rejects(eraseAccount(ctx.db, request.id), /no longer exists|account/)
    assert.equal((await privacy.findErasureRequest(ctx.db, request.id))!.status, 'failed')
    assert.equal(await eraseAccount(ctx.db, request.id), null)
  })
})
