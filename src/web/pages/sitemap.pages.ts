import type { FastifyInstance, FastifyReply } from 'fastify'
import type { App } from '../../app.ts'
import * as catalog from '../../modules/catalog/index.ts'

/**
 * sitemap.xml as an index of chunked files (the protocol allows 50,000 URLs per file), and
 * robots.txt pointing at it. Only published products, sellers with published products and city
 * pages with published products appear.
 */
export function sitemapPages(server: FastifyInstance, app: App) {
  const base = app.config.publicUrl

  server.get('/robots.txt', async (_request, reply) =>
    reply
      .type('text/plain; charset=utf-8')
      .header('cache-control', 'public, max-age=86400')
      .send(
        `User-agent: *\nDisallow: /account\nDisallow: /seller\nDisallow: /dev\nDisallow: /api/\nSitemap: ${base}/sitemap.xml\n`,
      ),
  )

  server.get('/sitemap.xml', async (_request, reply) => {
    const counts = await catalog.sitemapChunkCounts(app.db)
    const files = [
      `${base}/sitemaps/pages.xml`,
      `${base}/sitemaps/cities.xml`,
      ...range(counts.sellers).map((n) => `${base}/sitemaps/sellers-${n}.xml`),
      ...range(counts.products).map((n) => `${base}/sitemaps/products-${n}.xml`),
    ]
    const body = files.map((loc) => `<sitemap><loc>${xml(loc)}</loc></sitemap>`).join('')
    return sendXml(
      reply,
      `<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${body}</sitemapindex>`,
    )
  })

  server.get('/sitemaps/pages.xml', async (_request, reply) => {
    const categories = await catalog.sitemapCategories(app.db)
    const urls = [
      '/',
      '/categories',
      '/privacy',
      '/privacy/data-we-hold',
      '/terms',
      '/grievance',
      ...categories.map((c) => `/c/${c.slug}`),
    ]
    return sendXml(reply, urlset(urls.map((path) => ({ loc: `${base}${path}` }))))
  })

  // City pages, and a city's page for each category (and its parent) that has products there.
  server.get('/sitemaps/cities.xml', async (_request, reply) => {
    const [categories, byCity] = await Promise.all([
      catalog.sitemapCategories(app.db),
      server.catalogMemo.get('sitemap-city-categories', () => catalog.listCityCategories(app.db)),
    ])
    const byId = new Map(categories.map((c) => [c.id, c]))
    const urls: string[] = []
    for (const [city, ids] of byCity) {
      const listed = new Set<number>()
      for (const id of ids) {
        const own = byId.get(id)
        if (own) listed.add(own.id)
        if (own?.parentId) listed.add(own.parentId)
      }
      urls.push(`/suppliers/${city}`)
      for (const c of categories) if (listed.has(c.id)) urls.push(`/suppliers/${city}/${c.slug}`)
    }
    return sendXml(reply, urlset(urls.map((path) => ({ loc: `${base}${path}` }))))
  })

  server.get<{ Params: { kind: string; n: string } }>('/sitemaps/:kind-:n.xml', async (request, reply) => {
    const n = Number(request.params.n)
    if (!Number.isInteger(n) || n < 0 || n > 100_000) return reply.callNotFound()
    if (request.params.kind === 'products') {
      const rows = await catalog.sitemapProducts(app.db, n)
      return sendXml(
        reply,
        urlset(rows.map((r) => ({ loc: `${base}/p/${r.id}/${r.slug}`, lastmod: r.updatedAt }))),
      )
    }
    if (request.params.kind === 'sellers') {
      const rows = await catalog.sitemapSellers(app.db, n)
      return sendXml(reply, urlset(rows.map((r) => ({ loc: `${base}/s/${r.slug}`, lastmod: r.updatedAt }))))
    }
    return reply.callNotFound()
  })
}

function urlset(entries: { loc: string; lastmod?: Date }[]) {
  const body = entries
    .map(
      (e) =>
        `<url><loc>${xml(e.loc)}</loc>${e.lastmod ? `<lastmod>${e.lastmod.toISOString().slice(0, 10)}</lastmod>` : ''}</url>`,
    )
    .join('')
  return `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${body}</urlset>`
}

function sendXml(reply: FastifyReply, body: string) {
  return reply
    .type('application/xml; charset=utf-8')
    .header('cache-control', 'public, max-age=3600')
    .send(`<?xml version="1.0" encoding="UTF-8"?>${body}`)
}

function xml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i)
}
