import assert from 'node:assert/strict'
import { before, describe, it } from 'node:test'
import * as catalog from '#src/modules/catalog/index.ts'
import { buildSubcategory, signedInSeller, useSellerServer } from '../pages/seller/seller-test-support.ts'

// Products' tax fields and stock through PATCH /api/v1/seller/products/:id (issue 13).

describe('seller API: stock, HSN code and GST rate', () => {
  const ctx = useSellerServer()
  let categoryId: number
  before(async () => {
    categoryId = (await buildSubcategory(ctx.app.db, 'Monoblock pumps')).id
  })

  async function draft() {
    const { seller } = await signedInSeller(ctx)
    const { key } = await catalog.createApiKey(ctx.app.db, seller, 'ERP')
    const headers = { authorization: `Bearer ${key}` }
    const created = await ctx.server.inject({
      method: 'POST',
      url: '/api/v1/seller/products',
      headers,
      payload: { title: 'Monoblock pump 1 HP single phase', categoryId, unit: 'piece', price: 7850 },
    })
    assert.equal(created.statusCode, 201, created.body)
    const product = created.json()
    assert.equal(product.hsnCode, null)
    assert.equal(product.gstRatePercent, null)
    return { id: product.id as number, headers }
  }

  it('sets, changes and clears stock, HSN code and GST rate', async () => {
    const { id, headers } = await draft()
    const patch = (payload: Record<string, unknown>) =>
      ctx.server.inject({ method: 'PATCH', url: `/api/v1/seller/products/${id}`, headers, payload })
    const set = await patch({ stock: 12, hsnCode: '8413 70 10', gstRatePercent: 18 })
    assert.equal(set.statusCode, 200, set.body)
    assert.equal(set.json().stock, 12)
    assert.equal(set.json().hsnCode, '84137010')
    assert.equal(set.json().gstRatePercent, 18)
    const zero = await patch({ gstRatePercent: 0, hsnCode: '8413' })
    assert.equal(zero.json().gstRatePercent, 0)
    assert.equal(zero.json().hsnCode, '8413')
    assert.equal(zero.json().stock, 12, 'fields not sent stay as they were')
    const cleared = await patch({ stock: null, hsnCode: null, gstRatePercent: null })
    assert.equal(cleared.statusCode, 200)
    assert.deepEqual(
      [cleared.json().stock, cleared.json().hsnCode, cleared.json().gstRatePercent],
      [null, null, null],
    )
  })

  it('refuses a bad stock, HSN code and GST rate at once, naming each, and changes nothing', async () => {
    const { id, headers } = await draft()
    const refused = await ctx.server.inject({
      method: 'PATCH',
      url: `/api/v1/seller/products/${id}`,
      headers,
      payload: { stock: -1, hsnCode: '84137', gstRatePercent: 15 },
    })
    assert.equal(refused.statusCode, 400)
    const { error } = refused.json()
    assert.match(error.message, /stock/)
    assert.match(error.message, /HSN code/)
    assert.match(error.message, /GST rate must be 0, 5, 12, 18 or 28/)
    const after = await ctx.server.inject({ url: `/api/v1/seller/products/${id}`, headers })
    assert.deepEqual(
      [after.json().stock, after.json().hsnCode, after.json().gstRatePercent],
      [null, null, null],
    )
    for (const payload of [
      { hsnCode: 8413 },
      { gstRatePercent: 'eighteen' },
      { gstRatePercent: 18.5 },
      { stock: 2.5 },
    ]) {
      const response = await ctx.server.inject({
        method: 'PATCH',
        url: `/api/v1/seller/products/${id}`,
        headers,
        payload,
      })
      assert.equal(response.statusCode, 400, JSON.stringify(payload))
    }
  })
})
