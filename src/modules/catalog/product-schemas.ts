import { z } from 'zod'
import { slugify } from '../../shared/slug.ts'
import { int4 } from '../../shared/validation.ts'

// What a seller may type for a product, in one schema shared by the pages, the JSON API and the
// CSV import. People type prices in rupees ("1,250.50"); the schema turns them into integer paise.

export const MAX_SPECS = 30
/** The GST rates a product may carry, in percent. */
export const gstRates = [0, 5, 12, 18, 28] as const
const MAX_PRICE_PAISE = 100_000_000_000 // ₹100 crore: beyond this a typo is likelier than a price.

/**
 * "1,25,000", "₹ 1250.5", "1250.50" → paise. Returns null for text that is not an amount in
 * rupees with at most two decimals, so callers can say so next to the field.
 */
export function parseRupees(input: string): number | null {
  const cleaned = input.replace(/[₹,\s]/g, '').replace(/^rs\.?/i, '')
  if (!/^\d{1,12}(\.\d{1,2})?$/.test(cleaned)) return null
  const [whole = '0', fraction = ''] = cleaned.split('.')
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'))
}

const trimmed = (max: number, label: string) =>
  z
    .string({ error: `Enter the ${label}.` })
    .trim()
    .max(max, `Keep the ${label} to ${max} characters or fewer.`)

const wholeNumber = (label: string, min: number) =>
  z.preprocess(
    (v) => (typeof v === 'string' ? (v.trim() === '' ? undefined : Number(v.replace(/,/g, '').trim())) : v),
    z
      .number({ error: `Enter the ${label} as a whole number, like 10.` })
      .int(`Enter the ${label} as a whole number, like 10.`)
      .min(min, `The ${label} must be ${min} or more.`)
      .max(1_000_000_000, `The ${label} is too large.`),
  )

/** A price as people give it: rupees as text or a number, or null/blank for "price on request". */
const rupees = z.preprocess((v) => {
  if (v === null || v === undefined || v === '') return null
  if (typeof v === 'number')
    return Number.isFinite(v) ? (parseRupees(v.toFixed(2)) ?? Number.NaN) : Number.NaN
  if (typeof v === 'string') return v.trim() === '' ? null : (parseRupees(v) ?? Number.NaN)
  return Number.NaN
}, z
  .number({ error: 'Enter the price in rupees, like 1250 or 1,250.50 — or choose "Price on request".' })
  .int()
  .min(0)
  .max(MAX_PRICE_PAISE, 'This price is too large. Check the number of zeros.')
  .nullable())

export const ProductSpecInput = z.object({
  name: trimmed(80, 'specification name').min(1, 'Give this specification a name, like "Power".'),
  value: trimmed(200, 'specification value').min(1, 'Give this specification a value, like "1 HP".'),
})

const productFields = {
  title: trimmed(150, 'title').min(
    5,
    'Give the product a title of at least 5 characters, like "Cast iron monoblock pump 1 HP".',
  ),
  categoryId: int4({ coerce: true, min: 1, message: 'Choose a category.' }),
  description: trimmed(5000, 'description'),
  specs: z.array(ProductSpecInput).max(MAX_SPECS, `List at most ${MAX_SPECS} specifications.`),
  unit: trimmed(30, 'unit').min(1, 'Enter the unit you sell by, like "piece", "kg" or "metre".'),
  moq: wholeNumber('minimum order quantity', 1),
  price: rupees,
  stock: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? null : v),
    wholeNumber('stock', 0).nullable(),
  ),
  hsnCode: z.preprocess(
    (v) => (typeof v === 'string' ? (v.replace(/\s/g, '') === '' ? null : v.replace(/\s/g, '')) : v),
    z
      .string({ error: 'Enter the HSN code as text of 4, 6 or 8 digits, like "8413" or "84137010".' })
      .regex(/^(\d{4}|\d{6}|\d{8})$/, 'Enter the HSN code as 4, 6 or 8 digits, like 8413 or 84137010.')
      .nullable(),
  ),
  gstRatePercent: z.preprocess(
    (v) => (typeof v === 'string' ? (v.trim() === '' ? null : Number(v.replace('%', '').trim())) : v),
    z
      .number({ error: 'Choose the GST rate: 0, 5, 12, 18 or 28 percent.' })
      .refine((n) => (gstRates as readonly number[]).includes(n), 'The GST rate must be 0, 5, 12, 18 or 28 percent.')
      .nullable(),
  ),
}

/** A product as created or fully replaced. `price` is in rupees; null or blank means price on request. */
export const ProductInput = z.object({
  ...productFields,
  description: productFields.description.default(''),
  specs: productFields.specs.default([]),
  moq: productFields.moq.default(1),
  price: productFields.price.default(null),
  stock: productFields.stock.default(null),
  hsnCode: productFields.hsnCode.default(null),
  gstRatePercent: productFields.gstRatePercent.default(null),
})
export type ProductInput = z.output<typeof ProductInput>

/** A partial change, as the JSON API's PATCH takes it: only the given fields change. */
export const ProductPatch = z.object(productFields).partial()
export type ProductPatch = z.output<typeof ProductPatch>

/** A URL slug from a title: lower case ASCII words joined by hyphens ("Pump 1 HP – 230 V" → "pump-1-hp-230-v"). */
export function slugFromTitle(title: string): string {
  return slugify(title, { maxLength: 80, fallback: 'product' })
}
