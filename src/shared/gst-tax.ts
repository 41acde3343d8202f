// GST on a tax invoice, in integer paise (ADR 005).
//
// Which taxes: a supply whose place of supply is in the seller's own state (or union territory) is
// intra-state and pays CGST plus SGST, each half the rate; any other supply is inter-state and pays
// IGST at the full rate. In the five union territories without a legislature (Andaman and Nicobar,
// Chandigarh, Dadra and Nagar Haveli and Daman and Diu, Ladakh, Lakshadweep) the state half is
// UTGST instead of SGST: same amount, different name on the invoice.
//
// Rounding: each line's taxable value is exact (unit price × quantity − discount, all paise). Each
// tax head of each line is rounded on its own to the nearest paisa, half a paisa rounding up; the
// invoice totals are sums of the rounded line amounts. So CGST + SGST on a line can differ by one
// paisa from the IGST the same line would pay inter-state — that is expected, not a bug.

import { parseGstin } from './gstin.ts'
import { type GstStateCode, gstStateCodes } from './india.ts'

/** The GST slabs a product can carry. */
export const GST_RATES = [0, 5, 12, 18, 28] as const
export type GstRatePercent = (typeof GST_RATES)[number]

export function isGstRate(value: unknown): value is GstRatePercent {
  return typeof value === 'number' && (GST_RATES as readonly number[]).includes(value)
}

/** Union territories without a legislature: the state half of intra-state tax is UTGST there. */
const UTGST_TERRITORIES: ReadonlySet<GstStateCode> = new Set(['04', '26', '31', '35', '38'])

/** "SGST" or "UTGST": the name of the state half of intra-state tax in that state or territory. */
export function stateTaxName(stateCode: GstStateCode): 'SGST' | 'UTGST' {
  return UTGST_TERRITORIES.has(stateCode) ? 'UTGST' : 'SGST'
}

export function isGstStateCode(value: string): value is GstStateCode {
  return Object.hasOwn(gstStateCodes, value)
}

/** The state code of a valid GSTIN (its first two digits), or undefined when it is not valid. */
export function stateCodeOfGstin(gstin: string): GstStateCode | undefined {
  const parsed = parseGstin(gstin)
  return parsed.ok ? parsed.stateCode : undefined
}

export type SupplyParties = { sellerStateCode: GstStateCode; placeOfSupplyStateCode: GstStateCode }

export function isIntraState(parties: SupplyParties): boolean {
  return parties.sellerStateCode === parties.placeOfSupplyStateCode
}

export type TaxLineInput = {
  unitPricePaise: number
  quantity: number
  ratePercent: GstRatePercent
  /** A discount on the whole line, in paise, taken off before tax. */
  discountPaise?: number
}

export type LineTax = {
  taxablePaise: number
  cgstPaise: number
  sgstPaise: number
  igstPaise: number
  /** Taxable value plus every tax head. */
  totalPaise: number
}

/**
 * The taxable value and tax heads of one invoice line. Throws RangeError on input no caller should
 * pass (validate forms first): non-integer paise or quantity, a discount above the line value, a
 * rate that is not a GST slab.
 */
export function lineTax(line: TaxLineInput, parties: SupplyParties): LineTax {
  const { unitPricePaise, quantity, ratePercent, discountPaise = 0 } = line
  requireWhole('unit price (paise)', unitPricePaise)
  if (!Number.isSafeInteger(quantity) || quantity < 1) {
    throw new RangeError(`Quantity must be a whole number of at least 1, got ${quantity}`)
  }
  requireWhole('discount (paise)', discountPaise)
  if (!isGstRate(ratePercent))
    throw new RangeError(`GST rate must be one of ${GST_RATES.join(', ')}%, got ${ratePercent}`)
  const gross = unitPricePaise * quantity
  if (!Number.isSafeInteger(gross * 2 * 28 + 200)) throw new RangeError('Line value is too large')
  if (discountPaise > gross) throw new RangeError('The discount is larger than the line value')
  const taxablePaise = gross - discountPaise

  if (isIntraState(parties)) {
    // Each half is rate/2 %: taxable × rate / 200, rounded half up.
    const half = roundHalfUp(taxablePaise * ratePercent, 200)
    return {
      taxablePaise,
      cgstPaise: half,
      sgstPaise: half,
      igstPaise: 0,
      totalPaise: taxablePaise + 2 * half,
    }
  }
  const igstPaise = roundHalfUp(taxablePaise * ratePercent, 100)
  return { taxablePaise, cgstPaise: 0, sgstPaise: 0, igstPaise, totalPaise: taxablePaise + igstPaise }
}

export type InvoiceTotals = LineTax & { taxPaise: number }

/** Sums of the already rounded lines: what the invoice's total row shows. */
export function invoiceTotals(lines: readonly LineTax[]): InvoiceTotals {
  const totals = { taxablePaise: 0, cgstPaise: 0, sgstPaise: 0, igstPaise: 0, taxPaise: 0, totalPaise: 0 }
  for (const line of lines) {
    totals.taxablePaise += line.taxablePaise
    totals.cgstPaise += line.cgstPaise
    totals.sgstPaise += line.sgstPaise
    totals.igstPaise += line.igstPaise
    totals.totalPaise += line.totalPaise
  }
  totals.taxPaise = totals.cgstPaise + totals.sgstPaise + totals.igstPaise
  return totals
}

export type HsnResult = { ok: true; hsn: string } | { ok: false; message: string }

/**
 * An HSN code (or a SAC for services) has 4, 6 or 8 digits. Accepts surrounding spaces and the
 * dots or spaces some catalogues print between digit pairs ("8413.70" → "841370").
 */
export function parseHsn(input: string): HsnResult {
  const hsn = input.trim().replace(/[.\s]/g, '')
  if (/^(\d{4}|\d{6}|\d{8})$/.test(hsn)) return { ok: true, hsn }
  return { ok: false, message: 'An HSN code has 4, 6 or 8 digits, for example 8413 or 84137010.' }
}

/** Non-negative integers only: numerator / divisor rounded to the nearest integer, halves up. */
function roundHalfUp(numerator: number, divisor: number): number {
  // Integer arithmetic throughout: a float division could land on the wrong side of a half.
  const twice = 2 * numerator + divisor
  return (twice - (twice % (2 * divisor))) / (2 * divisor)
}

function requireWhole(what: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 0)
    throw new RangeError(`The ${what} must be a whole number of at least 0, got ${value}`)
}
