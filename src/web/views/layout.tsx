import type { ComponentChildren } from 'preact'
import { asset } from '../static-assets.ts'
import { Icon, Logo } from './icons.tsx'
import type { HeaderAccount, PageContext } from './page-context.ts'
import { SearchForm } from './search-form.tsx'
import { categoryPath } from './urls.ts'

export interface NavCategory {
  slug: string
  name: string
}

export interface LayoutProps {
  ctx: PageContext
  /** The page's own title; " · Mandi" is added. */
  title: string
  description?: string
  /** Absolute URL of the canonical version of this page. */
  canonical?: string
  /** Ask search engines not to index (search results, errors). */
  noindex?: boolean
  /** Open Graph card for link previews; og:url is the canonical address. */
  openGraph?: { type: 'website' | 'product' | 'profile'; image?: string }
  /** Structured data for search engines (schema.org), written as JSON-LD. */
  jsonLd?: object
  /** Refresh the page after this many seconds (progress pages; no JavaScript needed). */
  refreshSeconds?: number
  /** Top-level categories for the category bar; pages that loaded the tree pass it. */
  categories?: NavCategory[]
  children: ComponentChildren
}

export function Layout(props: LayoutProps) {
  return (
    <html lang="en-IN">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.title} · Mandi`}</title>
        {props.description ? <meta name="description" content={props.description} /> : null}
        {props.canonical ? <link rel="canonical" href={props.canonical} /> : null}
        {props.noindex ? <meta name="robots" content="noindex" /> : null}
        {props.refreshSeconds ? <meta http-equiv="refresh" content={String(props.refreshSeconds)} /> : null}
        {props.openGraph ? (
          <OpenGraph
            {...props.openGraph}
            title={props.title}
            description={props.description}
            url={props.canonical}
          />
        ) : null}
        {props.jsonLd ? (
          // A data block, never executed, so the CSP's script-src does not apply; "<" is escaped so no value can end the element.
          <script
            type="application/ld+json"
            dangerouslySetInnerHTML={{ __html: JSON.stringify(props.jsonLd).replace(/</g, '\\u003c') }}
          />
        ) : null}
        <meta name="theme-color" content="#0b3d7a" />
        <link rel="icon" href={asset('img/favicon.svg')} type="image/svg+xml" />
        <link rel="stylesheet" href={asset('app.css')} />
        {/* Suggestions as you type in any search box; without JavaScript the forms work as they are. */}
        <script src={asset('js/suggest.js')} defer />
      </head>
      <body>
        <a class="skip-link" href="#main">
          Skip to main content
        </a>
        <SiteHeader ctx={props.ctx} categories={props.categories} />
        <main id="main" tabindex={-1}>
          {props.children}
        </main>
        <SiteFooter />
      </body>
    </html>
  )
}

function OpenGraph(props: {
  type: string
  image?: string | undefined
  title: string
  description?: string | undefined
  url?: string | undefined
}) {
  return (
    <>
      <meta property="og:site_name" content="Mandi" />
      <meta property="og:type" content={props.type} />
      <meta property="og:title" content={props.title} />
      {props.description ? <meta property="og:description" content={props.description} /> : null}
      {props.url ? <meta property="og:url" content={props.url} /> : null}
      {props.image ? <meta property="og:image" content={props.image} /> : null}
    </>
  )
}

function SiteHeader(props: { ctx: PageContext; categories?: NavCategory[] | undefined }) {
  const onCategory = (slug: string) => props.ctx.path === categoryPath({ slug })
  return (
    <>
      <header class="site-header">
        <div class="container header-row">
          <a class="brand" href="/">
            <Logo />
            <span class="brand-name">Mandi</span>
            <span class="visually-hidden">, home</span>
          </a>
          <SearchForm
            class="site-search"
            id="site-q"
            landmark="Products"
            label="Search products"
            hideLabel
            value={props.ctx.q}
            placeholder="Search pumps, valves, bearings…"
          />
          <nav class="header-nav" aria-label="Site">
            <a href="/categories" aria-current={props.ctx.path === '/categories' ? 'page' : undefined}>
              <Icon name="grid" />
              <span>Categories</span>
            </a>
            <AccountSlot ctx={props.ctx} />
          </nav>
        </div>
      </header>
      {props.categories?.length ? (
        <nav class="category-bar" aria-label="Top categories">
          <div class="container">
            <ul>
              {props.categories.map((c) => (
                <li key={c.slug}>
                  <a href={categoryPath(c)} aria-current={onCategory(c.slug) ? 'page' : undefined}>
                    {c.name}
                  </a>
                </li>
              ))}
            </ul>
          </div>
        </nav>
      ) : null}
    </>
  )
}

/**
 * The only part of a catalogue page that depends on who asks: the account menu, or the sign-in
 * and register links. Shared pages (shared-page.ts) render it alone and put it in place.
 */
export function AccountSlot(props: { ctx: PageContext }) {
  if (props.ctx.account) return <AccountMenu account={props.ctx.account} />
  return (
    <>
      <a
        href={signInHref(props.ctx.path)}
        aria-current={props.ctx.path === '/account/sign-in' ? 'page' : undefined}
      >
        Sign in
      </a>
      <a
        href="/account/register"
        class="header-register"
        aria-current={props.ctx.path === '/account/register' ? 'page' : undefined}
      >
        Register
      </a>
    </>
  )
}

// Account pages send people back where they were after signing in; the sign-in pages themselves do not.
function signInHref(path: string): string {
  const back =
    path !== '/' && !/^\/account\/(sign-in|sign-out|register|forgot-password|reset-password)/.test(path)
  return back ? `/account/sign-in?next=${encodeURIComponent(path)}` : '/account/sign-in'
}

/** The signed-in person's name, opening their account links and a sign-out button (no script: a details element). */
function AccountMenu(props: { account: HeaderAccount }) {
  const first = props.account.name.trim().split(/\s+/)[0] || props.account.name
  return (
    <details class="account-menu">
      <summary>
        <PersonIcon />
        <span class="account-menu-name">{first}</span>
        <span class="visually-hidden">: your account</span>
      </summary>
      <div class="account-menu-panel">
        <p class="account-menu-who">
          Signed in as <strong>{props.account.name}</strong>
        </p>
        <ul>
          <li>
            <a href="/account">My account</a>
          </li>
          <li>
            <a href="/account/profile">Profile</a>
          </li>
          <li>
            <a href="/account/security">Sign-in and security</a>
          </li>
          <li>
            <a href="/account/privacy">Privacy centre</a>
          </li>
        </ul>
        {props.account.csrfToken ? (
          <form method="post" action="/account/sign-out">
            <input type="hidden" name="_csrf" value={props.account.csrfToken} />
            <button type="submit" class="btn btn-secondary btn-block">
              Sign out
            </button>
          </form>
        ) : (
          <a class="btn btn-secondary btn-block" href="/account/sign-out">
            Sign out
          </a>
        )}
      </div>
    </details>
  )
}

function PersonIcon() {
  return (
    <svg
      class="icon"
      viewBox="0 0 24 24"
      width="20"
      height="20"
      fill="none"
      stroke="currentColor"
      stroke-width="2"
      stroke-linecap="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d="M12 4a4 4 0 1 0 0 8a4 4 0 1 0 0-8z" />
      <path d="M4.5 20.5c1-4 4-6 7.5-6s6.5 2 7.5 6" />
    </svg>
  )
}

function SiteFooter() {
  return (
    <footer class="site-footer">
      <div class="container footer-grid">
        <div class="footer-about">
          <p class="footer-brand">
            <Logo />
            <span>Mandi</span>
          </p>
          <p>
            A marketplace for industrial goods from Indian manufacturers, traders and distributors. Prices,
            stock and specifications are set by each seller.
          </p>
        </div>
        <nav aria-labelledby="footer-market">
          <h2 id="footer-market">Marketplace</h2>
          <ul>
            <li>
              <a href="/categories">All categories</a>
            </li>
            <li>
              <a href="/search">All products</a>
            </li>
          </ul>
        </nav>
        <nav aria-labelledby="footer-data">
          <h2 id="footer-data">Your data and rights</h2>
          <ul>
            <li>
              <a href="/privacy">Privacy notice</a>
            </li>
            <li>
              <a href="/terms">Terms of use</a>
            </li>
            <li>
              <a href="/grievance">Grievance officer</a>
            </li>
          </ul>
        </nav>
        <nav aria-labelledby="footer-dev">
          <h2 id="footer-dev">Developers</h2>
          <ul>
            <li>
              <a href="/api/docs">API reference</a>
            </li>
            <li>
              <a href="/api/openapi.json">OpenAPI document</a>
            </li>
          </ul>
        </nav>
      </div>
      <div class="container footer-meta">
        <p>Mandi is open-source marketplace software, licensed under the GNU AGPL version 3 or later.</p>
      </div>
    </footer>
  )
}
