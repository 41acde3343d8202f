import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { createUnsubscribeToken, unsubscribeUrl, verifyUnsubscribeToken } from './unsubscribe.ts'

const secret = 'test-secret-key-that-is-long-enough-for-signing'
const userId = '3f2b8c1e-9a4d-4e6f-8b7a-1c2d3e4f5a6b'

describe('unsubscribe tokens', () => {
  it('name the account they were made for', () => {
    assert.equal(verifyUnsubscribeToken(secret, createUnsubscribeToken(secret, userId)), userId)
    assert.match(
      unsubscribeUrl('https://mandi.example/', secret, userId),
      /^https:\/\/mandi\.example\/unsubscribe\/[\w-]+\.[\w-]+$/,
    )
  })

  it('cannot be forged for another account or made with another key', () => {
    const token = createUnsubscribeToken(secret, userId)
    const [, mac] = token.split('.')
    const other = createUnsubscribeToken(secret, '00000000-0000-4000-8000-000000000000').split('.')[0]
    assert.equal(verifyUnsubscribeToken(secret, `${other}.${mac}`), null)
    assert.equal(verifyUnsubscribeToken('another-secret-key-that-is-long-enough', token), null)
    for (const junk of ['', '.', 'abc', `${token}x`, token.replace('.', '')]) {
      assert.equal(verifyUnsubscribeToken(secret, junk), null, junk)
    }
  })
})
