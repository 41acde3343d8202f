import type { App } from '#src/app.ts'
import * as enquiries from '#src/modules/enquiries/index.ts'
import { buildBuyer, buildSeller } from '#test/enquiry-factories.ts'
import { buildProduct } from '#test/factories.ts'
import { buildCategoryPair, buildSellerWithProduct, valveRequirement } from '#test/requirement-factories.ts'
import type { LedgerScenarios } from './scenario.ts'

// One scenario per outbound path of the enquiries module (`enquiries.outboundPaths`): each makes
// the path happen through the module's real functions, on the app's database, and says whose
// ledger must now hold the entry and for which enquiry. test/ledger-completeness.test.ts runs them.

/**
 * An outside call-masking provider, as a real HTTP adapter would declare itself: both numbers
 * leave the installation. It only makes up the virtual number.
 */
export function externalCallMasking(): enquiries.CallMaskingProvider {
  return {
    name: 'test-external-call-masking',
    recipientTitle: 'Exotel (call masking)',
    isExternal: true,
    async assignNumber({ callbackId }) {
      return { maskedNumber: `+91 80 4000 ${String(callbackId % 10_000).padStart(4, '0')}` }
    },
  }
}

/** A buyer's enquiry to a seller's published product, sent as the enquiry form sends it. */
async function sendEnquiry(app: App) {
  const seller = await buildSeller(app.db)
  const product = await buildProduct(app.db, { businessId: seller.business.id, status: 'published' })
  const buyer = await buildBuyer(app.db, { emailVerifiedAt: new Date() })
  const enquiry = await enquiries.createEnquiry(app.db, app.enquiryContext, buyer.id, {
    productId: product.id,
    quantity: 25,
    unit: 'piece',
    message: 'We need 25 pumps for a new building. Please quote with delivery.',
  })
  return { seller, buyer, enquiry }
}

export const enquiriesLedgerScenarios: LedgerScenarios = {
  'enquiries.enquiry-to-seller': async ({ app }) => {
    const { buyer, enquiry } = await sendEnquiry(app)
    return { subjectUserId: buyer.id, reference: `enquiry:${enquiry.id}` }
  },

  'enquiries.requirement-to-seller': async ({ app }) => {
    const { sub } = await buildCategoryPair(app.db)
    await buildSellerWithProduct(app.db, { categoryId: sub.id })
    await buildSellerWithProduct(app.db, { categoryId: sub.id })
    const buyer = await buildBuyer(app.db)
    const { requirement } = await enquiries.postRequirement(
      app.db,
      app.enquiryContext,
      buyer.id,
      valveRequirement({ categoryId: sub.id }),
    )
    const { recipients } = await enquiries.getRequirement(app.db, buyer.id, requirement.id)
    return { subjectUserId: buyer.id, reference: `enquiry:${recipients[0]!.enquiryId}` }
  },

  'enquiries.buyer-phone-to-call-provider': async ({ app }) => {
    const { buyer, enquiry } = await sendEnquiry(app)
    await enquiries.requestCallback(
      app.db,
      { ...app.enquiryContext, callMasking: externalCallMasking() },
      buyer.id,
      enquiry.id,
      { preferredTime: 'weekdays after 4 pm', revealNumber: false },
    )
    return { subjectUserId: buyer.id, reference: `enquiry:${enquiry.id}` }
  },

  'enquiries.seller-phone-to-call-provider': async ({ app }) => {
    const { buyer, seller, enquiry } = await sendEnquiry(app)
    await enquiries.requestCallback(
      app.db,
      { ...app.enquiryContext, callMasking: externalCallMasking() },
      buyer.id,
      enquiry.id,
      { preferredTime: 'tomorrow morning', revealNumber: false },
    )
    return { subjectUserId: seller.owner.id, reference: `enquiry:${enquiry.id}` }
  },
}
