import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify'
import { isDatabaseUnavailable } from '../db/database.ts'
import { AppError, type ErrorKind } from '../shared/errors.ts'

const statusByKind: Record<ErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
  unavailable: 503,
}

/** What a client is told to wait before retrying while the database is away. */
export const DATABASE_RETRY_AFTER_SECONDS = 30

export interface PresentedError {
  status: number
  code: string
  message: string
  fields?: Record<string, string>
  retryAfterSeconds?: number
  /** For limits: which one was hit ('enquiry_limit', 'too_many_attempts'…); `code` is always 'rate_limited'. */
  reason?: string
}

/** The one place that turns any thrown value into a status and a message that is safe to show. */
export function presentError(error: unknown): PresentedError {
  if (error instanceof AppError) {
    // Every limit answers with one code clients can rely on; the specific limit goes in `reason`.
    const limited = error.kind === 'rate_limited' && error.code !== 'rate_limited'
    return {
      status: statusByKind[error.kind],
      code: limited ? 'rate_limited' : error.code,
      ...(limited ? { reason: error.code } : {}),
      message: error.message,
      ...(error.fields ? { fields: error.fields } : {}),
      ...(error.retryAfterSeconds ? { retryAfterSeconds: error.retryAfterSeconds } : {}),
    }
  }
  const fastifyError = error as Partial<FastifyError>
  const status = fastifyError.statusCode
  // Fastify's own 4xx errors (bad JSON, body too large, unsupported media type) have safe messages.
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return {
      status,
      code: clientErrorCode(status, fastifyError.code),
      message: clientErrorMessage(status, fastifyError.code, fastifyError.message),
    }
  }
  // The database is unreachable, shutting down or timed out: the request was fine, so 503 and a time to retry.
  if (isDatabaseUnavailable(error)) {
    return {
      status: 503,
      code: 'service_unavailable',
      message:
        'Mandi cannot reach its database just now. Nothing you did caused this; please try again in a minute.',
      retryAfterSeconds: DATABASE_RETRY_AFTER_SECONDS,
    }
  }
  return { status: 500, code: 'internal_error', message: 'Something went wrong on our side. Please try again.' }
}

function clientErrorCode(status: number, code: string | undefined): string {
  if (status === 429) return 'rate_limited'
  if (status === 413) return 'payload_too_large'
  if (status === 414) return 'url_too_long'
  if (status === 415) return 'unsupported_media_type'
  if (code === 'FST_ERR_BAD_URL') return 'bad_url'
  if (code === 'FST_ERR_CTP_INVALID_JSON_BODY' || code === 'FST_ERR_CTP_EMPTY_JSON_BODY') return 'invalid_json'
  if (code === 'FST_CSRF_INVALID_TOKEN' || code === 'FST_CSRF_MISSING_SECRET') return 'csrf_failed'
  // Codes set by this app (input.ts) are already ours; Fastify's internal FST_… codes never leave.
  if (code && /^[a-z][a-z_]*$/.test(code)) return code
  return status === 404 ? 'not_found' : 'bad_request'
}

// Fastify's and its plugins' messages may quote the request back (the URL, a header, a field):
// known codes get a message of ours, other internal ones a message by status only.
const clientMessageByCode: Record<string, string> = {
  FST_ERR_BAD_URL: 'This address could not be read: it has a broken % escape or invalid characters.',
  FST_ERR_CTP_INVALID_JSON_BODY: 'The request body is not valid JSON.',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'The request body is empty; send a JSON object.',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'The request body does not match its Content-Length.',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'This content type is not accepted here.',
}

function clientErrorMessage(status: number, code: string | undefined, message: string | undefined): string {
  if (status === 413) return 'The request is too large.'
  if (status === 414) return 'This address is too long.'
  if (status === 415) return 'This content type is not accepted here.'
  if (status === 403) return 'This form has expired or came from another site. Please reload the page and try again.'
  const known = code ? clientMessageByCode[code] : undefined
  if (known) return known
  if (code?.startsWith('FST_') || code?.startsWith('ERR_')) {
    return status === 404 ? 'There is nothing at this address.' : 'The request could not be understood.'
  }
  return message || 'The request could not be understood.'
}

export function wantsJson(request: FastifyRequest): boolean {
  return request.url.startsWith('/api/') || request.url.startsWith('/.well-known/')
}

export function sendJsonError(reply: FastifyReply, error: PresentedError) {
  return reply
    .status(error.status)
    .type('application/json; charset=utf-8')
    .send({
      error: {
        code: error.code,
        message: error.message,
        ...(error.reason ? { reason: error.reason } : {}),
        ...(error.fields ? { fields: error.fields } : {}),
      },
    })
}
