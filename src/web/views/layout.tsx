import type { ComponentChildren } from 'preact'
import { asset } from '../static-assets.ts'
import type { PageContext } from './page-context.ts'

export function Layout(props: { ctx: PageContext; title: string; description?: string; children: ComponentChildren }) {
  return (
    <html lang="en-IN">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.title} · Mandi`}</title>
        {props.description ? <meta name="description" content={props.description} /> : null}
        <link rel="stylesheet" href={asset('app.css')} />
      </head>
      <body>
        <header>
          <a href="/">Mandi</a>
          <form action="/search" method="get" role="search">
            <label for="q">Search products</label>
            <input id="q" name="q" type="search" value={props.ctx.q} />
            <button type="submit">Search</button>
          </form>
        </header>
        <main id="main">{props.children}</main>
        <footer>
          <a href="/privacy">Privacy</a> <a href="/terms">Terms</a> <a href="/grievance">Grievance officer</a>
        </footer>
      </body>
    </html>
  )
}
