import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from 'node:crypto'

/** A URL-safe random token with 256 bits of entropy, for cookies and emailed links. */
export function randomToken(): string {
  return randomBytes(32).toString('base64url')
}

/** How tokens are stored: their SHA-256, so a database leak gives no working session or link. */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

/** A keyed hash for values we must match but must not keep (emails and IPs in the sign-in throttle). */
export function keyedHash(secretKey: string, value: string): string {
  return createHmac('sha256', secretKey).update(value).digest('base64url')
}

// AES-256-GCM with a key derived from SECRET_KEY, for secrets we must be able to read back (TOTP).
function aesKey(secretKey: string): Buffer {
  return createHash('sha256').update(`mandi:totp:${secretKey}`).digest()
}

export function encryptSecret(secretKey: string, plain: string): string {
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', aesKey(secretKey), iv)
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()])
  return ['v1', iv.toString('base64url'), body.toString('base64url'), cipher.getAuthTag().toString('base64url')].join('.')
}

export function decryptSecret(secretKey: string, sealed: string): string {
  const [version, iv, body, tag] = sealed.split('.')
  if (version !== 'v1' || !iv || !body || !tag) throw new Error('Unreadable sealed secret')
  const decipher = createDecipheriv('aes-256-gcm', aesKey(secretKey), Buffer.from(iv, 'base64url'))
  decipher.setAuthTag(Buffer.from(tag, 'base64url'))
  return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8')
}
