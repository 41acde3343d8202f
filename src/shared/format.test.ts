import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { formatDate, formatNumber, formatQuantity, formatRupees, withFullStop } from './format.ts'

describe('formatRupees', () => {
  it('groups lakhs and crores the Indian way', () => {
    assert.equal(formatRupees(12_500_000), '₹1,25,000')
    assert.equal(formatRupees(1_234_567_800), '₹1,23,45,678')
  })

  it('drops .00 for whole rupees and keeps paise otherwise', () => {
    assert.equal(formatRupees(785_000), '₹7,850')
    assert.equal(formatRupees(785_050), '₹7,850.50')
    assert.equal(formatRupees(5), '₹0.05')
    assert.equal(formatRupees(0), '₹0')
  })

  it('refuses fractions of a paisa', () => {
    assert.throws(() => formatRupees(10.5), RangeError)
  })
})

describe('formatDate', () => {
  it('writes day, short month and year', () => {
    assert.equal(formatDate(new Date('2026-11-25T10:00:00Z')), '25 Nov 2026')
    assert.equal(formatDate(new Date('2026-09-03T10:00:00Z')), '3 Sep 2026')
  })

  it('uses Indian Standard Time, so a late UTC evening is already the next day', () => {
    assert.equal(formatDate(new Date('2026-11-24T20:00:00Z')), '25 Nov 2026')
  })
})

describe('formatNumber and formatQuantity', () => {
  it('groups thousands as Indians read them', () => {
    assert.equal(formatNumber(1_234_567), '12,34,567')
  })

  it('pluralises spelled-out units only', () => {
    assert.equal(formatQuantity(2, 'piece'), '2 pieces')
    assert.equal(formatQuantity(1, 'piece'), '1 piece')
    assert.equal(formatQuantity(10, 'box'), '10 boxes')
    assert.equal(formatQuantity(500, 'kg'), '500 kg')
    assert.equal(formatQuantity(1000, 'nos'), '1,000 nos')
    assert.equal(formatQuantity(5, 'box of 10'), '5 boxes of 10')
    assert.equal(formatQuantity(1, 'box of 10'), '1 box of 10')
  })
})

describe('withFullStop', () => {
  it('ends a sentence after a name once, even when the name ends in an abbreviation', () => {
    assert.equal(withFullStop('Kaveri Pumps'), 'Kaveri Pumps.')
    assert.equal(withFullStop('Kaveri Pumps Pvt. Ltd.'), 'Kaveri Pumps Pvt. Ltd.')
    assert.equal(withFullStop('Who? '), 'Who?')
  })
})
