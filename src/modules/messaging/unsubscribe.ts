import { createHmac, timingSafeEqual } from 'node:crypto'

// One-click unsubscribe links carry a token that names the account and is signed with the
// installation's secret key, so the link works without signing in (RFC 8058) and cannot be forged
// for someone else. It never expires: an unsubscribe link must keep working.

const UUID_HEX = /^[0-9a-f]{32}$/

/** A token for withdrawing marketing consent of one account. */
export function createUnsubscribeToken(secretKey: string, userId: string): string {
  const id = Buffer.from(userId.replace(/-/g, ''), 'hex')
  return `${id.toString('base64url')}.${sign(secretKey, id).toString('base64url')}`
}

/** The account id a token was made for, or null if it was altered or made with another key. */
export function verifyUnsubscribeToken(secretKey: string, token: string): string | null {
  const [idPart, macPart] = token.split('.')
  if (!idPart || !macPart) return null
  const id = Buffer.from(idPart, 'base64url')
  const mac = Buffer.from(macPart, 'base64url')
  const expected = sign(secretKey, id)
  if (id.length !== 16 || mac.length !== expected.length || !timingSafeEqual(mac, expected)) return null
  const hex = id.toString('hex')
  if (!UUID_HEX.test(hex)) return null
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

/** The link placed in marketing email and its List-Unsubscribe header. */
export function unsubscribeUrl(publicUrl: string, secretKey: string, userId: string): string {
  return `${publicUrl.replace(/\/$/, '')}/unsubscribe/${createUnsubscribeToken(secretKey, userId)}`
}

function sign(secretKey: string, id: Buffer): Buffer {
  return createHmac('sha256', secretKey)
    .update('mandi:unsubscribe:marketing_email:')
    .update(id)
    .digest()
    .subarray(0, 16)
}
