// What accounts needs from the composition root. A leaf, so that any accounts file can take it
// without importing registration.ts (which imports profile.ts, which sends verification codes).

export interface AccountsDeps {
  /** SECRET_KEY: keys the sign-in throttle hashes and seals TOTP secrets. */
  secretKey: string
  /** PUBLIC_URL, for links in emails. */
  publicUrl: string
}
