import type { FastifyInstance } from 'fastify'
import type { App } from '../../app.ts'
import * as catalog from '../../modules/catalog/index.ts'
import { formatNumber } from '../../shared/format.ts'
import { sendSharedPage } from '../shared-page.tsx'
import { ProductGrid, SortLinks } from '../views/catalog-components.tsx'
import { categoryArt } from '../views/category-art.ts'
import { Layout } from '../views/layout.tsx'
import {
  FilterForm,
  FilterPanel,
  ListingLayout,
  PastTheEnd,
  SearchCount,
  SuppliersByCity,
  WindowNote,
} from '../views/listing.tsx'
import type { PageContext } from '../views/page-context.ts'
import { Pagination } from '../views/pagination.tsx'
import { Breadcrumbs, EmptyState } from '../views/ui.tsx'
import { categoryPath, withQuery } from '../views/urls.ts'
import { categoryIndexPages } from './category-index.pages.tsx'
import {
  countActive,
  filterParams,
  listingQuery,
  SellerAndPriceFilters,
  sellerFilters,
} from './listing-filters.tsx'
import { canonicalUrl, sendNotFound, topCategoryLinks } from './page-frame.ts'
import { productPages } from './product.pages.tsx'
import { searchPages } from './search.pages.tsx'
import { sellerPages } from './seller.pages.tsx'

const CATEGORY_SORTS: catalog.ProductSort[] = ['newest', 'price_asc', 'price_desc']

/** Category pages; search, the category index, product pages and storefronts register from here too. */
export function catalogPages(server: FastifyInstance, app: App) {
  searchPages(server, app)
  server.get<{ Params: { slug: string } }>(
    '/c/:slug',
    { config: { sharedPage: true } },
    async (request, reply) => {
      const found = await sendSharedPage(server, request, reply, async (ctx) => {
        const tree = await catalog.loadCategoryTree(app.db)
        const category = tree.bySlug.get(request.params.slug)
        if (!category) return null
        const query = listingQuery(request.query)
        const sort = query.sort && CATEGORY_SORTS.includes(query.sort) ? query.sort : 'newest'
        const top = category.parent ? (tree.bySlug.get(category.parent.slug) ?? category) : category
        const [result, counts] = await Promise.all([
          catalog.listProducts(app.db, {
            ...sellerFilters(query),
            categoryIds: catalog.categoryAndDescendantIds(category),
            sort,
            page: query.page,
          }),
          catalog.countPublishedByCategory(app.db, tree, top),
        ])
        const path = categoryPath(category)
        return (
          <CategoryPage
            ctx={ctx}
            canonical={canonicalUrl(app, withQuery(path, { page: query.page > 1 ? query.page : undefined }))}
            tree={tree}
            category={category}
            counts={counts}
            query={query}
            sort={sort}
            result={result}
          />
        )
      })
      return found ? reply : sendNotFound(app, request, reply, 'There is no category at this address.')
    },
  )

  categoryIndexPages(server, app)
  productPages(server, app)
  sellerPages(server, app)
}

function CategoryPage(props: {
  ctx: PageContext
  canonical: string
  tree: catalog.CategoryTree
  category: catalog.CategoryNode
  counts: Map<number, number>
  query: catalog.ProductListQuery
  sort: catalog.ProductSort
  result: catalog.ProductPage
}) {
  const { category, result, query } = props
  const path = categoryPath(category)
  const filters = filterParams(query)
  const href = (over: Record<string, string | number | undefined>) =>
    withQuery(path, { ...filters, sort: props.sort === 'newest' ? undefined : props.sort, ...over })
  const activeFilters = countActive(query, false)
  // Unfiltered, the category's own count is exact; filtered, the listing counts up to the window.
  const exactTotal = activeFilters ? undefined : props.counts.get(category.id)
  const top = category.parent ?? category
  const siblings = category.parent
    ? (props.tree.bySlug.get(category.parent.slug)?.children ?? [])
    : category.children
  return (
    <Layout
      ctx={props.ctx}
      title={category.parent ? `${category.name} – ${category.parent.name}` : category.name}
      description={
        category.description ||
        `${category.name} from Indian manufacturers and suppliers: compare prices, specifications and minimum order quantities.`
      }
      canonical={props.canonical}
      categories={topCategoryLinks(props.tree)}
    >
      <div class="container listing">
        <Breadcrumbs
          items={[
            { label: 'Home', href: '/' },
            ...(category.parent
              ? [{ label: category.parent.name, href: categoryPath(category.parent) }]
              : []),
            { label: category.name },
          ]}
        />
        <div class="category-head">
          <img src={categoryArt(top.slug)} alt="" width="96" height="72" />
          <div>
            <h1>{category.name}</h1>
            {category.description ? <p class="lead">{category.description}</p> : null}
            <SearchCount result={result} exactTotal={exactTotal} />
          </div>
        </div>
        {siblings.length ? (
          <nav class="subcategories" aria-label={`Kinds of ${top.name.toLowerCase()}`}>
            <ul class="chip-list">
              <li>
                <a
                  class="chip"
                  href={categoryPath(top)}
                  aria-current={top.slug === category.slug ? 'page' : undefined}
                >
                  All {top.name.toLowerCase()}
                </a>
              </li>
              {siblings.map((child) => (
                <li key={child.slug}>
                  <a
                    class="chip"
                    href={categoryPath(child)}
                    aria-current={child.slug === category.slug ? 'page' : undefined}
                  >
                    {child.name} <span class="count">{formatNumber(props.counts.get(child.id) ?? 0)}</span>
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
        <ListingLayout
          filters={
            <FilterPanel activeCount={activeFilters}>
              <FilterForm
                action={path}
                keep={{ sort: props.sort === 'newest' ? undefined : props.sort }}
                clearHref={
                  activeFilters
                    ? withQuery(path, { sort: props.sort === 'newest' ? undefined : props.sort })
                    : undefined
                }
              >
                <SellerAndPriceFilters query={query} facets={result.facets} />
              </FilterForm>
            </FilterPanel>
          }
        >
          {result.total > 0 ? (
            <>
              <div class="listing-toolbar">
                <SortLinks
                  sorts={CATEGORY_SORTS}
                  current={props.sort}
                  href={(s) => href({ sort: s === 'newest' ? undefined : s })}
                />
              </div>
              {result.items.length ? (
                <ProductGrid products={result.items} headingLevel={2} label={`${category.name} products`} />
              ) : (
                <PastTheEnd href={href({})} />
              )}
              <Pagination page={result.page} pageCount={result.pageCount} href={(page) => href({ page })} />
              <WindowNote result={result} />
            </>
          ) : (
            <EmptyState
              title={
                query.city
                  ? `No ${category.name.toLowerCase()} from sellers in ${query.city}`
                  : activeFilters
                    ? `No ${category.name.toLowerCase()} match these filters`
                    : 'No products listed here yet'
              }
              icon="box"
            >
              <p>
                {activeFilters ? (
                  <a href={path}>Clear the filters</a>
                ) : (
                  <>
                    Sellers have not listed anything in this category yet.{' '}
                    <a href="/categories">Browse other categories</a>.
                  </>
                )}
              </p>
            </EmptyState>
          )}
        </ListingLayout>
        <SuppliersByCity category={category} cities={result.facets.cities.map((c) => c.city)} />
      </div>
    </Layout>
  )
}
