import fc from 'fast-check'
import { hostileJson, hostileString } from './values.ts'

// JSON Schema (as published in the OpenAPI document) → a fast-check arbitrary. Each value is
// mostly well formed, so the request gets past the first check and reaches the code behind it,
// with hostile values swapped in at random places.

export interface JsonSchema {
  type?: string | string[]
  properties?: Record<string, JsonSchema>
  required?: string[]
  items?: JsonSchema
  enum?: unknown[]
  const?: unknown
  anyOf?: JsonSchema[]
  oneOf?: JsonSchema[]
  allOf?: JsonSchema[]
  format?: string
  minLength?: number
  maxLength?: number
  minimum?: number
  maximum?: number
  exclusiveMinimum?: number
  exclusiveMaximum?: number
  minItems?: number
  maxItems?: number
  default?: unknown
  pattern?: string
}

/** How often a value is replaced by a hostile one (0..1). */
const HOSTILE_SHARE = 0.35

export function schemaValue(schema: JsonSchema | undefined, depth = 0): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: Math.round((1 - HOSTILE_SHARE) * 100), arbitrary: plausible(schema ?? {}, depth) },
    { weight: Math.round(HOSTILE_SHARE * 100), arbitrary: hostileJson },
  )
}

function plausible(schema: JsonSchema, depth: number): fc.Arbitrary<unknown> {
  if (depth > 6) return fc.constant(null)
  if (schema.const !== undefined) return fc.constant(schema.const)
  if (schema.enum?.length) return fc.constantFrom(...schema.enum)
  const alternatives = schema.anyOf ?? schema.oneOf
  if (alternatives?.length) return fc.oneof(...alternatives.map((s) => plausible(s, depth + 1)))
  if (schema.allOf?.length) return plausible(Object.assign({}, ...schema.allOf) as JsonSchema, depth + 1)
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : []
  if (types.length > 1) return fc.oneof(...types.map((type) => plausible({ ...schema, type }, depth + 1)))
  switch (types[0]) {
    case 'string':
      return plausibleString(schema)
    case 'integer':
      return fc.integer(bounds(schema))
    case 'number':
      return fc.oneof(fc.integer(bounds(schema)), fc.double({ ...bounds(schema), noNaN: true }))
    case 'boolean':
      return fc.boolean()
    case 'null':
      return fc.constant(null)
    case 'array':
      return fc.array(schemaValue(schema.items, depth + 1), {
        minLength: Math.min(schema.minItems ?? 0, 3),
        maxLength: Math.min(schema.maxItems ?? 4, 4),
      })
    case 'object':
      return plausibleObject(schema, depth)
    default:
      return hostileJson
  }
}

function plausibleObject(schema: JsonSchema, depth: number): fc.Arbitrary<unknown> {
  const properties = schema.properties ?? {}
  const names = Object.keys(properties)
  if (!names.length)
    return fc.dictionary(fc.constantFrom('a', 'name', 'value'), hostileString, { maxKeys: 3 })
  const record: Record<string, fc.Arbitrary<unknown>> = {}
  for (const name of names) record[name] = schemaValue(properties[name], depth + 1)
  const required = new Set(schema.required ?? [])
  // Required keys are mostly present; optional ones come and go.
  return fc
    .tuple(fc.record(record), fc.array(fc.constantFrom(...names), { maxLength: names.length }), fc.boolean())
    .map(([value, dropped, dropRequired]) => {
      const out: Record<string, unknown> = { ...(value as Record<string, unknown>) }
      for (const name of dropped) if (dropRequired || !required.has(name)) delete out[name]
      return out
    })
}

function plausibleString(schema: JsonSchema): fc.Arbitrary<string> {
  const max = Math.min(schema.maxLength ?? 40, 200)
  const min = Math.min(schema.minLength ?? 0, max)
  switch (schema.format) {
    case 'email':
      return fc.constantFrom('fuzz@example.test', 'buyer.fuzz@example.in')
    case 'uuid':
      return fc.uuid()
    case 'date-time':
      return fc.date({ noInvalidDate: true }).map((d) => d.toISOString())
    case 'date':
      return fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10))
    case 'uri':
    case 'url':
      return fc.constantFrom('https://example.in/', 'http://localhost/')
  }
  return fc.oneof(
    fc.string({ minLength: min, maxLength: max }),
    fc.constant(
      'Need 20 pumps for a project in Pune, delivery within a month.'.slice(0, max).padEnd(min, 'x'),
    ),
    fc.constantFrom('1', '10', '1250.50', 'piece', 'Pune', 'Maharashtra', '+919876543210', '411026'),
  )
}

function bounds(schema: JsonSchema): { min: number; max: number } {
  const min = Math.ceil(lowest(schema, -5))
  return { min, max: Math.max(min, Math.floor(highest(schema, 1000))) }
}

function lowest(schema: JsonSchema, fallback: number): number {
  const min =
    schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : undefined)
  return Math.max(min ?? fallback, Number.MIN_SAFE_INTEGER)
}

function highest(schema: JsonSchema, fallback: number): number {
  const max =
    schema.maximum ?? (schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - 1 : undefined)
  return Math.min(max ?? Math.max(fallback, lowest(schema, 0) + fallback), Number.MAX_SAFE_INTEGER)
}
