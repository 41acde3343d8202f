import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { base32Decode, base32Encode, totpCode, verifyTotp } from './totp.ts'

describe('TOTP (RFC 6238)', () => {
  // The RFC's SHA-1 test secret, "12345678901234567890", in base32.
  const secret = base32Encode(Buffer.from('12345678901234567890'))

  it('matches the RFC 6238 test vectors (last six digits)', () => {
    assert.equal(secret, 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ')
    assert.equal(totpCode(secret, 59_000), '287082')
    assert.equal(totpCode(secret, 1_111_111_109_000), '081804')
    assert.equal(totpCode(secret, 2_000_000_000_000), '279037')
  })

  it('accepts a code from the previous or next 30-second step and nothing older', () => {
    const now = 1_795_000_000_000
    assert.ok(verifyTotp(secret, totpCode(secret, now - 30_000), now))
    assert.ok(verifyTotp(secret, totpCode(secret, now + 30_000), now))
    assert.equal(verifyTotp(secret, totpCode(secret, now - 90_000), now), false)
    assert.equal(verifyTotp(secret, 'abcdef', now), false)
  })

  it('round-trips base32', () => {
    const bytes = Buffer.from([0, 1, 2, 250, 251, 252, 253, 254, 255, 7])
    assert.deepEqual(base32Decode(base32Encode(bytes)), bytes)
  })
})
