import pino, { type DestinationStream, type Logger } from 'pino'
import type { Config } from './config.ts'

export type { Logger }

// Field names that carry secrets or personal values even though no table column has the name.
// The data inventory adds every personal column's name (camelCase and snake_case) at start.
export const alwaysRedacted = ['password', 'newPassword', 'currentPassword', 'token', 'secret', 'otp', 'totp', 'cookie', 'authorization']

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g
// Indian mobile numbers with or without +91/0, and other E.164 numbers.
const PHONE = /(?:\+91[\s-]?|\b0|\b)[6-9]\d{4}[\s-]?\d{5}\b|\+\d{10,14}\b/g

/**
 * JSON logs on stdout. Personal values never reach them: listed fields are replaced wherever they
 * appear in a log object, email addresses and phone numbers in any string value are masked, and
 * PostgreSQL error details (which quote the offending values) are dropped.
 */
export function createLogger(
  config: Pick<Config, 'logLevel'>,
  destination?: DestinationStream,
  personalFields: readonly string[] = [],
): Logger {
  const redacted = new Set([...alwaysRedacted, ...personalFields].map((f) => f.toLowerCase()))
  return pino(
    {
      level: config.logLevel,
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      serializers: { err: serializeError, error: serializeError },
      formatters: { log: (object) => scrub(object, redacted, 0) as Record<string, unknown> },
      hooks: {
        // The message string too: a careless `log.info(\`sent to ${email}\`)` must not leak.
        logMethod(args, method) {
          const masked = args.map((a) => (typeof a === 'string' ? maskValues(a) : a)) as Parameters<typeof method>
          return method.apply(this, masked)
        },
      },
    },
    destination,
  )
}

function scrub(value: unknown, redacted: Set<string>, depth: number): unknown {
  if (typeof value === 'string') return maskValues(value)
  // pino formats the log object before it applies serializers, so errors are serialized here.
  if (value instanceof Error) return scrub(serializeError(value), redacted, depth + 1)
  if (value === null || typeof value !== 'object' || depth > 8) return value
  if (Array.isArray(value)) return value.map((v) => scrub(v, redacted, depth + 1))
  const out: Record<string, unknown> = {}
  for (const [key, v] of Object.entries(value)) {
    out[key] = redacted.has(key.toLowerCase()) && v != null ? '[redacted]' : scrub(v, redacted, depth + 1)
  }
  return out
}

function maskValues(text: string): string {
  return text.replace(EMAIL, '[email]').replace(PHONE, '[phone]')
}

function serializeError(error: unknown): unknown {
  if (!(error instanceof Error)) return error
  const e = error as Error & Record<string, unknown>
  const out: Record<string, unknown> = { type: e.name, message: e.message, stack: e.stack }
  for (const key of ['code', 'statusCode', 'constraint', 'table', 'column', 'routine', 'kind']) {
    if (e[key] !== undefined) out[key] = e[key]
  }
  // PostgreSQL errors (they carry a `severity`) quote user values in their message and detail,
  // e.g. invalid input syntax for type uuid: "…". Keep the names, drop the quoted values.
  if (typeof e.severity === 'string') {
    const keep = new Set([e.constraint, e.table, e.column].filter(Boolean))
    out.message = e.message.replace(/"([^"]*)"/g, (whole, inner: string) => (keep.has(inner) ? whole : '"…"'))
    out.stack = typeof e.stack === 'string' ? e.stack.replace(e.message, String(out.message)) : undefined
  }
  // Drizzle's "Failed query" errors append the bound parameters: user input, so never logged.
  if (/^Failed query:/.test(e.message)) {
    out.message = e.message.replace(/\nparams:[\s\S]*$/, '\nparams: [redacted]')
    out.stack = undefined
  }
  if (e.cause) out.cause = serializeError(e.cause)
  return out
}

/** Keeps the network, drops the host: 203.0.113.77 → 203.0.113.0, IPv6 to its /48. */
export function truncateIp(ip: string | undefined): string | undefined {
  if (!ip) return ip
  const v4 = ip.replace(/^::ffff:/, '')
  if (/^\d+\.\d+\.\d+\.\d+$/.test(v4)) return v4.replace(/\.\d+$/, '.0')
  const groups = ip.split(':').slice(0, 3)
  return `${groups.join(':')}::`
}
