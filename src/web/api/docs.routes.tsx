import type { FastifyInstance } from 'fastify'
import type { App } from '../../app.ts'
import { sendPage } from '../render.tsx'
import { Layout } from '../views/layout.tsx'
import { pageContext } from '../views/page-context.ts'
import { Table } from '../views/ui.tsx'
import type { ApiRegistry } from './api-registry.ts'

interface Operation {
  summary: string
  tags: string[]
  parameters?: {
    name: string
    in: string
    required: boolean
    description?: string
    schema: { type?: string }
  }[]
  requestBody?: unknown
  responses: Record<string, { description: string }>
}

/** The OpenAPI 3.1 document of every /api/v1 route, and a page that reads it without JavaScript. */
export function docsRoutes(server: FastifyInstance, api: ApiRegistry, app: App) {
  const document = () =>
    api.openApiDocument({ title: 'Mandi API', version: 'v1', serverUrl: app.config.publicUrl })

  server.get('/api/openapi.json', async (_request, reply) =>
    reply.header('cache-control', 'no-cache').send(document()),
  )

  server.get('/api/docs', async (request, reply) => {
    const paths = document().paths as Record<string, Record<string, Operation>>
    return sendPage(
      reply,
      <Layout ctx={pageContext(request)} title="API reference" description="The Mandi JSON API, version 1">
        <div class="page-narrow">
          <h1>API reference</h1>
          <p>
            Version 1 of the JSON API. The machine-readable document is at{' '}
            <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI 3.1). Errors always come back as{' '}
            <code>{'{"error":{"code":"…","message":"…"}}'}</code> with a 4xx status when the request was at
            fault.
          </p>
          {Object.entries(paths).flatMap(([path, operations]) =>
            Object.entries(operations).map(([method, op]) => (
              <section class="api-op" id={`${method}-${path}`} key={`${method} ${path}`}>
                <h2>
                  <span class={`method method-${method}`}>{method.toUpperCase()}</span> <code>{path}</code>
                </h2>
                <p>{op.summary}</p>
                {op.parameters?.length ? (
                  <Table
                    caption="Parameters"
                    head={['Name', 'In', 'Type', 'Required', 'About']}
                    rows={op.parameters.map((p) => [
                      <code key="name">{p.name}</code>,
                      p.in,
                      p.schema.type ?? 'any',
                      p.required ? 'yes' : 'no',
                      p.description ?? '',
                    ])}
                  />
                ) : null}
                <ul>
                  {Object.entries(op.responses).map(([status, r]) => (
                    <li key={status}>
                      <strong>{status}</strong>: {r.description}
                    </li>
                  ))}
                </ul>
              </section>
            )),
          )}
        </div>
      </Layout>,
    )
  })
}
