import type { FastifyInstance } from 'fastify'
import type { App } from '../../app.ts'
import * as catalog from '../../modules/catalog/index.ts'
import { formatNumber } from '../../shared/format.ts'
import { sendPage } from '../render.tsx'
import { ProductGrid, ResultCount, SortLinks } from '../views/catalog-components.tsx'
import { categoryArt } from '../views/category-art.ts'
import { Layout } from '../views/layout.tsx'
import { CategorySelect, CityFilter, FilterForm, FilterPanel, ListingLayout } from '../views/listing.tsx'
import { type PageContext, pageContext } from '../views/page-context.ts'
import { Pagination } from '../views/pagination.tsx'
import { Breadcrumbs, EmptyState, Flash } from '../views/ui.tsx'
import { categoryPath, withQuery } from '../views/urls.ts'
import { canonicalUrl, pageNumber, sendNotFound, topCategoryLinks } from './page-frame.ts'
import { productPages } from './product.pages.tsx'
import { sellerPages } from './seller.pages.tsx'

const CATEGORY_SORTS: catalog.ProductSort[] = ['newest', 'price_asc', 'price_desc']
const SEARCH_SORTS: catalog.ProductSort[] = ['relevance', 'newest', 'price_asc', 'price_desc']

/** Search, the category index and category pages; product pages and storefronts. */
export function catalogPages(server: FastifyInstance, app: App) {
  server.get('/search', async (request, reply) => {
    const query = listingQuery(request.query)
    const tree = await catalog.loadCategoryTree(app.db)
    const result = await catalog.browseProducts(app.db, query)
    return sendPage(
      reply,
      <SearchPage ctx={pageContext(request)} app={app} tree={tree} query={query} result={result} />,
    )
  })

  server.get('/categories', async (request, reply) => {
    const tree = await catalog.loadCategoryTree(app.db)
    const counts = await catalog.countPublishedByCategory(app.db, tree)
    return sendPage(
      reply,
      <CategoryIndexPage
        ctx={pageContext(request)}
        canonical={canonicalUrl(app, '/categories')}
        tree={tree}
        counts={counts}
      />,
    )
  })

  server.get<{ Params: { slug: string } }>('/c/:slug', async (request, reply) => {
    const tree = await catalog.loadCategoryTree(app.db)
    const category = tree.bySlug.get(request.params.slug)
    if (!category) return sendNotFound(app, request, reply, 'There is no category at this address.')
    const query = listingQuery(request.query)
    const sort = query.sort && CATEGORY_SORTS.includes(query.sort) ? query.sort : 'newest'
    const top = category.parent ? (tree.bySlug.get(category.parent.slug) ?? category) : category
    const [result, counts] = await Promise.all([
      catalog.listProducts(app.db, {
        categoryIds: catalog.categoryAndDescendantIds(category),
        city: query.city,
        sort,
        page: query.page,
      }),
      catalog.countPublishedByCategory(app.db, tree, top),
    ])
    const path = categoryPath(category)
    return sendPage(
      reply,
      <CategoryPage
        ctx={pageContext(request)}
        canonical={canonicalUrl(app, withQuery(path, { page: query.page > 1 ? query.page : undefined }))}
        tree={tree}
        category={category}
        counts={counts}
        city={query.city}
        sort={sort}
        result={result}
      />,
    )
  })

  productPages(server, app)
  sellerPages(server, app)
}

/** Pages read the same query as the API but forgive: a bad value falls back to its default. */
function listingQuery(raw: unknown): catalog.ProductListQuery {
  const input = (raw ?? {}) as Record<string, unknown>
  const text = (value: unknown, max: number) => (typeof value === 'string' ? value.slice(0, max) : undefined)
  const parsed = catalog.ProductListQuery.safeParse({
    q: text(input.q, 200),
    category: text(input.category, 100)?.toLowerCase(),
    city: text(input.city, 80),
    page: String(pageNumber(input.page, catalog.MAX_PAGE)),
    sort: catalog.productSorts.includes(input.sort as catalog.ProductSort) ? input.sort : undefined,
  })
  return parsed.success
    ? parsed.data
    : { page: 1, q: undefined, category: undefined, city: undefined, sort: undefined }
}

function SearchPage(props: {
  ctx: PageContext
  app: App
  tree: catalog.CategoryTree
  query: catalog.ProductListQuery
  result: catalog.BrowseResult
}) {
  const { query, result } = props
  const sort = query.sort ?? (query.q ? 'relevance' : 'newest')
  const state = { q: query.q, category: query.category, city: query.city }
  const href = (over: Record<string, string | number | undefined>) =>
    withQuery('/search', { ...state, sort: query.sort, ...over })
  const heading = query.q
    ? `Results for “${query.q}”`
    : result.category
      ? result.category.name
      : 'All products'
  const activeFilters = [query.category, query.city].filter(Boolean).length
  return (
    <Layout
      ctx={props.ctx}
      title={query.q ? `${query.q} – search` : 'All products'}
      description="Search industrial goods from Indian suppliers by name, specification or size."
      canonical={canonicalUrl(props.app, withQuery('/search', state))}
      noindex={Boolean(query.q)}
      categories={topCategoryLinks(props.tree)}
    >
      <div class="container listing">
        <Breadcrumbs items={[{ label: 'Home', href: '/' }, { label: query.q ? 'Search' : 'All products' }]} />
        <div class="listing-head">
          <h1>{heading}</h1>
          <ResultCount total={result.total} page={result.page} pageSize={result.pageSize} />
        </div>
        {result.match === 'similar' && result.total > 0 ? (
          <Flash kind="info" title={`No exact matches for “${query.q}”`}>
            Showing products with similar spellings. Check the words, or try a more general term.
          </Flash>
        ) : null}
        <ListingLayout
          filters={
            <FilterPanel activeCount={activeFilters}>
              <FilterForm
                action="/search"
                keep={{ q: query.q, sort: query.sort }}
                clearHref={activeFilters ? withQuery('/search', { q: query.q, sort: query.sort }) : undefined}
              >
                <CategorySelect id="filter-category" roots={props.tree.roots} value={query.category} />
                <CityFilter id="filter-city" value={query.city} />
              </FilterForm>
            </FilterPanel>
          }
        >
          {result.total > 0 ? (
            <>
              <div class="listing-toolbar">
                <SortLinks
                  sorts={query.q ? SEARCH_SORTS : SEARCH_SORTS.slice(1)}
                  current={sort}
                  href={(s) => href({ sort: s, page: undefined })}
                />
              </div>
              {result.items.length ? (
                <ProductGrid products={result.items} headingLevel={2} label="Products" />
              ) : (
                <PastTheEnd href={href({ page: undefined })} />
              )}
              <Pagination page={result.page} pageCount={result.pageCount} href={(page) => href({ page })} />
            </>
          ) : (
            <NoResults q={query.q} filtered={activeFilters > 0} tree={props.tree} />
          )}
        </ListingLayout>
      </div>
    </Layout>
  )
}

function NoResults(props: { q: string | undefined; filtered: boolean; tree: catalog.CategoryTree }) {
  return (
    <EmptyState title={props.q ? `No products match “${props.q}”` : 'No products here yet'}>
      {props.q || props.filtered ? <p>Some things to try:</p> : null}
      <ul class="suggestions">
        {props.q ? (
          <li>
            Check the spelling, or use fewer words (for example “gate valve” instead of the full model name).
          </li>
        ) : null}
        {props.q ? <li>Search for the kind of product (“pump”, “bearing”) rather than a brand.</li> : null}
        {props.filtered ? (
          <li>
            <a href={withQuery('/search', { q: props.q })}>Remove the filters</a> and search again.
          </li>
        ) : null}
      </ul>
      <p>Or browse a category:</p>
      <ul class="chip-list">
        {props.tree.roots.map((root) => (
          <li key={root.slug}>
            <a class="chip" href={categoryPath(root)}>
              {root.name}
            </a>
          </li>
        ))}
      </ul>
    </EmptyState>
  )
}

function PastTheEnd(props: { href: string }) {
  return (
    <EmptyState title="There are no more results" icon="box">
      <p>
        This page is past the end of the list. <a href={props.href}>Go to the first page</a>.
      </p>
    </EmptyState>
  )
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

function CategoryPage(props: {
  ctx: PageContext
  canonical: string
  tree: catalog.CategoryTree
  category: catalog.CategoryNode
  counts: Map<number, number>
  city: string | undefined
  sort: catalog.ProductSort
  result: catalog.ProductPage
}) {
  const { category, result } = props
  const path = categoryPath(category)
  const href = (over: Record<string, string | number | undefined>) =>
    withQuery(path, { city: props.city, sort: props.sort === 'newest' ? undefined : props.sort, ...over })
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
            <ResultCount total={result.total} page={result.page} pageSize={result.pageSize} />
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
            <FilterPanel activeCount={props.city ? 1 : 0}>
              <FilterForm
                action={path}
                keep={{ sort: props.sort === 'newest' ? undefined : props.sort }}
                clearHref={props.city ? href({ city: undefined }) : undefined}
              >
                <CityFilter id="filter-city" value={props.city} />
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
            </>
          ) : (
            <EmptyState
              title={
                props.city
                  ? `No ${category.name.toLowerCase()} from sellers in ${props.city}`
                  : 'No products listed here yet'
              }
              icon="box"
            >
              <p>
                {props.city ? (
                  <a href={href({ city: undefined })}>Show sellers from every city</a>
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
      </div>
    </Layout>
  )
}
