import type { FastifyInstance } from 'fastify'
import type { App } from '../../app.ts'
import * as catalog from '../../modules/catalog/index.ts'
import { formatNumber } from '../../shared/format.ts'
import { sendSharedPage } from '../shared-page.tsx'
import { categoryArt } from '../views/category-art.ts'
import { Layout } from '../views/layout.tsx'
import type { PageContext } from '../views/page-context.ts'
import { Breadcrumbs } from '../views/ui.tsx'
import { categoryPath } from '../views/urls.ts'
import { canonicalUrl, topCategoryLinks } from './page-frame.ts'

/** The category tree with the number of published products in each category. */
export function categoryIndexPages(server: FastifyInstance, app: App) {
  server.get('/categories', { config: { sharedPage: true } }, async (request, reply) => {
    await sendSharedPage(server, request, reply, async (ctx) => {
      const tree = await catalog.loadCategoryTree(app.db)
      const counts = await catalog.countPublishedByCategory(app.db, tree)
      return (
        <CategoryIndexPage
          ctx={ctx}
          canonical={canonicalUrl(app, '/categories')}
          tree={tree}
          counts={counts}
        />
      )
    })
    return reply
  })
}

function CategoryIndexPage(props: {
  ctx: PageContext
  canonical: string
  tree: catalog.CategoryTree
  counts: Map<number, number>
}) {
  const count = (id: number) => formatNumber(props.counts.get(id) ?? 0)
  return (
    <Layout
      ctx={props.ctx}
      title="All categories"
      description="Every category of industrial goods on Mandi, with the number of products listed in each."
      canonical={props.canonical}
      categories={topCategoryLinks(props.tree)}
    >
      <div class="container">
        <Breadcrumbs items={[{ label: 'Home', href: '/' }, { label: 'All categories' }]} />
        <h1>All categories</h1>
        <div class="category-index">
          {props.tree.roots.map((root) => (
            <section key={root.slug} class="category-index-group" aria-labelledby={`cat-${root.slug}`}>
              <div class="category-index-head">
                <img src={categoryArt(root.slug)} alt="" width="48" height="36" />
                <h2 id={`cat-${root.slug}`}>
                  <a href={categoryPath(root)}>{root.name}</a> <span class="count">({count(root.id)})</span>
                </h2>
              </div>
              <ul>
                {root.children.map((child) => (
                  <li key={child.slug}>
                    <a href={categoryPath(child)}>{child.name}</a>{' '}
                    <span class="count">({count(child.id)})</span>
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </div>
      </div>
    </Layout>
  )
}
