import type { PresentedError } from '../errors.ts'
import { Layout, type NavCategory } from './layout.tsx'
import type { PageContext } from './page-context.ts'
import { SearchForm } from './search-form.tsx'
import { ButtonLink } from './ui.tsx'
import { categoryPath } from './urls.ts'

/** A 404 that helps: search right here, or browse from the categories. */
export function NotFoundPage(props: { ctx: PageContext; message?: string; categories?: NavCategory[] }) {
  return (
    <Layout ctx={props.ctx} title="Page not found" noindex categories={props.categories}>
      <div class="container page-narrow status-page">
        <p class="status-code">Error 404</p>
        <h1>We could not find that page</h1>
        <p class="lead">
          {props.message ??
            'The address may be mistyped, or the listing may have been removed by its seller or by us.'}
        </p>
        <SearchForm
          class="inline-search"
          id="nf-q"
          landmark="Products, from this page"
          label="Search for what you need instead"
          placeholder="e.g. ball valve 2 inch"
        />
        <h2>Or browse</h2>
        <ul class="link-list">
          {(props.categories ?? []).map((c) => (
            <li key={c.slug}>
              <a href={categoryPath(c)}>{c.name}</a>
            </li>
          ))}
          <li>
            <a href="/categories">All categories</a>
          </li>
          <li>
            <a href="/">Home page</a>
          </li>
        </ul>
      </div>
    </Layout>
  )
}

/** Any other failure. Shows the safe message from presentError, never a stack trace. */
export function ErrorPage(props: { ctx: PageContext; error: PresentedError }) {
  const { error } = props
  if (error.status === 404) return NotFoundPage({ ctx: props.ctx, message: error.message })
  const ours = error.status >= 500
  return (
    <Layout ctx={props.ctx} title={ours ? 'Something went wrong' : 'We could not do that'} noindex>
      <div class="container page-narrow status-page">
        <p class="status-code">Error {error.status}</p>
        <h1>{ours ? 'Something went wrong on our side' : 'We could not do that'}</h1>
        <p class="lead">{error.message}</p>
        {error.fields && Object.keys(error.fields).length ? (
          <ul class="error-fields">
            {Object.entries(error.fields).map(([field, message]) => (
              <li key={field}>{field === '_' ? message : `${field}: ${message}`}</li>
            ))}
          </ul>
        ) : null}
        <p>
          {ours
            ? 'Nothing you did caused this. Please try again in a minute.'
            : 'Go back, check what you entered, and try again.'}{' '}
          If it keeps happening, write to us and quote reference <code>{props.ctx.requestId}</code>.
        </p>
        <p class="actions">
          <ButtonLink href="/">Go to the home page</ButtonLink>
          <ButtonLink href="/grievance" variant="secondary">
            Contact us
          </ButtonLink>
        </p>
      </div>
    </Layout>
  )
}
