import * as flows from './flows/index.ts'
import * as enquiries from './modules/enquiries/index.ts'
import * as messaging from './modules/messaging/index.ts'
import * as orders from './modules/orders/index.ts'
import * as payments from './modules/payments/index.ts'
import type { OutboundPath } from './modules/privacy/index.ts'

// The register of every way personal data leaves Mandi, gathered from the modules' (and flows')
// declarations. test/ledger-completeness.test.ts makes each path happen and fails unless the
// disclosure ledger recorded it with exactly the declared fields; a new path without a scenario
// fails that test. The public notice lists the register under "When your data leaves Mandi".

function gather(...groups: (readonly OutboundPath[])[]): readonly OutboundPath[] {
  const paths = groups.flat()
  const seen = new Set<string>()
  for (const path of paths) {
    if (seen.has(path.id)) throw new Error(`outbound path "${path.id}" is declared twice`)
    seen.add(path.id)
  }
  return Object.freeze(paths)
}

export const outboundRegister: readonly OutboundPath[] = gather(
  messaging.outboundPaths,
  enquiries.outboundPaths,
  orders.outboundPaths,
  payments.outboundPaths,
  [flows.nomineeNoticePath],
)
