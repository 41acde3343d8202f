import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import fc from 'fast-check'
import { gstinCheckCharacter, makeGstin, parseGstin } from './gstin.ts'

describe('GSTIN validation', () => {
  it('accepts real-format GSTINs with a correct check character', () => {
    for (const gstin of ['27AAPFU0939F1ZV', '29AAGCB7383J1Z4', makeGstin('07', 'AAACI1681G')]) {
      const result = parseGstin(gstin)
      assert.equal(result.ok, true, gstin)
    }
  })

  it('derives the state and PAN from the GSTIN', () => {
    const result = parseGstin(' 27aapfu0939f1zv ')
    assert.deepEqual(result, { ok: true, gstin: '27AAPFU0939F1ZV', stateCode: '27', state: 'Maharashtra', pan: 'AAPFU0939F' })
  })

  it('rejects a wrong check character and says so', () => {
    const result = parseGstin('27AAPFU0939F1ZW')
    assert.equal(result.ok, false)
    assert.equal(result.ok === false && result.problem, 'check_digit')
  })

  it('rejects an unknown state code and a malformed number', () => {
    assert.equal(parseGstin(makeGstin('27', 'AAPFU0939F').replace(/^27/, '99')).ok, false)
    assert.deepEqual(
      [parseGstin('27AAPFU0939F1Z').ok, parseGstin('27AAPF00939F1ZV').ok, parseGstin('').ok],
      [false, false, false],
    )
  })

  it('catches every single-character typo in a valid GSTIN', () => {
    const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'
    const valid = '27AAPFU0939F1ZV'
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 13 }), fc.constantFrom(...alphabet), (position, replacement) => {
        fc.pre(valid[position] !== replacement)
        const typo = valid.slice(0, position) + replacement + valid.slice(position + 1)
        const first14 = typo.slice(0, 14)
        return gstinCheckCharacter(first14) !== valid[14]
      }),
    )
  })
})
