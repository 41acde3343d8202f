import * as accounts from '../modules/accounts/index.ts'
import { formatDate } from '../shared/format.ts'

// How a stored value is shown to the person it is about (data summary) and written into their
// export (JSON and CSV). Rows come from raw SQL, so a value may be a Date, a bigint, a string of
// digits (int8 on node-postgres), an array, a JSON object or bytes.

/** What a secret (password hash, TOTP secret, recovery codes) shows instead of its value. */
export const heldNotShown = 'held (not shown)'

const istTime = new Intl.DateTimeFormat('en-IN', {
  timeZone: 'Asia/Kolkata',
  hour: 'numeric',
  minute: '2-digit',
  hour12: true,
})

// Raw rows carry timestamps as PostgreSQL prints them ("2026-12-07 11:37:54.775+00") and dates
// as "1990-04-15", on node-postgres and PGlite alike.
const timestampText = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(Z|[+-]\d{2}(?::?\d{2})?)$/
const dateText = /^(\d{4})-(\d{2})-(\d{2})$/

/** A timestamp printed by PostgreSQL, as a Date; undefined for any other text. */
function parseTimestamp(text: string): Date | undefined {
  const m = timestampText.exec(text)
  if (!m) return undefined
  const zone =
    m[3] === 'Z' ? 'Z' : m[3]!.length === 3 ? `${m[3]}:00` : m[3]!.replace(/^([+-]\d{2})(\d{2})$/, '$1:$2')
  const date = new Date(`${m[1]}T${m[2]}${zone}`)
  return Number.isNaN(date.getTime()) ? undefined : date
}

/** "25 Nov 2026, 2:05 pm IST". */
export function describeDate(date: Date): string {
  const time = istTime.format(date).replace(/\s?(am|pm)$/i, (m) => ` ${m.trim().toLowerCase()}`)
  return `${formatDate(date)}, ${time} IST`
}

function describeText(text: string): string {
  const timestamp = parseTimestamp(text)
  if (timestamp) return describeDate(timestamp)
  const day = dateText.exec(text)
  if (day) {
    const date = new Date(Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3]), 12))
    if (!Number.isNaN(date.getTime())) return formatDate(date)
  }
  return text
}

const profileLabels = accounts.profileFields as Record<string, string>

function isProfileChange(value: unknown): value is { field: string; from: unknown; to: unknown } {
  return typeof value === 'object' && value !== null && 'field' in value && 'from' in value && 'to' in value
}

/**
 * A stored value in words: dates as Indians read them, lists joined with commas, a profile
 * change as "Name: Asha → Asha Verma", other JSON as "key: value" pairs. Empty values give ''.
 */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return ''
  if (value instanceof Date) return describeDate(value)
  if (typeof value === 'boolean') return value ? 'Yes' : 'No'
  if (typeof value === 'number' || typeof value === 'bigint') return String(value)
  if (typeof value === 'string') return describeText(value)
  if (value instanceof Uint8Array) return `(a file of ${value.byteLength} bytes)`
  if (Array.isArray(value)) {
    if (value.every(isProfileChange)) {
      return value
        .map((c) => {
          const from = describeValue(c.from) || '(empty)'
          const to = describeValue(c.to) || '(empty)'
          return `${profileLabels[c.field] ?? c.field}: ${from} → ${to}`
        })
        .join('; ')
    }
    return value
      .map(describeValue)
      .filter((v) => v !== '')
      .join(', ')
  }
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => [k, describeValue(v)] as const)
      .filter(([, v]) => v !== '')
      .map(([k, v]) => `${k}: ${v}`)
      .join('; ')
  }
  return String(value)
}

/** A value made safe for JSON: Date and PostgreSQL timestamps → ISO 8601, bigint → string, bytes → base64; the rest as is. */
export function jsonValue(value: unknown): unknown {
  if (value === null || value === undefined) return null
  if (typeof value === 'string') return parseTimestamp(value)?.toISOString() ?? value
  if (value instanceof Date) return value.toISOString()
  if (typeof value === 'bigint') return value.toString()
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64')
  if (Array.isArray(value)) return value.map(jsonValue)
  if (typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, jsonValue(v)]),
    )
  }
  return value
}

/** A value as one CSV cell's text: JSON for lists and objects, ISO 8601 for dates. */
export function csvText(value: unknown): string {
  const plain = jsonValue(value)
  if (plain === null) return ''
  return typeof plain === 'object' ? JSON.stringify(plain) : String(plain)
}
