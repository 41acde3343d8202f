import type { FastifyRequest } from 'fastify'

/** What every page needs to know about the request it answers. Built once per request by the route. */
export interface PageContext {
  /** Path without query string, for active navigation and canonical links. */
  path: string
  /** The current search text, echoed in the header search box. */
  q: string
  /** Quoted on error pages so that a report to support can be matched to the server log. */
  requestId: string
}

export function pageContext(request: FastifyRequest): PageContext {
  const url = new URL(request.url, 'http://local')
  return { path: url.pathname, q: url.searchParams.get('q')?.slice(0, 200) ?? '', requestId: request.id }
}
