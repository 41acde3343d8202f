import * as privacy from '../privacy/index.ts'

// The ways personal data leaves a person through the enquiries module, each written to the
// disclosure ledger in the transaction that sends or hands it off (`privacy.recordOutbound`).
// A buyer's email and phone reaching a seller is not here: that happens only when the buyer
// shares them, and contact-sharing.ts records each share with exactly the fields shared.

/** A new enquiry: the seller reads who is asking and for what. */
export const enquiryToSellerPath = privacy.declareOutbound({
  id: 'enquiries.enquiry-to-seller',
  description:
    'When you send an enquiry, the seller receives your name, company, city and what you need (product, quantity, message).',
  recipientKind: 'seller',
  fields: ['name', 'company', 'city', 'product', 'quantity', 'message'],
  purpose: 'enquiries',
})

/** A posted buy requirement, once for every matched seller it is sent to. */
export const requirementToSellerPath = privacy.declareOutbound({
  id: 'enquiries.requirement-to-seller',
  description:
    'When you post a buy requirement, each matched seller receives your name, company, city and what you need (product, quantity, details).',
  recipientKind: 'seller',
  fields: ['name', 'company', 'city', 'product', 'quantity', 'message'],
  purpose: 'enquiries',
})

/** "Call me back" through an outside call-masking provider: the buyer's number. */
export const buyerPhoneToCallProviderPath = privacy.declareOutbound({
  id: 'enquiries.buyer-phone-to-call-provider',
  description:
    'When you ask a seller to call you back through a masked number, the outside call-masking provider receives your phone number to connect the call.',
  recipientKind: 'call_provider',
  fields: ['phone'],
  purpose: 'enquiries',
})

/** "Call me back" through an outside call-masking provider: the seller's number. */
export const sellerPhoneToCallProviderPath = privacy.declareOutbound({
  id: 'enquiries.seller-phone-to-call-provider',
  description:
    'When a buyer asks you for a call back through a masked number, the outside call-masking provider receives your phone number to connect the call.',
  recipientKind: 'call_provider',
  fields: ['phone'],
  purpose: 'enquiries',
})

/** Every outbound path of the enquiries module, gathered by `src/outbound.ts`. */
export const outboundPaths: readonly privacy.OutboundPath[] = [
  enquiryToSellerPath,
  requirementToSellerPath,
  buyerPhoneToCallProviderPath,
  sellerPhoneToCallProviderPath,
]
