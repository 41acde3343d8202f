import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { extractText, getDocumentProxy } from 'unpdf'
import { makeGstin } from '#src/shared/gstin.ts'
import { buildInvoiceDocument, type InvoiceInput } from './invoice-document.ts'
import { figures, renderInvoicePdf } from './invoice-pdf.ts'

const sellerGstin = '27AAPFU0939F1ZV'
const pune = { line1: 'Plot 14, MIDC Bhosari', city: 'Pune', state: 'Maharashtra', pin: '411026' }
const nashik = { line1: '7 Satpur MIDC', city: 'Nashik', state: 'Maharashtra', pin: '422007' }
const tumakuru = {
  name: 'Warehouse 2',
  line1: 'Survey No. 45',
  city: 'Tumakuru',
  state: 'Karnataka',
  pin: '572101',
}
const lines: InvoiceInput['lines'] = [
  {
    description: 'Centrifugal monoblock pump 2 HP, cast iron body',
    hsnCode: '84137010',
    quantity: 3,
    unit: 'pieces',
    unitPricePaise: 1_245_000,
    gstRatePercent: 18,
  },
  {
    description: 'PVC suction hose 2 inch',
    hsnCode: '3917',
    quantity: 20,
    unit: 'metre',
    unitPricePaise: 18_550,
    gstRatePercent: 12,
    discountPaise: 1_000,
  },
  {
    description: 'Pump manual',
    hsnCode: '4901',
    quantity: 3,
    unit: 'pieces',
    unitPricePaise: 5_000,
    gstRatePercent: 0,
  },
]

function invoice(buyerGstin: string, shippingAddress: InvoiceInput['buyer']['shippingAddress']) {
  return buildInvoiceDocument({
    number: 'INV/26-27/000123',
    issuedAt: new Date('2026-12-07T06:00:00Z'),
    seller: { legalName: 'Kaveri Pumps Private Limited', gstin: sellerGstin, address: pune },
    buyer: {
      name: 'Sri Lakshmi Agro Industries',
      gstin: buyerGstin,
      billingAddress: nashik,
      shippingAddress,
    },
    poNumber: 'PO/2026/0091',
    lines,
  })
}

async function pdfLines(pdf: Buffer): Promise<string[]> {
  const { text } = await extractText(new Uint8Array(pdf), { mergePages: true })
  return text.split('\n').map((line) => line.trim())
}

function includesLine(all: string[], expected: string) {
  assert.ok(all.includes(expected), `no line "${expected}" in:\n${all.join('\n')}`)
}

describe('tax invoice PDF', () => {
  it('shows an intra-state invoice with CGST and SGST, line by line', async () => {
    const buyerGstin = makeGstin('27', 'AAGCB7383J')
    const pdf = await renderInvoicePdf(invoice(buyerGstin, nashik))
    assert.equal(pdf.subarray(0, 5).toString(), '%PDF-')
    const all = await pdfLines(pdf)
    for (const expected of [
      'Kaveri Pumps Private Limited',
      `GSTIN: ${sellerGstin}`,
      `GSTIN: ${buyerGstin}`,
      'Invoice No.: INV/26-27/000123',
      'Invoice Date: 7 Dec 2026',
      "Buyer's PO No.: PO/2026/0091",
      'Place of Supply: Maharashtra (27)',
      'Supply: Intra-state',
      // HSN, quantity and unit, rate, discount, taxable value, CGST rate and amount, SGST rate and amount, total.
      '84137010 3 pieces 12,450.00 37,350.00 9% 3,361.50 9% 3,361.50 44,073.00',
      '2 PVC suction hose 2 inch 3917 20 metre 185.50 10.00 3,700.00 6% 222.00 6% 222.00 4,144.00',
      '3 Pump manual 4901 3 pieces 50.00 150.00 0% 0.00 0% 0.00 150.00',
      'Total Taxable Value Rs. 41,200.00',
      'Total CGST Rs. 3,583.50',
      'Total SGST Rs. 3,583.50',
      'Total Tax Rs. 7,167.00',
      'Invoice Total Rs. 48,367.00',
      'Amount in words: Rupees Forty-Eight Thousand Three Hundred Sixty-Seven Only',
      'Whether tax is payable on reverse charge: No',
      'Authorised signatory',
    ]) {
      includesLine(all, expected)
    }
    assert.ok(!all.some((line) => line.includes('IGST')), 'an intra-state invoice has no IGST')
  })

  it('shows an inter-state invoice with IGST only, line by line', async () => {
    const buyerGstin = makeGstin('29', 'AAGCB7383J')
    const all = await pdfLines(await renderInvoicePdf(invoice(buyerGstin, tumakuru)))
    for (const expected of [
      `GSTIN: ${sellerGstin}`,
      `GSTIN: ${buyerGstin}`,
      'Invoice No.: INV/26-27/000123',
      'Place of Supply: Karnataka (29)',
      'Supply: Inter-state',
      'Warehouse 2',
      'State: Karnataka, Code: 29',
      '84137010 3 pieces 12,450.00 37,350.00 18% 6,723.00 44,073.00',
      '2 PVC suction hose 2 inch 3917 20 metre 185.50 10.00 3,700.00 12% 444.00 4,144.00',
      '3 Pump manual 4901 3 pieces 50.00 150.00 0% 0.00 150.00',
      'Total Taxable Value Rs. 41,200.00',
      'Total IGST Rs. 7,167.00',
      'Total Tax Rs. 7,167.00',
      'Invoice Total Rs. 48,367.00',
      'Amount in words: Rupees Forty-Eight Thousand Three Hundred Sixty-Seven Only',
    ]) {
      includesLine(all, expected)
    }
    assert.ok(!all.some((line) => /CGST|SGST/.test(line)), 'an inter-state invoice has no CGST or SGST')
  })

  it('continues a long invoice on further A4 pages, repeating the table header', async () => {
    const many = Array.from({ length: 80 }, (_, i) => ({ ...lines[0]!, description: `Spare part ${i + 1}` }))
    const doc = buildInvoiceDocument({
      number: 'INV/26-27/000124',
      issuedAt: new Date('2026-12-07T06:00:00Z'),
      seller: { legalName: 'Kaveri Pumps Private Limited', gstin: sellerGstin, address: pune },
      buyer: { name: 'Buyer', billingAddress: nashik, shippingAddress: nashik },
      lines: many,
    })
    const pdf = await renderInvoicePdf(doc)
    const proxy = await getDocumentProxy(new Uint8Array(pdf))
    assert.ok(proxy.numPages >= 2)
    const page = await proxy.getPage(1)
    assert.deepEqual(page.view.map(Math.round), [0, 0, 595, 842])
    const { text } = await extractText(new Uint8Array(pdf), { mergePages: false })
    const pages = text as unknown as string[]
    assert.ok(
      pages.slice(1).every((p) => p.includes('Taxable')),
      'every page has the table header',
    )
    const all = pages.join('\n')
    assert.ok(all.includes('Spare part 80'))
    assert.ok(all.includes(`Invoice Total Rs. ${figures(doc.totals.totalPaise)}`))
    assert.ok(pages.at(-1)!.includes('Authorised signatory'))
  })

  it('prints money in lakh grouping with two decimals, without float rounding', () => {
    assert.deepEqual([0, 1, 99, 100, 12_345_678_50, 9_007_199_254_740_991].map(figures), [
      '0.00',
      '0.01',
      '0.99',
      '1.00',
      '1,23,45,678.50',
      '9,00,71,99,25,47,409.91',
    ])
  })
})
