/**
 * Domain errors carry a stable machine code and a message a person can act on. They never
 * mention HTTP: web/errors.ts maps each kind to a status code in one place.
 */
export type ErrorKind =
  | 'invalid'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'rate_limited'
  | 'unavailable'

export class AppError extends Error {
  readonly kind: ErrorKind
  readonly code: string
  /** Field-level problems for forms: field path → message. */
  readonly fields: Record<string, string> | undefined
  /** Seconds after which a rate-limited caller may retry. */
  readonly retryAfterSeconds: number | undefined

  constructor(
    kind: ErrorKind,
    code: string,
    message: string,
    extra: { fields?: Record<string, string>; retryAfterSeconds?: number } = {},
  ) {
    super(message)
    this.name = 'AppError'
    this.kind = kind
    this.code = code
    this.fields = extra.fields
    this.retryAfterSeconds = extra.retryAfterSeconds
  }
}

export const invalid = (code: string, message: string, fields?: Record<string, string>) =>
  new AppError('invalid', code, message, fields ? { fields } : {})
export const notFound = (code: string, message: string) => new AppError('not_found', code, message)
export const forbidden = (code: string, message: string) => new AppError('forbidden', code, message)
export const conflict = (code: string, message: string) => new AppError('conflict', code, message)
export const unauthenticated = (message = 'Please sign in to continue.') =>
  new AppError('unauthenticated', 'unauthenticated', message)
