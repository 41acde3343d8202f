import type { ComponentChildren } from 'preact'
import type { CategoryNode, ProductPage } from '../../modules/catalog/index.ts'
import { formatNumber } from '../../shared/format.ts'
import { Icon } from './icons.tsx'
import { Button, EmptyState } from './ui.tsx'
import { cityCategoryPath } from './urls.ts'

/**
 * Results with their filters. On wide screens the filters are a sidebar; on phones they fold
 * into a disclosure above the results (a <details>, so no JavaScript is needed).
 */
export function ListingLayout(props: { filters: ComponentChildren; children: ComponentChildren }) {
  return (
    <div class="listing-layout">
      {props.filters}
      <div class="listing-results">{props.children}</div>
    </div>
  )
}

export function FilterPanel(props: { activeCount: number; children: ComponentChildren }) {
  return (
    <details class="filters">
      <summary>
        <Icon name="filter" />
        Filters
        {props.activeCount ? <span class="filter-count">{props.activeCount} active</span> : null}
      </summary>
      <div class="filters-body">
        <h2 class="filters-title">Filters</h2>
        {props.children}
      </div>
    </details>
  )
}

/** The filter form: GET, so every filtered view has a URL that can be shared and bookmarked. */
export function FilterForm(props: {
  action: string
  /** Values carried over unchanged, such as the keywords and the sort order. */
  keep: Record<string, string | undefined>
  children: ComponentChildren
  clearHref?: string | undefined
}) {
  return (
    <form class="filter-form" action={props.action} method="get">
      {Object.entries(props.keep).map(([name, value]) =>
        value ? <input key={name} type="hidden" name={name} value={value} /> : null,
      )}
      {props.children}
      <div class="filter-actions">
        <Button>Apply filters</Button>
        {props.clearHref ? (
          <a href={props.clearHref} class="link-quiet">
            Clear filters
          </a>
        ) : null}
      </div>
    </form>
  )
}

export function CityFilter(props: { id: string; value: string | undefined }) {
  return (
    <div class="field">
      <label class="field-label" for={props.id}>
        Seller's city
      </label>
      <p class="field-hint" id={`${props.id}-hint`}>
        For example Pune, Rajkot or Coimbatore
      </p>
      <input
        id={props.id}
        name="city"
        type="text"
        class="input"
        value={props.value ?? ''}
        maxlength={80}
        autocomplete="address-level2"
        aria-describedby={`${props.id}-hint`}
      />
    </div>
  )
}

export function CategorySelect(props: { id: string; roots: CategoryNode[]; value: string | undefined }) {
  return (
    <div class="field">
      <label class="field-label" for={props.id}>
        Category
      </label>
      <select id={props.id} name="category" class="input">
        <option value="" selected={!props.value}>
          All categories
        </option>
        {props.roots.map((root) => (
          <optgroup key={root.slug} label={root.name}>
            <option value={root.slug} selected={props.value === root.slug}>
              All {root.name.toLowerCase()}
            </option>
            {root.children.map((child) => (
              <option key={child.slug} value={child.slug} selected={props.value === child.slug}>
                {child.name}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </div>
  )
}

/** "1 product", "240 products" or, past the search window, "1,000+ products". */
export function SearchCount(props: { result: ProductPage; exactTotal?: number | undefined }) {
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

/** Past the window, paging stops: say so, and how to reach the rest. */
export function WindowNote(props: { result: ProductPage }) {
  if (!props.result.totalCapped || props.result.page < props.result.pageCount) return null
  return (
    <p class="search-window-note">
      Only the first {formatNumber(props.result.window)} matches can be paged through. Add a word, a filter or
      a different sort to see others.
    </p>
  )
}

export function PastTheEnd(props: { href: string }) {
  return (
    <EmptyState title="There are no more results" icon="box">
      <p>
        This page is past the end of the list. <a href={props.href}>Go to the first page</a>.
      </p>
    </EmptyState>
  )
}

/**
 * Links to the category's city pages ("Valves suppliers in Pune"), for the cities with the most
 * sellers of it among the listed products.
 */
export function SuppliersByCity(props: { category: { slug: string; name: string }; cities: string[] }) {
  if (props.cities.length === 0) return null
  return (
    <section class="city-links" aria-labelledby="city-links-title">
      <h2 id="city-links-title" class="facet-title">
        Suppliers by city
      </h2>
      <ul class="chip-list">
        {props.cities.map((city) => (
          <li key={city}>
            <a class="chip" href={cityCategoryPath(city, props.category)}>
              {props.category.name} in {city}
            </a>
          </li>
        ))}
      </ul>
    </section>
  )
}
