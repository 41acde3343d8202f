import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { buildBusiness, buildProduct } from '#test/factories.ts'
import { useTestApp } from '#test/setup.ts'

function jsonLd(html: string) {
  const match = html.match(/<script type="application\/ld\+json">(.*?)<\/script>/s)
  assert.ok(match, 'the page carries JSON-LD')
  return JSON.parse(match[1]!)
}

describe('structured data and link previews', () => {
  const ctx = useTestApp()

  it('describes a product page as a schema.org Product with an INR offer, and an Open Graph card', async () => {
    const product = await buildProduct(ctx.db, { title: 'Submersible Pump 2 HP', pricePaise: 1_850_000, moq: 2 })
    const page = await ctx.server.inject(`/p/${product.id}/${product.slug}`)
    const data = jsonLd(page.body)
    assert.equal(data['@type'], 'Product')
    assert.equal(data.name, 'Submersible Pump 2 HP')
    assert.deepEqual([data.offers.price, data.offers.priceCurrency, data.offers.eligibleQuantity.minValue], ['18500.00', 'INR', 2])
    assert.equal(data.offers.seller['@type'], 'Organization')
    assert.match(page.body, /<meta property="og:type" content="product"\/?>/)
    assert.match(page.body, /<meta property="og:title" content="Submersible Pump 2 HP"\/?>/)
    assert.match(page.body, /<meta property="og:image" content="http:\/\/[^"]+"\/?>/)
  })

  it('cannot be broken out of by a title that closes the script element', async () => {
    const product = await buildProduct(ctx.db, { title: 'Valve </script><script>alert(1)</script>' })
    const page = await ctx.server.inject(`/p/${product.id}/${product.slug}`)
    assert.doesNotMatch(page.body, /<script>alert\(1\)<\/script>/)
    assert.equal(jsonLd(page.body).name, 'Valve </script><script>alert(1)</script>')
  })

  it('describes a storefront as a schema.org Organization with its GSTIN as tax id', async () => {
    const seller = await buildBusiness(ctx.db, { slug: 'jsonld-valves', legalName: 'JSON LD Valves Pvt Ltd' })
    await buildProduct(ctx.db, { businessId: seller.id })
    const data = jsonLd((await ctx.server.inject('/s/jsonld-valves')).body)
    assert.equal(data['@type'], 'Organization')
    assert.equal(data.taxID, seller.gstin)
    assert.equal(data.address.addressLocality, 'Pune')
  })
})
