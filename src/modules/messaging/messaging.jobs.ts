import { z } from 'zod'
import type { DeliveryReport } from './delivery.ts'
import type { Messaging } from './messaging.ts'

const DeliverPayload = z.object({ limit: z.number().int().min(1).max(1000).default(200) })

// A sweep keeps claiming batches while they come back full, for at most this long, so that one
// run clears a backlog without overlapping the next scheduled run by much (overlap is safe anyway).
const SWEEP_BUDGET_MS = 45_000

/**
 * The `messaging.deliver` job: delivers due messages in batches until none are left or the time
 * budget is spent. Idempotent: messages are claimed with SKIP LOCKED and sent with their key.
 */
export async function runDeliveryJob(messaging: Messaging, payload: unknown): Promise<DeliveryReport> {
  const { limit } = DeliverPayload.parse(payload ?? {})
  const started = Date.now()
  const total: DeliveryReport = { claimed: 0, sent: 0, retrying: 0, failed: 0, cancelled: 0 }
  for (;;) {
    const report = await messaging.deliver({ limit })
    for (const key of Object.keys(total) as (keyof DeliveryReport)[]) total[key] += report[key]
    if (report.claimed < limit || Date.now() - started > SWEEP_BUDGET_MS) return total
  }
}
