import type { FastifyInstance } from 'fastify'
import type { App } from '../../app.ts'
import * as catalog from '../../modules/catalog/index.ts'
import * as enquiries from '../../modules/enquiries/index.ts'
import { formatDate, formatNumber } from '../../shared/format.ts'
import { sendPage } from '../render.tsx'
import { businessTypeLabel, ProductGrid, ResultCount } from '../views/catalog-components.tsx'
import { Icon } from '../views/icons.tsx'
import { Layout } from '../views/layout.tsx'
import { type PageContext, pageContext } from '../views/page-context.ts'
import { Pagination } from '../views/pagination.tsx'
import { Breadcrumbs, ButtonLink, EmptyState, GstVerifiedBadge } from '../views/ui.tsx'
import { cityPath, sellerPath, withQuery } from '../views/urls.ts'
import { canonicalUrl, pageNumber, sendNotFound, topCategoryLinks } from './page-frame.ts'

export function sellerPages(server: FastifyInstance, app: App) {
  server.get<{ Params: { slug: string }; Querystring: { page?: string } }>(
    '/s/:slug',
    async (request, reply) => {
      const seller = await catalog.findSellerBySlug(app.db, request.params.slug)
      if (!seller) {
        return sendNotFound(
          app,
          request,
          reply,
          'There is no seller at this address, or they have nothing listed yet.',
        )
      }
      const page = pageNumber(request.query.page, catalog.MAX_PAGE)
      const [tree, products, responsiveness] = await Promise.all([
        catalog.loadCategoryTree(app.db),
        catalog.listProducts(app.db, { businessId: seller.id, sort: 'newest', page }),
        enquiries.responsivenessFor(app.db, [seller.id]),
      ])
      const path = sellerPath(seller)
      return sendPage(
        reply,
        <SellerPage
          ctx={pageContext(request)}
          canonical={canonicalUrl(app, withQuery(path, { page: page > 1 ? page : undefined }))}
          nav={topCategoryLinks(tree)}
          seller={seller}
          products={products}
          replies={enquiries.describeResponsiveness(
            responsiveness.get(seller.id) ?? {
              enquiries90d: 0,
              answeredShare: 0,
              medianFirstReplyHours: null,
            },
          )}
        />,
      )
    },
  )
}

function SellerPage(props: {
  ctx: PageContext
  canonical: string
  nav: { slug: string; name: string }[]
  seller: catalog.SellerProfile
  products: catalog.ProductPage
  /** From seller_responsiveness, recomputed daily and on first replies. */
  replies: string[]
}) {
  const { seller, products } = props
  const path = sellerPath(seller)
  const showsLegalName = seller.legalName !== seller.name
  return (
    <Layout
      ctx={props.ctx}
      title={`${seller.name}, ${seller.city}`}
      description={`${seller.name} — ${businessTypeLabel(seller.businessType).toLowerCase()} in ${seller.city}, ${seller.state}. ${formatNumber(seller.publishedProducts)} products listed on Mandi.`}
      canonical={props.canonical}
      categories={props.nav}
      openGraph={{ type: 'profile' }}
      jsonLd={{
        '@context': 'https://schema.org',
        '@type': 'Organization',
        name: seller.name,
        legalName: seller.legalName,
        url: props.canonical,
        description: seller.description.trim() || undefined,
        address: { '@type': 'PostalAddress', addressLocality: seller.city, addressRegion: seller.state, addressCountry: 'IN' },
        ...(seller.gstin ? { taxID: seller.gstin } : {}),
      }}
    >
      <div class="container">
        <Breadcrumbs items={[{ label: 'Home', href: '/' }, { label: seller.name }]} />
        <header class="storefront-head">
          <div class="storefront-title">
            <h1>{seller.name}</h1>
            {showsLegalName ? <p class="muted">Registered as {seller.legalName}</p> : null}
            <p class="storefront-place">
              <Icon name="pin" />
              <a href={cityPath(seller.city)}>{seller.city}</a>, {seller.state}
            </p>
            {seller.gstVerifiedAt ? (
              <p class="storefront-badges">
                <GstVerifiedBadge checkedOn={formatDate(seller.gstVerifiedAt)} />
                <span class="muted">GSTIN checked on {formatDate(seller.gstVerifiedAt)}</span>
              </p>
            ) : null}
            <p class="storefront-contact">
              <ButtonLink href={`/enquire?sellerId=${seller.id}`}>Contact seller</ButtonLink>
            </p>
          </div>
          <dl class="storefront-facts">
            <div>
              <dt>Business type</dt>
              <dd>{businessTypeLabel(seller.businessType)}</dd>
            </div>
            <div>
              <dt>Established</dt>
              <dd>{seller.yearEstablished ?? 'Not stated'}</dd>
            </div>
            <div>
              <dt>GSTIN</dt>
              <dd>
                {seller.gstVerifiedAt && seller.gstin ? (
                  <code>{seller.gstin}</code>
                ) : (
                  <span class="muted">Not verified yet</span>
                )}
              </dd>
            </div>
            <div>
              <dt>Products listed</dt>
              <dd>{formatNumber(seller.publishedProducts)}</dd>
            </div>
            <div>
              <dt>Replies to enquiries</dt>
              <dd>{props.replies.join('. ')}</dd>
            </div>
          </dl>
        </header>
        {seller.description.trim() ? (
          <section class="storefront-about" aria-labelledby="about-title">
            <h2 id="about-title">About {seller.name}</h2>
            <div class="prose">
              {seller.description
                .trim()
                .split(/\n\s*\n/)
                .map((paragraph) => (
                  <p key={paragraph}>{paragraph}</p>
                ))}
            </div>
          </section>
        ) : null}
        <section class="section" aria-labelledby="products-title">
          <div class="section-head">
            <h2 id="products-title">Products from {seller.name}</h2>
            <ResultCount total={products.total} page={products.page} pageSize={products.pageSize} capped={products.totalCapped} />
          </div>
          {products.items.length ? (
            <ProductGrid products={products.items} label={`Products from ${seller.name}`} hideSeller />
          ) : (
            <EmptyState title="There are no more products" icon="box">
              <p>
                This page is past the end of the list. <a href={path}>Go to the first page</a>.
              </p>
            </EmptyState>
          )}
          <Pagination
            page={products.page}
            pageCount={products.pageCount}
            href={(page) => withQuery(path, { page: page > 1 ? page : undefined })}
          />
        </section>
      </div>
    </Layout>
  )
}
