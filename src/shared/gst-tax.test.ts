import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import fc from 'fast-check'
import { makeGstin } from './gstin.ts'
import {
  GST_RATES,
  invoiceTotals,
  isGstStateCode,
  isIntraState,
  lineTax,
  parseHsn,
  stateCodeOfGstin,
  stateTaxName,
} from './gst-tax.ts'

const maharashtraToMaharashtra = { sellerStateCode: '27', placeOfSupplyStateCode: '27' } as const
const maharashtraToKarnataka = { sellerStateCode: '27', placeOfSupplyStateCode: '29' } as const

describe('GST on an invoice line', () => {
  it('splits the rate into CGST and SGST when seller and place of supply are in one state', () => {
    // 3 × ₹100 at 18%: ₹300 taxable, 9% CGST ₹27, 9% SGST ₹27.
    assert.deepEqual(
      lineTax({ unitPricePaise: 10_000, quantity: 3, ratePercent: 18 }, maharashtraToMaharashtra),
      {
        taxablePaise: 30_000,
        cgstPaise: 2_700,
        sgstPaise: 2_700,
        igstPaise: 0,
        totalPaise: 35_400,
      },
    )
  })

  it('charges IGST at the full rate when the place of supply is in another state', () => {
    assert.deepEqual(
      lineTax({ unitPricePaise: 10_000, quantity: 3, ratePercent: 18 }, maharashtraToKarnataka),
      {
        taxablePaise: 30_000,
        cgstPaise: 0,
        sgstPaise: 0,
        igstPaise: 5_400,
        totalPaise: 35_400,
      },
    )
  })

  it('takes a line discount off before tax', () => {
    // 7 × ₹999.99 = ₹6,999.93, less ₹0.93 = ₹6,999.00; 6% of it is ₹419.94.
    const line = { unitPricePaise: 99_999, quantity: 7, ratePercent: 12, discountPaise: 93 } as const
    assert.deepEqual(lineTax(line, maharashtraToMaharashtra), {
      taxablePaise: 699_900,
      cgstPaise: 41_994,
      sgstPaise: 41_994,
      igstPaise: 0,
      totalPaise: 783_888,
    })
    assert.equal(lineTax(line, maharashtraToKarnataka).igstPaise, 83_988)
  })

  it('rounds each tax head of each line to the nearest paisa, half a paisa up', () => {
    const tax = (taxablePaise: number, ratePercent: 0 | 5 | 12 | 18 | 28, intra: boolean) =>
      lineTax(
        { unitPricePaise: taxablePaise, quantity: 1, ratePercent },
        intra ? maharashtraToMaharashtra : maharashtraToKarnataka,
      )
    // 2.5% of 20 paise = 0.5 paisa → 1 on each half; 5% of 10 paise = 0.5 → 1.
    assert.equal(tax(20, 5, true).cgstPaise, 1)
    assert.equal(tax(10, 5, false).igstPaise, 1)
    // 0.49 rounds down, 0.51 rounds up: 9% of 5 paise = 0.45, 9% of 6 = 0.54.
    assert.equal(tax(5, 18, true).sgstPaise, 0)
    assert.equal(tax(6, 18, true).sgstPaise, 1)
    // 1 paisa taxable pays no tax at any rate.
    assert.deepEqual(tax(1, 28, false), {
      taxablePaise: 1,
      cgstPaise: 0,
      sgstPaise: 0,
      igstPaise: 0,
      totalPaise: 1,
    })
    // Halves rounded separately: 20 paise at 5% is 2 paise intra-state but 1 paisa inter-state.
    assert.equal(tax(20, 5, true).totalPaise, 22)
    assert.equal(tax(20, 5, false).totalPaise, 21)
  })

  it('charges nothing at 0%, intra- or inter-state', () => {
    for (const parties of [maharashtraToMaharashtra, maharashtraToKarnataka]) {
      assert.deepEqual(lineTax({ unitPricePaise: 12_345, quantity: 4, ratePercent: 0 }, parties), {
        taxablePaise: 49_380,
        cgstPaise: 0,
        sgstPaise: 0,
        igstPaise: 0,
        totalPaise: 49_380,
      })
    }
  })

  it('names the state half UTGST in union territories without a legislature, and SGST elsewhere', () => {
    const chandigarh = { sellerStateCode: '04', placeOfSupplyStateCode: '04' } as const
    // 14% + 14% of ₹1,000.
    assert.deepEqual(lineTax({ unitPricePaise: 100_000, quantity: 1, ratePercent: 28 }, chandigarh), {
      taxablePaise: 100_000,
      cgstPaise: 14_000,
      sgstPaise: 14_000,
      igstPaise: 0,
      totalPaise: 128_000,
    })
    assert.deepEqual((['04', '26', '31', '35', '38'] as const).map(stateTaxName), [
      'UTGST',
      'UTGST',
      'UTGST',
      'UTGST',
      'UTGST',
    ])
    // Delhi, Puducherry and Jammu and Kashmir have legislatures; states use SGST.
    assert.deepEqual((['07', '34', '01', '27'] as const).map(stateTaxName), ['SGST', 'SGST', 'SGST', 'SGST'])
    // Ladakh → Jammu and Kashmir is inter-state: IGST.
    const ladakhToJammu = { sellerStateCode: '38', placeOfSupplyStateCode: '01' } as const
    assert.equal(isIntraState(ladakhToJammu), false)
    assert.equal(
      lineTax({ unitPricePaise: 100_000, quantity: 1, ratePercent: 5 }, ladakhToJammu).igstPaise,
      5_000,
    )
  })

  it('keeps every line consistent: tax heads add up, intra and inter differ by at most a paisa', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 1, max: 1_000 }),
        fc.constantFrom(...GST_RATES),
        (unitPricePaise, quantity, ratePercent) => {
          const intra = lineTax({ unitPricePaise, quantity, ratePercent }, maharashtraToMaharashtra)
          const inter = lineTax({ unitPricePaise, quantity, ratePercent }, maharashtraToKarnataka)
          assert.equal(intra.cgstPaise, intra.sgstPaise)
          assert.equal(intra.totalPaise, intra.taxablePaise + intra.cgstPaise + intra.sgstPaise)
          assert.equal(inter.totalPaise, inter.taxablePaise + inter.igstPaise)
          assert.ok(Math.abs(intra.cgstPaise * 2 - inter.igstPaise) <= 1)
          // Within half a paisa of the exact amount.
          assert.ok(Math.abs(inter.igstPaise - (inter.taxablePaise * ratePercent) / 100) <= 0.5)
        },
      ),
    )
  })

  it('refuses input no caller should pass', () => {
    const parties = maharashtraToMaharashtra
    assert.throws(() => lineTax({ unitPricePaise: 10.5, quantity: 1, ratePercent: 5 }, parties), RangeError)
    assert.throws(() => lineTax({ unitPricePaise: 100, quantity: 0, ratePercent: 5 }, parties), RangeError)
    assert.throws(() => lineTax({ unitPricePaise: 100, quantity: 1.5, ratePercent: 5 }, parties), RangeError)
    assert.throws(
      () => lineTax({ unitPricePaise: 100, quantity: 1, ratePercent: 7 as 5 }, parties),
      RangeError,
    )
    assert.throws(
      () => lineTax({ unitPricePaise: 100, quantity: 1, ratePercent: 5, discountPaise: 101 }, parties),
      {
        message: /discount is larger/,
      },
    )
    assert.throws(
      () => lineTax({ unitPricePaise: Number.MAX_SAFE_INTEGER, quantity: 2, ratePercent: 5 }, parties),
      RangeError,
    )
  })
})

describe('invoice totals', () => {
  it('sums the rounded lines', () => {
    const lines = [
      lineTax({ unitPricePaise: 10_000, quantity: 3, ratePercent: 18 }, maharashtraToMaharashtra),
      lineTax({ unitPricePaise: 20, quantity: 1, ratePercent: 5 }, maharashtraToMaharashtra),
      lineTax({ unitPricePaise: 5_000, quantity: 2, ratePercent: 0 }, maharashtraToMaharashtra),
    ]
    assert.deepEqual(invoiceTotals(lines), {
      taxablePaise: 40_020,
      cgstPaise: 2_701,
      sgstPaise: 2_701,
      igstPaise: 0,
      taxPaise: 5_402,
      totalPaise: 45_422,
    })
    assert.deepEqual(invoiceTotals([]), {
      taxablePaise: 0,
      cgstPaise: 0,
      sgstPaise: 0,
      igstPaise: 0,
      taxPaise: 0,
      totalPaise: 0,
    })
  })
})

describe('state codes and HSN codes', () => {
  it('takes the state code from the first two digits of a valid GSTIN', () => {
    assert.equal(stateCodeOfGstin('27AAPFU0939F1ZV'), '27')
    assert.equal(stateCodeOfGstin(makeGstin('04', 'AAACI1681G')), '04')
    assert.equal(stateCodeOfGstin('27AAPFU0939F1ZW'), undefined)
    assert.equal(isGstStateCode('38'), true)
    assert.equal(isGstStateCode('99'), false)
    assert.equal(isGstStateCode('toString'), false)
  })

  it('accepts HSN codes of 4, 6 or 8 digits and nothing else', () => {
    assert.deepEqual(parseHsn(' 8413 '), { ok: true, hsn: '8413' })
    assert.deepEqual(parseHsn('8413.70'), { ok: true, hsn: '841370' })
    assert.deepEqual(parseHsn('84137010'), { ok: true, hsn: '84137010' })
    for (const bad of ['', '841', '84137', '8413701', '841370100', '84A3', '-8413']) {
      assert.equal(parseHsn(bad).ok, false, bad)
    }
  })
})
