import { hash, verify } from '@node-rs/argon2'
import { ZxcvbnFactory } from '@zxcvbn-ts/core'
import * as zxcvbnCommon from '@zxcvbn-ts/language-common'
import * as zxcvbnEn from '@zxcvbn-ts/language-en'

// argon2id with the library's defaults (19 MiB, 2 passes), the OWASP baseline for interactive sign-in.
const ARGON2ID = 2

export const MIN_PASSWORD_LENGTH = 10

/**
 * Words a guesser tries first on an Indian B2B marketplace, added to zxcvbn's English and common
 * password lists: the site and the country, common first names and surnames, and the industrial
 * cities the demo data (and most sellers) sit in.
 */
export const indianWords = [
  'mandi',
  'india',
  'bharat',
  'hindustan',
  'jaihind',
  'bharatmata',
  'ganesh',
  'krishna',
  'shiva',
  'rama',
  'lakshmi',
  'durga',
  'sai',
  'om',
  // first names
  'aarav',
  'aditya',
  'amit',
  'anil',
  'anjali',
  'arjun',
  'deepak',
  'divya',
  'kavita',
  'manoj',
  'meera',
  'neha',
  'pooja',
  'priya',
  'rahul',
  'rajesh',
  'ravi',
  'rohit',
  'sanjay',
  'sunil',
  'sunita',
  'suresh',
  'vijay',
  'vikram',
  // surnames
  'sharma',
  'verma',
  'gupta',
  'singh',
  'patel',
  'shah',
  'joshi',
  'kumar',
  'reddy',
  'iyer',
  'nair',
  'rao',
  'mehta',
  'agarwal',
  'jain',
  // cities
  'mumbai',
  'delhi',
  'bengaluru',
  'bangalore',
  'chennai',
  'kolkata',
  'hyderabad',
  'pune',
  'ahmedabad',
  'surat',
  'rajkot',
  'coimbatore',
  'ludhiana',
  'jaipur',
  'kanpur',
  'nagpur',
  'indore',
  'vadodara',
  'jamnagar',
  'faridabad',
  'noida',
  'gurgaon',
  'gurugram',
  'nashik',
  'aurangabad',
  'thane',
  'howrah',
  'moradabad',
  'aligarh',
  'tiruppur',
]

/** The score (0 to 4) a password must reach: 3 is "safely unguessable: moderate protection from offline attacks". */
export const MIN_PASSWORD_SCORE = 3

let estimator: ZxcvbnFactory | undefined
function strength(): ZxcvbnFactory {
  estimator ??= new ZxcvbnFactory({
    translations: zxcvbnEn.translations,
    graphs: zxcvbnCommon.adjacencyGraphs,
    dictionary: { ...zxcvbnCommon.dictionary, ...zxcvbnEn.dictionary, indian: indianWords },
  })
  return estimator
}

/** A person-readable reason the password is too weak, or null when it will do. */
export function passwordProblem(
  password: string,
  context: { email?: string; name?: string } = {},
): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `Use at least ${MIN_PASSWORD_LENGTH} characters.`
  if (password.length > 200) return 'Use at most 200 characters.'
  const lower = password.toLowerCase()
  const local = context.email?.split('@')[0]?.toLowerCase()
  if (local && local.length >= 4 && lower.includes(local))
    return 'Do not use your email address in your password.'
  // The estimator's cost grows with length; past 100 characters a password is long enough.
  const userInputs = [local, ...(context.name?.toLowerCase().split(/\s+/) ?? [])].filter(
    (word): word is string => Boolean(word && word.length >= 3),
  )
  const result = strength().check(password.slice(0, 100), userInputs)
  if (result.score >= MIN_PASSWORD_SCORE) return null
  const reason = result.feedback.warning ? ` ${withStop(result.feedback.warning)}` : ''
  return `This password is too easy to guess.${reason} A few unrelated words, such as "copper lantern monsoon", are easy to remember and hard to guess.`
}

function withStop(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: ARGON2ID })
}

/** Constant-time check; false (never a throw) for a missing or malformed hash. */
export async function verifyPassword(
  passwordHash: string | null | undefined,
  password: string,
): Promise<boolean> {
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
