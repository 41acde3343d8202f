import { parsePhoneNumberFromString } from 'libphonenumber-js/max'

export type ContactKind = 'email' | 'phone' | 'url' | 'whatsapp'
export type ContactMatch = { kind: ContactKind; match: string; index: number }

// Before the buyer shares contact details, a message that carries an address or number is
// delivered but flagged for the other side's safety. False positives are costly here: a
// seller quoting "₹12,50,000 for 5000 pcs" must not be told they broke a rule, so every
// pattern below leans towards missing a clever evasion rather than flagging trade talk.

const TLD = '(?:com|in|co|net|org|biz|info|io|me|email|edu|gov)'
const AT = String.raw`(?:\s*[[({<]\s*at\s*[\])}>]\s*|\s+at\s+|\s*@\s*)`
const DOT = String.raw`(?:\s*[[({<]\s*dot\s*[\])}>]\s*|\s+dot\s+|\.)`
const plainEmail = /[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}/gi
// The spelt-out form needs "dot" (or a real dot) before a known top-level domain, so that
// prose like "delivered at site" never matches.
const spelledEmail = new RegExp(
  String.raw`\b[a-z0-9][a-z0-9._+-]*${AT}[a-z0-9][a-z0-9-]*(?:${DOT}[a-z0-9-]+)*${DOT}${TLD}\b`,
  'gi',
)
const whatsappLink = /\b(?:https?:\/\/)?(?:wa\.me|api\.whatsapp\.com|chat\.whatsapp\.com)\/\S*/gi
const url =
  /\b(?:https?:\/\/\S+|www\.[a-z0-9-]+(?:\.[a-z0-9-]+)+\S*|[a-z0-9-]{2,}(?:\.[a-z0-9-]+)*\.(?:com|co\.in|in|net|org|biz)\b(?:\/\S*)?)/gi
// A run of digit groups joined by short separators. Commas and slashes are deliberately not
// separators: they belong to Indian-format prices (12,50,000) and dates (12/03/2025).
const digitRun = /(?<![\p{L}\p{N}])(?:\+\s?|\()?\d+(?:[ \t\-.()]{1,3}\d+)*(?![\p{L}\p{N}])/gu
const currencyBefore = /(?:₹|\brs\.?|\binr)\s*$/i
const unitAfter =
  /^\s*(?:pcs|pieces|nos|units|kgs?|g|mm|cm|m|mtrs?|meters?|metres?|ft|feet|inch(?:es)?|tons?|tonnes?|mt|sets?|litres?|liters?|ltrs?|l|rolls?|boxes|bags|pairs|sheets|coils|sq\.?\s?ft|rpm|kw|hp|v|w|amp)\b/i
// Groupings people actually use when writing a mobile number without +91 or 0 in front.
// Space-separated 3-3-4 or 4-3-3 reads just as easily as a list of quantities ("6206 304 140"),
// so those need a dash or dot between the groups; 4-6 ("6206 411001") is left out entirely.
const mobileGroupings = new Set(['10', '5-5', '2-2-2-2-2', '1-1-1-1-1-1-1-1-1-1'])
const punctuatedMobileGroupings = new Set(['3-3-4', '4-3-3'])

export function findContactDetails(text: string): ContactMatch[] {
  const found: ContactMatch[] = []
  const add = (kind: ContactKind, index: number, match: string) => {
    const end = index + match.length
    if (found.some((m) => index < m.index + m.match.length && m.index < end)) return
    found.push({ kind, match, index })
  }
  for (const m of text.matchAll(whatsappLink)) add('whatsapp', m.index, trimTrailingPunctuation(m[0]))
  for (const m of text.matchAll(plainEmail)) add('email', m.index, m[0])
  for (const m of text.matchAll(spelledEmail)) add('email', m.index, m[0])
  for (const m of text.matchAll(url)) add('url', m.index, trimTrailingPunctuation(m[0]))
  for (const m of text.matchAll(digitRun)) {
    const phone = phoneWithin(m[0])
    if (!phone) continue
    const index = m.index + phone.offset
    if (currencyBefore.test(text.slice(Math.max(0, index - 5), index))) continue
    if (unitAfter.test(text.slice(index + phone.text.length))) continue
    add('phone', index, phone.text)
  }
  return found.sort((a, b) => a.index - b.index)
}

export function hasContactDetails(text: string): boolean {
  return findContactDetails(text).length > 0
}

type Group = { digits: string; start: number; end: number }

function phoneWithin(run: string): { text: string; offset: number } | null {
  const groups: Group[] = [...run.matchAll(/\d+/g)].map((g) => ({
    digits: g[0],
    start: g.index,
    end: g.index + g[0].length,
  }))
  const slice = (from: number, to: number) => {
    const offset = from === 0 ? 0 : groups[from]!.start
    return { text: run.slice(offset, groups[to]!.end), offset }
  }

  const prefixed = nationalAfterPrefix(run, groups)
  if (prefixed) {
    const { firstGroup, leading } = prefixed
    let national = leading
    for (let i = firstGroup; i < groups.length; i++) {
      national += i === firstGroup && leading ? '' : groups[i]!.digits
      if (national.length === 10) return isIndianNumber(national) ? slice(0, i) : null
      if (national.length > 10) return null
    }
    return null
  }

  // Without a prefix only a mobile counts, and it must either be one unbroken 10-digit group
  // or the whole run in a familiar grouping; a 10-digit window inside a longer list of
  // numbers (prices, sizes) is far more likely to be a coincidence than a phone.
  const allDigits = groups.map((g) => g.digits).join('')
  const grouping = groups.map((g) => g.digits.length).join('-')
  const punctuated = /^[\d\-.]+$/.test(run)
  if (
    allDigits.length === 10 &&
    (mobileGroupings.has(grouping) || (punctuated && punctuatedMobileGroupings.has(grouping)))
  ) {
    // "60000 40000" is two quantities: real numbers are almost never round in every group.
    const longGroups = groups.filter((g) => g.digits.length >= 3)
    const allRound = longGroups.length > 1 && longGroups.every((g) => g.digits.endsWith('00'))
    return !allRound && /^[6-9]/.test(allDigits) && isIndianNumber(allDigits)
      ? slice(0, groups.length - 1)
      : null
  }
  for (let i = 0; i < groups.length; i++) {
    const digits = groups[i]!.digits
    if (digits.length === 10 && /^[6-9]/.test(digits) && isIndianNumber(digits)) return slice(i, i)
  }
  return null
}

// Finds where the 10-digit national number starts after +91, 0091, 91 or a trunk 0.
function nationalAfterPrefix(run: string, groups: Group[]): { firstGroup: number; leading: string } | null {
  const first = groups[0]?.digits ?? ''
  const plus = run.startsWith('+')
  // "0.75" is a decimal, not a trunk prefix; without this a list of small decimals can add up to ten digits.
  if (first === '0' && run.startsWith('0.')) return null
  if (plus && first === '91') return { firstGroup: 1, leading: '' }
  if (plus && first.startsWith('91')) return { firstGroup: 0, leading: first.slice(2) }
  if (plus) return null
  if (first === '0091' || first === '91' || first === '0') return { firstGroup: 1, leading: '' }
  if (first.startsWith('0091')) return { firstGroup: 0, leading: first.slice(4) }
  if (first.startsWith('0') && !first.startsWith('00')) return { firstGroup: 0, leading: first.slice(1) }
  if (first.length === 12 && first.startsWith('91')) return { firstGroup: 0, leading: first.slice(2) }
  return null
}

function isIndianNumber(national: string): boolean {
  return parsePhoneNumberFromString(`+91${national}`)?.isValid() ?? false
}

function trimTrailingPunctuation(text: string): string {
  return text.replace(/[.,;:!?)\]}'"]+$/, '')
}
