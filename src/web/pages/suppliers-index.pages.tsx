import type { FastifyInstance } from 'fastify'
import type { App } from '../../app.ts'
import * as catalog from '../../modules/catalog/index.ts'
import { formatNumber } from '../../shared/format.ts'
import { sendSharedPage } from '../shared-page.tsx'
import { Layout } from '../views/layout.tsx'
import type { PageContext } from '../views/page-context.ts'
import { Breadcrumbs, EmptyState } from '../views/ui.tsx'
import { cityPath } from '../views/urls.ts'
import { canonicalUrl, topCategoryLinks } from './page-frame.ts'

/**
 * `/suppliers`: every city with at least one seller with a published product, alphabetically,
 * with its number of sellers, each linking to its city page. `cities` is the city pages' memoised
 * list, so the index and the pages it links to always agree.
 */
export function suppliersIndexPage(
  server: FastifyInstance,
  app: App,
  cities: () => Promise<catalog.SupplierCity[]>,
) {
  server.get('/suppliers', { config: { sharedPage: true } }, async (request, reply) => {
    await sendSharedPage(server, request, reply, async (ctx) => {
      const [tree, list] = await Promise.all([catalog.loadCategoryTree(app.db), cities()])
      return (
        <SuppliersIndex
          ctx={ctx}
          canonical={canonicalUrl(app, '/suppliers')}
          tree={tree}
          cities={[...list].sort((a, b) => a.name.localeCompare(b.name, 'en-IN'))}
        />
      )
    })
    return reply
  })
}

const sellersLabel = (n: number) => `${formatNumber(n)} ${n === 1 ? 'seller' : 'sellers'}`

function SuppliersIndex(props: {
  ctx: PageContext
  canonical: string
  tree: catalog.CategoryTree
  cities: catalog.SupplierCity[]
}) {
  const sellers = props.cities.reduce((sum, city) => sum + city.sellers, 0)
  return (
    <Layout
      ctx={props.ctx}
      title="Industrial suppliers by city"
      description={`Sellers of pumps, valves, bearings, motors and more in ${formatNumber(props.cities.length)} Indian cities. Choose a city to see its categories and sellers.`}
      canonical={props.canonical}
      noindex={props.cities.length === 0}
      categories={topCategoryLinks(props.tree)}
    >
      <div class="container">
        <Breadcrumbs items={[{ label: 'Home', href: '/' }, { label: 'Suppliers by city' }]} />
        <div class="listing-head">
          <h1>Industrial suppliers by city</h1>
          {props.cities.length ? (
            <p class="result-count">
              <strong>{sellersLabel(sellers)}</strong> in {formatNumber(props.cities.length)}{' '}
              {props.cities.length === 1 ? 'city' : 'cities'}
            </p>
          ) : null}
        </div>
        {props.cities.length ? (
          <ul class="city-index" aria-label="Cities">
            {props.cities.map((city) => (
              <li key={city.slug}>
                <a href={cityPath(city.name)}>{city.name}</a>{' '}
                <span class="count">({sellersLabel(city.sellers)})</span>
              </li>
            ))}
          </ul>
        ) : (
          <EmptyState title="No suppliers listed yet" icon="box">
            <p>
              When sellers publish products, their cities are listed here.{' '}
              <a href="/categories">Browse the categories</a> in the meantime.
            </p>
          </EmptyState>
        )}
      </div>
    </Layout>
  )
}
