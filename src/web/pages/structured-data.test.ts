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

describe('product photos in the public API and pages', () => {
  const ctx = useTestApp()

  it('lists each photo with its absolute URL, shape and every stored width', async () => {
    const { productImages } = await import('#src/modules/catalog/catalog.tables.ts')
    const product = await buildProduct(ctx.db, { title: 'Vertical Inline Pump' })
    await ctx.db.insert(productImages).values({
      productId: product.id,
      pathBase: `products/${product.id}/0123456789abcdef`,
      widths: [320, 640, 1280],
      width: 1600,
      height: 1200,
      alt: 'Pump on a test bench',
    })
    const api = (await ctx.server.inject(`/api/v1/products/${product.id}`)).json()
    const [photo] = api.product.images
    assert.equal(photo.url, `${ctx.app.config.publicUrl}/uploads/products/${product.id}/0123456789abcdef-640.webp`)
    assert.deepEqual([photo.alt, photo.width, photo.height], ['Pump on a test bench', 1600, 1200])
    assert.deepEqual(
      photo.sizes.map((s: { width: number }) => s.width),
      [320, 640, 1280],
    )
    const page = await ctx.server.inject(`/p/${product.id}/${product.slug}`)
    assert.match(page.body, new RegExp(`<img src="/uploads/products/${product.id}/0123456789abcdef-640\\.webp" srcset="`))
    assert.doesNotMatch(page.body, /Illustration only/)
  })
})
