import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { App } from '../../app.ts'
import * as catalog from '../../modules/catalog/index.ts'
import * as enquiries from '../../modules/enquiries/index.ts'
import { formatDate, formatQuantity } from '../../shared/format.ts'
import { sendPage } from '../render.tsx'
import { businessTypeLabel, ProductGrid } from '../views/catalog-components.tsx'
import { categoryArt } from '../views/category-art.ts'
import { Icon } from '../views/icons.tsx'
import { Layout } from '../views/layout.tsx'
import { type PageContext, pageContext } from '../views/page-context.ts'
import { Breadcrumbs, ButtonLink, Card, GstVerifiedBadge, KeyValueTable, Price } from '../views/ui.tsx'
import { categoryPath, productPath, sellerPath } from '../views/urls.ts'
import { canonicalUrl, sendNotFound, topCategoryLinks } from './page-frame.ts'

export function productPages(server: FastifyInstance, app: App) {
  server.get<{ Params: { id: string } }>('/p/:id', (request, reply) =>
    showProduct(app, request, reply, request.params),
  )
  server.get<{ Params: { id: string; slug: string } }>('/p/:id/:slug', (request, reply) =>
    showProduct(app, request, reply, request.params),
  )
}

async function showProduct(
  app: App,
  request: FastifyRequest,
  reply: FastifyReply,
  params: { id: string; slug?: string },
) {
  const product = /^\d{1,15}$/.test(params.id)
    ? await catalog.findPublishedProduct(app.db, Number(params.id))
    : null
  if (!product) {
    return sendNotFound(
      app,
      request,
      reply,
      'This product is not listed. Its seller may have taken it down, or the address is mistyped.',
    )
  }
  const path = productPath(product)
  // Titles change; old links keep working and search engines learn the current address.
  if (params.slug !== product.slug) return reply.redirect(path, 301)
  // Signed-in requests never come from the page cache, so every such view reaches here; the
  // signal is stored only while the person consents to personalised suggestions.
  if (request.session) {
    await enquiries.recordInterest(app.db, request.session.user.id, {
      kind: 'view',
      productId: product.id,
      categoryId: product.category.id,
      businessId: product.seller.id,
    })
  }
  const [tree, more, photos] = await Promise.all([
    catalog.loadCategoryTree(app.db),
    catalog.listProducts(app.db, { businessId: product.seller.id, sort: 'newest', page: 1, pageSize: 5 }),
    catalog.listProductPhotos(app.db, product.id),
  ])
  return sendPage(
    reply,
    <ProductPage
      ctx={pageContext(request)}
      canonical={canonicalUrl(app, path)}
      nav={topCategoryLinks(tree)}
      product={product}
      photos={photos.map((photo) => catalog.productImageUrls(photo))}
      publicUrl={app.config.publicUrl}
      more={more.items.filter((p) => p.id !== product.id).slice(0, 4)}
    />,
  )
}

function ProductPage(props: {
  ctx: PageContext
  canonical: string
  nav: { slug: string; name: string }[]
  product: catalog.ProductDetail
  photos: ReturnType<typeof catalog.productImageUrls>[]
  publicUrl: string
  more: catalog.ProductSummary[]
}) {
  const { product, photos } = props
  const { seller } = product
  const description = product.description.trim()
  const mainPhoto = photos[0]
  const image = `${props.publicUrl}${mainPhoto ? mainPhoto.src : categoryArt(product.topCategorySlug)}`
  return (
    <Layout
      ctx={props.ctx}
      title={product.title}
      description={metaDescription(product)}
      canonical={props.canonical}
      categories={props.nav}
      openGraph={{ type: 'product', image }}
      jsonLd={productJsonLd(product, props.canonical, image, `${props.publicUrl}${sellerPath(seller)}`)}
    >
      <div class="container product-page">
        <Breadcrumbs
          items={[
            { label: 'Home', href: '/' },
            ...(product.parentCategory
              ? [{ label: product.parentCategory.name, href: categoryPath(product.parentCategory) }]
              : []),
            { label: product.category.name, href: categoryPath(product.category) },
            { label: product.title },
          ]}
        />
        <div class="product-layout">
          {mainPhoto ? (
            <figure class="product-gallery">
              <img
                src={mainPhoto.src}
                srcset={mainPhoto.srcset}
                sizes="(min-width: 900px) 480px, 100vw"
                alt={mainPhoto.alt || product.title}
                width={mainPhoto.width}
                height={mainPhoto.height}
              />
              {photos.length > 1 ? (
                <ul class="product-thumbs" aria-label="More photos">
                  {photos.slice(1).map((photo, i) => (
                    <li key={photo.src}>
                      <a href={photo.src}>
                        <img src={photo.thumbnail} alt={photo.alt || `${product.title}, photo ${i + 2}`} width="96" loading="lazy" />
                      </a>
                    </li>
                  ))}
                </ul>
              ) : null}
            </figure>
          ) : (
            <figure class="product-gallery">
              <img
                src={categoryArt(product.topCategorySlug)}
                alt={`Illustration for ${product.parentCategory?.name ?? product.category.name}`}
                width="480"
                height="360"
              />
              <figcaption>Illustration only. The seller has not added photos of this product yet.</figcaption>
            </figure>
          )}

          <div class="product-main">
            <h1 class="product-heading">{product.title}</h1>
            <p class="product-in">
              in <a href={categoryPath(product.category)}>{product.category.name}</a>
              {product.publishedAt ? <> · listed {formatDate(product.publishedAt)}</> : null}
            </p>
            <div class="offer-box">
              <Price paise={product.pricePaise} unit={product.unit} size="large" />
              <dl class="offer-facts">
                <div>
                  <dt>Minimum order</dt>
                  <dd>{formatQuantity(product.moq, product.unit)}</dd>
                </div>
                <div>
                  <dt>In stock</dt>
                  <dd>
                    {product.stock === null ? 'Ask the seller' : formatQuantity(product.stock, product.unit)}
                  </dd>
                </div>
              </dl>
              <p class="offer-note">
                {product.pricePaise === null
                  ? 'The seller quotes a price for your quantity when you enquire.'
                  : 'Price set by the seller. Ask about taxes, freight and bulk rates in your enquiry.'}
              </p>
              <ButtonLink href={`/enquire?productId=${product.id}`} class="btn-block btn-large">
                Send enquiry
              </ButtonLink>
            </div>

            <aside class="card seller-card" aria-labelledby="seller-title">
              <p class="seller-card-kicker">Sold by</p>
              <h2 id="seller-title" class="seller-card-name">
                <a href={sellerPath(seller)}>{seller.name}</a>
              </h2>
              <p class="seller-card-place">
                <Icon name="pin" />
                {seller.city}, {seller.state}
              </p>
              <ul class="seller-card-facts">
                {seller.gstVerifiedAt ? (
                  <li>
                    <GstVerifiedBadge />{' '}
                    <span class="muted nowrap">checked {formatDate(seller.gstVerifiedAt)}</span>
                  </li>
                ) : (
                  <li class="muted">GSTIN not verified yet</li>
                )}
                <li>
                  <Icon name="factory" />
                  {businessTypeLabel(seller.businessType)}
                </li>
                {seller.yearEstablished ? (
                  <li>
                    <Icon name="calendar" />
                    In business since {seller.yearEstablished}
                  </li>
                ) : null}
              </ul>
              <a href={sellerPath(seller)} class="section-link">
                See the storefront <Icon name="arrow-right" />
              </a>
            </aside>
          </div>
        </div>

        <div class="product-details">
          <section aria-labelledby="specs-title">
            <h2 id="specs-title">Specifications</h2>
            {product.specs.length ? (
              <KeyValueTable rows={product.specs.map((s) => ({ name: s.name, value: s.value }))} />
            ) : (
              <p class="muted">The seller has not listed specifications. Ask for them in your enquiry.</p>
            )}
          </section>
          {description ? (
            <section aria-labelledby="description-title">
              <h2 id="description-title">Description</h2>
              <div class="prose">
                {description.split(/\n\s*\n/).map((paragraph) => (
                  <p key={paragraph}>{paragraph}</p>
                ))}
              </div>
            </section>
          ) : null}
        </div>

        <Card id="enquire" class="enquire" title="Send an enquiry">
          {/* The same for every visitor: this page is cached for people who are not signed in. */}
          <ul class="enquire-steps">
            <li>Tell {seller.name} the quantity, delivery city, date and any specifications you need.</li>
            <li>
              The seller sees your name, company, city and requirement, and replies through Mandi. Your email
              address and phone number stay private unless you choose to share them.
            </li>
            <li>Each share is written to your disclosure record, and you can stop sharing at any time.</li>
          </ul>
          <p class="enquire-cta">
            <ButtonLink href={`/enquire?productId=${product.id}`} class="btn-large">
              Send an enquiry to {seller.name}
            </ButtonLink>
            <span class="muted">You will be asked to sign in first if you have not.</span>
          </p>
          <p class="muted">
            <a href="/privacy">How Mandi handles enquiry data</a>
          </p>
        </Card>

        {props.more.length ? (
          <section class="section" aria-labelledby="more-title">
            <div class="section-head">
              <h2 id="more-title">More from {seller.name}</h2>
              <a href={sellerPath(seller)} class="section-link">
                All products <Icon name="arrow-right" />
              </a>
            </div>
            <ProductGrid products={props.more} hideSeller />
          </section>
        ) : null}
      </div>
    </Layout>
  )
}

function metaDescription(product: catalog.ProductDetail): string {
  const specs = product.specs
    .slice(0, 3)
    .map((s) => `${s.name} ${s.value}`)
    .join(', ')
  const text = `${product.title} from ${product.seller.name}, ${product.seller.city}.${specs ? ` ${specs}.` : ''} MOQ ${formatQuantity(product.moq, product.unit)}.`
  return text.length > 300 ? `${text.slice(0, 297)}…` : text
}

/** schema.org Product with its offer and seller, for search engines (JSON-LD). */
function productJsonLd(product: catalog.ProductDetail, url: string, image: string, sellerUrl: string) {
  return {
    '@context': 'https://schema.org',
    '@type': 'Product',
    name: product.title,
    description: product.description.trim() || undefined,
    sku: String(product.id),
    url,
    image,
    category: product.category.name,
    additionalProperty: product.specs.map((spec) => ({ '@type': 'PropertyValue', name: spec.name, value: spec.value })),
    offers: {
      '@type': 'Offer',
      url,
      priceCurrency: 'INR',
      ...(product.pricePaise === null ? {} : { price: (product.pricePaise / 100).toFixed(2) }),
      eligibleQuantity: { '@type': 'QuantitativeValue', minValue: product.moq, unitText: product.unit },
      availability: product.stock === 0 ? 'https://schema.org/OutOfStock' : 'https://schema.org/InStock',
      seller: { '@type': 'Organization', name: product.seller.name, url: sellerUrl },
    },
  }
}
