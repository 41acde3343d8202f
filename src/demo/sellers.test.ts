import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { normalisePhone } from '#src/modules/messaging/index.ts'
import { catalogue } from './catalogue.ts'
import { generateSellers } from './sellers.ts'

describe('demo seller phone numbers', () => {
  const now = new Date('2026-11-01T00:00:00Z')

  it('are mobile numbers the SMS outbox accepts, for owners and businesses alike', () => {
    const landlines: string[] = []
    for (const seller of generateSellers(1, 0, 1500, catalogue, now)) {
      for (const phone of [seller.owner.phone, seller.business.phone]) {
        assert.match(phone, /^\+91[6-9]\d{9}$/)
        try {
          assert.equal(normalisePhone(phone, { mobile: true }), phone)
        } catch {
          landlines.push(phone)
        }
      }
    }
    assert.deepEqual(landlines, [])
  })

  it('stay deterministic for a seed', () => {
    const phones = (seed: number) =>
      generateSellers(seed, 0, 200, catalogue, now).map((s) => [s.owner.phone, s.business.phone])
    assert.deepEqual(phones(7), phones(7))
    assert.notDeepEqual(phones(7), phones(8))
  })
})
