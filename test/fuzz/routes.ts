import type { FastifyInstance, HTTPMethods } from 'fastify'
import type { JsonSchema } from './schema-values.ts'

// What the fuzz test aims at, derived rather than listed by hand: every route in Fastify's route
// table, with the parameters and body shape the OpenAPI document publishes for the JSON API.

export interface RouteEntry {
  method: string
  url: string
}

/**
 * Every method + path the server answers, read from Fastify's own route tree (printRoutes) and
 * confirmed one by one with hasRoute, so a parsing slip cannot hide a route or invent one.
 */
export function routeTable(server: FastifyInstance): RouteEntry[] {
  const tree = server.printRoutes()
  const stack: string[] = []
  const entries: RouteEntry[] = []
  for (const line of tree.split('\n')) {
    const match = /^((?:[│ ] {3})*)[├└]── (.*?)(?: \(([A-Z, ]+)\))?$/.exec(line)
    if (!match) continue
    const depth = match[1]!.length / 4
    stack.length = depth
    stack.push(match[2]!)
    const url = stack.join('').replace(/^\/\//, '/')
    for (const method of (match[3] ?? '').split(',').map((m) => m.trim())) {
      if (!method || method === 'HEAD' || method === 'OPTIONS') continue
      entries.push({ method, url })
    }
  }
  const confirmed = entries.filter((e) => server.hasRoute({ method: e.method as HTTPMethods, url: e.url }))
  if (confirmed.length !== entries.length) {
    const lost = entries.filter((e) => !confirmed.includes(e)).map((e) => `${e.method} ${e.url}`)
    throw new Error(`route table parsing went wrong for: ${lost.join(', ')}`)
  }
  return confirmed.sort((a, b) => `${a.url} ${a.method}`.localeCompare(`${b.url} ${b.method}`))
}

export interface ApiOperation {
  method: string
  /** Fastify form of the path: /api/v1/products/:id */
  url: string
  query: Record<string, JsonSchema>
  path: Record<string, JsonSchema>
  body?: JsonSchema
}

interface OpenApiDocument {
  paths: Record<
    string,
    Record<
      string,
      {
        parameters?: { name: string; in: string; schema?: JsonSchema }[]
        requestBody?: { content?: Record<string, { schema?: JsonSchema }> }
      }
    >
  >
}

/** The JSON API's operations as the published OpenAPI document describes them. */
export function apiOperations(document: OpenApiDocument): ApiOperation[] {
  const operations: ApiOperation[] = []
  for (const [path, methods] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(methods)) {
      const query: Record<string, JsonSchema> = {}
      const params: Record<string, JsonSchema> = {}
      for (const p of operation.parameters ?? []) {
        if (p.in === 'query') query[p.name] = p.schema ?? {}
        if (p.in === 'path') params[p.name] = p.schema ?? {}
      }
      const body = operation.requestBody?.content?.['application/json']?.schema
      operations.push({
        method: method.toUpperCase(),
        url: path.replace(/\{(\w+)\}/g, ':$1'),
        query,
        path: params,
        ...(body ? { body } : {}),
      })
    }
  }
  return operations
}

/** Parameter names in a Fastify path, in order (`/sitemaps/:kind-:n.xml` → kind, n). */
export function pathParams(url: string): string[] {
  return [...url.matchAll(/:([A-Za-z0-9_]+)/g)].map((m) => m[1]!)
}

/** A regular expression that matches concrete paths of a Fastify route path. */
export function routePattern(url: string): RegExp {
  const source = url
    .split(/(:[A-Za-z0-9_]+|\*)/)
    .map((part) =>
      part === '*' ? '.*' : part.startsWith(':') ? '[^/]+?' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
    )
    .join('')
  return new RegExp(`^${source}$`)
}
