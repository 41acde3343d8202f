import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import fc from 'fast-check'
import { safeNext } from './safe-next.ts'

describe('safeNext', () => {
  it('keeps a path on this site, query included', () => {
    assert.equal(safeNext('/search?q=ball%20valve&page=2'), '/search?q=ball%20valve&page=2')
    assert.equal(safeNext('/account/enquiries/1'), '/account/enquiries/1')
  })

  it('falls back for other sites, junk, loops and anything a Location header cannot carry', () => {
    for (const value of [
      undefined,
      ['/a'],
      '',
      'account',
      '//evil.example',
      '/\\evil.example',
      '/a\\b',
      'https://evil.example/',
      'javascript:alert(1)',
      '/€',
      '/\u0001',
      '/a\r\nSet-Cookie: x=1',
      '/a b',
      '/\ud800',
      `/${'a'.repeat(600)}`,
      '/account/sign-in?next=/account',
      '/account/sign-out',
    ]) {
      assert.equal(safeNext(value), '/', JSON.stringify(value))
      assert.equal(safeNext(value, '/account'), '/account')
    }
  })

  it('returns only printable-ASCII same-site paths, whatever it is given', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.webPath(), fc.webUrl()), (value) => {
        const next = safeNext(value)
        assert.match(next, /^\/(?![/\\])[\x21-\x7e]*$/)
        assert.ok(next === '/' || next === value)
      }),
      { numRuns: 300 },
    )
  })
})
