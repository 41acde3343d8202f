import type { ComponentChildren } from 'preact'
import type { CategoryNode } from '../../modules/catalog/index.ts'
import { Icon } from './icons.tsx'
import { Button } from './ui.tsx'

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
