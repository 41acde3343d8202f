import { createHmac, timingSafeEqual } from 'node:crypto'
import { invalid } from '../../shared/errors.ts'

export type RelayParty = 'buyer' | 'seller'
export type RelayAddressKey = {
  secretKey: string
  domain: string
  /** Keys retired by rotation; addresses minted under them keep parsing until dropped from here. */
  previousSecretKeys?: readonly string[]
}

// Layout of the token before encoding: 1 header byte (version in the high bits, party in
// the lowest), the 16 UUID bytes, then a 13-byte HMAC tag. 30 bytes is a multiple of 5, so
// base32 needs no padding and every character carries real bits — a flipped character can
// never decode to the same bytes. 104 bits of tag is far beyond what anyone can guess by
// sending mail, and the local part stays at 50 characters, under RFC 5321's 64.
const VERSION = 1
const TAG_BYTES = 13
const TOKEN_BYTES = 1 + 16 + TAG_BYTES
const PREFIX = 'e-'
const ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567'
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

export function relayAddress(to: { enquiryId: string; party: RelayParty }, key: RelayAddressKey): string {
  const enquiryId = to.enquiryId.toLowerCase()
  if (!UUID.test(enquiryId)) throw invalid('invalid_enquiry_id', 'A relay address needs the enquiry’s UUID.')
  const domain = normaliseDomain(key.domain)
  const body = Buffer.alloc(17)
  body[0] = (VERSION << 1) | (to.party === 'seller' ? 1 : 0)
  Buffer.from(enquiryId.replaceAll('-', ''), 'hex').copy(body, 1)
  const token = Buffer.concat([body, tagFor(body, domain, key.secretKey)])
  return `${PREFIX}${base32Encode(token)}@${domain}`
}

export function parseRelayAddress(
  address: string,
  key: RelayAddressKey,
): { enquiryId: string; party: RelayParty } | null {
  const trimmed = address
    .trim()
    .replace(/^<(.*)>$/, '$1')
    .toLowerCase()
  const at = trimmed.lastIndexOf('@')
  if (at < 0) return null
  const local = trimmed.slice(0, at)
  if (trimmed.slice(at + 1) !== normaliseDomain(key.domain) || !local.startsWith(PREFIX)) return null
  const token = base32Decode(local.slice(PREFIX.length))
  if (!token || token.length !== TOKEN_BYTES) return null
  const body = token.subarray(0, 17)
  const header = body[0]!
  if (header >> 1 !== VERSION) return null
  const tag = token.subarray(17)
  const domain = normaliseDomain(key.domain)
  const keys = [key.secretKey, ...(key.previousSecretKeys ?? [])]
  // Every key is checked even after a match so timing says nothing about which one signed it.
  let valid = false
  for (const secret of keys) valid = timingSafeEqual(tag, tagFor(body, domain, secret)) || valid
  if (!valid) return null
  const hex = body.subarray(1).toString('hex')
  return {
    enquiryId: `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`,
    party: (header & 1) === 1 ? 'seller' : 'buyer',
  }
}

function tagFor(body: Buffer, domain: string, secretKey: string): Buffer {
  if (secretKey.length < 32)
    throw invalid('weak_relay_key', 'The relay secret key must be at least 32 characters.')
  // The domain is signed too, so an address minted for one deployment is useless on another
  // that happens to share a key.
  return createHmac('sha256', secretKey)
    .update(`mandi-relay:${domain}:`)
    .update(body)
    .digest()
    .subarray(0, TAG_BYTES)
}

function normaliseDomain(domain: string): string {
  return domain.trim().toLowerCase().replace(/\.$/, '')
}

function base32Encode(bytes: Buffer): string {
  let out = ''
  let bits = 0
  let value = 0
  for (const byte of bytes) {
    value = (value << 8) | byte
    bits += 8
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31]
      bits -= 5
    }
    value &= (1 << bits) - 1
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31]
  return out
}

function base32Decode(text: string): Buffer | null {
  // Only whole 5-byte groups are valid here, which rules out non-canonical trailing bits.
  if (text.length === 0 || text.length % 8 !== 0) return null
  const out: number[] = []
  let bits = 0
  let value = 0
  for (const char of text) {
    const index = ALPHABET.indexOf(char)
    if (index < 0) return null
    value = (value << 5) | index
    bits += 5
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 255)
      bits -= 8
    }
    value &= (1 << bits) - 1
  }
  return Buffer.from(out)
}
