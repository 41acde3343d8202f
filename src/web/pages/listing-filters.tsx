import * as catalog from '../../modules/catalog/index.ts'
import { formatNumber } from '../../shared/format.ts'
import { CityFilter } from '../views/listing.tsx'
import { pageNumber } from './page-frame.ts'

// The query and filter fields that the search and category pages share.

/** Pages read the same query as the API but forgive: a bad value falls back to its default. */
export function listingQuery(raw: unknown): catalog.ProductListQuery {
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

export const paiseToRupees = (paise: number | undefined) =>
  paise === undefined ? undefined : String(paise / 100)

/** The filters that narrow by seller, price and MOQ, as the search takes them. */
export function sellerFilters(query: catalog.ProductListQuery) {
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
export function filterParams(query: catalog.ProductListQuery) {
  return {
    city: query.city,
    state: query.state,
    minPrice: paiseToRupees(query.minPricePaise),
    maxPrice: paiseToRupees(query.maxPricePaise),
    maxMoq: query.maxMoq,
    verified: query.verified ? '1' : undefined,
  }
}

export function countActive(query: catalog.ProductListQuery, withCategory: boolean): number {
  const { city, state, verified, maxMoq, minPricePaise, maxPricePaise } = query
  const price = minPricePaise !== undefined || maxPricePaise !== undefined
  return [withCategory && query.category, city, state, verified, maxMoq, price].filter(Boolean).length
}

/** Seller's city and state, GST-verified sellers only, price range and largest acceptable MOQ. */
export function SellerAndPriceFilters(props: {
  query: catalog.ProductListQuery
  facets: catalog.ProductFacets
}) {
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
