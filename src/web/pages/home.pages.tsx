import type { FastifyInstance } from 'fastify'
import type { App } from '../../app.ts'
import { sendPage } from '../render.tsx'
import { Layout } from '../views/layout.tsx'
import { pageContext } from '../views/page-context.ts'

export function homePages(server: FastifyInstance, _app: App) {
  server.get('/', async (request, reply) =>
    sendPage(
      reply,
      <Layout ctx={pageContext(request)} title="Industrial goods from verified Indian suppliers">
        <h1>Mandi</h1>
      </Layout>,
    ),
  )
}
