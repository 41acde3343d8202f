import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { amountInWords, numberInWords } from './amount-in-words.ts'

describe('amounts in words', () => {
  it('reads rupees and paise with lakh and crore', () => {
    assert.equal(
      amountInWords(12_345_678_50),
      'Rupees One Crore Twenty-Three Lakh Forty-Five Thousand Six Hundred Seventy-Eight and Fifty Paise Only',
    )
  })

  it('handles zero, a single paisa and paise alone', () => {
    assert.equal(amountInWords(0), 'Rupees Zero Only')
    assert.equal(amountInWords(1), 'One Paisa Only')
    assert.equal(amountInWords(99), 'Ninety-Nine Paise Only')
    assert.equal(amountInWords(100), 'Rupees One Only')
    assert.equal(amountInWords(101), 'Rupees One and One Paisa Only')
  })

  it('reads exact thousands, lakhs and crores without trailing zeros', () => {
    assert.equal(amountInWords(1_000_00), 'Rupees One Thousand Only')
    assert.equal(amountInWords(1_00_000_00), 'Rupees One Lakh Only')
    assert.equal(amountInWords(25_00_000_00), 'Rupees Twenty-Five Lakh Only')
    assert.equal(amountInWords(1_00_00_000_00), 'Rupees One Crore Only')
    assert.equal(amountInWords(1_00_10_005_00), 'Rupees One Crore Ten Thousand Five Only')
    assert.equal(amountInWords(7_00_00_100_05), 'Rupees Seven Crore One Hundred and Five Paise Only')
  })

  it('reads the largest nine-digit amount and beyond 99 crore', () => {
    assert.equal(
      amountInWords(99_99_99_999_00),
      'Rupees Ninety-Nine Crore Ninety-Nine Lakh Ninety-Nine Thousand Nine Hundred Ninety-Nine Only',
    )
    assert.equal(numberInWords(1_00_00_00_000), 'One Hundred Crore')
    assert.equal(numberInWords(1_00_000_00_00_000), 'One Lakh Crore')
  })

  it('spells the teens and the tens with hyphens only where English puts them', () => {
    assert.deepEqual([11, 19, 20, 21, 40, 99, 110, 115].map(numberInWords), [
      'Eleven',
      'Nineteen',
      'Twenty',
      'Twenty-One',
      'Forty',
      'Ninety-Nine',
      'One Hundred Ten',
      'One Hundred Fifteen',
    ])
  })

  it('refuses negative or fractional paise', () => {
    assert.throws(() => amountInWords(-1), RangeError)
    assert.throws(() => amountInWords(1.5), RangeError)
  })
})
