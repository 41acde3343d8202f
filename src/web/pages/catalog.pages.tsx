import type { FastifyInstance } from 'fastify'
import type { App } from '../../app.ts'
import * as catalog from '../../modules/catalog/index.ts'
import { formatNumber } from '../../shared/format.ts'
import { presentFacets } from '../presenters/catalog.ts'
import { sendPage } from '../render.tsx'
import { ProductGrid, SortLinks } from '../views/catalog-components.tsx'
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
    const [tree, result] = await Promise.all([
      catalog.loadCategoryTree(app.db),
      catalog.browseProducts(app.db, query),
    ])
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
        ...sellerFilters(query),
        categoryIds: catalog.categoryAndDescendantIds(category),
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
        query={query}
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
  const fields = {
    q: text(input.q, 200),
    category: text(input.category, 100)?.toLowerCase(),
    city: text(input.city, 80),
    state: text(input.state, 80),
    // People type rupees; the query counts paise.
    minPricePaise: rupeesToPaise(input.minPrice),
    maxPricePaise: rupeesToPaise(input.maxPrice),
    maxMoq: text(input.maxMoq, 12),
    verified: input.verified === '1' ? 'true' : undefined,
    page: String(pageNumber(input.page, catalog.MAX_PAGE)),
    sort: catalog.productSorts.includes(input.sort as catalog.ProductSort) ? input.sort : undefined,
  }
  const parsed = catalog.ProductListQuery.safeParse(fields)
  if (parsed.success) return parsed.data
  // Drop only the fields that were wrong, keeping the rest of what the buyer asked for.
  const bad = new Set(parsed.error.issues.map((issue) => String(issue.path[0])))
  const kept = Object.fromEntries(Object.entries(fields).filter(([key]) => !bad.has(key)))
  const retry = catalog.ProductListQuery.safeParse(kept)
  return retry.success ? retry.data : catalog.ProductListQuery.parse({})
}

function rupeesToPaise(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.trim() === '') return undefined
  const rupees = Number(value.replace(/[₹,\s]/g, ''))
  return Number.isFinite(rupees) && rupees >= 0 ? String(Math.round(rupees * 100)) : undefined
}

const paiseToRupees = (paise: number | undefined) => (paise === undefined ? undefined : String(paise / 100))

/** The filters that narrow by seller, price and MOQ, as the search takes them. */
function sellerFilters(query: catalog.ProductListQuery) {
  return {
    city: query.city,
    state: query.state,
    verified: query.verified,
    minPricePaise: query.minPricePaise,
    maxPricePaise: query.maxPricePaise,
    maxMoq: query.maxMoq,
  }
}

/** The filters as URL parameters (rupees, verified=1), for links and hidden fields. */
function filterParams(query: catalog.ProductListQuery) {
  return {
    city: query.city,
    state: query.state,
    minPrice: paiseToRupees(query.minPricePaise),
    maxPrice: paiseToRupees(query.maxPricePaise),
    maxMoq: query.maxMoq,
    verified: query.verified ? '1' : undefined,
  }
}

function countActive(query: catalog.ProductListQuery, withCategory: boolean): number {
  const { city, state, verified, maxMoq, minPricePaise, maxPricePaise } = query
  const price = minPricePaise !== undefined || maxPricePaise !== undefined
  return [withCategory && query.category, city, state, verified, maxMoq, price].filter(Boolean).length
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
  const state = { q: query.q, category: query.category, ...filterParams(query) }
  const href = (over: Record<string, string | number | undefined>) =>
    withQuery('/search', { ...state, sort: query.sort, ...over })
  const heading = query.q
    ? `Results for “${query.q}”`
    : result.category
      ? result.category.name
      : 'All products'
  const activeFilters = countActive(query, true)
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
          <SearchCount result={result} />
        </div>
        <MatchNotice q={query.q} result={result} />
        <ListingLayout
          filters={
            <FilterPanel activeCount={activeFilters}>
              <FilterForm
                action="/search"
                keep={{ q: query.q, sort: query.sort }}
                clearHref={activeFilters ? withQuery('/search', { q: query.q, sort: query.sort }) : undefined}
              >
                <CategorySelect id="filter-category" roots={props.tree.roots} value={query.category} />
                <SellerAndPriceFilters query={query} facets={result.facets} />
              </FilterForm>
              <Facets
                tree={props.tree}
                facets={result.facets}
                capped={result.totalCapped}
                category={query.category}
                city={query.city}
                href={href}
              />
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
              <WindowNote result={result} />
            </>
          ) : (
            <NoResults q={query.q} filtered={activeFilters > 0} tree={props.tree} />
          )}
        </ListingLayout>
      </div>
    </Layout>
  )
}

/** "1 product", "240 products" or, past the search window, "1,000+ products". */
function SearchCount(props: { result: catalog.ProductPage; exactTotal?: number | undefined }) {
  const { result } = props
  const total = props.exactTotal ?? result.total
  const capped = props.exactTotal === undefined && result.totalCapped
  if (total === 0) return <p class="result-count">No products</p>
  const first = (result.page - 1) * result.pageSize + 1
  const last = Math.min(result.page * result.pageSize, total)
  return (
    <p class="result-count">
      <strong>
        {formatNumber(total)}
        {capped ? '+' : ''} {total === 1 && !capped ? 'product' : 'products'}
      </strong>
      {total > result.pageSize && first <= last && result.items.length
        ? ` · showing ${formatNumber(first)}–${formatNumber(last)}`
        : ''}
    </p>
  )
}

function MatchNotice(props: { q: string | undefined; result: catalog.ProductPage }) {
  const { result } = props
  if (!props.q || result.total === 0) return null
  switch (result.match) {
    case 'corrected':
      return (
        <Flash kind="info" title={`Showing results for “${result.correctedQuery}”`}>
          No products matched “{props.q}”, so we searched for the closest words in our catalogue.
        </Flash>
      )
    case 'partial':
      return (
        <Flash kind="info" title={`No product matches every word of “${props.q}”`}>
          Showing products that match some of the words
          {result.correctedQuery ? ` of “${result.correctedQuery}”` : ''}, best matches first.
        </Flash>
      )
    case 'similar':
      return (
        <Flash kind="info" title={`No exact matches for “${props.q}”`}>
          Showing products with similar spellings. Check the words, or try a more general term.
        </Flash>
      )
    default:
      return null
  }
}

/** Past the window, paging stops: say so, and how to reach the rest. */
function WindowNote(props: { result: catalog.ProductPage }) {
  if (!props.result.totalCapped || props.result.page < props.result.pageCount) return null
  return (
    <p class="search-window-note">
      Only the first {formatNumber(catalog.SEARCH_WINDOW)} matches can be paged through. Add a word, a filter
      or a different sort to see others.
    </p>
  )
}

/** Seller's city and state, GST-verified sellers only, price range and largest acceptable MOQ. */
function SellerAndPriceFilters(props: { query: catalog.ProductListQuery; facets: catalog.ProductFacets }) {
  const { query } = props
  return (
    <>
      <CityFilter id="filter-city" value={query.city} />
      <div class="field">
        <label class="field-label" for="filter-state">
          Seller's state
        </label>
        <input
          id="filter-state"
          name="state"
          type="text"
          class="input"
          value={query.state ?? ''}
          maxlength={80}
          autocomplete="address-level1"
        />
      </div>
      <fieldset class="field price-range">
        <legend class="field-label">Price per unit (₹)</legend>
        <div class="price-range-inputs">
          <label>
            <span class="visually-hidden">Lowest price in rupees</span>
            <input
              name="minPrice"
              type="text"
              inputmode="decimal"
              class="input"
              placeholder="Min"
              value={paiseToRupees(query.minPricePaise) ?? ''}
              maxlength={14}
            />
          </label>
          <span aria-hidden="true">to</span>
          <label>
            <span class="visually-hidden">Highest price in rupees</span>
            <input
              name="maxPrice"
              type="text"
              inputmode="decimal"
              class="input"
              placeholder="Max"
              value={paiseToRupees(query.maxPricePaise) ?? ''}
              maxlength={14}
            />
          </label>
        </div>
      </fieldset>
      <div class="field">
        <label class="field-label" for="filter-moq">
          Minimum order at most
        </label>
        <p class="field-hint" id="filter-moq-hint">
          Hide products whose minimum order quantity is larger than this
        </p>
        <input
          id="filter-moq"
          name="maxMoq"
          type="text"
          inputmode="numeric"
          class="input"
          value={query.maxMoq === undefined ? '' : String(query.maxMoq)}
          maxlength={12}
          aria-describedby="filter-moq-hint"
        />
      </div>
      <div class="field check-field">
        <input
          id="filter-verified"
          name="verified"
          type="checkbox"
          value="1"
          checked={Boolean(query.verified)}
        />
        <label for="filter-verified">
          GST-verified sellers only{' '}
          {query.verified ? null : <span class="count">({formatNumber(props.facets.verified)})</span>}
        </label>
      </div>
    </>
  )
}

/** Counts by category and city for the current matches, each a link that narrows to it. */
function Facets(props: {
  tree: catalog.CategoryTree
  facets: catalog.ProductFacets
  capped: boolean
  category: string | undefined
  city: string | undefined
  href: (over: Record<string, string | number | undefined>) => string
}) {
  const facets = presentFacets(props.facets, props.tree)
  const categories = facets.categories.filter((c) => c.slug !== props.category).slice(0, 10)
  const cities = props.city ? [] : facets.cities
  if (categories.length === 0 && cities.length === 0) return null
  return (
    <div class="facets">
      {categories.length ? (
        <section aria-labelledby="facet-categories">
          <h3 id="facet-categories" class="facet-title">
            By category
          </h3>
          <ul class="facet-list">
            {categories.map((c) => (
              <li key={c.slug} class={c.parent ? 'facet-child' : undefined}>
                <a href={props.href({ category: c.slug, page: undefined })}>{c.name}</a>{' '}
                <span class="count">{formatNumber(c.count)}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {cities.length ? (
        <section aria-labelledby="facet-cities">
          <h3 id="facet-cities" class="facet-title">
            By seller's city
          </h3>
          <ul class="facet-list">
            {cities.map((c) => (
              <li key={c.city}>
                <a href={props.href({ city: c.city, page: undefined })}>{c.city}</a>{' '}
                <span class="count">{formatNumber(c.count)}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {props.capped ? (
        <p class="field-hint">Counted over the first {formatNumber(catalog.SEARCH_WINDOW)} matches.</p>
      ) : null}
    </div>
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
      </div>
    </Layout>
  )
}
