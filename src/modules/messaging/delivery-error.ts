/**
 * A send that did not work, described without personal data: `summary` is stored in
 * outbox_messages.last_error and logged, so senders build it from status codes and fixed words,
 * never from the address or the message. `permanent` failures (a 5xx SMTP reply, a 4xx from the
 * SMS provider) are not retried.
 */
export class DeliveryError extends Error {
  readonly code: string
  readonly permanent: boolean

  // No `cause`: the original error may quote the address, and errors end up in logs.
  constructor(code: string, summary: string, options: { permanent?: boolean } = {}) {
    super(summary)
    this.name = 'DeliveryError'
    this.code = code
    this.permanent = options.permanent ?? false
  }
}

/** The text stored in last_error: a sender's own summary, or a scrubbed, bounded description. */
export function describeDeliveryError(error: unknown): { summary: string; permanent: boolean } {
  if (error instanceof DeliveryError) {
    return { summary: bounded(`${error.code}: ${scrubPersonal(error.message)}`), permanent: error.permanent }
  }
  const e = error as { name?: unknown; code?: unknown; message?: unknown }
  const parts = [
    typeof e?.name === 'string' ? e.name : 'Error',
    typeof e?.code === 'string' ? e.code : undefined,
  ]
  const message = typeof e?.message === 'string' ? scrubPersonal(e.message) : ''
  return { summary: bounded(`${parts.filter(Boolean).join(' ')}: ${message}`), permanent: false }
}

// Provider replies often quote the recipient ("550 5.1.1 <asha@example.in>: unknown user"), and
// an error from a library may contain anything. Addresses and long digit runs are removed.
export function scrubPersonal(text: string): string {
  return text
    .replace(/<?[^\s<>@"']+@[^\s<>@"']+>?/g, '[address]')
    .replace(/\+?\d[\d\s-]{6,}\d/g, '[number]')
    .replace(/[\r\n]+/g, ' ')
}

function bounded(text: string): string {
  return text.length > 300 ? `${text.slice(0, 299)}…` : text
}
