import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { describeResponsiveness, responsivenessOf } from './responsiveness.ts'

const now = new Date('2025-03-31T12:00:00Z')
const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000)
const enquiry = (receivedHoursAgo: number, replyAfterHours: number | null) => ({
  receivedAt: hoursAgo(receivedHoursAgo),
  firstReplyAt: replyAfterHours === null ? null : hoursAgo(receivedHoursAgo - replyAfterHours),
})

describe('responsivenessOf', () => {
  it('counts the last 90 days and takes the median first reply', () => {
    const r = responsivenessOf(
      [enquiry(100, 1), enquiry(200, 3), enquiry(300, 5), enquiry(400, null), enquiry(91 * 24, 1)],
      now,
    )
    assert.deepEqual(r, { enquiries90d: 4, answeredShare: 0.75, medianFirstReplyHours: 3 })
  })

  it('averages the middle pair for an even count', () => {
    assert.equal(responsivenessOf([enquiry(100, 2), enquiry(200, 4)], now).medianFirstReplyHours, 3)
  })

  it('does not hold a fresh unanswered enquiry against the seller', () => {
    const r = responsivenessOf([enquiry(5, null), enquiry(100, 2)], now)
    assert.deepEqual(r, { enquiries90d: 1, answeredShare: 1, medianFirstReplyHours: 2 })
  })

  it('ignores replies stamped after now', () => {
    assert.equal(responsivenessOf([enquiry(100, 200)], now).answeredShare, 0)
  })

  it('reports zero enquiries with no median when there is no history', () => {
    assert.deepEqual(responsivenessOf([], now), {
      enquiries90d: 0,
      answeredShare: 0,
      medianFirstReplyHours: null,
    })
  })
})

describe('describeResponsiveness', () => {
  it('words reply time and share for a seller with history', () => {
    assert.deepEqual(
      describeResponsiveness({ enquiries90d: 20, answeredShare: 0.8, medianFirstReplyHours: 2.4 }),
      ['Usually replies within 3 hours', 'Replies to 80% of enquiries'],
    )
    assert.deepEqual(
      describeResponsiveness({ enquiries90d: 20, answeredShare: 0.79, medianFirstReplyHours: 0.5 }),
      ['Usually replies within an hour', 'Replies to 75% of enquiries'],
    )
    assert.deepEqual(
      describeResponsiveness({ enquiries90d: 9, answeredShare: 1, medianFirstReplyHours: 30 }),
      ['Usually replies within 2 days', 'Replies to every enquiry'],
    )
  })

  it('says so when there is too little data rather than showing noisy figures', () => {
    assert.deepEqual(
      describeResponsiveness({ enquiries90d: 2, answeredShare: 0, medianFirstReplyHours: null }),
      ['Too few recent enquiries to show reply times yet'],
    )
  })

  it('is plain about a seller who never replies', () => {
    assert.deepEqual(
      describeResponsiveness({ enquiries90d: 12, answeredShare: 0, medianFirstReplyHours: null }),
      ['Has not replied to enquiries in the last 90 days'],
    )
  })
})
