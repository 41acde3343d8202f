import { createHash, createPrivateKey, createPublicKey, type KeyObject, sign, verify } from 'node:crypto'

/**
 * Consent receipts are compact JWS tokens (RFC 7515) signed with Ed25519 ("EdDSA"). A person can
 * download theirs; anyone can check one against the public key at /.well-known/consent-receipt-key.
 */
export interface ConsentReceiptClaims {
  /** The receipt id (consent_events.receipt_id). */
  jti: string
  /** The marketplace that issued it (PUBLIC_URL). */
  iss: string
  /** The person, by account id. */
  sub: string
  /** Seconds since the epoch when consent was given. */
  iat: number
  controller: { name: string; grievanceEmail: string }
  purpose: { code: string; title: string; description: string }
  policyVersion: string
  channel: string
}

export interface PublicJwk {
  kty: 'OKP'
  crv: 'Ed25519'
  x: string
  kid: string
  alg: 'EdDSA'
  use: 'sig'
}

export interface ReceiptSigner {
  kid: string
  publicJwk: PublicJwk
  sign(claims: ConsentReceiptClaims): string
}

const b64url = (data: Buffer | string) => Buffer.from(data).toString('base64url')

export function createReceiptSigner(privateKeyPem: string): ReceiptSigner {
  const privateKey = createPrivateKey(privateKeyPem)
  if (privateKey.asymmetricKeyType !== 'ed25519')
    throw new Error('The consent receipt key must be an Ed25519 key')
  const jwk = createPublicKey(privateKey).export({ format: 'jwk' }) as { x: string }
  const kid = createHash('sha256').update(jwk.x).digest('base64url').slice(0, 16)
  const publicJwk: PublicJwk = { kty: 'OKP', crv: 'Ed25519', x: jwk.x, kid, alg: 'EdDSA', use: 'sig' }
  return {
    kid,
    publicJwk,
    sign(claims) {
      const header = b64url(JSON.stringify({ alg: 'EdDSA', typ: 'JWT', kid }))
      const payload = b64url(JSON.stringify(claims))
      const signature = sign(null, Buffer.from(`${header}.${payload}`), privateKey)
      return `${header}.${payload}.${b64url(signature)}`
    },
  }
}

export type ReceiptCheck = { valid: true; claims: ConsentReceiptClaims } | { valid: false; reason: string }

/**
 * The compact JWS inside whatever a person pastes or uploads: the downloaded file whole (a JSON
 * document with a `receipt` member), the token as a JSON string, or the token itself.
 */
export function receiptToken(text: string): string {
  const trimmed = text.replace(/^\uFEFF/, '').trim()
  if (!trimmed.startsWith('{') && !trimmed.startsWith('"')) return trimmed
  try {
    const parsed: unknown = JSON.parse(trimmed)
    if (typeof parsed === 'string') return parsed.trim()
    if (
      parsed &&
      typeof parsed === 'object' &&
      typeof (parsed as { receipt?: unknown }).receipt === 'string'
    ) {
      return (parsed as { receipt: string }).receipt.trim()
    }
  } catch {
    // Not JSON after all: checked as it is, and reported as not a compact JWS.
  }
  return trimmed
}

/**
 * Verifies a receipt against a public JWK; any change to header, claims or signature fails. Accepts
 * the downloaded file as it is, or the token alone (see receiptToken).
 */
export function verifyReceipt(
  token: string,
  jwk: Pick<PublicJwk, 'kty' | 'crv' | 'x'> & { kid?: string },
): ReceiptCheck {
  const parts = receiptToken(token).split('.')
  if (parts.length !== 3) return { valid: false, reason: 'not a compact JWS' }
  const [header, payload, signature] = parts as [string, string, string]
  let parsedHeader: { alg?: string; kid?: string }
  try {
    parsedHeader = JSON.parse(Buffer.from(header, 'base64url').toString('utf8'))
  } catch {
    return { valid: false, reason: 'unreadable header' }
  }
  if (parsedHeader.alg !== 'EdDSA') return { valid: false, reason: 'unexpected algorithm' }
  if (jwk.kid && parsedHeader.kid !== jwk.kid) return { valid: false, reason: 'signed with another key' }
  let key: KeyObject
  try {
    key = createPublicKey({ key: { kty: jwk.kty, crv: jwk.crv, x: jwk.x }, format: 'jwk' })
  } catch {
    return { valid: false, reason: 'unusable public key' }
  }
  const ok = verify(null, Buffer.from(`${header}.${payload}`), key, Buffer.from(signature, 'base64url'))
  if (!ok) return { valid: false, reason: 'signature does not match' }
  try {
    return { valid: true, claims: JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) }
  } catch {
    return { valid: false, reason: 'unreadable claims' }
  }
}
