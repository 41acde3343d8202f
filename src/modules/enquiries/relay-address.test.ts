import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import fc from 'fast-check'
import { parseRelayAddress, relayAddress } from './relay-address.ts'

const key = { secretKey: 'test-secret-key-that-is-long-enough-000', domain: 'relay.example.in' }
const enquiryId = '3f2b8c1e-9a4d-4e7b-b1c2-0d9e8f7a6b5c'
const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567'

describe('relay addresses', () => {
  it('mints a lower-case address with a short local part and parses it back', () => {
    const address = relayAddress({ enquiryId, party: 'buyer' }, key)
    assert.match(address, /^e-[a-z2-7]+@relay\.example\.in$/)
    assert.ok(address.split('@')[0]!.length <= 64)
    assert.deepEqual(parseRelayAddress(address, key), { enquiryId, party: 'buyer' })
  })

  it('gives the buyer and the seller different addresses for the same enquiry', () => {
    const buyer = relayAddress({ enquiryId, party: 'buyer' }, key)
    const seller = relayAddress({ enquiryId, party: 'seller' }, key)
    assert.notEqual(buyer, seller)
    assert.equal(parseRelayAddress(seller, key)?.party, 'seller')
  })

  it('survives mail systems that upper-case or wrap the address', () => {
    const address = relayAddress({ enquiryId, party: 'seller' }, key)
    assert.deepEqual(parseRelayAddress(` <${address.toUpperCase()}> `, key), { enquiryId, party: 'seller' })
  })

  it('rejects another domain, another key, and malformed input', () => {
    const address = relayAddress({ enquiryId, party: 'buyer' }, key)
    assert.equal(parseRelayAddress(address.replace('relay.example.in', 'relay.example.com'), key), null)
    assert.equal(parseRelayAddress(address, { ...key, secretKey: 'x'.repeat(40) }), null)
    for (const bad of [
      '',
      'e-@relay.example.in',
      'someone@relay.example.in',
      'e-abc@relay.example.in',
      'no-at-sign',
    ]) {
      assert.equal(parseRelayAddress(bad, key), null, bad)
    }
  })

  it('keeps parsing addresses minted under a rotated-out key', () => {
    const old = { ...key, secretKey: 'an-old-secret-key-that-was-rotated-out-0' }
    const address = relayAddress({ enquiryId, party: 'buyer' }, old)
    assert.equal(parseRelayAddress(address, key), null)
    assert.deepEqual(parseRelayAddress(address, { ...key, previousSecretKeys: [old.secretKey] }), {
      enquiryId,
      party: 'buyer',
    })
  })

  it('refuses a non-UUID enquiry id and a short key', () => {
    assert.throws(() => relayAddress({ enquiryId: '42', party: 'buyer' }, key), {
      code: 'invalid_enquiry_id',
    })
    assert.throws(() => relayAddress({ enquiryId, party: 'buyer' }, { ...key, secretKey: 'short' }), {
      code: 'weak_relay_key',
    })
  })

  it('round-trips any UUID and either party', () => {
    fc.assert(
      fc.property(fc.uuid(), fc.constantFrom('buyer' as const, 'seller' as const), (id, party) => {
        assert.deepEqual(parseRelayAddress(relayAddress({ enquiryId: id, party }, key), key), {
          enquiryId: id.toLowerCase(),
          party,
        })
      }),
    )
  })

  it('rejects any single-character change to the address', () => {
    fc.assert(
      fc.property(
        fc.uuid(),
        fc.constantFrom('buyer' as const, 'seller' as const),
        fc.nat(),
        fc.constantFrom(...`${BASE32}-@.x0189`),
        (id, party, position, replacement) => {
          const address = relayAddress({ enquiryId: id, party }, key)
          const at = position % address.length
          fc.pre(address[at] !== replacement)
          const altered = address.slice(0, at) + replacement + address.slice(at + 1)
          assert.equal(parseRelayAddress(altered, key), null, altered)
        },
      ),
      { numRuns: 500 },
    )
  })
})
