import { z } from 'zod'
import { AppError } from '../../shared/errors.ts'
import { parseGstin } from '../../shared/gstin.ts'
import { indianStates, stateCodeOf } from '../../shared/india.ts'
import { bigintId, parseInput, storableText } from '../../shared/validation.ts'
import * as messaging from '../messaging/index.ts'
import { MAX_CART_LINES } from './cart.ts'
import { MAX_LINE_QUANTITY } from './orderable.ts'
import type { ShippingAddress } from './orders.ts'

// What a buyer gives at checkout: where to deliver, whom to bill, their PO number, and optionally
// the items (instead of the cart). Every problem is reported at once, each under its field.

const text = (label: string, min: number, max: number) =>
  storableText(
    z
      .string({ error: `Enter the ${label}.` })
      .trim()
      .min(min, `Enter the ${label}.`)
      .max(max, `Keep the ${label} to ${max} characters or fewer.`),
  )

export const ShippingAddressInput = z.object({
  name: text('name of the person receiving the goods', 2, 100),
  line1: text('address (building, street)', 3, 200),
  line2: text('second address line', 0, 200).optional(),
  city: text('city', 2, 80),
  state: z
    .string({ error: 'Choose the state or union territory.' })
    .trim()
    .refine(
      (s) => stateCodeOf(s) !== undefined,
      'Choose a state or union territory of India, like "Maharashtra".',
    ),
  pin: z
    .string({ error: 'Enter the 6-digit PIN code.' })
    .trim()
    .regex(/^[1-9]\d{5}$/, 'Enter the 6-digit PIN code, like 411026.'),
  phone: z
    .string({ error: 'Enter a phone number for the delivery.' })
    .trim()
    .min(1, 'Enter a phone number for the delivery.')
    .refine(
      (v) => phoneOrNull(v) !== null,
      'Enter a valid phone number, such as 98765 43210 or +91 98765 43210.',
    ),
})

export const CheckoutItemInput = z.object({
  productId: bigintId({ message: 'productId must be a product number.' }),
  quantity: z
    .number({ error: 'Enter the quantity as a whole number, like 10.' })
    .int('Enter the quantity as a whole number, like 10.')
    .min(1, 'The quantity must be at least 1.')
    .max(MAX_LINE_QUANTITY, `The quantity can be at most ${MAX_LINE_QUANTITY.toLocaleString('en-IN')}.`),
})

export const CheckoutInput = z.object({
  items: z
    .array(CheckoutItemInput)
    .min(1, 'List at least one item, or leave "items" out to check out your cart.')
    .max(MAX_CART_LINES, `Check out at most ${MAX_CART_LINES} products at once.`)
    .refine(
      (items) => new Set(items.map((i) => i.productId)).size === items.length,
      'List each product once, with the whole quantity.',
    )
    .optional(),
  shippingAddress: ShippingAddressInput,
  billingGstin: z
    .string({ error: 'Enter the GSTIN as text, or leave it out.' })
    .trim()
    .max(20, 'A GSTIN has 15 characters.')
    .superRefine((value, ctx) => {
      const parsed = value === '' ? null : parseGstin(value)
      if (parsed && !parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.message })
    })
    .optional()
    .nullable(),
  poNumber: text('purchase order number', 0, 40).optional().nullable(),
})

export interface CheckoutRequest {
  items: { productId: number; quantity: number }[] | null
  shippingAddress: ShippingAddress
  billingGstin: string | null
  poNumber: string | null
}

/**
 * Validates a checkout: address (state from the list of Indian states, 6-digit PIN, a real phone
 * number), GSTIN check character, PO number of at most 40 characters, no product twice. Throws one
 * AppError invalid naming every problem.
 */
export function parseCheckout(input: unknown): CheckoutRequest {
  const data = parseInput(CheckoutInput, input)
  const a = data.shippingAddress
  const gstin = data.billingGstin ? parseGstin(data.billingGstin) : null
  return {
    items: data.items ?? null,
    shippingAddress: {
      name: a.name,
      line1: a.line1,
      line2: a.line2 ? a.line2 : null,
      city: a.city,
      // The state as the list spells it, whatever the case typed.
      state: indianStates.find((s) => s.toLowerCase() === a.state.toLowerCase()) ?? a.state,
      pin: a.pin,
      phone: phoneOrNull(a.phone)!,
    },
    billingGstin: gstin?.ok ? gstin.gstin : null,
    poNumber: data.poNumber ? data.poNumber : null,
  }
}

/** The number in E.164, or null when it is not a real phone number. */
function phoneOrNull(input: string): string | null {
  try {
    return messaging.normalisePhone(input)
  } catch (error) {
    if (error instanceof AppError) return null
    throw error
  }
}
