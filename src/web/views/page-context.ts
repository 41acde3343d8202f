import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'

/** What every page needs to know about the request it answers. Built once per request by the route. */
export interface PageContext {
  /** Path without query string, for active navigation and canonical links. */
  path: string
  /** The current search text, echoed in the header search box. */
  q: string
  /** Quoted on error pages so that a report to support can be matched to the server log. */
  requestId: string
  /** The signed-in person, for the header's account menu; null or absent when signed out. */
  account?: HeaderAccount | null
  /** Counts shown beside section menu entries (e.g. unread leads), set by a route's preHandler. */
  navCounts?: Readonly<Record<string, number>>
}

export interface HeaderAccount {
  name: string
  /** For the header's sign-out form; null when this response cannot carry one (the menu then links to a sign-out page). */
  csrfToken: string | null
}

export function pageContext(request: FastifyRequest): PageContext {
  const url = new URL(request.url, 'http://local')
  const session = request.session
  const reply = replies.get(request)
  return {
    path: url.pathname,
    q: url.searchParams.get('q')?.slice(0, 200) ?? '',
    requestId: request.id,
    account: session ? { name: session.user.name, csrfToken: reply ? csrfToken(reply) : null } : null,
    navCounts: navCounts.get(request) ?? {},
  }
}

const navCounts = new WeakMap<FastifyRequest, Record<string, number>>()

/** Puts a count beside a section menu entry on this request's page (the entry's id is the key). */
export function setNavCount(request: FastifyRequest, key: string, count: number) {
  navCounts.set(request, { ...navCounts.get(request), [key]: count })
}

/** The context of the same address for someone signed out: what a shared page is rendered with. */
export function anonymousPageContext(request: FastifyRequest): PageContext {
  const url = new URL(request.url, 'http://local')
  return {
    path: url.pathname,
    q: url.searchParams.get('q')?.slice(0, 200) ?? '',
    requestId: '',
    account: null,
  }
}

const replies = new WeakMap<FastifyRequest, FastifyReply>()
const tokens = new WeakMap<FastifyReply, string>()

/**
 * Lets pageContext(request) reach the reply, so that every page's header can carry a sign-out
 * form with a CSRF token without each route passing its reply around.
 */
export function trackRepliesForPages(server: FastifyInstance) {
  server.addHook('onRequest', async (request, reply) => {
    replies.set(request, reply)
  })
}

/**
 * The CSRF token for every form in one response. Use this, not reply.generateCsrf(): without a
 * CSRF cookie yet, each generateCsrf() call makes a new secret cookie and voids the tokens before it.
 */
export function csrfToken(reply: FastifyReply): string {
  let token = tokens.get(reply)
  if (!token) {
    token = reply.generateCsrf()
    tokens.set(reply, token)
  }
  return token
}
