import { createHmac } from 'node:crypto'
import type { CallMaskingProvider } from './call-masking.ts'
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

/**
 * The relay's signing key, derived from SECRET_KEY so that relay addresses never share a key with
 * cookies; keys derived from earlier SECRET_KEYs keep addresses in mail already sent working.
 */
export function relayKeyFromSecrets(
  secretKey: string,
  previous: readonly string[],
  domain: string,
): RelayAddressKey {
  const derive = (key: string) =>
    createHmac('sha256', key).update('mandi:relay-address:v1').digest('base64url')
  return { secretKey: derive(secretKey), previousSecretKeys: previous.map(derive), domain }
}
