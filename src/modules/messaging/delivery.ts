import type { Db } from '../../db/database.ts'
import type { Logger } from '../../logger.ts'
import * as privacy from '../privacy/index.ts'
import { describeDeliveryError } from './delivery-error.ts'
import type { RenderContext } from './message-kind.ts'
import { findMessageKind, type RenderedMessage, renderMessage } from './message-kinds.ts'
import type { MessageChannel } from './messaging.tables.ts'
import {
  type ClaimedMessage,
  claimDueMessages,
  failInterruptedFinalAttempts,
  markAttemptFailed,
  markCancelled,
  markSent,
} from './outbox.queries.ts'
import type { EmailSender, SendResult } from './senders/email-sender.ts'
import type { SmsSender } from './senders/sms-sender.ts'

export interface DeliveryPolicy {
  /** Attempts before a message is marked `failed`. */
  maxAttempts: number
  /** The wait after the first failed attempt; it doubles with each further failure… */
  baseDelayMs: number
  /** …up to this. */
  maxDelayMs: number
  /** How long a claim lasts: a message still `sending` after this is taken to be abandoned. */
  leaseMs: number
  /** Messages sent at the same time by one delivery run. */
  concurrency: number
}

// Eight attempts with doubling waits span about an hour of provider trouble (30 s … 32 min).
export const deliveryPolicy: DeliveryPolicy = {
  maxAttempts: 8,
  baseDelayMs: 30_000,
  maxDelayMs: 60 * 60_000,
  leaseMs: 10 * 60_000,
  concurrency: 8,
}

export interface DeliveryDeps {
  db: Db
  logger: Logger
  email: EmailSender
  sms: SmsSender
  renderContext: RenderContext
  policy?: Partial<DeliveryPolicy> | undefined
  /** For tests; by default every time is the database's clock. */
  clock?: (() => Date) | undefined
}

export interface DeliveryReport {
  claimed: number
  sent: number
  retrying: number
  failed: number
  cancelled: number
}

/** Wait before the next attempt, after `attempts` attempts have failed. */
export function retryDelayMs(attempts: number, policy: DeliveryPolicy = deliveryPolicy): number {
  return Math.min(policy.baseDelayMs * 2 ** Math.max(0, attempts - 1), policy.maxDelayMs)
}

/**
 * Delivers up to `limit` due messages: claims them (committed, so a crash leaves them `sending`
 * until the lease runs out), re-checks consent, sends each through its channel's sender and
 * records the outcome. Safe to run on any number of workers at once.
 */
export async function deliverDueMessages(
  deps: DeliveryDeps,
  options: { limit?: number } = {},
): Promise<DeliveryReport> {
  const policy = { ...deliveryPolicy, ...deps.policy }
  const now = deps.clock?.()
  const report: DeliveryReport = { claimed: 0, sent: 0, retrying: 0, failed: 0, cancelled: 0 }

  const ready = await deps.db.transaction(async (tx) => {
    const interrupted = await failInterruptedFinalAttempts(tx, now, policy.maxAttempts)
    report.failed += interrupted.length
    // A worker that stopped during the final attempt may have stopped after the provider accepted
    // the message: the data may have left, so the hand-off is recorded (erring on the person's side).
    for (const message of interrupted) {
      const sender = senderFor(deps, message.channel)
      if (sender.outbound && message.provider === sender.name) {
        await recordHandOff(tx, sender, message)
      }
    }
    const claimed = await claimDueMessages(tx, {
      now,
      leaseMs: policy.leaseMs,
      limit: options.limit ?? 100,
      maxAttempts: policy.maxAttempts,
      providers: { email: deps.email.name, sms: deps.sms.name },
    })
    report.claimed = claimed.length
    const consent = new Map<string, boolean>()
    const toSend: { claim: ClaimedMessage; rendered: RenderedMessage }[] = []
    for (const claim of claimed) {
      // Consent may have been withdrawn since the message was queued; withdrawal wins.
      if (isConsentPurpose(claim.purpose)) {
        const cacheKey = `${claim.recipientUserId}:${claim.purpose}`
        let granted = consent.get(cacheKey)
        if (granted === undefined) {
          granted =
            claim.recipientUserId !== null &&
            (await privacy.hasConsent(tx, claim.recipientUserId, claim.purpose))
          consent.set(cacheKey, granted)
        }
        if (!granted) {
          await markCancelled(tx, claim, 'consent_withdrawn', eraseDataWhenDone(claim))
          report.cancelled++
          continue
        }
      }
      let rendered: RenderedMessage
      try {
        rendered = renderMessage(claim.kind, claim.channel, claim.data, deps.renderContext)
      } catch {
        const error = `render_failed: the stored data does not fit the "${claim.kind}" template`
        await markAttemptFailed(tx, claim, {
          now,
          retryInMs: null,
          error,
          eraseData: eraseDataWhenDone(claim),
        })
        deps.logger.error({ outboxId: claim.id, kind: claim.kind }, 'message could not be rendered')
        report.failed++
        continue
      }
      toSend.push({ claim, rendered })
    }
    return toSend
  })

  await eachConcurrently(ready, policy.concurrency, async ({ claim, rendered }) => {
    const outcome = await deliverOne(deps, claim, rendered, policy)
    report[outcome]++
  })
  if (report.claimed > 0 || report.failed > 0) deps.logger.info({ ...report }, 'outbox delivery run')
  return report
}

async function deliverOne(
  deps: DeliveryDeps,
  claim: ClaimedMessage,
  rendered: RenderedMessage,
  policy: DeliveryPolicy,
): Promise<'sent' | 'retrying' | 'failed'> {
  const eraseData = eraseDataWhenDone(claim)
  let result: SendResult
  try {
    result = await send(deps, claim, rendered)
  } catch (error) {
    const { summary, permanent } = describeDeliveryError(error)
    const retryInMs =
      !permanent && claim.attempts < policy.maxAttempts ? retryDelayMs(claim.attempts, policy) : null
    deps.logger.warn(
      {
        outboxId: claim.id,
        kind: claim.kind,
        channel: claim.channel,
        attempts: claim.attempts,
        error: summary,
        retryInMs,
      },
      'message delivery failed',
    )
    await acknowledge(deps, claim, () =>
      markAttemptFailed(deps.db, claim, { now: deps.clock?.(), retryInMs, error: summary, eraseData }),
    )
    return retryInMs === null ? 'failed' : 'retrying'
  }
  // The provider accepted the message: the data has left. The ledger entry is written in the
  // transaction that marks the message sent, and only by the worker that still holds the claim, so
  // a message is recorded once however many attempts it took. A refused or failed send never gets
  // here and records nothing. A worker that dies between the provider's answer and this commit
  // leaves the message `sending`; it is sent again with the same idempotency key (the provider drops
  // the copy) and recorded then.
  const sender = senderFor(deps, claim.channel)
  await acknowledge(deps, claim, () =>
    deps.db.transaction(async (tx) => {
      const marked = await markSent(tx, claim, {
        providerMessageId: result.providerMessageId,
        now: deps.clock?.(),
        eraseData,
      })
      if (marked && sender.outbound) await recordHandOff(tx, sender, claim)
      return marked
    }),
  )
  return 'sent'
}

// If recording the outcome fails (the database went away), the message stays `sending` and is
// sent again with the same idempotency key once its lease runs out: the provider drops the copy.
async function acknowledge(deps: DeliveryDeps, claim: ClaimedMessage, record: () => Promise<boolean>) {
  try {
    if (!(await record())) {
      deps.logger.warn(
        { outboxId: claim.id, attempts: claim.attempts },
        'outbox claim was taken over before acknowledgement',
      )
    }
  } catch (error) {
    deps.logger.error(
      { outboxId: claim.id, error: describeDeliveryError(error).summary },
      'outbox acknowledgement failed',
    )
  }
}

function send(deps: DeliveryDeps, claim: ClaimedMessage, rendered: RenderedMessage): Promise<SendResult> {
  const common = { outboxId: claim.id, idempotencyKey: claim.idempotencyKey, to: claim.toAddress }
  if (rendered.channel === 'email') return deps.email.send({ ...common, ...rendered.content })
  return deps.sms.send({ ...common, ...rendered.content })
}

function senderFor(deps: DeliveryDeps, channel: MessageChannel): EmailSender | SmsSender {
  return channel === 'email' ? deps.email : deps.sms
}

/** The disclosure-ledger entry for a message handed to an outside provider, naming the path's fields. */
function recordHandOff(
  tx: Db,
  sender: EmailSender | SmsSender,
  message: { id: string; recipientUserId: string | null; purpose: string },
) {
  const path = sender.outbound!
  return privacy.recordDisclosure(tx, {
    subjectUserId: message.recipientUserId,
    recipient: sender.recipientTitle,
    recipientKind: path.recipientKind,
    fields: path.fields,
    purpose: Object.hasOwn(privacy.purposes, message.purpose)
      ? (message.purpose as privacy.Purpose)
      : path.purpose,
    reference: `outbox:${message.id}`,
  })
}

function isConsentPurpose(purpose: string): purpose is privacy.Purpose {
  return (
    Object.hasOwn(privacy.purposes, purpose) &&
    privacy.purposes[purpose as privacy.Purpose].basis === 'consent'
  )
}

function eraseDataWhenDone(claim: ClaimedMessage): boolean {
  return findMessageKind(claim.kind)?.eraseDataWhenDone ?? false
}

async function eachConcurrently<T>(items: T[], concurrency: number, run: (item: T) => Promise<void>) {
  let next = 0
  const lanes = Array.from({ length: Math.min(concurrency, items.length) }, async () => {
    while (next < items.length) await run(items[next++]!)
  })
  await Promise.all(lanes)
}
