import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { normaliseEmail, normalisePhone } from './addresses.ts'

describe('normalisePhone', () => {
  it('writes Indian numbers, however typed, as E.164', () => {
    assert.equal(normalisePhone('09876543210'), '+919876543210')
    assert.equal(normalisePhone('+91 98765 43210'), '+919876543210')
    assert.equal(normalisePhone('98765-43210'), '+919876543210')
    assert.equal(normalisePhone(' +91 (98765) 43210 '), '+919876543210')
  })

  it('keeps numbers from other countries', () => {
    assert.equal(normalisePhone('+44 20 7946 0958'), '+442079460958')
  })

  it('refuses junk with invalid_phone', () => {
    for (const junk of ['12345', 'abc', '', '0000000000', '+91 12345 67890 12']) {
      assert.throws(() => normalisePhone(junk), { code: 'invalid_phone' }, junk)
    }
  })

  it('refuses a landline where a mobile is needed', () => {
    assert.equal(normalisePhone('+91 22 2345 6789'), '+912223456789')
    assert.throws(() => normalisePhone('+91 22 2345 6789', { mobile: true }), { code: 'invalid_phone' })
  })
})

describe('normaliseEmail', () => {
  it('trims and lower-cases the domain only', () => {
    assert.equal(normaliseEmail('  Asha.Verma@Example.IN '), 'Asha.Verma@example.in')
  })

  it('refuses what is not an address with invalid_email', () => {
    for (const junk of ['asha', 'asha@', '@example.in', 'a b@example.in', 'asha@example']) {
      assert.throws(() => normaliseEmail(junk), { code: 'invalid_email' }, junk)
    }
  })
})
