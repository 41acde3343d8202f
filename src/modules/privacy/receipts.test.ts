import assert from 'node:assert/strict'
import { generateKeyPairSync } from 'node:crypto'
import { describe, it } from 'node:test'
import { type ConsentReceiptClaims, createReceiptSigner, receiptToken, verifyReceipt } from './receipts.ts'

const pem = () =>
  generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString()

const claims: ConsentReceiptClaims = {
  jti: '8b5f7a2e-1c3d-4e5f-9a0b-112233445566',
  iss: 'https://mandi.example',
  sub: '0f0e0d0c-0b0a-4909-8807-060504030201',
  iat: 1_795_000_000,
  controller: { name: 'Mandi Marketplace', grievanceEmail: 'grievance@mandi.example' },
  purpose: {
    code: 'marketing_email',
    title: 'Offers by email',
    description: 'Occasional mail about offers.',
  },
  policyVersion: '2026-11-25',
  channel: 'web',
}

describe('consent receipts', () => {
  const signer = createReceiptSigner(pem())

  it('verify with the published public key and give back the claims', () => {
    const token = signer.sign(claims)
    assert.deepEqual(verifyReceipt(token, signer.publicJwk), { valid: true, claims })
  })

  it('fail when a single claim is changed', () => {
    const [header, , signature] = signer.sign(claims).split('.')
    const forged = Buffer.from(
      JSON.stringify({ ...claims, purpose: { ...claims.purpose, code: 'analytics' } }),
    ).toString('base64url')
    const check = verifyReceipt(`${header}.${forged}.${signature}`, signer.publicJwk)
    assert.deepEqual(check, { valid: false, reason: 'signature does not match' })
  })

  it('fail when the signature is altered or made with another key', () => {
    const token = signer.sign(claims)
    const flipped = token.slice(0, -2) + (token.endsWith('AA') ? 'BB' : 'AA')
    assert.equal(verifyReceipt(flipped, signer.publicJwk).valid, false)
    const other = createReceiptSigner(pem())
    assert.equal(verifyReceipt(other.sign(claims), signer.publicJwk).valid, false)
    assert.equal(
      verifyReceipt(other.sign(claims), { ...signer.publicJwk, kid: undefined } as never).valid,
      false,
    )
  })

  it('reject garbage without throwing', () => {
    assert.equal(verifyReceipt('not-a-receipt', signer.publicJwk).valid, false)
    assert.equal(verifyReceipt('a.b.c', signer.publicJwk).valid, false)
  })

  it('publish an Ed25519 public key with a stable key id', () => {
    assert.equal(signer.publicJwk.kty, 'OKP')
    assert.equal(signer.publicJwk.crv, 'Ed25519')
    assert.equal(signer.publicJwk.kid.length, 16)
    assert.equal(
      JSON.stringify(signer.publicJwk).includes('"d"'),
      false,
      'the private part is never published',
    )
  })
})

describe('reading a receipt as a person pastes or uploads it', () => {
  it('finds the compact JWS in the downloaded JSON file, a JSON string, or on its own', () => {
    const token = 'aGVhZA.Y2xhaW1z.c2ln'
    const file = JSON.stringify(
      { receipt: token, format: 'Compact JWS (RFC 7515), signed with Ed25519' },
      null,
      2,
    )
    assert.equal(receiptToken(file), token)
    assert.equal(receiptToken(`\uFEFF${file}\n`), token)
    assert.equal(receiptToken(JSON.stringify(token)), token)
    assert.equal(receiptToken(`  ${token}\n`), token)
    assert.equal(receiptToken('{ not json'), '{ not json')
    assert.equal(receiptToken('{"receipt": 5}'), '{"receipt": 5}')
  })
})
