import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'

/**
 * Checks a form's CSRF token. @fastify/csrf-protection answers a bad token by sending a 403 itself
 * and never calls back, so this returns false when the refusal has been sent (the caller returns
 * the reply). For multipart forms, pass the `_csrf` field read from the parts.
 */
export function csrfPassed(server: FastifyInstance, request: FastifyRequest, reply: FastifyReply, multipartToken?: string): boolean {
  if (multipartToken !== undefined) request.body = { _csrf: multipartToken }
  let passed = false
  server.csrfProtection(request, reply, () => {
    passed = true
  })
  return passed
}
