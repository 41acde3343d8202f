import { z } from 'zod'
import { indianStates } from '../../shared/india.ts'
import { int4 } from '../../shared/validation.ts'
import { MIN_PASSWORD_LENGTH } from './passwords.ts'

export const genders = ['female', 'male', 'other', 'prefer_not_to_say'] as const

const trimmed = (max: number) => z.string().trim().max(max, `Use at most ${max} characters.`)
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Use at most ${max} characters.`)
    .transform((v) => (v === '' ? null : v))
    .nullish()

export const emailInput = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, 'That email address is too long.')
  .pipe(z.email('Enter an email address like name@company.in.'))

export const pinInput = z
  .string()
  .trim()
  .regex(/^[1-9]\d{5}$/, 'A PIN code has 6 digits and does not start with 0.')

export const stateInput = z
  .string()
  .trim()
  .refine(
    (s) => indianStates.some((state) => state.toLowerCase() === s.toLowerCase()),
    'Choose an Indian state or union territory.',
  )
  .transform((s) => indianStates.find((state) => state.toLowerCase() === s.toLowerCase())!)

/** The earliest date of birth taken: anyone born before it would be over 125 years old. */
export const EARLIEST_DATE_OF_BIRTH = '1900-01-01'

export const dateOfBirthInput = z.iso
  .date('Enter the date as YYYY-MM-DD.')
  .refine((d) => d >= EARLIEST_DATE_OF_BIRTH, 'Enter a date of birth in 1900 or later.')
  .refine((d) => d <= new Date().toISOString().slice(0, 10), 'A date of birth cannot be in the future.')

export const RegisterInput = z.object({
  email: emailInput,
  // The length here; the strength (which needs the email and name) is checked by register(),
  // which reports it together with this schema's problems, so every problem shows on the first try.
  password: z
    .string()
    .min(1, 'Choose a password.')
    .min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters.`)
    .max(200, 'Use at most 200 characters.'),
  name: trimmed(120).min(2, 'Enter your full name.'),
  phone: z.string().trim().min(1, 'Enter your mobile number.').max(30),
  dateOfBirth: dateOfBirthInput.nullish(),
  gender: z.enum(genders).nullish(),
  isAdultBusinessUser: z.literal(true, 'Confirm that you are 18 or over and use Mandi for your business.'),
  consents: z
    .object({ marketing_email: z.boolean().optional(), personalisation: z.boolean().optional() })
    .optional(),
})
export type RegisterInput = z.input<typeof RegisterInput>

/** Editable profile fields. Every field is optional: a PATCH changes only what it names. */
export const ProfileInput = z.object({
  name: trimmed(120).min(2, 'Enter your full name.').optional(),
  phone: z
    .string()
    .trim()
    .min(1, 'Enter your mobile number; it cannot be removed, only changed.')
    .max(30)
    .optional(),
  dateOfBirth: dateOfBirthInput.nullish(),
  gender: z.enum(genders).nullish(),
  addressLine1: optionalText(200),
  addressLine2: optionalText(200),
  city: optionalText(80),
  state: stateInput.nullish().or(z.literal('').transform(() => null)),
  pin: pinInput.nullish().or(z.literal('').transform(() => null)),
})
export type ProfileInput = z.input<typeof ProfileInput>

export const businessTypes = [
  'manufacturer',
  'wholesaler',
  'trader',
  'exporter',
  'distributor',
  'service_provider',
] as const

export const BusinessInput = z.object({
  legalName: trimmed(200).min(2, 'Enter the legal name as on your GST registration.'),
  tradeName: optionalText(200),
  gstin: z.string().trim().toUpperCase().min(1, 'Enter your GSTIN.'),
  businessType: z.enum(businessTypes).default('manufacturer'),
  yearEstablished: z.coerce
    .number()
    .int('Enter a year like 1998.')
    .min(1850, 'Enter a year after 1850.')
    .max(new Date().getUTCFullYear(), 'The year cannot be in the future.')
    .nullish(),
  description: trimmed(2000).optional(),
  address: z.object({
    line1: trimmed(200).min(3, 'Enter the street address.'),
    city: trimmed(80).min(2, 'Enter the city.'),
    state: stateInput,
    pin: pinInput,
  }),
  categories: z
    .array(int4({ coerce: true, min: 1, message: 'Choose categories from the list.' }))
    .max(20, 'Choose at most 20 categories.')
    .optional(),
})
export type BusinessInput = z.input<typeof BusinessInput>

export const SignInInput = z.object({
  email: emailInput,
  password: z.string().min(1, 'Enter your password.').max(200),
  sharedDevice: z.boolean().optional(),
  totp: z
    .string()
    .trim()
    .regex(/^(\d{6}|[a-z0-9]{5}-[a-z0-9]{5})$/i, 'Enter the 6-digit code from your app or a recovery code.')
    .optional(),
})
export type SignInInput = z.input<typeof SignInInput>
