import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { AppError } from '#src/shared/errors.ts'
import { makeGstin } from '#src/shared/gstin.ts'
import {
  buildInvoiceDocument,
  financialYearOf,
  formatInvoiceNumber,
  type InvoiceInput,
} from './invoice-document.ts'

const pune = { line1: 'Plot 14, MIDC Bhosari', city: 'Pune', state: 'Maharashtra', pin: '411026' }
const nashik = { line1: '7 Satpur MIDC', city: 'Nashik', state: 'Maharashtra', pin: '422007' }
const bengaluru = { line1: '12, 3rd Cross, Peenya', city: 'Bengaluru', state: 'Karnataka', pin: '560058' }

function input(overrides: Partial<InvoiceInput> = {}): InvoiceInput {
  return {
    number: 'INV/26-27/000001',
    issuedAt: new Date('2026-12-07T06:00:00Z'),
    seller: { legalName: 'Kaveri Pumps Private Limited', gstin: '27AAPFU0939F1ZV', address: pune },
    buyer: {
      name: 'Sri Lakshmi Agro',
      gstin: makeGstin('27', 'AAGCB7383J'),
      billingAddress: nashik,
      shippingAddress: nashik,
    },
    lines: [
      {
        description: 'Pump',
        hsnCode: '8413',
        quantity: 2,
        unit: 'pieces',
        unitPricePaise: 100_000,
        gstRatePercent: 18,
      },
    ],
    ...overrides,
  }
}

describe('tax invoice document', () => {
  it('charges CGST and SGST when the goods go to the seller state', () => {
    const doc = buildInvoiceDocument(input())
    assert.equal(doc.supply, 'intra_state')
    assert.deepEqual(doc.placeOfSupply, { state: 'Maharashtra', stateCode: '27' })
    assert.deepEqual(doc.lines[0], {
      serial: 1,
      description: 'Pump',
      hsn: '8413',
      quantity: 2,
      unit: 'pieces',
      unitPricePaise: 100_000,
      discountPaise: 0,
      taxablePaise: 200_000,
      cgst: { ratePercent: 9, amountPaise: 18_000 },
      sgst: { ratePercent: 9, amountPaise: 18_000 },
      igst: null,
      totalPaise: 236_000,
    })
    assert.equal(doc.totals.totalPaise, 236_000)
    assert.equal(doc.amountInWords, 'Rupees Two Thousand Three Hundred Sixty Only')
    assert.equal(doc.reverseCharge, 'No')
    assert.equal(doc.dateText, '7 Dec 2026')
  })

  it('charges IGST when the place of supply is another state, whatever the billing state', () => {
    const doc = buildInvoiceDocument(
      input({ buyer: { name: 'Sri Lakshmi Agro', billingAddress: nashik, shippingAddress: bengaluru } }),
    )
    assert.equal(doc.supply, 'inter_state')
    assert.deepEqual(doc.placeOfSupply, { state: 'Karnataka', stateCode: '29' })
    assert.deepEqual(doc.lines[0]!.igst, { ratePercent: 18, amountPaise: 36_000 })
    assert.equal(doc.lines[0]!.cgst, null)
    assert.equal(doc.buyer.gstin, null)
  })

  it('takes an explicit place of supply by name or code, and labels UTGST in Chandigarh', () => {
    const chandigarh = {
      line1: 'Plot 5, Industrial Area Phase I',
      city: 'Chandigarh',
      state: '04',
      pin: '160002',
    }
    const doc = buildInvoiceDocument(
      input({
        seller: { legalName: 'Tricity Tools', gstin: makeGstin('04', 'AAACT1234K'), address: chandigarh },
        buyer: { name: 'Buyer', billingAddress: chandigarh, shippingAddress: chandigarh },
        lines: [
          {
            description: 'Drill',
            hsnCode: '846721',
            quantity: 1,
            unit: 'piece',
            unitPricePaise: 1_000,
            gstRatePercent: 5,
          },
        ],
      }),
    )
    assert.equal(doc.stateTaxLabel, 'UTGST')
    assert.deepEqual(doc.lines[0]!.sgst, { ratePercent: 2.5, amountPaise: 25 })
    assert.equal(buildInvoiceDocument(input({ placeOfSupply: 'karnataka' })).supply, 'inter_state')
  })

  it('reports every problem in the data at once', () => {
    try {
      buildInvoiceDocument(
        input({
          seller: { legalName: 'X', gstin: '27AAPFU0939F1ZW', address: pune },
          placeOfSupply: 'Atlantis',
          lines: [
            {
              description: 'Pump',
              hsnCode: '84',
              quantity: 1,
              unit: 'piece',
              unitPricePaise: 1,
              gstRatePercent: 7,
            },
          ],
        }),
      )
      assert.fail('expected an error')
    } catch (error) {
      assert.ok(error instanceof AppError)
      assert.equal(error.code, 'invoice_data_invalid')
      assert.deepEqual(Object.keys(error.fields ?? {}).sort(), [
        'lines.0.gstRatePercent',
        'lines.0.hsnCode',
        'placeOfSupply',
        'seller.gstin',
      ])
    }
  })
})

describe('invoice numbering', () => {
  it('puts a moment in the Indian financial year by Indian Standard Time', () => {
    assert.equal(financialYearOf(new Date('2026-04-01T00:00:00+05:30')), '2026-27')
    assert.equal(financialYearOf(new Date('2026-03-31T23:59:59+05:30')), '2025-26')
    // 31 March 20:00 UTC is already 1 April in India.
    assert.equal(financialYearOf(new Date('2027-03-31T20:00:00Z')), '2027-28')
    assert.equal(financialYearOf(new Date('2027-03-31T18:29:59Z')), '2026-27')
    assert.equal(financialYearOf(new Date('2099-12-31T12:00:00Z')), '2099-00')
  })

  it('numbers invoices per financial year with six digits', () => {
    assert.equal(formatInvoiceNumber('2026-27', 123), 'INV/26-27/000123')
    assert.equal(formatInvoiceNumber('2026-27', 123).length, 16, 'rule 46(b): at most 16 characters')
    assert.equal(formatInvoiceNumber('2099-00', 999_999), 'INV/99-00/999999')
    assert.throws(() => formatInvoiceNumber('2026-28', 1), RangeError)
    assert.throws(() => formatInvoiceNumber('26-27', 1), RangeError)
    assert.throws(() => formatInvoiceNumber('2026-27', 0), RangeError)
    assert.throws(() => formatInvoiceNumber('2026-27', 1_000_000), RangeError)
  })
})
