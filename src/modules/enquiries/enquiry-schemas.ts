import { z } from 'zod'
import { bigintId, storableText } from '../../shared/validation.ts'

const quantity = z.coerce
  .number({ message: 'Enter how many you need, as a number.' })
  .positive('Enter a quantity above zero.')
  .max(1_000_000_000, 'That quantity is too large.')
const unit = z.string().trim().min(1, 'Choose a unit.').max(30, 'Use a shorter unit (30 characters at most).')
const isoDate = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date such as 2026-12-31.')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), 'That date does not exist.')
const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v)

export const MESSAGE_MAX = 4000

/** A thread message, from the site or a relayed email: text the database can store (storableText). */
export const messageBody = storableText(
  z
    .string({ message: 'Write a message.' })
    .trim()
    .min(1, 'Write a message.')
    .max(MESSAGE_MAX, `Keep the message under ${MESSAGE_MAX} characters.`),
)

/** An enquiry about one product (productId) or to a seller in general (sellerId). */
export const EnquiryInput = z
  .object({
    productId: z.preprocess(
      blankToUndefined,
      bigintId({ coerce: true, message: 'That is not a product on Mandi.' }).optional(),
    ),
    sellerId: z.preprocess(
      blankToUndefined,
      bigintId({ coerce: true, message: 'That is not a seller on Mandi.' }).optional(),
    ),
    quantity,
    unit,
    message: z
      .string({ message: 'Tell the seller what you need.' })
      .trim()
      .min(10, 'Tell the seller a little more about what you need (10 characters at least).')
      .max(MESSAGE_MAX, `Keep the message under ${MESSAGE_MAX} characters.`),
    requiredBy: z.preprocess(blankToUndefined, isoDate.optional()),
    deliveryCity: z.preprocess(
      blankToUndefined,
      z.string().trim().max(60, 'Use a shorter city name.').optional(),
    ),
  })
  .refine((v) => (v.productId === undefined) !== (v.sellerId === undefined), {
    message: 'Choose either a product or a seller to enquire with.',
    path: ['productId'],
  })
export type EnquiryInput = z.input<typeof EnquiryInput>

export const QuoteInput = z.object({
  pricePaisePerUnit: z.coerce
    .number({ message: 'Enter the price per unit.' })
    .int('Enter the price in whole paise.')
    .positive('Enter a price above zero.'),
  quantity,
  unit,
  validUntil: isoDate,
  terms: z.string().trim().max(2000, 'Keep the terms under 2,000 characters.').default(''),
})
export type QuoteInput = z.input<typeof QuoteInput>

export const NoteInput = z.object({
  body: z.string().trim().min(1, 'Write a note.').max(2000, 'Keep the note under 2,000 characters.'),
})

export const ReasonInput = z.object({
  reason: z.string().trim().min(1, 'Give a short reason.').max(500, 'Keep the reason under 500 characters.'),
})

export const CallbackInput = z.object({
  preferredTime: z.string().trim().max(100, 'Keep it short, such as "weekdays after 4 pm".').default(''),
  revealNumber: z.preprocess((v) => v === true || v === 'true' || v === 'on' || v === '1', z.boolean()),
})
