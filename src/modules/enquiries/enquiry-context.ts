import type { CallMaskingProvider } from './callbacks.ts'
import type { RelayAddressKey } from './relay-address.ts'

/** What enquiry flows need from the composition root besides the database. */
export interface EnquiryContext {
  /** Absolute base URL, without a trailing slash, for links in notifications. */
  publicUrl: string
  /** Signs and checks the per-enquiry relay addresses. */
  relay: RelayAddressKey
  /** Virtual numbers for "call me back"; absent when the operator has none set up. */
  callMasking?: CallMaskingProvider | undefined
  /** For tests; by default the current time. */
  now?: () => Date
}

export function nowOf(ctx: EnquiryContext): Date {
  return ctx.now?.() ?? new Date()
}
