import type { Db } from '../../db/database.ts'
import { type AttemptLimit, takeAttempt } from './attempt-limits.ts'
import { type AccountsDeps, sendVerificationEmail } from './registration.ts'
import { keyedHash } from './secrets.ts'

/**
 * Emailed links (password reset, email confirmation): 3 an hour per address, 20 an hour per
 * network, so nobody can flood an inbox, and an office can still help its own people.
 */
export const emailLinkLimits = {
  address: { max: 3, windowSeconds: 3600 },
  network: { max: 20, windowSeconds: 3600 },
} as const satisfies Record<string, AttemptLimit>

export type EmailLinkKind = 'password-reset' | 'email-verification'

/**
 * Counts one request for a link to `subject` (an email address, or an account id) from the
 * network of `context.ip`. Throws rate_limited('rate_limited') over either limit.
 */
export async function limitEmailLink(
  db: Db,
  deps: AccountsDeps,
  kind: EmailLinkKind,
  subject: string,
  context: { ip: string | undefined },
  now = new Date(),
) {
  await takeAttempt(
    db,
    [
      { key: `${kind}:address:${keyedHash(deps.secretKey, subject)}`, limit: emailLinkLimits.address },
      context.ip
        ? { key: `${kind}:network:${keyedHash(deps.secretKey, context.ip)}`, limit: emailLinkLimits.network }
        : null,
    ],
    (wait) =>
      kind === 'password-reset'
        ? `Too many reset links were asked for. Please wait ${wait}, and check your inbox (and spam folder) for the links already sent.`
        : `Too many confirmation links were asked for. Please wait ${wait}, and use the newest link already sent.`,
    now,
  )
}

/**
 * Sends a fresh email-confirmation link to the signed-in person, within the emailed-link limits
 * (counted per account). Throws rate_limited('rate_limited').
 */
export async function resendVerificationEmail(
  db: Db,
  deps: AccountsDeps,
  user: { id: string; email: string; name: string },
  context: { ip: string | undefined },
  now = new Date(),
) {
  await limitEmailLink(db, deps, 'email-verification', user.id, context, now)
  await db.transaction((tx) => sendVerificationEmail(tx, deps, user))
}
