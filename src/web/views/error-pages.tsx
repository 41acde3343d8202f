import type { PresentedError } from '../errors.ts'
import { Layout } from './layout.tsx'
import type { PageContext } from './page-context.ts'

export function NotFoundPage(props: { ctx: PageContext }) {
  return (
    <Layout ctx={props.ctx} title="Page not found">
      <h1>We could not find that page</h1>
      <p>
        The address may be mistyped, or the listing may have been removed. <a href="/">Go to the home page</a>.
      </p>
    </Layout>
  )
}

export function ErrorPage(props: { ctx: PageContext; error: PresentedError }) {
  return (
    <Layout ctx={props.ctx} title="Something went wrong">
      <h1>{props.error.status >= 500 ? 'Something went wrong' : 'We could not do that'}</h1>
      <p>{props.error.message}</p>
    </Layout>
  )
}
