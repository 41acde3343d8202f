import { randomBytes } from 'node:crypto'
import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import type { Fixtures } from './fixtures.ts'

// The vocabulary of the authorization matrix: who asks (personas), what a route's declaration
// says (cases and outcomes), and how one request is sent and judged.

export const personas = ['anonymous', 'buyer', 'otherBuyer', 'seller', 'otherSeller', 'admin'] as const
export type Persona = (typeof personas)[number]

export const methods = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const
export type Method = (typeof methods)[number]

/**
 * What a persona must get:
 * - `ok`: 2xx, or a redirect that is not to the sign-in page.
 * - `accepted`: not refused for who they are — anything below 500 but 401, 403, 404 and the
 *   sign-in redirect (a 400, 409 or 429 about the input or a limit is fine).
 * - `authenticated`: the session was recognised — anything below 500 but the sign-in refusal
 *   (for the person's own account routes, which may still ask for a password or a code).
 * - `signIn`: the sign-in refusal — a 401 `unauthenticated` from the API, a redirect to
 *   /account/sign-in (or a 401 page) from a page.
 * - `notFound` (404), `forbidden` (403, never a CSRF refusal) or an exact status.
 */
export type Outcome = 'ok' | 'accepted' | 'authenticated' | 'signIn' | 'notFound' | 'forbidden' | number
export type Expect = Record<Persona, Outcome>

type Params = Record<string, string | number>
type Values<T> = T | ((f: Fixtures, persona: Persona) => T)

/** One request shape for a route, with the outcome for each persona. */
export interface Case {
  /** Shown in failures when a route has several cases. */
  note?: string
  /** The route's path parameters. Called once per case, so it may build a fresh resource. */
  params?: (f: Fixtures) => Params | Promise<Params>
  query?: Values<Record<string, string>>
  /** JSON for /api routes, form fields for pages (the persona's CSRF token is added). */
  body?: Values<Record<string, unknown>>
  /** A multipart form with one file (the CSRF field is sent first, as a browser does). */
  upload?: (f: Fixtures) => { field: string; filename: string; type: string; data: Buffer; fields?: Params }
  expect: Expect
  /** Personas besides the owners who may see the owners' private data here (staff tools). */
  sees?: Persona[]
  /** The request ends the persona's sessions: every persona gets a new one afterwards. */
  endsSessions?: boolean
}

export type Declarations = Record<string, Partial<Record<Method, Case | Case[]>>>

// ── Compact expectations ──────────────────────────────────────────────────────────────────────

const fill = (outcome: Outcome): Expect => Object.fromEntries(personas.map((p) => [p, outcome])) as Expect

/** The same for everyone, signed in or not. */
export const everyone = (outcome: Outcome = 'ok'): Expect => fill(outcome)

/** Anyone signed in (each acting on their own account); the signed-out are sent to sign in. */
export const signedIn = (outcome: Outcome = 'ok'): Expect => ({ ...fill(outcome), anonymous: 'signIn' })

/**
 * Only `owners` (the buyer's enquiry, the buyer's requirement): every other signed-in persona
 * gets `others` (404 by default: another's resource answers like one that does not exist).
 */
export const ownedBy = (
  owners: Persona | Persona[],
  outcome: Outcome = 'ok',
  others: Outcome = 'notFound',
): Expect => {
  const list = Array.isArray(owners) ? owners : [owners]
  return Object.fromEntries(
    personas.map((p) => [p, p === 'anonymous' ? 'signIn' : list.includes(p) ? outcome : others]),
  ) as Expect
}

/** The seller centre: sellers only; people without a business are refused with 403. */
export const sellers = (outcome: Outcome = 'ok'): Expect => ({
  anonymous: 'signIn',
  buyer: 'forbidden',
  otherBuyer: 'forbidden',
  admin: 'forbidden',
  seller: outcome,
  otherSeller: outcome,
})

/** One of the seller's own things (product, lead, import, key): the other seller gets 404. */
export const sellerOwns = (outcome: Outcome = 'ok'): Expect => ({
  ...sellers(outcome),
  otherSeller: 'notFound',
})

// ── Sending and judging ───────────────────────────────────────────────────────────────────────

export const SESSION_COOKIE = 'mandi_session'

/** A persona's browser: its session cookie and a CSRF secret cookie with a token for its forms. */
export interface Browser {
  persona: Persona
  cookies: Record<string, string>
  csrfToken: string
  /** Each persona comes from a network of its own, so per-network limits do not mix them up. */
  remoteAddress: string
}

export async function openBrowser(
  server: FastifyInstance,
  persona: Persona,
  sessionToken: string | null,
): Promise<Browser> {
  const cookies: Record<string, string> = sessionToken ? { [SESSION_COOKIE]: sessionToken } : {}
  const remoteAddress = `10.${personas.indexOf(persona) + 1}.0.9`
  // Any page with a form gives a token and the secret cookie it is checked against.
  const page = await server.inject({ method: 'GET', url: '/account/forgot-password', cookies, remoteAddress })
  const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1]
  const secret = (page.cookies as { name: string; value: string }[]).find((c) => c.name === '_csrf')
  if (!token || !secret) throw new Error(`no CSRF token for ${persona} (status ${page.statusCode})`)
  return { persona, cookies: { ...cookies, _csrf: secret.value }, csrfToken: token, remoteAddress }
}

export interface Sent {
  url: string
  response: LightMyRequestResponse
}

export async function send(
  server: FastifyInstance,
  browser: Browser,
  request: { method: Method; url: string; body?: unknown; upload?: ReturnType<NonNullable<Case['upload']>> },
): Promise<LightMyRequestResponse> {
  const { method, url } = request
  const base = {
    method,
    url,
    cookies: browser.cookies,
    remoteAddress: browser.remoteAddress,
    headers: {} as Record<string, string>,
  }
  if (request.upload) {
    const boundary = `----authz-${randomBytes(6).toString('hex')}`
    const part = (name: string, value: string | number) =>
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`)
    const { field, filename, type, data, fields = {} } = request.upload
    const payload = Buffer.concat([
      part('_csrf', browser.csrfToken),
      ...Object.entries(fields).map(([name, value]) => part(name, value)),
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`,
      ),
      data,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ])
    base.headers['content-type'] = `multipart/form-data; boundary=${boundary}`
    return server.inject({ ...base, payload })
  }
  if (method === 'GET' || method === 'HEAD') return server.inject(base)
  if (url.startsWith('/api/')) {
    if (request.body === undefined) return server.inject(base)
    base.headers['content-type'] = 'application/json'
    return server.inject({ ...base, payload: JSON.stringify(request.body) })
  }
  const form = new URLSearchParams({ _csrf: browser.csrfToken })
  for (const [name, value] of Object.entries((request.body ?? {}) as Record<string, unknown>)) {
    for (const v of Array.isArray(value) ? value : [value]) form.append(name, String(v))
  }
  base.headers['content-type'] = 'application/x-www-form-urlencoded'
  return server.inject({ ...base, payload: form.toString() })
}

function errorCode(response: LightMyRequestResponse): string | undefined {
  if (!String(response.headers['content-type'] ?? '').includes('json')) return undefined
  try {
    return (JSON.parse(response.body) as { error?: { code?: string } }).error?.code
  } catch {
    return undefined
  }
}

/** A CSRF refusal says nothing about authorization: the matrix would prove nothing. */
export function isCsrfRefusal(response: LightMyRequestResponse): boolean {
  return (
    response.statusCode === 403 &&
    (errorCode(response) === 'csrf_failed' ||
      response.body.includes('This form has expired or came from another site'))
  )
}

export function isSignInRefusal(url: string, response: LightMyRequestResponse): boolean {
  const { statusCode } = response
  const location = String(response.headers.location ?? '')
  if (statusCode >= 300 && statusCode < 400) return location.startsWith('/account/sign-in')
  if (statusCode !== 401) return false
  // A 401 about a wrong password is not "please sign in".
  return url.startsWith('/api/')
    ? errorCode(response) === 'unauthenticated'
    : /sign in to continue/i.test(response.body)
}

export function isDenied(url: string, response: LightMyRequestResponse): boolean {
  const { statusCode } = response
  return statusCode === 401 || statusCode === 403 || statusCode === 404 || isSignInRefusal(url, response)
}

/** Whether the response matches the outcome; a description of what came back when it does not. */
export function judge(outcome: Outcome, url: string, response: LightMyRequestResponse): string | null {
  const { statusCode } = response
  const seen = () => {
    const location = response.headers.location ? ` → ${response.headers.location}` : ''
    const code = errorCode(response)
    return `${statusCode}${location}${code ? ` (${code})` : ''}`
  }
  if (statusCode >= 500) return `a server error: ${seen()}`
  if (isCsrfRefusal(response)) return 'a CSRF refusal (the harness sent a bad token; the case proves nothing)'
  let pass: boolean
  switch (outcome) {
    case 'ok':
      pass = statusCode < 400 && !isSignInRefusal(url, response)
      break
    case 'accepted':
      pass = !isDenied(url, response)
      break
    case 'authenticated':
      pass = !isSignInRefusal(url, response)
      break
    case 'signIn':
      pass = isSignInRefusal(url, response)
      break
    case 'notFound':
      pass = statusCode === 404
      break
    case 'forbidden':
      pass = statusCode === 403
      break
    default:
      pass = statusCode === outcome
  }
  return pass ? null : `expected ${outcome}, got ${seen()}`
}

/** Denied outcomes: the persona must learn and change nothing. */
export function isDenial(outcome: Outcome): boolean {
  return ['signIn', 'notFound', 'forbidden', 401, 403, 404].includes(outcome)
}
