import type { FastifyInstance } from 'fastify'
import type { App } from '../../app.ts'
import * as catalog from '../../modules/catalog/index.ts'
import * as privacy from '../../modules/privacy/index.ts'
import { formatNumber } from '../../shared/format.ts'
import { sendSharedPage } from '../shared-page.tsx'
import { ProductGrid, SellerTile } from '../views/catalog-components.tsx'
import { categoryArt } from '../views/category-art.ts'
import { Icon, type IconName } from '../views/icons.tsx'
import { Layout } from '../views/layout.tsx'
import type { PageContext } from '../views/page-context.ts'
import { SearchForm } from '../views/search-form.tsx'
import { categoryPath } from '../views/urls.ts'
import { canonicalUrl, topCategoryLinks } from './page-frame.ts'

export function homePages(server: FastifyInstance, app: App) {
  server.get('/', { config: { sharedPage: true } }, async (request, reply) => {
    const { db } = app
    await sendSharedPage(server, request, reply, async (ctx) => {
      const tree = await catalog.loadCategoryTree(db)
      const [counts, recent, sellers, sellerCount] = await Promise.all([
        catalog.countPublishedByCategory(db, tree),
        catalog.listProducts(db, { sort: 'newest', page: 1, pageSize: 8 }),
        catalog.listFeaturedSellers(db, 6),
        catalog.countActiveSellers(db),
      ])
      const productCount = tree.roots.reduce((sum, root) => sum + (counts.get(root.id) ?? 0), 0)
      return (
        <HomePage
          ctx={ctx}
          canonical={canonicalUrl(app, '/')}
          tree={tree}
          counts={counts}
          recent={recent.items}
          sellers={sellers}
          productCount={productCount}
          sellerCount={sellerCount}
        />
      )
    })
    return reply
  })
}

function HomePage(props: {
  ctx: PageContext
  canonical: string
  tree: catalog.CategoryTree
  counts: Map<number, number>
  recent: catalog.ProductSummary[]
  sellers: catalog.FeaturedSeller[]
  productCount: number
  sellerCount: number
}) {
  const popular = props.tree.roots.flatMap((root) => root.children.slice(0, 1)).slice(0, 5)
  return (
    <Layout
      ctx={props.ctx}
      title="Industrial goods from Indian suppliers"
      description="Compare prices, specifications and minimum order quantities for pumps, valves, bearings, motors and other industrial goods from Indian manufacturers and traders."
      canonical={props.canonical}
      categories={topCategoryLinks(props.tree)}
    >
      <section class="hero" aria-labelledby="hero-title">
        <div class="container hero-inner">
          <div class="hero-text">
            <h1 id="hero-title">Industrial goods, straight from Indian suppliers</h1>
            <p class="hero-lead">
              Compare prices, specifications and minimum order quantities, then send an enquiry. Sellers
              answer you through Mandi, so your phone number and email stay private until you choose to share
              them.
            </p>
            <SearchForm
              class="hero-search"
              id="hero-q"
              landmark="Catalogue"
              label="What do you need?"
              placeholder="e.g. ball valve 2 inch, 5 HP motor, M12 bolts"
            />
            {popular.length ? (
              <p class="hero-popular">
                <span>Popular:</span>
                {popular.map((c) => (
                  <a key={c.slug} href={categoryPath(c)}>
                    {c.name}
                  </a>
                ))}
              </p>
            ) : null}
            <p class="hero-requirement">
              Not sure whom to ask? <a href="/requirements/new">Post a buy requirement</a> and up to 10
              matching suppliers receive it — without your phone number or email.
            </p>
          </div>
          <dl class="hero-stats">
            <div>
              <dt>Products listed</dt>
              <dd>{formatNumber(props.productCount)}</dd>
            </div>
            <div>
              <dt>Sellers</dt>
              <dd>{formatNumber(props.sellerCount)}</dd>
            </div>
            <div>
              <dt>Categories</dt>
              <dd>{formatNumber(props.tree.roots.length)}</dd>
            </div>
          </dl>
        </div>
      </section>

      <section class="section container" aria-labelledby="categories-title">
        <div class="section-head">
          <h2 id="categories-title">Browse by category</h2>
          <a href="/categories" class="section-link">
            All categories <Icon name="arrow-right" />
          </a>
        </div>
        {props.tree.roots.length ? (
          <ul class="category-grid">
            {props.tree.roots.map((root) => (
              <li key={root.slug} class="category-tile">
                <img src={categoryArt(root.slug)} alt="" width="64" height="48" />
                <div>
                  <h3>
                    <a href={categoryPath(root)}>{root.name}</a>
                  </h3>
                  <p class="category-count">{productsLabel(props.counts.get(root.id) ?? 0)}</p>
                  {root.children.length ? (
                    <ul class="category-children">
                      {root.children.slice(0, 4).map((child) => (
                        <li key={child.slug}>
                          <a href={categoryPath(child)}>{child.name}</a>
                        </li>
                      ))}
                      {root.children.length > 4 ? (
                        <li>
                          <a href={categoryPath(root)} class="more-link">
                            {root.children.length - 4} more
                            <span class="visually-hidden"> kinds of {root.name.toLowerCase()}</span>
                          </a>
                        </li>
                      ) : null}
                    </ul>
                  ) : null}
                </div>
              </li>
            ))}
          </ul>
        ) : (
          <p>No categories yet. An administrator adds them, or run the demo seed.</p>
        )}
      </section>

      {props.recent.length ? (
        <section class="section container" aria-labelledby="recent-title">
          <div class="section-head">
            <h2 id="recent-title">Recently listed</h2>
            <a href="/search" class="section-link">
              All products <Icon name="arrow-right" />
            </a>
          </div>
          <ProductGrid products={props.recent} />
        </section>
      ) : null}

      {props.sellers.length ? (
        <section class="section container" aria-labelledby="sellers-title">
          <div class="section-head">
            <h2 id="sellers-title">GST-verified sellers</h2>
          </div>
          <ul class="seller-grid">
            {props.sellers.map((seller) => (
              <li key={seller.id}>
                <SellerTile seller={seller} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section class="data-strip" aria-labelledby="data-title">
        <div class="container">
          <h2 id="data-title">How Mandi handles your data</h2>
          <ul class="data-points">
            {dataPoints.map((point) => (
              <li key={point.title}>
                <Icon name={point.icon} />
                <div>
                  <h3>{point.title}</h3>
                  <p>{point.text}</p>
                </div>
              </li>
            ))}
          </ul>
          <p>
            <a href="/privacy" class="section-link">
              Read the privacy notice <Icon name="arrow-right" />
            </a>
          </p>
        </div>
      </section>
    </Layout>
  )
}

const dataPoints: { icon: IconName; title: string; text: string }[] = [
  {
    icon: 'mail',
    title: 'Enquiries go through a relay',
    text: 'Sellers reply to a masked address. Your own email and phone number reach them only if you decide to share them.',
  },
  {
    icon: 'ledger',
    title: 'Every disclosure is recorded',
    text: 'Whenever your data goes to a seller, the payment gateway or an authority, a ledger entry says who, what and why.',
  },
  {
    icon: 'undo',
    title: 'Consent you can take back',
    text: 'Offers by email and personalised suggestions stay off until you turn them on, and turning them off is just as easy.',
  },
  {
    icon: 'eye',
    title: 'Your rights, in your account',
    // From the one declaration of rights: only what is built is claimed.
    text: `Under the DPDP Act 2023 you can ${privacy.rightsPhrase(
      privacy.availableRights().map(([, r]) => r),
      'or',
    )}.`,
  },
]

function productsLabel(n: number): string {
  return `${formatNumber(n)} ${n === 1 ? 'product' : 'products'}`
}
