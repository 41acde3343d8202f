import { z } from 'zod'
import { int4 } from '../../shared/validation.ts'
import { MAX_MATCHED_SELLERS } from './matchmaking.ts'

/** A requirement stays open this long unless the buyer picks another date. */
export const DEFAULT_REQUIREMENT_DAYS = 30
/** The longest a requirement may stay open: sellers should not answer needs that are long gone. */
export const MAX_REQUIREMENT_DAYS = 90
export const REQUIREMENT_DETAILS_MAX = 4000

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v)
const isoDate = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date such as 2026-12-31.')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), 'That date does not exist.')

/**
 * A buy requirement as the API and the form send it. Numbers may arrive as text (forms); blank
 * optional fields mean "not given". The budget is in paise, like every price in the API.
 */
export const RequirementInput = z.object({
  title: z
    .string({ message: 'Say what you need, such as "Stainless steel ball valves, 2 inch".' })
    .trim()
    .min(5, 'Say what you need in a few words (5 characters at least).')
    .max(150, 'Keep the title under 150 characters; put the rest in the details.'),
  categoryId: z.preprocess(
    blankToUndefined,
    int4({ coerce: true, min: 1, message: 'Choose a category from the list.' }).optional(),
  ),
  details: z.preprocess(
    (v) => (v === null ? undefined : v),
    z
      .string()
      .trim()
      .max(
        REQUIREMENT_DETAILS_MAX,
        `Keep the details under ${REQUIREMENT_DETAILS_MAX.toLocaleString('en-IN')} characters.`,
      )
      .default(''),
  ),
  quantity: z.coerce
    .number({ message: 'Enter how many you need, as a number.' })
    .positive('Enter a quantity above zero.')
    .max(1_000_000_000, 'That quantity is too large.'),
  unit: z
    .string({ message: 'Say the unit, such as piece, kg or metre.' })
    .trim()
    .min(1, 'Say the unit, such as piece, kg or metre.')
    .max(30, 'Use a shorter unit (30 characters at most).'),
  budgetPaisePerUnit: z.preprocess(
    blankToUndefined,
    z.coerce
      .number({ message: 'Enter the budget per unit as a number.' })
      .int('Enter the budget in whole paise.')
      .positive('Enter a budget above zero, or leave it empty.')
      .max(Number.MAX_SAFE_INTEGER, 'That budget is too large.')
      .optional()
      .describe(
        'Your budget per unit in paise; used only to match sellers whose prices fit, never shown to them',
      ),
  ),
  city: z.preprocess(blankToUndefined, z.string().trim().max(60, 'Use a shorter city name.').optional()),
  state: z.preprocess(blankToUndefined, z.string().trim().max(60, 'Use a shorter state name.').optional()),
  neededBy: z.preprocess(
    blankToUndefined,
    isoDate.optional().describe('When you need the goods (YYYY-MM-DD)'),
  ),
  expiresAt: z.preprocess(
    blankToUndefined,
    z
      .union([isoDate, z.iso.datetime({ offset: true, message: 'Use a date such as 2026-12-31.' })])
      .optional()
      .describe(
        `When sellers should stop answering: a date or timestamp, at most ${MAX_REQUIREMENT_DAYS} days ahead; default ${DEFAULT_REQUIREMENT_DAYS} days`,
      ),
  ),
  maxSuppliers: z.coerce
    .number({ message: `Choose how many suppliers may receive it, from 1 to ${MAX_MATCHED_SELLERS}.` })
    .int(`Choose a whole number of suppliers, from 1 to ${MAX_MATCHED_SELLERS}.`)
    .min(1, 'At least one supplier must receive it.')
    .max(MAX_MATCHED_SELLERS, `At most ${MAX_MATCHED_SELLERS} suppliers can receive one requirement.`),
})
export type RequirementInput = z.input<typeof RequirementInput>
