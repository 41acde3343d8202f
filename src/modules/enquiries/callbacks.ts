import { createHash } from 'node:crypto'
import { eq } from 'drizzle-orm'
import type { Db } from '../../db/database.ts'
import { AppError, invalid } from '../../shared/errors.ts'
import { parseInput } from '../../shared/validation.ts'
import { businesses, users } from '../accounts/accounts.tables.ts'
import * as privacy from '../privacy/index.ts'
import { callbackRequests, enquiries } from './enquiries.tables.ts'
import { shareContact } from './contact-sharing.ts'
import { addThreadEvent, findForParty } from './enquiries.ts'
import { type EnquiryContext, nowOf } from './enquiry-context.ts'
import { CallbackInput } from './enquiry-schemas.ts'

/**
 * A virtual-number service: the seller dials the number it assigns and the call is connected to
 * the buyer, so neither sees the other's number. A real provider is an HTTP adapter with the
 * same shape; the development one below runs locally.
 */
export interface CallMaskingProvider {
  readonly name: string
  /** As the buyer reads it in their disclosure ledger. */
  readonly recipientTitle: string
  /** True when the buyer's number leaves this installation (recorded in the disclosure ledger). */
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

/**
 * The buyer asks the seller to call them back. With `revealNumber` the buyer shares their phone
 * with this seller (a consent disclosure, revocable like any share); without it the seller gets
 * a masked number from the provider. Throws invalid('no_phone') without a mobile number on the
 * profile and unavailable('call_masking_unavailable') when masking is asked for but not set up.
 */
export async function requestCallback(
  db: Db,
  ctx: EnquiryContext,
  buyerUserId: string,
  enquiryId: string,
  input: unknown,
) {
  const data = parseInput(CallbackInput, input)
  const provider = ctx.callMasking
  return db.transaction(async (tx) => {
    const enquiry = await findForParty(tx, { party: 'buyer', userId: buyerUserId }, enquiryId, { lock: true })
    const [buyer] = await tx.select({ phone: users.phone }).from(users).where(eq(users.id, buyerUserId))
    if (!buyer?.phone)
      throw invalid('no_phone', 'Add your mobile number to your profile so the seller can call you.')
    if (!data.revealNumber && !provider) {
      throw new AppError(
        'unavailable',
        'call_masking_unavailable',
        'Masked calls are not set up on this marketplace. Share your number with this seller, or keep talking by message.',
      )
    }
    const now = nowOf(ctx)
    const [row] = await tx
      .insert(callbackRequests)
      .values({
        enquiryId: enquiry.id,
        preferredTime: data.preferredTime ?? '',
        revealNumber: data.revealNumber,
        provider: data.revealNumber ? 'direct' : provider!.name,
        createdAt: now,
        updatedAt: now,
      })
      .returning()
    if (data.revealNumber) {
      await shareContact(tx, ctx, buyerUserId, enquiry.id, ['phone'])
    } else {
      const [seller] = await tx
        .select({ phone: users.phone })
        .from(businesses)
        .innerJoin(users, eq(users.id, businesses.ownerUserId))
        .where(eq(businesses.id, enquiry.businessId))
      const { maskedNumber } = await provider!.assignNumber({
        callbackId: row!.id,
        buyerPhone: buyer.phone,
        sellerPhone: seller?.phone ?? null,
      })
      await tx.update(callbackRequests).set({ maskedNumber }).where(eq(callbackRequests.id, row!.id))
      if (provider!.isExternal) {
        await privacy.recordDisclosure(tx, {
          subjectUserId: buyerUserId,
          recipient: provider!.recipientTitle,
          recipientKind: 'call_provider',
          fields: ['phone'],
          purpose: 'enquiries',
          reference: `enquiry:${enquiry.id}`,
        })
      }
    }
    const when = data.preferredTime ? ` (${data.preferredTime})` : ''
    await addThreadEvent(tx, enquiry.id, `The buyer asked for a call back${when}.`, now)
    await tx.update(enquiries).set({ lastMessageAt: now, updatedAt: now }).where(eq(enquiries.id, enquiry.id))
    return { id: row!.id, revealNumber: data.revealNumber }
  })
}
