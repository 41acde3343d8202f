import { type CountryCode, parsePhoneNumberFromString } from 'libphonenumber-js/max'
import { z } from 'zod'
import { invalid } from '../../shared/errors.ts'

/**
 * A phone number as E.164 (+919876543210). Indian numbers may be written the local way
 * (09876543210, 98765 43210). Throws invalid('invalid_phone') for anything that is not a real
 * number; with `mobile`, also for landlines, which cannot receive text messages.
 */
export function normalisePhone(
  input: string,
  options: { defaultCountry?: CountryCode; mobile?: boolean } = {},
) {
  const parsed = parsePhoneNumberFromString(input.trim(), options.defaultCountry ?? 'IN')
  if (!parsed?.isValid()) {
    throw invalid(
      'invalid_phone',
      'Please enter a valid phone number, such as 98765 43210 or +91 98765 43210.',
    )
  }
  if (options.mobile) {
    const type = parsed.getType()
    if (type !== undefined && type !== 'MOBILE' && type !== 'FIXED_LINE_OR_MOBILE') {
      throw invalid('invalid_phone', 'Text messages need a mobile number; this one is a landline.')
    }
  }
  return parsed.number
}

const emailSchema = z.email()

/** A trimmed email address with its domain in lower case. Throws invalid('invalid_email'). */
export function normaliseEmail(input: string): string {
  const trimmed = input.trim()
  const at = trimmed.lastIndexOf('@')
  const candidate = at > 0 ? `${trimmed.slice(0, at)}@${trimmed.slice(at + 1).toLowerCase()}` : trimmed
  if (candidate.length > 254 || !emailSchema.safeParse(candidate).success) {
    throw invalid('invalid_email', 'Please enter a valid email address, such as name@company.in.')
  }
  return candidate
}
