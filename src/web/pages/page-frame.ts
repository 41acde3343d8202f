import type { FastifyReply, FastifyRequest } from 'fastify'
import type { App } from '../../app.ts'
import * as catalog from '../../modules/catalog/index.ts'
import { sendPage } from '../render.tsx'
import { NotFoundPage } from '../views/error-pages.tsx'
import type { NavCategory } from '../views/layout.tsx'
import { pageContext } from '../views/page-context.ts'

/** The absolute URL search engines should treat as this page's address. */
export function canonicalUrl(app: App, path: string): string {
  return `${app.config.publicUrl}${path}`
}

/** The top-level categories, for the category bar under the header. */
export function topCategoryLinks(tree: catalog.CategoryTree): NavCategory[] {
  return tree.roots.map((c) => ({ slug: c.slug, name: c.name }))
}

/** A page number from a query string; anything unusable means the first page (pages forgive, the API refuses). */
export function pageNumber(value: unknown, max: number): number {
  const n = typeof value === 'string' && /^\d{1,6}$/.test(value) ? Number(value) : 1
  return Math.min(Math.max(n, 1), max)
}

/** The helpful 404 (search box, category links) for an unknown product, category or seller. */
export async function sendNotFound(app: App, request: FastifyRequest, reply: FastifyReply, message: string) {
  const tree = await catalog.loadCategoryTree(app.db)
  return sendPage(
    reply,
    NotFoundPage({ ctx: pageContext(request), message, categories: topCategoryLinks(tree) }),
    404,
  )
}
