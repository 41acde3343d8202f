import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { z } from 'zod'
import { parseInput } from '../../shared/validation.ts'

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

export interface ApiRouteSpec<Q extends z.ZodType, P extends z.ZodType, B extends z.ZodType> {
  method: Method
  /** Fastify path under /api/v1, e.g. '/api/v1/products/:id'. */
  url: string
  summary: string
  tag: string
  query?: Q
  params?: P
  body?: B
  /** Status → description and, for JSON bodies, the shape. Errors are documented once for all routes. */
  responses: Record<number, { description: string; schema?: z.ZodType }>
}

export interface ApiContext<Q, P, B> {
  query: Q
  params: P
  body: B
  request: FastifyRequest
  reply: FastifyReply
}

interface Registered {
  method: Method
  url: string
  spec: ApiRouteSpec<z.ZodType, z.ZodType, z.ZodType>
}

/**
 * One declaration per JSON route gives validation (zod), the Fastify route and its OpenAPI
 * entry, so the published document cannot drift from what the server accepts.
 */
export function createApiRegistry(server: FastifyInstance) {
  const registered: Registered[] = []

  function route<
    Q extends z.ZodType = z.ZodUnknown,
    P extends z.ZodType = z.ZodUnknown,
    B extends z.ZodType = z.ZodUnknown,
  >(
    spec: ApiRouteSpec<Q, P, B>,
    handler: (ctx: ApiContext<z.output<Q>, z.output<P>, z.output<B>>) => Promise<unknown>,
  ) {
    registered.push({
      method: spec.method,
      url: spec.url,
      spec: spec as ApiRouteSpec<z.ZodType, z.ZodType, z.ZodType>,
    })
    server.route({
      method: spec.method,
      url: spec.url,
      handler: async (request, reply) => {
        const ctx = {
          query: (spec.query
            ? parseInput(spec.query, request.query, 'invalid_query')
            : request.query) as z.output<Q>,
          params: (spec.params
            ? parseInput(spec.params, request.params, 'invalid_params')
            : request.params) as z.output<P>,
          body: (spec.body
            ? parseInput(spec.body, request.body ?? {}, 'invalid_body')
            : request.body) as z.output<B>,
          request,
          reply,
        }
        const result = await handler(ctx)
        if (reply.sent) return reply
        return result === undefined ? reply.status(204).send() : reply.send(result)
      },
    })
  }

  function openApiDocument(info: { title: string; version: string; serverUrl: string }) {
    const paths: Record<string, Record<string, unknown>> = {}
    for (const { method, url, spec } of registered) {
      const path = url.replace(/:(\w+)/g, '{$1}')
      const parameters = [...objectParameters(spec.params, 'path'), ...objectParameters(spec.query, 'query')]
      const responses: Record<string, unknown> = {}
      for (const [status, r] of Object.entries(spec.responses)) {
        responses[status] = r.schema
          ? {
              description: r.description,
              content: { 'application/json': { schema: jsonSchema(r.schema, 'output') } },
            }
          : { description: r.description }
      }
      responses['4XX'] = {
        description: 'The request was refused; the body says why.',
        content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
      }
      paths[path] ??= {}
      paths[path][method.toLowerCase()] = {
        summary: spec.summary,
        tags: [spec.tag],
        operationId: `${method.toLowerCase()}${path.replace(/[^a-zA-Z0-9]+(.)?/g, (_, c: string | undefined) => (c ? c.toUpperCase() : ''))}`,
        ...(parameters.length ? { parameters } : {}),
        ...(spec.body
          ? {
              requestBody: {
                required: true,
                content: { 'application/json': { schema: jsonSchema(spec.body, 'input') } },
              },
            }
          : {}),
        responses,
      }
    }
    return {
      openapi: '3.1.0',
      info: { title: info.title, version: info.version },
      servers: [{ url: info.serverUrl }],
      paths,
      components: {
        schemas: {
          Error: {
            type: 'object',
            required: ['error'],
            properties: {
              error: {
                type: 'object',
                required: ['code', 'message'],
                properties: {
                  code: {
                    type: 'string',
                    description:
                      "Stable machine-readable code; every limit (429, with Retry-After) answers 'rate_limited'",
                  },
                  reason: {
                    type: 'string',
                    description: "With 'rate_limited': which limit was reached, e.g. 'enquiry_limit'",
                  },
                  message: { type: 'string', description: 'What went wrong and what to do, for people' },
                  fields: { type: 'object', additionalProperties: { type: 'string' } },
                },
              },
            },
          },
        },
      },
    }
  }

  return { route, openApiDocument, routes: () => registered.map(({ method, url }) => ({ method, url })) }
}

export type ApiRegistry = ReturnType<typeof createApiRegistry>

function jsonSchema(schema: z.ZodType, io: 'input' | 'output') {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<
    string,
    unknown
  >
  return rest
}

function objectParameters(schema: z.ZodType | undefined, location: 'query' | 'path') {
  if (!schema) return []
  const json = jsonSchema(schema, 'input') as {
    properties?: Record<string, { description?: string }>
    required?: string[]
  }
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({
    name,
    in: location,
    required: location === 'path' || (json.required ?? []).includes(name),
    ...(property.description ? { description: property.description } : {}),
    schema: property,
  }))
}
