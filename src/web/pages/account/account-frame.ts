import type { FastifyReply, FastifyRequest } from 'fastify'
import type { App } from '../../../app.ts'
import type * as accounts from '../../../modules/accounts/index.ts'
import { AppError } from '../../../shared/errors.ts'
import { type PresentedError, presentError } from '../../errors.ts'
import type { FlashMessage } from '../../views/account-components.tsx'

// What every account page shares: the sign-in guard, reading urlencoded forms, the flash message
// that survives one redirect, and turning a domain error into form errors. Where to go after
// signing in is decided by ../../safe-next.ts.

const FLASH_COOKIE = 'mandi_flash'

/** Route preHandler: a signed-out visitor is sent to sign in, and comes back here afterwards. */
export async function mustSignIn(request: FastifyRequest, reply: FastifyReply) {
  if (request.session) return
  // After a sign-in, a form post cannot be replayed; send the person to their account instead.
  const next = request.method === 'GET' ? request.url : '/account'
  return reply.redirect(`/account/sign-in?next=${encodeURIComponent(next)}`, 303)
}

/** The signed-in person on a route guarded by mustSignIn. */
export function sessionOf(request: FastifyRequest): accounts.ValidSession {
  if (!request.session)
    throw new AppError('unauthenticated', 'unauthenticated', 'Please sign in to continue.')
  return request.session
}

export type FormBody = Record<string, string | string[] | undefined>

export function formBody(request: FastifyRequest): FormBody {
  const body = request.body
  return body && typeof body === 'object' ? (body as FormBody) : {}
}

/** A form field's text, or '' when absent (a repeated field gives its first value). */
export function text(body: FormBody, name: string): string {
  const value = body[name]
  return (Array.isArray(value) ? value[0] : value) ?? ''
}

/** An optional form field: blank means "not given" (null), as the schemas expect. */
export function optional(body: FormBody, name: string): string | null {
  const value = text(body, name).trim()
  return value === '' ? null : value
}

export function checked(body: FormBody, name: string): boolean {
  return text(body, name) !== ''
}

export function list(body: FormBody, name: string): string[] {
  const value = body[name]
  if (value === undefined) return []
  return (Array.isArray(value) ? value : [value]).filter((v) => v !== '')
}

/** Remembers a message for the next page only, in a signed cookie the visitor cannot forge. */
export function setFlash(reply: FastifyReply, app: App, flash: FlashMessage) {
  reply.setCookie(FLASH_COOKIE, JSON.stringify(flash), {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: app.config.isProduction,
    signed: true,
    maxAge: 120,
  })
}

/** The message left by the previous request, if any; reading it clears it. */
export function takeFlash(request: FastifyRequest, reply: FastifyReply, app: App): FlashMessage | null {
  const raw = request.cookies[FLASH_COOKIE]
  if (!raw) return null
  reply.clearCookie(FLASH_COOKIE, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: app.config.isProduction,
  })
  const unsigned = request.unsignCookie(raw)
  if (!unsigned.valid || !unsigned.value) return null
  try {
    const parsed = JSON.parse(unsigned.value) as Partial<FlashMessage>
    if (typeof parsed.text !== 'string' || !['success', 'error', 'info'].includes(String(parsed.kind)))
      return null
    return { kind: parsed.kind as FlashMessage['kind'], text: parsed.text.slice(0, 500) }
  } catch {
    return null
  }
}

export function redirectWithFlash(reply: FastifyReply, app: App, to: string, flash: FlashMessage) {
  setFlash(reply, app, flash)
  return reply.redirect(to, 303)
}

export interface FormProblem {
  status: number
  code: string
  message: string
  retryAfterSeconds?: number | undefined
  /** Field name → message, for the fields on this form. */
  fields: Record<string, string>
}

/**
 * Turns an error thrown by a module function into what a form shows. Errors that name no field
 * are placed on the field `codeFields` maps their code to (e.g. email_taken → email), or shown
 * at the top. Anything that is not a person's mistake (a 5xx) is thrown on to the error page.
 */
export function formProblem(error: unknown, codeFields: Record<string, string> = {}): FormProblem {
  if (!(error instanceof AppError)) throw error
  const presented: PresentedError = presentError(error)
  if (presented.status >= 500) throw error
  const fields = { ...(presented.fields ?? {}) }
  const field = codeFields[presented.code]
  if (field && !fields[field]) fields[field] = presented.message
  if (Object.keys(fields).length === 0) fields._ = presented.message
  return {
    status: presented.status,
    code: presented.code,
    message: presented.message,
    retryAfterSeconds: presented.retryAfterSeconds,
    fields,
  }
}

/** Account pages show personal data: never stored by a browser cache or a proxy. */
export function noStore(reply: FastifyReply) {
  reply.header('cache-control', 'no-store')
}
