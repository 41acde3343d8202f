import { createHash } from 'node:crypto'

/**
 * A virtual-number service: the seller dials the number it assigns and the call is connected to
 * the buyer, so neither sees the other's number. A real provider is an HTTP adapter with the
 * same shape; the development one below runs locally.
 */
export interface CallMaskingProvider {
  readonly name: string
  /** As the buyer and the seller read it in their disclosure ledgers. */
  readonly recipientTitle: string
  /**
   * True when the numbers leave this installation: the buyer's and the seller's phone are then
   * each recorded in their owner's disclosure ledger.
   */
  readonly isExternal: boolean
  assignNumber(input: {
    callbackId: number
    buyerPhone: string
    sellerPhone: string | null
  }): Promise<{ maskedNumber: string }>
}

/**
 * Development call masking: a stable made-up number per request from a range no real subscriber
 * holds, so the whole flow can be tried without a provider. Nothing leaves the machine.
 */
export function createDevCallMasking(): CallMaskingProvider {
  return {
    name: 'dev-call-masking',
    recipientTitle: 'Development call masking (nothing leaves this machine)',
    isExternal: false,
    async assignNumber({ callbackId }) {
      const digits =
        Number.parseInt(createHash('sha256').update(String(callbackId)).digest('hex').slice(0, 8), 16) %
        100_000
      return { maskedNumber: `+91 14000 ${String(digits).padStart(5, '0')}` }
    },
  }
}
