import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { parseGstin } from '#src/shared/gstin.ts'
import { catalogue, compileCatalogue } from './catalogue.ts'
import { cities } from './places.ts'
import { roundPrice } from './products.ts'
import { generateSellers } from './sellers.ts'
import { slugify } from './text.ts'

// First digit of a PIN code by postal zone.
const pinZone: Record<string, string> = {
  Punjab: '1',
  Haryana: '1',
  'Uttar Pradesh': '2',
  Rajasthan: '3',
  Gujarat: '3',
  Maharashtra: '4',
  'Madhya Pradesh': '4',
  Karnataka: '5',
  Telangana: '5',
  'Tamil Nadu': '6',
  'West Bengal': '7',
  Jharkhand: '8',
}

describe('demo vocabulary', () => {
  it('compiles every template: title placeholders name real specs, prices rise with size', () => {
    const subcategories = compileCatalogue()
    assert.equal(
      subcategories.length,
      catalogue.reduce((n, c) => n + c.subcategories.length, 0),
    )
    for (const sub of subcategories) {
      for (const template of sub.templates) {
        assert.ok(template.price[0] > 0 && template.price[0] < template.price[1], sub.slug)
        // A spec with several names (bearing number, bore, OD, width) gives several name/value pairs.
        const pairs = (specs: typeof template.specs) => specs.reduce((n, s) => n + s.names.length, 0)
        assert.ok(pairs(template.specs) <= 6, `${sub.slug} shows at most 6 specs`)
        assert.ok(pairs(template.specs.filter((s) => !s.optional)) >= 3, `${sub.slug} shows at least 3 specs`)
      }
    }
  })

  it('uses unique category slugs', () => {
    const slugs = catalogue.flatMap((c) => [c.slug, ...c.subcategories.map((s) => s.slug)])
    assert.equal(new Set(slugs).size, slugs.length)
  })

  it('puts every city in its own state with PIN codes of that postal zone', () => {
    for (const city of cities) {
      for (const [area, pin] of city.areas) {
        assert.match(pin, /^\d{6}$/, area)
        assert.equal(pin[0], pinZone[city.state], `${area}, ${city.name} ${pin}`)
      }
    }
  })
})

describe('demo sellers', () => {
  const now = new Date('2026-11-01T00:00:00Z')

  it('never repeats a PAN, GSTIN, slug or email, across runs that continue the numbering', () => {
    const sellers = [
      ...generateSellers(1, 0, 3000, catalogue, now),
      ...generateSellers(2, 3000, 3000, catalogue, now),
    ]
    for (const key of ['pan', 'gstin', 'slug', 'email'] as const) {
      assert.equal(new Set(sellers.map((s) => s.business[key])).size, sellers.length, key)
    }
    assert.equal(new Set(sellers.map((s) => s.owner.email)).size, sellers.length)
  })

  it('is deterministic for a seed', () => {
    assert.deepEqual(generateSellers(5, 10, 20, catalogue, now), generateSellers(5, 10, 20, catalogue, now))
  })

  it('derives the GSTIN from the state and a PAN whose 4th letter is the entity type', () => {
    for (const seller of generateSellers(3, 0, 500, catalogue, now)) {
      const parsed = parseGstin(seller.business.gstin)
      assert.ok(parsed.ok && parsed.state === seller.business.state && parsed.pan === seller.business.pan)
      const entity = seller.business.pan[3]
      const isCompany = seller.business.legalName.endsWith('Pvt. Ltd.')
      assert.equal(entity === 'C', isCompany, `${seller.business.legalName} ${seller.business.pan}`)
      // A proprietorship's legal name is its owner's.
      if (entity === 'P') assert.equal(seller.business.legalName, seller.owner.name)
      assert.match(seller.owner.phone, /^\+91[6-9]\d{9}$/)
      assert.match(seller.owner.email, /^[a-z.]+@[a-z0-9-]+\.example$/)
    }
  })
})

describe('demo text helpers', () => {
  it('makes ASCII slugs from titles with inches and ampersands', () => {
    assert.equal(slugify('1/2" SS 316 Ball Valve, PN 16'), '1-2-inch-ss-316-ball-valve-pn-16')
    assert.equal(slugify('Pumps & Valves °C'), 'pumps-and-valves-c')
  })

  it('rounds prices the way listings show them, in whole paise', () => {
    assert.equal(roundPrice(12.34), 1250)
    assert.equal(roundPrice(456.7), 45_700)
    assert.equal(roundPrice(4_563), 456_000)
    assert.equal(roundPrice(123_456), 12_350_000)
    for (const rupees of [0.2, 3.3, 99.99, 999.5, 19_999, 1e7])
      assert.ok(Number.isInteger(roundPrice(rupees)))
  })
})
