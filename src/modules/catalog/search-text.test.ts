import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { adjacentSwaps, parseSearchText } from './search-text.ts'

describe('parseSearchText', () => {
  it('matches the last word as a prefix while the buyer is still typing it', () => {
    assert.deepEqual(parseSearchText('ball val'), {
      websearch: 'ball',
      prefix: 'val',
      transposed: '(ball | abll | blal) & val',
    })
  })

  it('treats a finished word (trailing space) as a whole word', () => {
    assert.equal(parseSearchText('ball valve ').prefix, null)
    assert.equal(parseSearchText('ball valve ').websearch, 'ball valve')
  })

  it('keeps web-search syntax intact: quotes, negation and OR', () => {
    assert.equal(parseSearchText('"gate valve"').prefix, null)
    assert.equal(parseSearchText('valve -brass').prefix, null)
    assert.equal(parseSearchText('pump or motor').prefix, null)
  })

  it("drops minus signs that negate nothing: 32 in a row overflow PostgreSQL 15's tsquery parser", () => {
    assert.equal(parseSearchText('-'.repeat(40)).websearch, '')
    assert.equal(parseSearchText(`${'- '.repeat(40)}pump `).websearch, 'pump')
    assert.equal(parseSearchText('-( '.repeat(40)).websearch, '')
    assert.equal(parseSearchText('valve ---brass ').websearch, 'valve -brass')
    assert.equal(parseSearchText('valve -"gate" x-ray ').websearch, 'valve -"gate" x-ray')
  })

  it('offers swapped-letter alternatives for longer words only', () => {
    assert.equal(parseSearchText('vlave 25').transposed, '(vlave | lvave | valve | vlvae | vlaev) & 25')
  })

  it('gives no query for punctuation only', () => {
    assert.deepEqual(parseSearchText(' !! '), { websearch: '!!', prefix: null, transposed: null })
  })
})

describe('adjacentSwaps', () => {
  it('skips swaps of a doubled letter, which change nothing', () => {
    assert.deepEqual(adjacentSwaps('ball'), ['ball', 'abll', 'blal'])
  })
})
