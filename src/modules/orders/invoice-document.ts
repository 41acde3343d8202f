// The content of a GST tax invoice (CGST Rules, rule 46) as plain data, built from order-like input
// by a pure function: invoice-pdf.ts draws it, tests read it. Tax rules and rounding: shared/gst-tax.ts.

import { amountInWords } from '#src/shared/amount-in-words.ts'
import { invalid } from '#src/shared/errors.ts'
import { formatDate } from '#src/shared/format.ts'
import {
  type GstRatePercent,
  type InvoiceTotals,
  invoiceTotals,
  isGstRate,
  isGstStateCode,
  isIntraState,
  lineTax,
  parseHsn,
  stateTaxName,
} from '#src/shared/gst-tax.ts'
import { parseGstin } from '#src/shared/gstin.ts'
import { type GstStateCode, gstStateCodes, stateCodeOf } from '#src/shared/india.ts'

export type InvoiceAddress = {
  name?: string | null
  line1: string
  line2?: string | null
  city: string
  /** A state or union territory, by name ("Tamil Nadu") or GST state code ("33"). */
  state: string
  pin: string
}

export type InvoiceInput = {
  number: string
  issuedAt: Date
  seller: { legalName: string; gstin: string; address: InvoiceAddress }
  buyer: {
    name: string
    gstin?: string | null
    billingAddress: InvoiceAddress
    shippingAddress: InvoiceAddress
  }
  /** Defaults to the shipping address's state: for goods, where their movement ends. */
  placeOfSupply?: string
  orderReference?: string | null
  poNumber?: string | null
  lines: readonly {
    description: string
    hsnCode: string
    quantity: number
    unit: string
    unitPricePaise: number
    gstRatePercent: number
    discountPaise?: number
  }[]
}

export type StatePlace = { state: string; stateCode: GstStateCode }
export type TaxHead = { ratePercent: number; amountPaise: number }

export type InvoiceLine = {
  serial: number
  description: string
  hsn: string
  quantity: number
  unit: string
  unitPricePaise: number
  discountPaise: number
  taxablePaise: number
  /** Present on intra-state invoices. */
  cgst: TaxHead | null
  /** SGST or UTGST (see stateTaxLabel); present on intra-state invoices. */
  sgst: TaxHead | null
  /** Present on inter-state invoices. */
  igst: TaxHead | null
  totalPaise: number
}

export type InvoiceDocument = {
  title: 'Tax Invoice'
  copy: 'Original for Recipient'
  number: string
  date: Date
  dateText: string
  orderReference: string | null
  poNumber: string | null
  seller: { legalName: string; gstin: string; address: InvoiceAddress } & StatePlace
  buyer: {
    name: string
    gstin: string | null
    billingAddress: InvoiceAddress & StatePlace
    shippingAddress: InvoiceAddress & StatePlace
  }
  placeOfSupply: StatePlace
  supply: 'intra_state' | 'inter_state'
  /** The name of the state half of intra-state tax: UTGST in territories without a legislature. */
  stateTaxLabel: 'SGST' | 'UTGST'
  lines: InvoiceLine[]
  totals: InvoiceTotals
  amountInWords: string
  reverseCharge: 'No'
}

/**
 * The tax invoice for one seller's order. Throws AppError('invalid', 'invoice_data_invalid') with
 * every problem at once (bad GSTIN, unknown state, bad HSN or rate, no lines).
 */
export function buildInvoiceDocument(input: InvoiceInput): InvoiceDocument {
  const problems: Record<string, string> = {}
  const sellerGstin = parseGstin(input.seller.gstin)
  if (!sellerGstin.ok) problems['seller.gstin'] = `Seller GSTIN: ${sellerGstin.message}`
  const buyerGstin = input.buyer.gstin ? parseGstin(input.buyer.gstin) : null
  if (buyerGstin && !buyerGstin.ok) problems['buyer.gstin'] = `Buyer GSTIN: ${buyerGstin.message}`
  const billing = resolveState(input.buyer.billingAddress.state, 'buyer.billingAddress.state', problems)
  const shipping = resolveState(input.buyer.shippingAddress.state, 'buyer.shippingAddress.state', problems)
  const place =
    input.placeOfSupply === undefined
      ? shipping
      : resolveState(input.placeOfSupply, 'placeOfSupply', problems)
  if (!input.number.trim()) problems.number = 'The invoice needs a number.'
  if (input.lines.length === 0) problems.lines = 'An invoice needs at least one line.'
  const hsns = input.lines.map((line, i) => {
    const hsn = parseHsn(line.hsnCode)
    if (!hsn.ok) problems[`lines.${i}.hsnCode`] = `Line ${i + 1}: ${hsn.message}`
    if (!isGstRate(line.gstRatePercent)) {
      problems[`lines.${i}.gstRatePercent`] = `Line ${i + 1}: the GST rate must be 0, 5, 12, 18 or 28%.`
    }
    return hsn.ok ? hsn.hsn : ''
  })
  if (!sellerGstin.ok || !billing || !shipping || !place || Object.keys(problems).length > 0) {
    throw invalid('invoice_data_invalid', Object.values(problems).join(' '), problems)
  }

  const parties = { sellerStateCode: sellerGstin.stateCode, placeOfSupplyStateCode: place.stateCode }
  const intra = isIntraState(parties)
  const taxes = input.lines.map((line) =>
    lineTax(
      {
        unitPricePaise: line.unitPricePaise,
        quantity: line.quantity,
        ratePercent: line.gstRatePercent as GstRatePercent,
        discountPaise: line.discountPaise ?? 0,
      },
      parties,
    ),
  )
  const lines = input.lines.map((line, i): InvoiceLine => {
    const rate = line.gstRatePercent
    const tax = taxes[i]!
    return {
      serial: i + 1,
      description: line.description,
      hsn: hsns[i]!,
      quantity: line.quantity,
      unit: line.unit,
      unitPricePaise: line.unitPricePaise,
      discountPaise: line.discountPaise ?? 0,
      taxablePaise: tax.taxablePaise,
      cgst: intra ? { ratePercent: rate / 2, amountPaise: tax.cgstPaise } : null,
      sgst: intra ? { ratePercent: rate / 2, amountPaise: tax.sgstPaise } : null,
      igst: intra ? null : { ratePercent: rate, amountPaise: tax.igstPaise },
      totalPaise: tax.totalPaise,
    }
  })
  const totals = invoiceTotals(taxes)

  return {
    title: 'Tax Invoice',
    copy: 'Original for Recipient',
    number: input.number.trim(),
    date: input.issuedAt,
    dateText: formatDate(input.issuedAt),
    orderReference: input.orderReference ?? null,
    poNumber: input.poNumber ?? null,
    seller: {
      legalName: input.seller.legalName,
      gstin: sellerGstin.gstin,
      address: input.seller.address,
      state: sellerGstin.state,
      stateCode: sellerGstin.stateCode,
    },
    buyer: {
      name: input.buyer.name,
      gstin: buyerGstin?.ok ? buyerGstin.gstin : null,
      billingAddress: { ...input.buyer.billingAddress, ...billing },
      shippingAddress: { ...input.buyer.shippingAddress, ...shipping },
    },
    placeOfSupply: place,
    supply: intra ? 'intra_state' : 'inter_state',
    stateTaxLabel: stateTaxName(place.stateCode),
    lines,
    totals,
    amountInWords: amountInWords(totals.totalPaise),
    reverseCharge: 'No',
  }
}

/**
 * The Indian financial year a moment falls in, 1 April to 31 March in Indian Standard Time:
 * 31 March 2027 23:59 IST → '2026-27', 1 April 2027 00:00 IST → '2027-28'.
 */
export function financialYearOf(date: Date): string {
  // IST is UTC+05:30 all year (no daylight saving), so a fixed offset is exact.
  const ist = new Date(date.getTime() + 330 * 60_000)
  const year = ist.getUTCFullYear()
  const start = ist.getUTCMonth() >= 3 ? year : year - 1
  return `${start}-${String((start + 1) % 100).padStart(2, '0')}`
}

const FINANCIAL_YEAR = /^(\d{4})-(\d{2})$/

/**
 * 'INV/26-27/000123': the seller's series for that financial year. Rule 46(b) of the CGST Rules caps
 * an invoice serial at 16 characters (letters, digits, '-' and '/'), so the year is written with two
 * digits each (issue 13's example, 'INV/2026-27/000123', has 18). Throws RangeError on bad input.
 */
export function formatInvoiceNumber(financialYear: string, sequence: number): string {
  const match = FINANCIAL_YEAR.exec(financialYear)
  if (!match || (Number(match[1]) + 1) % 100 !== Number(match[2])) {
    throw new RangeError(`A financial year looks like 2026-27, got ${financialYear}`)
  }
  if (!Number.isSafeInteger(sequence) || sequence < 1 || sequence > 999_999) {
    throw new RangeError(`An invoice sequence runs from 1 to 999999, got ${sequence}`)
  }
  return `INV/${financialYear.slice(2)}/${String(sequence).padStart(6, '0')}`
}

function resolveState(
  value: string,
  field: string,
  problems: Record<string, string>,
): StatePlace | undefined {
  const trimmed = value.trim()
  const stateCode = isGstStateCode(trimmed) ? trimmed : stateCodeOf(trimmed)
  if (!stateCode) {
    problems[field] = `${trimmed || 'An empty state'} is not an Indian state or union territory.`
    return undefined
  }
  return { state: gstStateCodes[stateCode], stateCode }
}
