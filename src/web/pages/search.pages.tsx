import type { FastifyInstance } from 'fastify'
import type { App } from '../../app.ts'
import * as catalog from '../../modules/catalog/index.ts'
import { formatNumber } from '../../shared/format.ts'
import { presentFacets } from '../presenters/catalog.ts'
import { sendPage } from '../render.tsx'
import { ProductGrid, SortLinks } from '../views/catalog-components.tsx'
import { Layout } from '../views/layout.tsx'
import {
  CategorySelect,
  FilterForm,
  FilterPanel,
  ListingLayout,
  PastTheEnd,
  SearchCount,
  WindowNote,
} from '../views/listing.tsx'
import { type PageContext, pageContext } from '../views/page-context.ts'
import { Pagination } from '../views/pagination.tsx'
import { Breadcrumbs, EmptyState, Flash } from '../views/ui.tsx'
import { categoryPath, withQuery } from '../views/urls.ts'
import { countActive, filterParams, listingQuery, SellerAndPriceFilters } from './listing-filters.tsx'
import { canonicalUrl, topCategoryLinks } from './page-frame.ts'

const SEARCH_SORTS: catalog.ProductSort[] = ['relevance', 'newest', 'price_asc', 'price_desc']

/** The search results page: keywords, filters, facets and sort over the whole catalogue. */
export function searchPages(server: FastifyInstance, app: App) {
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
                capped={result.totalCapped ? result.window : null}
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

/** Counts by category and city for the current matches, each a link that narrows to it. */
function Facets(props: {
  tree: catalog.CategoryTree
  facets: catalog.ProductFacets
  /** The window the counts were taken over, when more matched; null when they are exact. */
  capped: number | null
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
        <p class="field-hint">Counted over the first {formatNumber(props.capped)} matches.</p>
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
