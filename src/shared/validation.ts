import type { z } from 'zod'
import { AppError } from './errors.ts'

/** Parses input with a zod schema, turning failures into one AppError with a message per field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, code = 'invalid_input'): z.output<S> {
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
