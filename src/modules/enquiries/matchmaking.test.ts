import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import fc from 'fast-check'
import { rankSellersForRequirement, responsivenessScore, type SellerCandidate } from './matchmaking.ts'

const requirement = {
  categoryId: 30,
  categoryPath: [1, 10],
  keywords: ['hex bolt', 'M12', 'zinc plated'],
  city: 'Pune',
  state: 'Maharashtra',
  budgetPaisePerUnit: 1500,
  quantity: 5000,
  unit: 'pcs',
}

const seller = (overrides: Partial<SellerCandidate> & { businessId: number }): SellerCandidate => ({
  categoryIds: [30],
  city: 'Ludhiana',
  state: 'Punjab',
  verified: false,
  textScore: 0.7,
  typicalPricePaise: null,
  responsiveness: { enquiries90d: 20, answeredShare: 0.8, medianFirstReplyHours: 6 },
  ...overrides,
})

describe('rankSellersForRequirement', () => {
  it('prefers a nearer, more responsive seller when the text match is equal', () => {
    const far = seller({
      businessId: 1,
      responsiveness: { enquiries90d: 30, answeredShare: 0.4, medianFirstReplyHours: 70 },
    })
    const near = seller({
      businessId: 2,
      city: 'Pune',
      state: 'Maharashtra',
      responsiveness: { enquiries90d: 30, answeredShare: 0.95, medianFirstReplyHours: 2 },
    })
    const ranked = rankSellersForRequirement(requirement, [far, near], { limit: 5 })
    assert.deepEqual(
      ranked.map((m) => m.businessId),
      [2, 1],
    )
  })

  it('ranks same city above same state above elsewhere', () => {
    const ranked = rankSellersForRequirement(
      requirement,
      [
        seller({ businessId: 1 }),
        seller({ businessId: 2, city: 'Nashik', state: 'Maharashtra' }),
        seller({ businessId: 3, city: 'Pune', state: 'Maharashtra' }),
      ],
      { limit: 3 },
    )
    assert.deepEqual(
      ranked.map((m) => m.businessId),
      [3, 2, 1],
    )
  })

  it('excludes sellers outside the category and its parents', () => {
    const ranked = rankSellersForRequirement(
      requirement,
      [
        seller({ businessId: 1, categoryIds: [99] }),
        seller({ businessId: 2, categoryIds: [10] }),
        seller({ businessId: 3 }),
      ],
      { limit: 10 },
    )
    assert.deepEqual(
      ranked.map((m) => m.businessId),
      [3, 2],
    )
    assert.equal(
      ranked[1]!.reasons.find((r) => r.component === 'category')?.text,
      'Sells in a broader category that includes yours',
    )
  })

  it('does not rank a new seller below one who never answers', () => {
    const silent = seller({
      businessId: 1,
      responsiveness: { enquiries90d: 25, answeredShare: 0, medianFirstReplyHours: null },
    })
    const fresh = seller({
      businessId: 2,
      responsiveness: { enquiries90d: 0, answeredShare: 0, medianFirstReplyHours: null },
    })
    assert.deepEqual(
      rankSellersForRequirement(requirement, [silent, fresh], { limit: 2 }).map((m) => m.businessId),
      [2, 1],
    )
  })

  it('scores a newcomer at least as high as any seller with zero replies, however many enquiries', () => {
    const fresh = responsivenessScore({ enquiries90d: 0, answeredShare: 0, medianFirstReplyHours: null })
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 500 }), (n) => {
        assert.ok(
          fresh >= responsivenessScore({ enquiries90d: n, answeredShare: 0, medianFirstReplyHours: null }),
        )
      }),
    )
  })

  it('rewards price within budget over slightly above over far above', () => {
    const ranked = rankSellersForRequirement(
      requirement,
      [
        seller({ businessId: 1, typicalPricePaise: 3000 }),
        seller({ businessId: 2, typicalPricePaise: 1650 }),
        seller({ businessId: 3, typicalPricePaise: 1400 }),
      ],
      { limit: 3 },
    )
    assert.deepEqual(
      ranked.map((m) => m.businessId),
      [3, 2, 1],
    )
  })

  it('explains each contribution so the buyer sees why this supplier', () => {
    const [match] = rankSellersForRequirement(
      requirement,
      [
        seller({
          businessId: 7,
          city: 'pune',
          state: 'maharashtra',
          verified: true,
          typicalPricePaise: 1200,
        }),
      ],
      { limit: 1 },
    )
    assert.deepEqual(match!.reasons.map((r) => r.component).sort(), [
      'category',
      'location',
      'price',
      'responsiveness',
      'text',
      'verified',
    ])
    assert.ok(match!.reasons.some((r) => r.text === 'Verified business'))
    const sum = match!.reasons.reduce((total, r) => total + r.points, 0)
    assert.ok(Math.abs(sum - match!.score) < 0.001)
  })

  it('breaks ties deterministically by business id', () => {
    const twins = [seller({ businessId: 9 }), seller({ businessId: 4 }), seller({ businessId: 6 })]
    assert.deepEqual(
      rankSellersForRequirement(requirement, twins, { limit: 3 }).map((m) => m.businessId),
      [4, 6, 9],
    )
    assert.deepEqual(
      rankSellersForRequirement(requirement, twins.toReversed(), { limit: 3 }).map((m) => m.businessId),
      [4, 6, 9],
    )
  })

  it('rejects a limit outside 1..10', () => {
    for (const limit of [0, 11, 2.5, Number.NaN]) {
      assert.throws(() => rankSellersForRequirement(requirement, [], { limit }), { code: 'invalid_limit' })
    }
  })

  it('never returns more sellers than the limit, nor duplicates', () => {
    const candidate = fc.record({
      businessId: fc.integer({ min: 1, max: 40 }),
      categoryIds: fc.array(fc.constantFrom(1, 10, 30, 99), { maxLength: 3 }),
      city: fc.constantFrom('Pune', 'Nashik', 'Rajkot'),
      state: fc.constantFrom('Maharashtra', 'Gujarat'),
      verified: fc.boolean(),
      textScore: fc.double({ min: 0, max: 1, noNaN: true }),
      typicalPricePaise: fc.option(fc.integer({ min: 1, max: 5000 })),
      responsiveness: fc.record({
        enquiries90d: fc.nat(200),
        answeredShare: fc.double({ min: 0, max: 1, noNaN: true }),
        medianFirstReplyHours: fc.option(fc.double({ min: 0, max: 500, noNaN: true })),
      }),
    })
    fc.assert(
      fc.property(
        fc.array(candidate, { maxLength: 40 }),
        fc.integer({ min: 1, max: 10 }),
        (candidates, limit) => {
          const ranked = rankSellersForRequirement(requirement, candidates, { limit })
          assert.ok(ranked.length <= limit)
          assert.equal(new Set(ranked.map((m) => m.businessId)).size, ranked.length)
          for (let i = 1; i < ranked.length; i++) assert.ok(ranked[i - 1]!.score >= ranked[i]!.score)
        },
      ),
    )
  })
})
