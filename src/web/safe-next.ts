/** Longest `next` kept; a longer one is not a path anybody was on. */
const MAX_NEXT_LENGTH = 500

/**
 * Where to send someone after signing in (`next=` and the like): a path on this site, or
 * `fallback`. Used everywhere such a parameter is read, so a bad value can never block a sign-in
 * or break the redirect:
 * - a single leading slash: "//evil.example" and "/\evil.example" are other sites to a browser,
 *   and anything absolute ("https:", "javascript:") is refused;
 * - printable ASCII only: a Location header cannot carry "€", control characters or a line break
 *   (Node refuses them, which used to be a 500), and a real path arrives percent-encoded anyway;
 * - never back to signing in or out, which would loop.
 */
export function safeNext(value: unknown, fallback = '/'): string {
  if (typeof value !== 'string' || value.length > MAX_NEXT_LENGTH) return fallback
  if (!/^\/(?![/\\])[\x21-\x7e]*$/.test(value) || value.includes('\\')) return fallback
  if (value.startsWith('/account/sign-in') || value.startsWith('/account/sign-out')) return fallback
  return value
}
