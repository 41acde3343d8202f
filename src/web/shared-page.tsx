import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { VNode } from 'preact'
import { renderToString } from 'preact-render-to-string'
import { renderDocument } from './render.tsx'
import { AccountSlot } from './views/layout.tsx'
import { anonymousPageContext, type PageContext, pageContext } from './views/page-context.ts'

/**
 * A catalogue page that is the same for everyone except the header's account slot (home,
 * category, city pages). Signed out, it is rendered as usual (and the page cache keeps it).
 * Signed in, the signed-out rendering of the URL is kept in the catalogue memo, so it is rendered
 * once per catalogue change, and each request only renders its own account menu into it.
 *
 * `render` returns null when there is nothing at the address (the route then answers 404); only
 * pages that render are kept.
 */
export async function sendSharedPage(
  server: FastifyInstance,
  request: FastifyRequest,
  reply: FastifyReply,
  render: (ctx: PageContext) => Promise<VNode | null>,
): Promise<boolean> {
  if (!request.session) {
    const page = await render(pageContext(request))
    if (!page) return false
    await reply.status(200).type('text/html; charset=utf-8').send(renderDocument(page))
    return true
  }
  const anonymous = anonymousPageContext(request)
  const shared = await server.catalogMemo.get(`page:${request.url}`, async (): Promise<SharedPage | null> => {
    const page = await render(anonymous)
    if (!page) return null
    const html = renderDocument(page)
    const slot = renderToString(<AccountSlot ctx={anonymous} />)
    const at = html.indexOf(slot)
    // Kept as bytes on either side of the slot, so a request encodes only its own menu.
    return at < 0
      ? { head: null, tail: null, renderedAt: Date.now() }
      : {
          head: Buffer.from(html.slice(0, at)),
          tail: Buffer.from(html.slice(at + slot.length)),
          renderedAt: Date.now(),
        }
  })
  if (shared === null) return false
  const ctx = pageContext(request)
  let body: Buffer | string
  if (shared.head && shared.tail) {
    // Offered to the page cache, which answers the next signed-in request for this URL early (page-cache.ts).
    request.sharedPage = shared as { head: Buffer; tail: Buffer; renderedAt: number }
    body = Buffer.concat([shared.head, renderAccountMenu(ctx), shared.tail])
  } else {
    // The slot was not found (a layout change): render the whole page for this person instead.
    const page = await render(ctx)
    if (!page) return false
    body = renderDocument(page)
  }
  await reply.status(200).type('text/html; charset=utf-8').send(body)
  return true
}

interface SharedPage {
  head: Buffer | null
  tail: Buffer | null
  renderedAt: number
}

/** The header's account menu for a signed-in person, with a sign-out form carrying `csrfToken`. */
export function renderAccountMenu(ctx: PageContext): Buffer {
  return Buffer.from(renderToString(<AccountSlot ctx={ctx} />))
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The shared rendering this signed-in response was made from (null otherwise). */
    sharedPage: { head: Buffer; tail: Buffer; renderedAt: number } | null
  }
}
