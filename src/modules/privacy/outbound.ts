import type { Db } from '../../db/database.ts'
import { recordDisclosure } from './disclosures.ts'
import type { RecipientKind } from './privacy.tables.ts'
import type { PurposeDefinition, Purpose } from './purposes.ts'

/**
 * One way personal data leaves Mandi: an adapter (the mail provider, the SMS provider, the
 * call-masking provider) or a path inside the product (an enquiry reaching a seller). Each module
 * declares its paths, exports them through its `index.ts`, and writes the ledger with
 * `recordOutbound`, so that the entry names exactly the declared fields. `src/outbound.ts` gathers
 * every declaration, and a test makes each path happen and fails unless the ledger recorded it.
 */
export interface OutboundPath {
  /** `module.path`, e.g. `enquiries.enquiry-to-seller`. */
  id: string
  /** One line for the register: what leaves and when. */
  description: string
  recipientKind: RecipientKind
  /** The fields that leave, by the names a person reads in their ledger: 'name', 'company', 'phone'. */
  fields: readonly [string, ...string[]]
  purpose: Purpose
  basis?: PurposeDefinition['basis']
}

export function declareOutbound<const P extends OutboundPath>(path: P): P {
  return path
}

/** Writes the ledger entry for one use of a declared path, in the transaction of the send or hand-off. */
export function recordOutbound(
  tx: Db,
  path: OutboundPath,
  event: {
    subjectUserId: string | null
    recipient: string
    reference?: string
    basis?: PurposeDefinition['basis']
  },
) {
  return recordDisclosure(tx, {
    subjectUserId: event.subjectUserId,
    recipient: event.recipient,
    recipientKind: path.recipientKind,
    fields: path.fields,
    purpose: path.purpose,
    basis: event.basis ?? path.basis,
    reference: event.reference,
  })
}
