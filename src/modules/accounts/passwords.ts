import { hash, verify } from '@node-rs/argon2'

// argon2id with the library's defaults (19 MiB, 2 passes), the OWASP baseline for interactive sign-in.
const ARGON2ID = 2

export const MIN_PASSWORD_LENGTH = 10

// A few of the passwords people choose most; a longer list belongs in a breach-check service.
const common = new Set([
  'password123',
  'password@123',
  'qwerty12345',
  '1234567890',
  '12345678910',
  'iloveyou123',
  'welcome@123',
  'admin@12345',
  'india@12345',
  'mandi@12345',
])

/** A person-readable reason the password is too weak, or null when it will do. */
export function passwordProblem(password: string, context: { email?: string; name?: string } = {}): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `Use at least ${MIN_PASSWORD_LENGTH} characters.`
  if (password.length > 200) return 'Use at most 200 characters.'
  const lower = password.toLowerCase()
  if (common.has(lower) || /^(.)\1+$/.test(password)) return 'This password is too easy to guess; choose another.'
  const local = context.email?.split('@')[0]?.toLowerCase()
  if (local && local.length >= 4 && lower.includes(local)) return 'Do not use your email address in your password.'
  return null
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: ARGON2ID })
}

/** Constant-time check; false (never a throw) for a missing or malformed hash. */
export async function verifyPassword(passwordHash: string | null | undefined, password: string): Promise<boolean> {
  if (!passwordHash) return false
  try {
    return await verify(passwordHash, password)
  } catch {
    return false
  }
}

// Spending the same time when the account does not exist keeps sign-in from revealing which emails are registered.
let decoy: Promise<string> | undefined
export async function burnPasswordCheck(password: string): Promise<void> {
  decoy ??= hashPassword('decoy password that never matches anything')
  await verify(await decoy, password).catch(() => false)
}
