export type Responsiveness = {
  /** Enquiries that count towards the figures (see PENDING_GRACE_HOURS). */
  enquiries90d: number
  /** 0..1; 0 when there is nothing to count, so read it together with enquiries90d. */
  answeredShare: number
  medianFirstReplyHours: number | null
}

export const RESPONSIVENESS_WINDOW_DAYS = 90
// An enquiry that arrived this morning and has no reply yet says nothing about the seller,
// so unanswered enquiries younger than this are left out instead of counting as ignored.
export const PENDING_GRACE_HOURS = 48
/** Below this many enquiries the figures are noise; matchmaking and display fall back to a neutral view. */
export const MIN_ENQUIRIES_FOR_FIGURES = 5

const HOUR_MS = 3_600_000

export function responsivenessOf(
  enquiries: readonly { receivedAt: Date; firstReplyAt: Date | null }[],
  now: Date,
): Responsiveness {
  const windowStart = now.getTime() - RESPONSIVENESS_WINDOW_DAYS * 24 * HOUR_MS
  const replyHours: number[] = []
  let counted = 0
  for (const { receivedAt, firstReplyAt } of enquiries) {
    const received = receivedAt.getTime()
    if (received <= windowStart || received > now.getTime()) continue
    // A reply stamped after `now` is treated as not yet sent, which keeps recomputation
    // for a past date honest.
    const replied = firstReplyAt !== null && firstReplyAt.getTime() <= now.getTime()
    if (!replied && now.getTime() - received < PENDING_GRACE_HOURS * HOUR_MS) continue
    counted++
    if (replied) replyHours.push(Math.max(0, firstReplyAt.getTime() - received) / HOUR_MS)
  }
  return {
    enquiries90d: counted,
    answeredShare: counted === 0 ? 0 : replyHours.length / counted,
    medianFirstReplyHours: median(replyHours),
  }
}

function median(values: number[]): number | null {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

/** Short lines for a seller card, e.g. ["Usually replies within 3 hours", "Replies to 80% of enquiries"]. */
export function describeResponsiveness(r: Responsiveness): string[] {
  if (r.enquiries90d < MIN_ENQUIRIES_FOR_FIGURES) return ['Too few recent enquiries to show reply times yet']
  if (r.medianFirstReplyHours === null) return ['Has not replied to enquiries in the last 90 days']
  return [replyTimeLine(r.medianFirstReplyHours), replyShareLine(r.answeredShare)]
}

function replyTimeLine(hours: number): string {
  if (hours <= 1) return 'Usually replies within an hour'
  if (hours <= 24) return `Usually replies within ${Math.ceil(hours)} hours`
  if (hours <= 72) return `Usually replies within ${Math.ceil(hours / 24)} days`
  return 'Usually takes more than 3 days to reply'
}

function replyShareLine(share: number): string {
  if (share >= 0.995) return 'Replies to every enquiry'
  // Rounded down to a multiple of 5 so a seller at 79% is never shown as 80%.
  const percent = Math.max(5, Math.floor((share * 100) / 5) * 5)
  return `Replies to ${percent}% of enquiries`
}
