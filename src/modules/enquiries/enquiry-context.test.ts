import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, it } from 'node:test'
import { loadConfig } from '../../config.ts'
import { relayKeyFromSecrets } from './enquiry-context.ts'
import { parseRelayAddress, relayAddress } from './relay-address.ts'

const dataDir = () => mkdtempSync(path.join(tmpdir(), 'mandi-relay-'))
const oldKey = 'o'.repeat(40)
const newKey = 'n'.repeat(40)

describe('relay keys across a SECRET_KEY rotation', () => {
  it('keeps addresses minted under the old SECRET_KEY working once it is listed as previous', () => {
    const enquiryId = randomUUID()
    const before = relayKeyFromSecrets(oldKey, [], 'relay.example.in')
    const address = relayAddress({ enquiryId, party: 'buyer' }, before)
    assert.equal(parseRelayAddress(address, relayKeyFromSecrets(newKey, [], 'relay.example.in')), null)
    assert.deepEqual(parseRelayAddress(address, relayKeyFromSecrets(newKey, [oldKey], 'relay.example.in')), {
      enquiryId,
      party: 'buyer',
    })
  })

  it('never signs relay addresses with SECRET_KEY itself', () => {
    assert.notEqual(relayKeyFromSecrets(oldKey, [], 'relay.example.in').secretKey, oldKey)
  })

  it('reads PREVIOUS_SECRET_KEYS as a comma-separated list and refuses short keys', () => {
    const config = loadConfig({ DATA_DIR: dataDir(), PREVIOUS_SECRET_KEYS: ` ${oldKey} ,${newKey}` })
    assert.deepEqual(config.previousSecretKeys, [oldKey, newKey])
    assert.throws(
      () => loadConfig({ DATA_DIR: dataDir(), PREVIOUS_SECRET_KEYS: 'short' }),
      /PREVIOUS_SECRET_KEYS/,
    )
  })
})
