import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { catalogue, compileCatalogue } from './catalogue.ts'
import { createProductStream } from './products.ts'
import { generateSellers } from './sellers.ts'

// What a buyer reads in the demo catalogue has none of the generator's slips: a "None" value
// spliced into a sentence ("… with None Tank"), a word twice in a row ("Brass Brass"), a space
// before a comma ("Rajkot , Gujarat") or a doubled full stop ("Pvt. Ltd..").

const slips: { name: string; pattern: RegExp }[] = [
  { name: '"None" in running text', pattern: /\bNone\b/ },
  { name: 'a word twice in a row', pattern: /\b(\p{L}[\p{L}-]*)\s+\1\b/iu },
  { name: 'a space before a comma or full stop', pattern: /\s[,.;:](?!\d)/ },
  { name: 'a doubled full stop', pattern: /\.\.|\.\s+\./ },
  { name: 'doubled spaces', pattern: / {2}/ },
]

function findSlips(where: string, text: string, found: string[]) {
  for (const slip of slips) {
    if (slip.pattern.test(text)) found.push(`${slip.name} in ${where}: ${JSON.stringify(text)}`)
  }
}

describe('demo catalogue text', () => {
  const now = new Date('2026-11-01T00:00:00Z')
  const sellers = [
    ...generateSellers(1, 0, 1500, catalogue, now),
    ...generateSellers(7, 1500, 1500, catalogue, now),
  ]

  it('has no slips in the sellers: names, descriptions, addresses, "city, state"', () => {
    const found: string[] = []
    for (const { business, owner } of sellers) {
      findSlips('owner name', owner.name, found)
      findSlips('legal name', business.legalName, found)
      findSlips('trade name', business.tradeName, found)
      findSlips('description', business.description, found)
      findSlips('address', business.addressLine1, found)
      findSlips('place', `${business.city}, ${business.state}`, found)
      findSlips(
        'full address',
        `${business.addressLine1}, ${business.city}, ${business.state} ${business.pin}`,
        found,
      )
    }
    assert.deepEqual(found.slice(0, 20), [])
  })

  it('has no slips in 30,000 products: titles, descriptions and specifications', () => {
    const subcategories = compileCatalogue()
    const categoryIds = new Map(subcategories.map((s, i) => [s.slug, i + 1]))
    const stream = createProductStream({
      seed: 20_261,
      offset: 0,
      sellers: sellers.map((s, i) => ({
        id: i + 1,
        city: s.business.city,
        businessType: s.business.businessType,
        sells: s.sells,
        weight: s.weight,
      })),
      subcategories,
      categoryIds,
      now,
    })
    const found: string[] = []
    for (let i = 0; i < 30_000 && found.length < 20; i++) {
      const product = stream.next()
      findSlips('title', product.title, found)
      findSlips('description', product.description, found)
      for (const spec of product.specs) findSlips(`spec ${spec.name}`, `${spec.name}: ${spec.value}`, found)
    }
    assert.deepEqual(found, [])
  })

  it('the checks catch each slip the issue reported', () => {
    for (const text of [
      'Hydropneumatic Pressure Booster System with None Tank',
      'Brass Brass Ball Valve',
      'Rajkot , Gujarat',
      'Sundaram Pumps Pvt. Ltd.. We make pumps.',
    ]) {
      const found: string[] = []
      findSlips('example', text, found)
      assert.equal(found.length > 0, true, text)
    }
  })
})
