import pino, { type DestinationStream, type Logger } from 'pino'
import type { Config } from './config.ts'

export type { Logger }

// Field names that may carry personal values or secrets anywhere in a log object.
// The data inventory (privacy module) extends this list from its personal columns.
export const alwaysRedacted = [
  'password',
  'newPassword',
  'token',
  'secret',
  'email',
  'phone',
  'name',
  'gstin',
  'pan',
  'address',
  'addressLine1',
  'pin',
  'dateOfBirth',
]

export function createLogger(config: Pick<Config, 'logLevel'>, destination?: DestinationStream): Logger {
  const paths = [
    'req.headers.cookie',
    'req.headers.authorization',
    'req.headers["x-api-key"]',
    'res.headers["set-cookie"]',
    ...alwaysRedacted.flatMap((f) => [f, `*.${f}`]),
  ]
  return pino(
    {
      level: config.logLevel,
      redact: { paths, censor: '[redacted]' },
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination,
  )
}

/** Keeps the network, drops the host: 203.0.113.77 → 203.0.113.0, IPv6 to its /48. */
export function truncateIp(ip: string | undefined): string | undefined {
  if (!ip) return ip
  const v4 = ip.replace(/^::ffff:/, '')
  if (/^\d+\.\d+\.\d+\.\d+$/.test(v4)) return v4.replace(/\.\d+$/, '.0')
  const groups = ip.split(':').slice(0, 3)
  return `${groups.join(':')}::`
}
