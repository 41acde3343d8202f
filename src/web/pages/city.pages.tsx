import type { FastifyInstance } from 'fastify'
import type { App } from '../../app.ts'
import * as catalog from '../../modules/catalog/index.ts'
import { formatNumber } from '../../shared/format.ts'
import { sendSharedPage } from '../shared-page.tsx'
import { ProductGrid, SellerTile, SortLinks } from '../views/catalog-components.tsx'
import { categoryArt } from '../views/category-art.ts'
import { Icon } from '../views/icons.tsx'
import { Layout } from '../views/layout.tsx'
import { PastTheEnd, SearchCount, WindowNote } from '../views/listing.tsx'
import type { PageContext } from '../views/page-context.ts'
import { Pagination } from '../views/pagination.tsx'
import { Breadcrumbs, EmptyState } from '../views/ui.tsx'
import { categoryPath, cityCategoryPath, cityPath, productPath, withQuery } from '../views/urls.ts'
import { canonicalUrl, pageNumber, sendNotFound, topCategoryLinks } from './page-frame.ts'
import { suppliersIndexPage } from './suppliers-index.pages.tsx'

const SORTS: catalog.ProductSort[] = ['newest', 'price_asc', 'price_desc']
const SELLERS_SHOWN = 12

/**
 * City pages: `/suppliers` (the index of cities, suppliers-index.pages.tsx), `/suppliers/:city` (every category in the city, with counts, and its sellers) and
 * `/suppliers/:city/:category` ("Valves suppliers in Pune": that category's products and
 * sellers in the city). The city's counts come from one grouped query kept in the catalogue
 * memo until the catalogue changes; the product list is the ordinary listing with a city filter.
 */
export function cityPages(server: FastifyInstance, app: App) {
  const memo = server.catalogMemo
  const supplierCities = () =>
    memo.get('supplier-cities', async () => {
      const list = await catalog.listSupplierCities(app.db)
      return new Map(list.map((city) => [city.slug, city]))
    })
  const findCity = async (slug: string) => (await supplierCities()).get(slug.toLowerCase())
  suppliersIndexPage(server, app, async () => [...(await supplierCities()).values()])
  const cityCounts = (tree: catalog.CategoryTree, city: catalog.SupplierCity) =>
    memo.get(`city-counts:${city.slug}`, async () =>
      cityCountsOf(tree, await catalog.loadCityCatalogue(app.db, city)),
    )
  const topSellers = (city: catalog.SupplierCity, key: string, byProducts: Map<number, number>) =>
    memo.get(`city-sellers:${city.slug}:${key}`, () =>
      catalog.listSellerCards(app.db, top(byProducts, SELLERS_SHOWN)),
    )

  server.get<{ Params: { city: string } }>(
    '/suppliers/:city',
    { config: { sharedPage: true } },
    async (request, reply) => {
      const city = await findCity(request.params.city)
      if (!city) return sendNotFound(app, request, reply, 'We have no sellers in that city yet.')
      if (request.params.city !== city.slug) return reply.redirect(cityPath(city.name), 301)
      await sendSharedPage(server, request, reply, async (ctx) => {
        const tree = await catalog.loadCategoryTree(app.db)
        const counts = await cityCounts(tree, city)
        const [sellers, recent] = await Promise.all([
          topSellers(city, '*', counts.sellerTotals),
          catalog.listProducts(app.db, { cities: city.spellings, sort: 'newest', page: 1, pageSize: 8 }),
        ])
        return (
          <CityPage
            ctx={ctx}
            canonical={canonicalUrl(app, cityPath(city.name))}
            tree={tree}
            city={city}
            counts={counts}
            sellers={sellers}
            recent={recent.items}
          />
        )
      })
      return reply
    },
  )

  server.get<{ Params: { city: string; category: string }; Querystring: { page?: string; sort?: string } }>(
    '/suppliers/:city/:category',
    { config: { sharedPage: true } },
    async (request, reply) => {
      const city = await findCity(request.params.city)
      if (!city) return sendNotFound(app, request, reply, 'We have no sellers in that city yet.')
      const sort = SORTS.find((s) => s === request.query.sort) ?? 'newest'
      const page = pageNumber(request.query.page, catalog.MAX_PAGE)
      if (request.params.city !== city.slug) {
        const path = `${cityPath(city.name)}/${encodeURIComponent(request.params.category)}`
        return reply.redirect(withQuery(path, { sort: request.query.sort, page: request.query.page }), 301)
      }
      const found = await sendSharedPage(server, request, reply, async (ctx) => {
        const tree = await catalog.loadCategoryTree(app.db)
        const category = tree.bySlug.get(request.params.category)
        if (!category) return null
        const path = cityCategoryPath(city.name, category)
        const counts = await cityCounts(tree, city)
        const ids = new Set(catalog.categoryAndDescendantIds(category))
        const [sellers, result] = await Promise.all([
          topSellers(city, category.slug, sellerTotals(counts.rows, ids)),
          catalog.listProducts(app.db, { cities: city.spellings, categoryIds: [...ids], sort, page }),
        ])
        return (
          <CityCategoryPage
            ctx={ctx}
            base={app.config.publicUrl}
            canonical={canonicalUrl(app, withQuery(path, { page: page > 1 ? page : undefined }))}
            tree={tree}
            city={city}
            category={category}
            counts={counts}
            sellers={sellers}
            sort={sort}
            result={result}
          />
        )
      })
      return found ? reply : sendNotFound(app, request, reply, 'There is no category at this address.')
    },
  )
}

interface CityCounts {
  rows: catalog.CityCatalogue['counts']
  /** Published products per category id in the city, parents counting their subcategories. */
  byCategory: Map<number, number>
  /** Published products per seller in the city. */
  sellerTotals: Map<number, number>
  products: number
}

function cityCountsOf(tree: catalog.CategoryTree, data: catalog.CityCatalogue): CityCounts {
  const own = new Map<number, number>()
  for (const row of data.counts) own.set(row.categoryId, (own.get(row.categoryId) ?? 0) + row.products)
  const byCategory = new Map<number, number>()
  const sum = (node: catalog.CategoryNode): number => {
    const total = (own.get(node.id) ?? 0) + node.children.reduce((acc, child) => acc + sum(child), 0)
    byCategory.set(node.id, total)
    return total
  }
  const products = tree.roots.reduce((acc, root) => acc + sum(root), 0)
  return { rows: data.counts, byCategory, sellerTotals: sellerTotals(data.counts), products }
}

function sellerTotals(rows: catalog.CityCatalogue['counts'], categoryIds?: Set<number>): Map<number, number> {
  const totals = new Map<number, number>()
  for (const row of rows) {
    if (categoryIds && !categoryIds.has(row.categoryId)) continue
    totals.set(row.businessId, (totals.get(row.businessId) ?? 0) + row.products)
  }
  return totals
}

/** The `n` sellers with the most products (ties: the older business id first), as a map kept in that order. */
function top(byProducts: Map<number, number>, n: number): Map<number, number> {
  return new Map([...byProducts].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, n))
}

const productsLabel = (n: number) => `${formatNumber(n)} ${n === 1 ? 'product' : 'products'}`
const sellersLabel = (n: number) => `${formatNumber(n)} ${n === 1 ? 'seller' : 'sellers'}`

function breadcrumbList(base: string, items: { name: string; path: string }[]) {
  return {
    '@type': 'BreadcrumbList',
    itemListElement: items.map((item, i) => ({
      '@type': 'ListItem',
      position: i + 1,
      name: item.name,
      item: `${base}${item.path}`,
    })),
  }
}

function CityPage(props: {
  ctx: PageContext
  canonical: string
  tree: catalog.CategoryTree
  city: catalog.SupplierCity
  counts: CityCounts
  sellers: catalog.FeaturedSeller[]
  recent: catalog.ProductSummary[]
}) {
  const { city, counts } = props
  const count = (node: catalog.CategoryNode) => counts.byCategory.get(node.id) ?? 0
  const roots = props.tree.roots.filter((root) => count(root) > 0)
  const sellerCount = counts.sellerTotals.size
  return (
    <Layout
      ctx={props.ctx}
      title={`Industrial suppliers in ${city.name}`}
      description={`${productsLabel(counts.products)} from ${sellersLabel(sellerCount)} in ${city.name}: pumps, valves, bearings, motors and more. Compare prices and minimum order quantities, then send an enquiry.`}
      canonical={props.canonical}
      categories={topCategoryLinks(props.tree)}
    >
      <div class="container">
        <Breadcrumbs items={[{ label: 'Home', href: '/' }, { label: `Suppliers in ${city.name}` }]} />
        <div class="listing-head">
          <h1>Industrial suppliers in {city.name}</h1>
          <p class="result-count">
            <strong>{productsLabel(counts.products)}</strong> from {sellersLabel(sellerCount)}
          </p>
        </div>
        <section class="section" aria-labelledby="city-categories-title">
          <h2 id="city-categories-title">Categories in {city.name}</h2>
          <div class="category-index">
            {roots.map((root) => (
              <section key={root.slug} class="category-index-group" aria-labelledby={`cat-${root.slug}`}>
                <div class="category-index-head">
                  <img src={categoryArt(root.slug)} alt="" width="48" height="36" />
                  <h3 id={`cat-${root.slug}`}>
                    <a href={cityCategoryPath(city.name, root)}>{root.name}</a>{' '}
                    <span class="count">({formatNumber(count(root))})</span>
                  </h3>
                </div>
                <ul>
                  {root.children
                    .filter((child) => count(child) > 0)
                    .map((child) => (
                      <li key={child.slug}>
                        <a href={cityCategoryPath(city.name, child)}>{child.name}</a>{' '}
                        <span class="count">({formatNumber(count(child))})</span>
                      </li>
                    ))}
                </ul>
              </section>
            ))}
          </div>
        </section>
        {props.sellers.length ? (
          <section class="section" aria-labelledby="city-sellers-title">
            <div class="section-head">
              <h2 id="city-sellers-title">Sellers in {city.name}</h2>
            </div>
            <ul class="seller-grid">
              {props.sellers.map((seller) => (
                <li key={seller.id}>
                  <SellerTile seller={seller} />
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        {props.recent.length ? (
          <section class="section" aria-labelledby="city-recent-title">
            <div class="section-head">
              <h2 id="city-recent-title">Recently listed in {city.name}</h2>
              <a href={withQuery('/search', { city: city.name })} class="section-link">
                All products from {city.name} <Icon name="arrow-right" />
              </a>
            </div>
            <ProductGrid products={props.recent} />
          </section>
        ) : null}
      </div>
    </Layout>
  )
}

function CityCategoryPage(props: {
  ctx: PageContext
  base: string
  canonical: string
  tree: catalog.CategoryTree
  city: catalog.SupplierCity
  category: catalog.CategoryNode
  counts: CityCounts
  sellers: catalog.FeaturedSeller[]
  sort: catalog.ProductSort
  result: catalog.ProductPage
}) {
  const { city, category, counts, result } = props
  const path = cityCategoryPath(city.name, category)
  const href = (over: Record<string, string | number | undefined>) =>
    withQuery(path, { sort: props.sort === 'newest' ? undefined : props.sort, ...over })
  const total = counts.byCategory.get(category.id) ?? 0
  const count = (node: { id: number }) => counts.byCategory.get(node.id) ?? 0
  const title = `${category.name} suppliers in ${city.name}`
  const top = category.parent ? (props.tree.bySlug.get(category.parent.slug) ?? category) : category
  const kinds = top.children.filter((child) => count(child) > 0)
  const crumbs = [
    { name: 'Home', path: '/' },
    { name: `Suppliers in ${city.name}`, path: cityPath(city.name) },
    ...(category.parent
      ? [{ name: category.parent.name, path: cityCategoryPath(city.name, category.parent) }]
      : []),
    { name: category.name, path },
  ]
  const offset = (result.page - 1) * result.pageSize
  return (
    <Layout
      ctx={props.ctx}
      title={title}
      description={`${productsLabel(total)} in ${category.name.toLowerCase()} from sellers in ${city.name}: compare prices, specifications and minimum order quantities, then send an enquiry.`}
      canonical={props.canonical}
      noindex={total === 0}
      categories={topCategoryLinks(props.tree)}
      jsonLd={{
        '@context': 'https://schema.org',
        '@graph': [
          breadcrumbList(props.base, crumbs),
          {
            '@type': 'ItemList',
            name: title,
            numberOfItems: total,
            itemListElement: result.items.map((item, i) => ({
              '@type': 'ListItem',
              position: offset + i + 1,
              url: `${props.base}${productPath(item)}`,
              name: item.title,
            })),
          },
        ],
      }}
    >
      <div class="container listing">
        <Breadcrumbs
          items={crumbs.map((crumb, i) => ({
            label: crumb.name,
            ...(i < crumbs.length - 1 ? { href: crumb.path } : {}),
          }))}
        />
        <div class="category-head">
          <img src={categoryArt(top.slug)} alt="" width="96" height="72" />
          <div>
            <h1>{title}</h1>
            <SearchCount result={result} exactTotal={total} />
            <p>
              <a href={categoryPath(category)}>{category.name} from every city</a>
            </p>
          </div>
        </div>
        {kinds.length ? (
          <nav class="subcategories" aria-label={`Kinds of ${top.name.toLowerCase()} in ${city.name}`}>
            <ul class="chip-list">
              <li>
                <a
                  class="chip"
                  href={cityCategoryPath(city.name, top)}
                  aria-current={top.slug === category.slug ? 'page' : undefined}
                >
                  All {top.name.toLowerCase()}
                </a>
              </li>
              {kinds.map((child) => (
                <li key={child.slug}>
                  <a
                    class="chip"
                    href={cityCategoryPath(city.name, child)}
                    aria-current={child.slug === category.slug ? 'page' : undefined}
                  >
                    {child.name} <span class="count">{formatNumber(count(child))}</span>
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
        {result.total > 0 ? (
          <>
            <div class="listing-toolbar">
              <SortLinks
                sorts={SORTS}
                current={props.sort}
                href={(s) => href({ sort: s === 'newest' ? undefined : s })}
              />
            </div>
            {result.items.length ? (
              <ProductGrid
                products={result.items}
                headingLevel={2}
                label={`${category.name} from ${city.name}`}
              />
            ) : (
              <PastTheEnd href={href({})} />
            )}
            <Pagination page={result.page} pageCount={result.pageCount} href={(page) => href({ page })} />
            <WindowNote result={result} />
          </>
        ) : (
          <EmptyState title={`No ${category.name.toLowerCase()} from sellers in ${city.name} yet`} icon="box">
            <p>
              <a href={categoryPath(category)}>See {category.name.toLowerCase()} from every city</a>, or{' '}
              <a href={cityPath(city.name)}>other categories in {city.name}</a>.
            </p>
          </EmptyState>
        )}
        {props.sellers.length ? (
          <section class="section" aria-labelledby="city-sellers-title">
            <div class="section-head">
              <h2 id="city-sellers-title">
                {category.name} sellers in {city.name}
              </h2>
            </div>
            <ul class="seller-grid">
              {props.sellers.map((seller) => (
                <li key={seller.id}>
                  <SellerTile seller={seller} />
                </li>
              ))}
            </ul>
          </section>
        ) : null}
      </div>
    </Layout>
  )
}
