import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { bigintId, findUnsafeText, INT4_MAX, int4, isUuid, unsafeTextReason, uuidId } from './validation.ts'

describe('input checks for what the database can hold', () => {
  it('int4 bounds numbers to an integer column, from JSON or (coerced) from text', () => {
    assert.equal(int4().safeParse(INT4_MAX).success, true)
    assert.equal(int4().safeParse(INT4_MAX + 1).success, false)
    assert.equal(int4().safeParse(-(2 ** 31) - 1).success, false)
    assert.equal(int4().safeParse('5').success, false)
    assert.equal(int4({ coerce: true }).safeParse('2147483648').success, false)
    assert.equal(int4({ coerce: true, min: 1 }).parse('42'), 42)
    assert.equal(int4({ coerce: true, min: 1 }).safeParse('0').success, false)
    assert.equal(int4({ max: 10 }).safeParse(11).success, false)
    assert.equal(int4().safeParse(1.5).success, false)
  })

  it('bigintId takes positive safe integers only', () => {
    assert.equal(bigintId({ coerce: true }).parse('9007199254740991'), Number.MAX_SAFE_INTEGER)
    for (const bad of ['9007199254740992', '0', '-1', '1.5', 'abc', '1e400']) {
      assert.equal(bigintId({ coerce: true }).safeParse(bad).success, false, bad)
    }
  })

  it('UUIDs are checked exactly: 8-4-4-4-12 hex digits', () => {
    assert.ok(isUuid('0b7f6c1e-2f0a-4c55-9d1e-2a1f0c3b4d5e'))
    assert.ok(isUuid('0B7F6C1E-2F0A-4C55-9D1E-2A1F0C3B4D5E'))
    for (const bad of [
      '-'.repeat(36),
      '0b7f6c1e2f0a4c559d1e2a1f0c3b4d5e',
      '{0b7f6c1e-2f0a-4c55-9d1e-2a1f0c3b4d5e}',
      'g'.repeat(36),
    ]) {
      assert.equal(isUuid(bad), false, bad)
      assert.equal(uuidId().safeParse(bad).success, false)
    }
  })

  it('finds NUL characters and lone surrogates in values and keys, at any depth', () => {
    assert.equal(unsafeTextReason('plain text, ₹ and 🔩'), null)
    assert.match(unsafeTextReason('a\u0000b') ?? '', /NUL/)
    assert.match(unsafeTextReason('x\ud800') ?? '', /not valid Unicode/)
    assert.deepEqual(findUnsafeText({ a: ['ok', { b: 'x\udfff' }] }), {
      path: 'a.1.b',
      reason: 'contains text that is not valid Unicode',
    })
    assert.equal(findUnsafeText({ 'k\u0000': 'v' })?.path, 'a field name')
    assert.equal(findUnsafeText({ a: 1, b: null, c: [true] }), null)
  })
})
