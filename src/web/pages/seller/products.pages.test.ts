import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import * as catalog from '#src/modules/catalog/index.ts'
import { buildProduct } from '#test/factories.ts'
import { visibleText } from '../account/account-pages.test-support.ts'
import { productsPerPage } from './products.pages.tsx'
import { buildSubcategory, signedInSeller, useSellerServer } from './seller-test-support.ts'

// The seller's product table shows 50 products a page, newest change first, with page links.

describe("the seller's product table", () => {
  const ctx = useSellerServer()

  it('shows 50 products a page with page links, and counts all of them', async () => {
    assert.equal(productsPerPage, 50)
    const { browser, seller } = await signedInSeller(ctx)
    const category = await buildSubcategory(ctx.app.db, 'Gate valves')
    const total = 123
    const start = Date.UTC(2026, 0, 1)
    for (let i = 1; i <= total; i++) {
      // Product n changed at minute n: the newest, product 123, comes first.
      await buildProduct(ctx.app.db, {
        businessId: seller.businessId,
        categoryId: category.id,
        title: `Brass gate valve model ${i}`,
        slug: `brass-gate-valve-model-${i}`,
        status: i % 3 === 0 ? 'published' : 'draft',
        updatedAt: new Date(start + i * 60_000),
      })
    }
    const titles = (html: string) =>
      [...html.matchAll(/>Brass gate valve model (\d+)</g)].map((m) => Number(m[1]))

    const first = await browser.get('/seller')
    assert.equal(first.statusCode, 200)
    assert.deepEqual(
      titles(first.body),
      Array.from({ length: 50 }, (_, i) => total - i),
    )
    assert.match(visibleText(first.body), /123 products, 41 published/)
    assert.match(first.body, /<nav class="pagination" aria-label="Product pages">/)
    assert.match(first.body, /href="\/seller\?page=2"[^>]*rel="next"|rel="next"[^>]*href="\/seller\?page=2"/)
    assert.match(first.body, /href="\/seller\?page=3"/)

    const second = await browser.get('/seller?page=2')
    assert.deepEqual(
      titles(second.body),
      Array.from({ length: 50 }, (_, i) => total - 50 - i),
    )
    const third = await browser.get('/seller?page=3')
    assert.deepEqual(
      titles(third.body),
      Array.from({ length: 23 }, (_, i) => 23 - i),
    )
    assert.match(visibleText(third.body), /Your products, 101–123 of 123/)
    // Past the last page: the last page.
    assert.deepEqual(titles((await browser.get('/seller?page=9')).body), titles(third.body))

    const page = await catalog.listOwnProductsPage(ctx.app.db, seller, { page: 2, pageSize: 50 })
    assert.deepEqual([page.total, page.published, page.page, page.pageCount], [123, 41, 2, 3])
  })

  it('has no page links for 50 products or fewer', async () => {
    const { browser, seller } = await signedInSeller(ctx)
    const category = await buildSubcategory(ctx.app.db, 'Ball valves')
    for (let i = 1; i <= 50; i++) {
      await buildProduct(ctx.app.db, { businessId: seller.businessId, categoryId: category.id })
    }
    const res = await browser.get('/seller')
    assert.equal([...res.body.matchAll(/>Centrifugal Monoblock Pump 1 HP</g)].length, 50)
    assert.doesNotMatch(res.body, /class="pagination"/)
  })
})
