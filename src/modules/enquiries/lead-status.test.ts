import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import {
  assertEnquiryTransition,
  assertTransition,
  canTransition,
  canTransitionEnquiry,
  leadStatuses,
} from './lead-status.ts'

describe('lead status transitions', () => {
  it('lets a new lead be contacted, quoted, lost or marked spam', () => {
    for (const to of ['contacted', 'quoted', 'lost', 'spam'] as const)
      assert.equal(canTransition('new', to), true)
    assert.equal(canTransition('new', 'won'), false)
  })

  it('allows a revised quote but not going back to contacted', () => {
    assert.equal(canTransition('quoted', 'quoted'), true)
    assert.equal(canTransition('quoted', 'contacted'), false)
  })

  it('treats won and lost as final', () => {
    for (const to of leadStatuses) {
      assert.equal(canTransition('won', to), false)
      assert.equal(canTransition('lost', to), false)
    }
  })

  it('lets a seller un-mark spam back to new only', () => {
    assert.deepEqual(
      leadStatuses.filter((to) => canTransition('spam', to)),
      ['new'],
    )
  })

  it('throws a conflict with a readable message on a bad move', () => {
    assert.throws(
      () => assertTransition('won', 'lost'),
      (error: unknown) => {
        const e = error as { kind: string; code: string; message: string }
        assert.equal(e.kind, 'conflict')
        assert.equal(e.code, 'invalid_transition')
        assert.match(e.message, /from won to lost/)
        assert.match(e.message, /can no longer change/)
        return true
      },
    )
    assert.throws(
      () => assertTransition('new', 'won'),
      /it can become contacted, quoted, lost, marked as spam/,
    )
    assert.doesNotThrow(() => assertTransition('contacted', 'won'))
  })
})

describe('enquiry status transitions', () => {
  it('closes, reopens and expires enquiries but never revives an expired one', () => {
    assert.equal(canTransitionEnquiry('open', 'closed'), true)
    assert.equal(canTransitionEnquiry('closed', 'open'), true)
    assert.equal(canTransitionEnquiry('expired', 'open'), false)
    assert.throws(() => assertEnquiryTransition('expired', 'open'), /send a new enquiry/)
  })
})
