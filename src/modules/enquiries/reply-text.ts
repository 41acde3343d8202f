import { findContactDetails } from './contact-detection.ts'

export const REDACTED = '[contact details removed]'

// Quoted history is where personal data leaks through the relay: the seller's mail client
// quotes the buyer's original message, headers and all. Cutting at the first sign of it is
// safer than trying to keep interleaved answers; the conversation is already on the site.
const quoteHeaderLines: RegExp[] = [
  /^-{2,}\s*original message\s*-{2,}$/i,
  /^_{10,}$/,
  /^-{2,}\s*reply message\s*-{2,}$/i,
  /^(?:begin forwarded message|-{2,}\s*forwarded message\s*-{2,})/i,
]
// "On <date>, X wrote:" and its variants; the header may wrap over up to three lines.
const wroteHeader =
  /^(?:on\b.{0,250}\b(?:wrote|writes|has written|had written|has sent|sent)\s*:|.{0,200}\bwrote on\b.{0,120}:|.{0,250}ने लिखा\s*:)$/is
const outlookField = /^\*?(?:from|sent|date|to|cc|subject)\s*:\*?\s/i
const signatureLines = [
  /^-- ?$/,
  /^sent from my (?:iphone|ipad|android|mi phone|redmi|samsung|galaxy|oneplus|vivo|oppo|realme|mobile|phone|smartphone)\b/i,
  /^sent from (?:yahoo mail|outlook|mail for windows|gmail mobile)\b/i,
  /^get outlook for (?:ios|android)\b/i,
  /^sent (?:via|using) (?:the )?\w+ (?:app|mobile)\b/i,
]

export function extractReply(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n')
  const kept: string[] = []
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim()
    if (quoteHeaderLines.some((re) => re.test(line))) break
    if (isWroteHeader(lines, i)) break
    if (isOutlookHeader(lines, i)) break
    if (signatureLines.some((re) => re.test(line))) break
    if (line.startsWith('>')) continue
    kept.push(lines[i]!.trimEnd())
  }
  return kept.join('\n').trim()
}

function isWroteHeader(lines: string[], at: number): boolean {
  // Headers always carry a date or time; requiring a digit keeps "On the price..." safe.
  if (!/\d/.test(lines.slice(at, at + 3).join(' '))) return false
  for (let span = 1; span <= 3 && at + span <= lines.length; span++) {
    const joined = lines
      .slice(at, at + span)
      .map((l) => l.trim())
      .join(' ')
    if (wroteHeader.test(joined)) return true
    if (/[.!?]$/.test(lines[at + span - 1]!.trim())) return false
  }
  return false
}

// Outlook and many Indian corporate clients quote with a From:/Sent:/To:/Subject: block
// instead of a "wrote:" line. One "From:" alone might be the user's own words, so at least
// two header fields must appear together.
function isOutlookHeader(lines: string[], at: number): boolean {
  if (!/^\*?from\s*:/i.test(lines[at]!.trim())) return false
  const following = lines.slice(at + 1, at + 5).filter((l) => outlookField.test(l.trim()))
  return following.length >= 1
}

export type KnownContacts = { emails: readonly string[]; phones: readonly string[] }

export function redactContactDetails(text: string, known: KnownContacts): string {
  const emails = new Set(known.emails.map((e) => e.trim().toLowerCase()).filter(Boolean))
  const phones = new Set(known.phones.map(nationalDigits).filter((p): p is string => p !== null))
  const spans: { start: number; end: number }[] = []

  for (const m of findContactDetails(text)) {
    const hit =
      m.kind === 'email'
        ? emails.has(canonicalEmail(m.match))
        : m.kind === 'phone' || m.kind === 'whatsapp'
          ? phones.has(nationalDigits(m.match) ?? '')
          : false
    if (hit) spans.push({ start: m.index, end: m.index + m.match.length })
  }
  // Known values are also searched for literally, so a party's own number is removed even
  // where the general detector stays quiet (e.g. glued to a word: "Mob9876543210").
  for (const email of emails) {
    for (const m of text.matchAll(new RegExp(escapeRegExp(email), 'gi'))) {
      spans.push({ start: m.index, end: m.index + m[0].length })
    }
  }
  for (const phone of phones) {
    const digits = phone.split('').join(String.raw`[\s\-.()]{0,3}`)
    const pattern = new RegExp(String.raw`(?:(?:\+\s?|00)?91[\s\-.()]{0,3}|\(?0)?${digits}(?!\d)`, 'g')
    for (const m of text.matchAll(pattern)) spans.push({ start: m.index, end: m.index + m[0].length })
  }
  return replaceSpans(text, spans)
}

function replaceSpans(text: string, spans: { start: number; end: number }[]): string {
  const merged: { start: number; end: number }[] = []
  for (const span of spans.sort((a, b) => a.start - b.start)) {
    const last = merged.at(-1)
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end)
    else merged.push({ ...span })
  }
  let out = ''
  let cursor = 0
  for (const { start, end } of merged) {
    out += text.slice(cursor, start) + REDACTED
    cursor = end
  }
  return out + text.slice(cursor)
}

function canonicalEmail(match: string): string {
  return match
    .toLowerCase()
    .replace(/\s*[[({<]\s*at\s*[\])}>]\s*|\s+at\s+|\s*@\s*/, '@')
    .replace(/\s*[[({<]\s*dot\s*[\])}>]\s*|\s+dot\s+/g, '.')
    .replace(/\s+/g, '')
}

// Indian numbers compare on their 10-digit national part, so +91 98765 43210, 09876543210
// and wa.me/919876543210 are all the same person.
function nationalDigits(phone: string): string | null {
  const digits = phone.replace(/\D/g, '')
  return digits.length >= 10 ? digits.slice(-10) : null
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
