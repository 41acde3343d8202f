import { eq } from 'drizzle-orm'
import type { Db } from '../../db/database.ts'
import { AppError, invalid } from '../../shared/errors.ts'
import { parseInput } from '../../shared/validation.ts'
import * as accounts from '../accounts/index.ts'
import * as privacy from '../privacy/index.ts'
import { shareContact } from './contact-sharing.ts'
import { callbackRequests, enquiries } from './enquiries.tables.ts'
import { type EnquiryContext, nowOf } from './enquiry-context.ts'
import { addThreadEvent, findForParty } from './enquiry-records.ts'
import { CallbackInput } from './enquiry-schemas.ts'
import { buyerPhoneToCallProviderPath, sellerPhoneToCallProviderPath } from './outbound-paths.ts'

export { type CallMaskingProvider, createDevCallMasking } from './call-masking.ts'

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
    const buyer = await accounts.personContact(tx, buyerUserId)
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
      const seller = await accounts.sellerContact(tx, enquiry.businessId)
      const sellerPhone = seller?.ownerPhone ?? null
      const { maskedNumber } = await provider!.assignNumber({
        callbackId: row!.id,
        buyerPhone: buyer.phone,
        sellerPhone,
      })
      await tx.update(callbackRequests).set({ maskedNumber }).where(eq(callbackRequests.id, row!.id))
      if (provider!.isExternal) {
        // Both numbers left the installation: each is recorded in its owner's ledger.
        await privacy.recordOutbound(tx, buyerPhoneToCallProviderPath, {
          subjectUserId: buyerUserId,
          recipient: provider!.recipientTitle,
          reference: `enquiry:${enquiry.id}`,
        })
        if (seller && sellerPhone) {
          await privacy.recordOutbound(tx, sellerPhoneToCallProviderPath, {
            subjectUserId: seller.ownerUserId,
            recipient: provider!.recipientTitle,
            reference: `enquiry:${enquiry.id}`,
          })
        }
      }
    }
    const when = data.preferredTime ? ` (${data.preferredTime})` : ''
    await addThreadEvent(tx, enquiry.id, `The buyer asked for a call back${when}.`, now)
    await tx.update(enquiries).set({ lastMessageAt: now, updatedAt: now }).where(eq(enquiries.id, enquiry.id))
    return { id: row!.id, revealNumber: data.revealNumber }
  })
}
