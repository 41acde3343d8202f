import type { FastifyInstance } from 'fastify'
import type { App } from '../../../app.ts'
import { sellerApiKeyPages } from './api-keys.pages.tsx'
import { sellerImportPages } from './import.pages.tsx'
import { sellerLeadPages } from './leads.pages.tsx'
import { sellerProductPages } from './products.pages.tsx'

/** The seller centre under /seller: products, photos (served at /uploads/products/), leads, CSV import, API keys. */
export function sellerCentrePages(server: FastifyInstance, app: App) {
  sellerProductPages(server, app)
  sellerLeadPages(server, app)
  sellerImportPages(server, app)
  sellerApiKeyPages(server, app)
}
