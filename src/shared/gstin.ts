import { type GstStateCode, gstStateCodes } from './india.ts'

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'
// 2-digit state, PAN (5 letters, 4 digits, 1 letter), entity number, 'Z' by default, check character.
const SHAPE = /^(\d{2})([A-Z]{5}\d{4}[A-Z])([1-9A-Z])Z([0-9A-Z])$/

/** The GSTIN check character for the first 14 characters (a Luhn mod-36 scheme). */
export function gstinCheckCharacter(first14: string): string {
  let sum = 0
  for (let i = 0; i < 14; i++) {
    const value = ALPHABET.indexOf(first14[i]!)
    if (value < 0) throw new Error('GSTIN characters must be digits or capital letters')
    const product = value * (i % 2 === 0 ? 1 : 2)
    sum += Math.floor(product / 36) + (product % 36)
  }
  return ALPHABET[(36 - (sum % 36)) % 36]!
}

export type GstinProblem = 'format' | 'state' | 'check_digit'

export type GstinResult =
  | { ok: true; gstin: string; stateCode: GstStateCode; state: string; pan: string }
  | { ok: false; problem: GstinProblem; message: string }

/** Validates shape, state code and check character. Accepts lower case and surrounding spaces. */
export function parseGstin(input: string): GstinResult {
  const gstin = input.trim().toUpperCase()
  const match = SHAPE.exec(gstin)
  if (!match) {
    return {
      ok: false,
      problem: 'format',
      message: 'A GSTIN has 15 characters: 2-digit state code, 10-character PAN, entity number, Z, check character.',
    }
  }
  const stateCode = match[1] as GstStateCode
  const state = gstStateCodes[stateCode]
  if (!state) return { ok: false, problem: 'state', message: `${match[1]} is not a GST state code.` }
  if (gstinCheckCharacter(gstin.slice(0, 14)) !== gstin[14]) {
    return { ok: false, problem: 'check_digit', message: 'The last character of this GSTIN does not match; please check for a typo.' }
  }
  return { ok: true, gstin, stateCode, state, pan: match[2]! }
}

/** Builds a valid GSTIN from a state code, a PAN and an entity number (demo data, tests). */
export function makeGstin(stateCode: GstStateCode, pan: string, entity = '1'): string {
  const first14 = `${stateCode}${pan}${entity}Z`
  return first14 + gstinCheckCharacter(first14)
}
