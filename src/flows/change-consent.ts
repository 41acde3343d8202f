import type { Db } from '../db/database.ts'
import * as enquiries from '../modules/enquiries/index.ts'
import * as privacy from '../modules/privacy/index.ts'

export interface ConsentChange {
  userId: string
  purpose: privacy.Purpose
  action: 'grant' | 'withdraw'
  channel: privacy.ConsentChannel
}

/**
 * Gives or withdraws consent for one purpose, with everything the change implies, in one
 * transaction: the consent ledger entry (and its receipt id for a grant) and, when personalisation
 * is withdrawn, the deletion of the interest signals it allowed. Every place a person can change a
 * consent (privacy centre, API, unsubscribe link) calls this, so none can forget a consequence.
 * Throws invalid('not_a_consent_purpose') for a purpose that does not rest on consent.
 */
export async function changeConsent(db: Db, change: ConsentChange) {
  return db.transaction(async (tx) => {
    const event = await privacy.recordConsent(tx, change)
    if (change.action === 'withdraw' && change.purpose === 'personalisation') {
      await enquiries.forgetInterests(tx, change.userId)
    }
    return event
  })
}
