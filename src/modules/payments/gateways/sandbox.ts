import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import type { IncomingHttpHeaders } from 'node:http'
import { and, eq, sql } from 'drizzle-orm'
import { type Db, queryRows } from '../../../db/database.ts'
import { AppError } from '../../../shared/errors.ts'
import { type GatewayEvent, type GatewayOutcome, type PaymentGateway, WebhookRejected } from '../gateway.ts'
import { sandboxSessions, sandboxWebhooks } from '../payments.tables.ts'

// The bundled sandbox gateway: a stand-in for Razorpay or Stripe that runs inside Mandi, so a fresh
// machine can run the whole payment flow offline. It keeps its own books (sandbox_sessions), shows
// its own hosted page, and tells Mandi what happened only as a real gateway would: webhooks signed
// with HMAC-SHA256 over the raw body (`X-Sandbox-Signature`, hex — Razorpay's scheme), delivered by
// a job with retries, and `fetchStatus` for the reconciler. No real money moves.

export const sandboxSignatureHeader = 'x-sandbox-signature'
export const sandboxWebhookPath = '/api/v1/payments/webhooks/sandbox'

export interface SandboxSettings {
  webhookSecret: string
  publicUrl: string
  /** Off (false) in production: test payments must never settle a real order. Default: on. */
  enabled?: boolean
}

const eventOutcomes: Record<string, GatewayOutcome> = {
  'payment.pending': 'pending',
  'payment.captured': 'captured',
  'payment.failed': 'failed',
  'refund.processed': 'refunded',
}
export type SandboxEventType = keyof typeof eventOutcomes

export function createSandboxGateway(db: Db, settings: SandboxSettings): PaymentGateway {
  return {
    code: 'sandbox',
    external: false,
    recipientName: 'Mandi sandbox gateway (part of Mandi; test payments only)',
    async createPayment(input) {
      if (settings.enabled === false)
        throw new AppError(
          'unavailable',
          'payments_unavailable',
          'Online payment is not available on this site yet.',
        )
      const ref = `sbx_${randomBytes(12).toString('hex')}`
      await db.insert(sandboxSessions).values({
        ref,
        paymentId: input.paymentId,
        amountPaise: input.amountPaise,
        returnUrl: input.returnUrl,
      })
      return { gatewayRef: ref, redirectUrl: `${settings.publicUrl}/sandbox-gateway/pay/${ref}` }
    },
    verifyWebhook(rawBody, headers) {
      return verifySandboxWebhook(settings.webhookSecret, rawBody, headers)
    },
    async fetchStatus(gatewayRef) {
      const [session] = await db.select().from(sandboxSessions).where(eq(sandboxSessions.ref, gatewayRef))
      if (!session) throw new Error('the sandbox gateway has no such payment')
      if (session.status === 'open') return 'open'
      if (session.status === 'failed') return 'failed'
      return session.refundedPaise > 0 ? 'refunded' : 'captured'
    },
    async refund(gatewayRef, amountPaise) {
      // One statement decides: only a paid session, and never more than was paid.
      const rows = await queryRows<{ ref: string }>(
        db,
        sql`update sandbox_sessions
               set refunded_paise = refunded_paise + ${amountPaise}, updated_at = now()
             where ref = ${gatewayRef} and status = 'paid' and ${amountPaise} > 0
               and refunded_paise + ${amountPaise} <= amount_paise
           returning ref`,
      )
      if (rows.length === 0) throw new Error('the sandbox gateway refused the refund')
    },
  }
}

/** HMAC-SHA256 of the raw body with the webhook secret, in hex. */
export function signSandboxBody(secret: string, rawBody: Buffer | string): string {
  return createHmac('sha256', secret).update(rawBody).digest('hex')
}

function verifySandboxWebhook(secret: string, rawBody: Buffer, headers: IncomingHttpHeaders): GatewayEvent {
  const given = headers[sandboxSignatureHeader]
  if (typeof given !== 'string' || !/^[0-9a-f]{64}$/i.test(given))
    throw new WebhookRejected('missing or malformed signature')
  const expected = Buffer.from(signSandboxBody(secret, rawBody), 'hex')
  // Constant-time comparison, so the signature cannot be guessed byte by byte.
  if (!timingSafeEqual(expected, Buffer.from(given, 'hex')))
    throw new WebhookRejected('signature does not match')
  let body: unknown
  try {
    body = JSON.parse(rawBody.toString('utf8'))
  } catch {
    throw new WebhookRejected('body is not JSON')
  }
  const event = body as { id?: unknown; type?: unknown; payload?: { ref?: unknown; amount_paise?: unknown } }
  const outcome = typeof event.type === 'string' ? eventOutcomes[event.type] : undefined
  if (typeof event.id !== 'string' || !outcome || typeof event.payload?.ref !== 'string')
    throw new WebhookRejected('not a sandbox event')
  const amount = event.payload.amount_paise
  return {
    id: event.id,
    type: event.type as string,
    gatewayRef: event.payload.ref,
    outcome,
    ...(Number.isSafeInteger(amount) ? { amountPaise: amount as number } : {}),
  }
}

// ── The hosted page's side ────────────────────────────────────────────────────────────────────

export interface SandboxSession {
  ref: string
  amountPaise: number
  status: 'open' | 'paid' | 'failed'
  returnUrl: string
}

/** The session the hosted page shows, or null for an unknown reference. */
export async function findSandboxSession(db: Db, ref: string): Promise<SandboxSession | null> {
  const [row] = await db
    .select({
      ref: sandboxSessions.ref,
      amountPaise: sandboxSessions.amountPaise,
      status: sandboxSessions.status,
      returnUrl: sandboxSessions.returnUrl,
    })
    .from(sandboxSessions)
    .where(eq(sandboxSessions.ref, ref))
  return row ?? null
}

export type SandboxDecision = 'pay' | 'fail' | 'pay_later'

export interface SandboxDeliveryOptions {
  /** Extra copies of each webhook (the same event id), to exercise deduplication. */
  duplicates?: number
  /** Also send a stale "pending" event, delivered after the final one. */
  outOfOrder?: boolean
  /** For 'pay_later': seconds between the "pending" and the "captured" webhooks. */
  delaySeconds?: number
}

/**
 * Records the payer's choice on the hosted page (once: a second press changes nothing) and queues
 * the webhooks that tell Mandi. Returns where to send the payer, or null for an unknown reference.
 */
export async function decideSandboxPayment(
  db: Db,
  ref: string,
  decision: SandboxDecision,
  options: SandboxDeliveryOptions = {},
): Promise<{ returnUrl: string; decided: boolean } | null> {
  return db.transaction(async (tx) => {
    const [decided] = await tx
      .update(sandboxSessions)
      .set({ status: decision === 'fail' ? 'failed' : 'paid', updatedAt: new Date() })
      .where(and(eq(sandboxSessions.ref, ref), eq(sandboxSessions.status, 'open')))
      .returning({ returnUrl: sandboxSessions.returnUrl })
    if (!decided) {
      const [existing] = await tx
        .select({ returnUrl: sandboxSessions.returnUrl })
        .from(sandboxSessions)
        .where(eq(sandboxSessions.ref, ref))
      return existing ? { returnUrl: existing.returnUrl, decided: false } : null
    }
    const now = Date.now()
    const copies = 1 + Math.max(0, Math.min(options.duplicates ?? 0, 20))
    const rows: (typeof sandboxWebhooks.$inferInsert)[] = []
    const queue = (eventType: SandboxEventType, dueAt: number) => {
      const eventId = `evt_${randomBytes(12).toString('hex')}`
      for (let i = 0; i < copies; i += 1) rows.push({ ref, eventId, eventType, dueAt: new Date(dueAt + i) })
    }
    if (decision === 'pay_later') {
      queue('payment.pending', now)
      queue('payment.captured', now + Math.max(0, options.delaySeconds ?? 30) * 1000)
    } else {
      queue(decision === 'pay' ? 'payment.captured' : 'payment.failed', now)
    }
    // A stale "pending" that arrives after the final word: it must change nothing.
    if (options.outOfOrder)
      queue('payment.pending', Math.max(...rows.map((r) => (r.dueAt as Date).getTime())) + 1000)
    await tx.insert(sandboxWebhooks).values(rows)
    return { returnUrl: decided.returnUrl, decided: true }
  })
}

// ── Webhook delivery (the `payments.sandbox-webhooks` job) ────────────────────────────────────

/** Sends one signed webhook; resolves with the HTTP status. */
export type WebhookPoster = (url: string, body: string, headers: Record<string, string>) => Promise<number>

export const postWebhookOverHttp: WebhookPoster = async (url, body, headers) => {
  const response = await fetch(url, {
    method: 'POST',
    body,
    headers,
    signal: AbortSignal.timeout(10_000),
  })
  await response.body?.cancel()
  return response.status
}

export const sandboxDeliveryPolicy = { maxAttempts: 8, leaseSeconds: 60, baseDelaySeconds: 5 }

/** Exponential backoff: 5 s, 10 s, 20 s … capped at one hour. */
export function sandboxRetryDelaySeconds(attempts: number): number {
  return Math.min(3600, sandboxDeliveryPolicy.baseDelaySeconds * 2 ** Math.max(0, attempts - 1))
}

/**
 * Delivers the due webhooks, oldest due first. Rows are claimed with one UPDATE that leases them
 * (SKIP LOCKED), so two workers never send the same row at once, and the HTTP call runs outside
 * any transaction. A refused or failed delivery is retried with backoff, then given up.
 */
export async function deliverSandboxWebhooks(
  db: Db,
  settings: SandboxSettings,
  post: WebhookPoster = postWebhookOverHttp,
): Promise<{ delivered: number; retried: number; failed: number }> {
  const claimed = await queryRows<{
    id: string
    ref: string
    event_id: string
    event_type: string
    attempts: number
    was_due: string | Date
  }>(
    db,
    sql`update sandbox_webhooks w
           set attempts = w.attempts + 1,
               due_at = now() + make_interval(secs => ${sandboxDeliveryPolicy.leaseSeconds})
          from (select id, due_at as was_due from sandbox_webhooks
                 where delivered_at is null and failed_at is null and due_at <= now()
                 order by due_at, id
                 limit 20
                 for update skip locked) due
         where w.id = due.id
     returning w.id, w.ref, w.event_id, w.event_type, w.attempts, due.was_due`,
  )
  const report = { delivered: 0, retried: 0, failed: 0 }
  // In the order they were due: an out-of-order test sends the stale event last on purpose.
  claimed.sort((a, b) => new Date(a.was_due).getTime() - new Date(b.was_due).getTime())
  for (const item of claimed) {
    const [session] = await db
      .select({ paymentId: sandboxSessions.paymentId, amountPaise: sandboxSessions.amountPaise })
      .from(sandboxSessions)
      .where(eq(sandboxSessions.ref, item.ref))
    const body = JSON.stringify({
      id: item.event_id,
      type: item.event_type,
      payload: {
        ref: item.ref,
        payment_id: session?.paymentId ?? null,
        amount_paise: session?.amountPaise ?? null,
      },
    })
    let error: string | null = null
    try {
      const status = await post(`${settings.publicUrl}${sandboxWebhookPath}`, body, {
        'content-type': 'application/json',
        [sandboxSignatureHeader]: signSandboxBody(settings.webhookSecret, body),
      })
      if (status < 200 || status >= 300) error = `answered ${status}`
    } catch (e) {
      error = e instanceof Error ? e.message.slice(0, 200) : 'delivery failed'
    }
    if (!error) {
      await db
        .update(sandboxWebhooks)
        .set({ deliveredAt: new Date(), lastError: null })
        .where(eq(sandboxWebhooks.id, item.id))
      report.delivered += 1
    } else if (item.attempts >= sandboxDeliveryPolicy.maxAttempts) {
      await db
        .update(sandboxWebhooks)
        .set({ failedAt: new Date(), lastError: error })
        .where(eq(sandboxWebhooks.id, item.id))
      report.failed += 1
    } else {
      await db
        .update(sandboxWebhooks)
        .set({
          dueAt: new Date(Date.now() + sandboxRetryDelaySeconds(item.attempts) * 1000),
          lastError: error,
        })
        .where(eq(sandboxWebhooks.id, item.id))
      report.retried += 1
    }
  }
  return report
}
