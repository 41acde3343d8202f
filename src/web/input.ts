import type { IncomingMessage } from 'node:http'
import type { Socket } from 'node:net'
import type { Multipart } from '@fastify/multipart'
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { AppError, invalid } from '../shared/errors.ts'
import { findUnsafeText, unsafeTextReason } from '../shared/validation.ts'

/**
 * Longest URL (path and query) the app reads. Browsers and proxies stop well before this (nginx's
 * default header buffer is 8 KB); beyond it the answer is 414 rather than a page built from it.
 */
export const MAX_URL_LENGTH = 8 * 1024

/** Longest path parameter (a slug, an id, a token); the router answers 414 beyond it. */
export const MAX_PARAM_LENGTH = 200

/**
 * One input check for every route, page form and JSON API alike, run once the body is parsed and
 * before any handler (or the CSRF check) sees the request:
 * - no NUL character and no lone UTF-16 surrogate anywhere in the path, the query or the body
 *   (PostgreSQL text cannot hold a NUL, and half a surrogate pair is not Unicode at all: both
 *   used to surface as 500s);
 * - a page form (a POST outside /api) carries form fields: text values or lists of text values,
 *   never the objects, numbers or nulls a JSON body could smuggle in.
 * A refusal is an invalid_input error: a 400 with the message, as JSON on /api and as the error
 * page elsewhere (server.ts's error handler). Column ranges and id shapes are checked by each
 * route's zod schema (int4, bigintId, uuidId in shared/validation.ts).
 *
 * Also the early half of answerRouterError: a request the router refused arrives here again and
 * its refusal is thrown, after the security-header and request-id hooks have run.
 */
export function registerInputChecks(server: FastifyInstance) {
  server.addHook('onRequest', async (request) => {
    const routerError = (request.raw as RoutedAgain)[ROUTER_ERROR]
    if (routerError) throw routerError
    if (request.url.length > MAX_URL_LENGTH) throw clientError(414, 'url_too_long')
  })
  server.addHook('preValidation', async (request) => {
    assertAcceptableInput(request)
    checkMultipartParts(request)
  })
}

export function assertAcceptableInput(request: FastifyRequest) {
  const path = request.url.split('?', 1)[0]!
  const pathReason = unsafeTextReason(decodedPath(path))
  if (pathReason) throw refused(`The address ${pathReason}.`)
  const inParams = findUnsafeText(request.params)
  if (inParams) throw refused(`The address ${inParams.reason}.`)
  const inQuery = findUnsafeText(request.query)
  if (inQuery) throw refused(`The query parameter ${inQuery.path} ${inQuery.reason}.`)
  const inBody = findUnsafeText(request.body)
  if (inBody) throw refused(`The field ${inBody.path} ${inBody.reason}.`)
  if (isPageForm(request) && !isFormFields(request.body)) {
    throw refused('This form was not sent as form fields. Please use the form on the page.')
  }
}

function refused(message: string) {
  return invalid('invalid_input', message)
}

/** The path with its percent escapes decoded, or as sent when it cannot be decoded. */
function decodedPath(path: string): string {
  if (!path.includes('%')) return path
  try {
    return decodeURIComponent(path)
  } catch {
    // Fastify's router has already refused what it could not decode for a route; a 404 lands here.
    return path
  }
}

function isPageForm(request: FastifyRequest): boolean {
  if (request.method === 'GET' || request.method === 'HEAD' || request.method === 'OPTIONS') return false
  if (request.url.startsWith('/api/') || request.routeOptions.url === undefined) return false
  return request.body !== undefined
}

/** What a browser sends from a form: field name → text, or several texts for a repeated field. */
function isFormFields(body: unknown): boolean {
  // A text/plain post arrives as one string: no fields at all, and the CSRF check refuses it (403).
  if (typeof body === 'string') return true
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return false
  return Object.values(body).every(
    (value) =>
      typeof value === 'string' || (Array.isArray(value) && value.every((v) => typeof v === 'string')),
  )
}

/**
 * Multipart forms (the photo, logo and CSV uploads) are read part by part inside their handlers,
 * after every hook has run. Their request's part iterator is wrapped here so each part gets the
 * same check as it is read (field name, text value, file name), and so a body busboy cannot read
 * — no boundary, cut off, malformed — is a 400 rather than its plain Error (a 500).
 */
function checkMultipartParts(request: FastifyRequest) {
  if (typeof request.parts !== 'function' || !request.isMultipart()) return
  const parts = request.parts.bind(request)
  request.parts = (options) => checkedParts(() => parts(options))
}

async function* checkedParts(open: () => AsyncIterableIterator<Multipart>): AsyncIterableIterator<Multipart> {
  try {
    for await (const part of open()) {
      const reason =
        unsafeTextReason(part.fieldname) ??
        (part.type === 'file'
          ? unsafeTextReason(part.filename)
          : typeof part.value === 'string'
            ? unsafeTextReason(part.value)
            : null)
      if (reason) {
        throw refused(`The ${part.type === 'file' ? 'file name' : `field ${part.fieldname}`} ${reason}.`)
      }
      if (part.type === 'file') {
        const toBuffer = part.toBuffer.bind(part)
        part.toBuffer = () =>
          toBuffer().catch((error: unknown) => {
            throw unreadableUpload(error)
          })
      }
      yield part
    }
  } catch (error) {
    throw unreadableUpload(error)
  }
}

/** busboy's own errors carry no status; the limits' errors (413…) and ours keep theirs. */
function unreadableUpload(error: unknown): unknown {
  if (error instanceof AppError || typeof (error as { statusCode?: unknown }).statusCode === 'number')
    return error
  return invalid(
    'invalid_upload',
    'The upload could not be read: it was cut off or is not a valid form. Please try again.',
  )
}

/** An error presentError (errors.ts) shows as a client error with this status and code. */
function clientError(statusCode: number, code: string): Error {
  return Object.assign(new Error(code), { statusCode, code })
}

// ---------------------------------------------------------------------------------------------
// Refusals by the router and by Node's HTTP parser.

const ROUTER_ERROR = Symbol('mandi.routerError')
type RoutedAgain = IncomingMessage & { [ROUTER_ERROR]?: FastifyError }

/**
 * Fastify's `frameworkErrors`: the router could not decode the path (`/%`) or a parameter is
 * longer than MAX_PARAM_LENGTH. Fastify would answer by itself, before any hook, with its internal
 * code and the URL quoted back. Instead the request is routed again under a neutral path (/api
 * requests stay under /api so they get JSON), so the usual hooks run — security headers, request
 * id, rate limit, the log line — and registerInputChecks throws the router's error into the app's
 * error handler (presentError: a 400 or 414 with our own message).
 */
export function answerRouterError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const raw = request.raw as RoutedAgain
  // The neutral path cannot be refused by the router, but a loop must never be possible.
  if (raw[ROUTER_ERROR]) throw error
  raw[ROUTER_ERROR] = error
  raw.url = (raw.url ?? '/').startsWith('/api/') ? '/api/v1/_refused' : '/_refused'
  request.server.routing(raw, reply.raw)
}

/**
 * Security headers for the few answers Node's HTTP parser makes before there is a request (a
 * malformed header, a header section over the size limit): nothing loads from such a page.
 */
const BARE_SECURITY_HEADERS = [
  "Content-Security-Policy: default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
  'X-Content-Type-Options: nosniff',
  'X-Frame-Options: DENY',
  'Referrer-Policy: no-referrer',
  'Cross-Origin-Resource-Policy: same-origin',
  'Cache-Control: no-store',
]

/**
 * Fastify's `clientErrorHandler`: Node could not parse the request (a malformed or oversized
 * header, a timeout). There is no request to route, so the answer is written here, in the API's
 * error shape, with the security headers and without quoting anything that was sent.
 */
export function answerClientError(error: NodeJS.ErrnoException, socket: Socket) {
  if (error.code === 'ECONNRESET' || socket.destroyed) return
  const [status, reason, code, message] =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? [
          431,
          'Request Header Fields Too Large',
          'headers_too_large',
          'The request headers (or the address) are too long.',
        ]
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'Request Timeout', 'request_timeout', 'The request took too long to arrive.']
        : [400, 'Bad Request', 'bad_request', 'The request could not be understood.']
  const body = JSON.stringify({ error: { code, message } })
  if (socket.writable) {
    socket.write(
      [
        `HTTP/1.1 ${status} ${reason}`,
        'Content-Type: application/json; charset=utf-8',
        `Content-Length: ${Buffer.byteLength(body)}`,
        'Connection: close',
        ...BARE_SECURITY_HEADERS,
        '',
        body,
      ].join('\r\n'),
    )
  }
  socket.destroy(error)
}
