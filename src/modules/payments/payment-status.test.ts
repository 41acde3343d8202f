import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { canMove, paymentTransitions, statusesBefore } from './payment-status.ts'
import { paymentStatuses } from './payments.tables.ts'

describe('the payment transition table', () => {
  it('allows exactly the documented moves', () => {
    const allowed = paymentStatuses.flatMap((from) => paymentTransitions[from].map((to) => `${from}→${to}`))
    assert.deepEqual(allowed.sort(), [
      'captured→refunded',
      'created→captured',
      'created→expired',
      'created→failed',
      'created→pending',
      'expired→captured',
      'failed→captured',
      'pending→captured',
      'pending→expired',
      'pending→failed',
    ])
  })

  it('never lets a payment go back to created or pending once settled, nor a captured one fail', () => {
    for (const from of ['captured', 'failed', 'expired', 'refunded'] as const) {
      assert.equal(canMove(from, 'pending'), false, `${from} → pending`)
      assert.equal(canMove(from, 'created'), false, `${from} → created`)
    }
    assert.equal(canMove('captured', 'failed'), false)
    assert.equal(canMove('captured', 'expired'), false)
    assert.equal(canMove('refunded', 'captured'), false)
    assert.deepEqual(statusesBefore('created'), [])
    assert.deepEqual(statusesBefore('refunded'), ['captured'])
  })
})
