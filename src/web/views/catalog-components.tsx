import type { FeaturedSeller, ProductSort, ProductSummary } from '../../modules/catalog/index.ts'
import { formatDate, formatNumber, formatQuantity } from '../../shared/format.ts'
import { categoryArt } from './category-art.ts'
import { Icon } from './icons.tsx'
import { ButtonLink, GstVerifiedBadge, Price } from './ui.tsx'
import { productPath, sellerPath } from './urls.ts'

type HeadingLevel = 2 | 3

/** One listing as buyers scan it: picture, title, key specs, price per unit, MOQ, seller, one action. */
export function ProductCard(props: {
  product: ProductSummary
  headingLevel?: HeadingLevel
  hideSeller?: boolean
}) {
  const { product } = props
  const Heading = props.headingLevel === 2 ? 'h2' : 'h3'
  const href = productPath(product)
  return (
    <article class="product-card">
      <div class="product-media">
        <img src={categoryArt(product.topCategorySlug)} alt="" width="160" height="120" loading="lazy" />
      </div>
      <div class="product-body">
        <Heading class="product-title">
          <a href={href}>{product.title}</a>
        </Heading>
        {product.keySpecs.length ? (
          <dl class="product-specs">
            {product.keySpecs.map((spec) => (
              <div key={spec.name}>
                <dt>{spec.name}</dt>
                <dd>{spec.value}</dd>
              </div>
            ))}
          </dl>
        ) : null}
        <div class="product-offer">
          <Price paise={product.pricePaise} unit={product.unit} />
          <span class="product-moq">MOQ {formatQuantity(product.moq, product.unit)}</span>
        </div>
        {props.hideSeller ? null : (
          <div class="product-seller">
            <a href={sellerPath(product.seller)} class="seller-link">
              {product.seller.name}
            </a>
            <span class="seller-meta">
              <span class="seller-city">
                <Icon name="pin" />
                {product.seller.city}
              </span>
              {product.seller.gstVerified ? <GstVerifiedBadge /> : null}
            </span>
          </div>
        )}
        <ButtonLink
          href={`${href}#enquire`}
          class="btn-block"
          aria-label={`Send enquiry about ${product.title}`}
        >
          Send enquiry
        </ButtonLink>
      </div>
    </article>
  )
}

export function ProductGrid(props: {
  products: ProductSummary[]
  headingLevel?: HeadingLevel
  label?: string
  /** On a storefront every card has the same seller. */
  hideSeller?: boolean
}) {
  return (
    <ul class="product-grid" aria-label={props.label}>
      {props.products.map((product) => (
        <li key={product.id}>
          <ProductCard
            product={product}
            headingLevel={props.headingLevel ?? 3}
            hideSeller={props.hideSeller}
          />
        </li>
      ))}
    </ul>
  )
}

export function SellerTile(props: { seller: FeaturedSeller }) {
  const { seller } = props
  return (
    <article class="seller-tile">
      <div class="seller-initials" aria-hidden="true">
        {initials(seller.name)}
      </div>
      <div class="seller-tile-body">
        <h3 class="seller-tile-name">
          <a href={sellerPath(seller)}>{seller.name}</a>
        </h3>
        <p class="seller-tile-place">
          <Icon name="pin" />
          {seller.city}, {seller.state}
        </p>
        <p class="seller-tile-facts">
          {businessTypeLabel(seller.businessType)}
          {seller.yearEstablished ? ` · Since ${seller.yearEstablished}` : ''}
        </p>
        <p class="seller-tile-trust">
          {seller.gstVerifiedAt ? <GstVerifiedBadge checkedOn={formatDate(seller.gstVerifiedAt)} /> : null}
          <span>
            {formatNumber(seller.publishedProducts)} {seller.publishedProducts === 1 ? 'product' : 'products'}
          </span>
        </p>
      </div>
    </article>
  )
}

const sortLabels: Record<ProductSort, string> = {
  relevance: 'Best match',
  newest: 'Newest',
  price_asc: 'Lowest price',
  price_desc: 'Highest price',
}

/** Sorting as plain links, so it works without JavaScript and each order has its own URL. */
export function SortLinks(props: {
  sorts: ProductSort[]
  current: ProductSort
  href: (sort: ProductSort) => string
}) {
  return (
    <nav class="sort-links" aria-label="Sort products">
      <span class="sort-label" aria-hidden="true">
        Sort:
      </span>
      <ul>
        {props.sorts.map((sort) => (
          <li key={sort}>
            <a href={props.href(sort)} aria-current={sort === props.current ? 'true' : undefined}>
              {sortLabels[sort]}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  )
}

export function ResultCount(props: { total: number; page: number; pageSize: number; noun?: string; capped?: boolean }) {
  const noun = props.noun ?? 'product'
  if (props.total === 0) return <p class="result-count">No {noun}s</p>
  if (props.capped) {
    return (
      <p class="result-count">
        <strong>
          {formatNumber(props.total)}+ {noun}s
        </strong>
      </p>
    )
  }
  const first = (props.page - 1) * props.pageSize + 1
  const last = Math.min(props.page * props.pageSize, props.total)
  return (
    <p class="result-count">
      <strong>
        {formatNumber(props.total)} {props.total === 1 ? noun : `${noun}s`}
      </strong>
      {props.total > props.pageSize && first <= last
        ? ` · showing ${formatNumber(first)}–${formatNumber(last)}`
        : ''}
    </p>
  )
}

export function businessTypeLabel(type: string): string {
  const text = type.replace(/[_-]+/g, ' ').trim()
  return text.charAt(0).toUpperCase() + text.slice(1)
}

function initials(name: string): string {
  const words = name
    .replace(/\b(pvt|private|ltd|limited|llp|and|&|co)\b\.?/gi, '')
    .split(/\s+/)
    .filter((w) => /^\p{L}/u.test(w))
  return (
    words
      .slice(0, 2)
      .map((w) => w[0]!.toUpperCase())
      .join('') || '·'
  )
}
