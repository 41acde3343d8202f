import { z } from 'zod'
import { AppError } from './errors.ts'

/** Parses input with a zod schema, turning failures into one AppError with a message per field. */
export function parseInput<S extends z.ZodType>(
  schema: S,
  input: unknown,
  code = 'invalid_input',
): z.output<S> {
  const result = schema.safeParse(input)
  if (result.success) return result.data
  const fields: Record<string, string> = {}
  for (const issue of result.error.issues) {
    const key = issue.path.length ? issue.path.join('.') : '_'
    fields[key] ??= issue.message
  }
  const summary = Object.entries(fields)
    .map(([field, message]) => (field === '_' ? message : `${field}: ${message}`))
    .join('; ')
  return throwInvalid(code, `Please check your input. ${summary}`, fields)
}

function throwInvalid(code: string, message: string, fields: Record<string, string>): never {
  throw new AppError('invalid', code, message, { fields })
}

// ---------------------------------------------------------------------------------------------
// Input that the database cannot store or compare. Every check below turns what would be a
// PostgreSQL error (a 500) into a refusal the person can act on (a 400).

/** The largest value of a PostgreSQL `integer` (int4) column. */
export const INT4_MAX = 2_147_483_647
export const INT4_MIN = -2_147_483_648

/**
 * A UUID written the one way PostgreSQL's uuid type and our ids use: 8-4-4-4-12 hex digits.
 * (A looser pattern such as /^[0-9a-f-]{36}$/ lets 36 hyphens through to the database.)
 */
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID_PATTERN.test(value)
}

/**
 * A route or body id that must be a UUID: zod's guid, which is exactly UUID_PATTERN (any version,
 * as PostgreSQL accepts) and is published in the OpenAPI document as format uuid.
 */
export function uuidId(message = 'That is not a valid id.') {
  return z.guid({ error: message })
}

/**
 * A whole number that fits an `integer` column. `coerce` reads it from text (query strings and
 * form fields); without it only a JSON number is accepted. A `message` given is used for every
 * failure (a category picker has one thing to say); the default names the range.
 */
export function int4(options: { coerce?: boolean; message?: string; min?: number; max?: number } = {}) {
  const min = Math.max(options.min ?? INT4_MIN, INT4_MIN)
  const max = Math.min(options.max ?? INT4_MAX, INT4_MAX)
  const message = options.message ?? `Enter a whole number from ${min} to ${max}.`
  const base = options.coerce ? z.coerce.number({ error: message }) : z.number({ error: message })
  return base.int(message).min(min, message).max(max, message)
}

/**
 * The id of a row whose key is an identity column (bigint or integer): a positive whole number.
 * `max` defaults to the largest number JavaScript holds exactly; pass INT4_MAX for int4 keys.
 */
export function bigintId(options: { coerce?: boolean; message?: string; max?: number } = {}) {
  const message = options.message ?? 'That is not a valid id.'
  const base = options.coerce ? z.coerce.number({ error: message }) : z.number({ error: message })
  return base
    .int(message)
    .positive(message)
    .max(options.max ?? Number.MAX_SAFE_INTEGER, message)
}

/**
 * Where a text cannot go into the database or be shown safely: a NUL character (PostgreSQL text
 * cannot hold one) or half of a UTF-16 surrogate pair (not valid Unicode; UTF-8 cannot encode it).
 */
export function unsafeTextReason(text: string): string | null {
  if (text.includes('\u0000')) return 'contains a NUL character'
  if (!text.isWellFormed()) return 'contains text that is not valid Unicode'
  return null
}

/**
 * Walks a parsed value (query, params, body) and returns the path and reason of the first string,
 * key or value, that cannot be stored (see unsafeTextReason), or null when all are fine.
 */
export function findUnsafeText(
  value: unknown,
  path: string[] = [],
  depth = 0,
): { path: string; reason: string } | null {
  if (typeof value === 'string') {
    const reason = unsafeTextReason(value)
    return reason ? { path: path.join('.') || 'value', reason } : null
  }
  if (value === null || typeof value !== 'object' || depth > 64) return null
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = findUnsafeText(item, [...path, String(i)], depth + 1)
      if (found) return found
    }
    return null
  }
  for (const [key, item] of Object.entries(value)) {
    const keyReason = unsafeTextReason(key)
    if (keyReason) return { path: [...path, 'a field name'].join('.'), reason: keyReason }
    const found = findUnsafeText(item, [...path, key], depth + 1)
    if (found) return found
  }
  return null
}

/** A zod string check for text that is stored: refuses NUL and lone surrogates with a message. */
export function storableText(schema: z.ZodString = z.string()) {
  return schema.refine((text) => unsafeTextReason(text) === null, {
    error: 'This text contains characters that cannot be stored (a NUL or broken Unicode).',
  })
}

// ---------------------------------------------------------------------------------------------
// Every problem at once. A form that stops at the first failing check makes the person submit it
// again for each problem; these helpers gather the schema's issues and the domain checks (a date
// in the past, a GSTIN of another state, a weak password) into one fields map.

/** A problem a domain check found with one field; `code` and `summary` are used when it is alone. */
export interface FieldProblem {
  field: string
  message: string
  code?: string
  summary?: string
}

/** The parsed value when `value` passes `schema`, else undefined: for domain checks on raw input. */
export function validOrUndefined<S extends z.ZodType>(schema: S, value: unknown): z.output<S> | undefined {
  const result = schema.safeParse(value)
  return result.success ? result.data : undefined
}

/**
 * Parses input with a zod schema like parseInput, and adds the domain problems given, one message
 * per field (the schema's message first). Throws one AppError naming every problem; a domain
 * problem found alone keeps its own code and message, so callers matching on it still can.
 */
export function parseInputAll<S extends z.ZodType>(
  schema: S,
  input: unknown,
  problems: ReadonlyArray<FieldProblem | null | undefined | false | ''>,
  code = 'invalid_input',
): z.output<S> {
  const result = schema.safeParse(input)
  const fields: Record<string, string> = {}
  if (!result.success) {
    for (const issue of result.error.issues) {
      const key = issue.path.length ? issue.path.join('.') : '_'
      fields[key] ??= issue.message
    }
  }
  const found = problems.filter((p): p is FieldProblem => Boolean(p))
  for (const problem of found) fields[problem.field] ??= problem.message
  if (result.success && found.length === 0) return result.data
  if (result.success && found.length === 1) {
    const [only] = found as [FieldProblem]
    return throwInvalid(only.code ?? code, only.summary ?? only.message, fields)
  }
  const summary = Object.entries(fields)
    .map(([field, message]) => (field === '_' ? message : `${field}: ${message}`))
    .join('; ')
  return throwInvalid(code, `Please check your input. ${summary}`, fields)
}

/** Throws one AppError with every field's message when there are any; for checks made outside a schema. */
export function throwIfProblems(fields: Record<string, string>, code = 'invalid_input'): void {
  const entries = Object.entries(fields)
  if (entries.length === 0) return
  const summary = entries
    .map(([field, message]) => (field === '_' ? message : `${field}: ${message}`))
    .join('; ')
  throwInvalid(code, `Please check your input. ${summary}`, fields)
}

/** True when `value` is a date written YYYY-MM-DD whose day (to 23:59:59 UTC) ended before `now`. */
export function isPastDate(value: unknown, now: Date): boolean {
  const date = typeof value === 'string' ? value.trim() : ''
  return /^\d{4}-\d{2}-\d{2}$/.test(date) && Date.parse(`${date}T23:59:59Z`) < now.getTime()
}
