import * as privacy from '../privacy/index.ts'

// The ways personal data leaves a person through the orders module, each written to the
// disclosure ledger in the transaction that hands it over (`privacy.recordOutbound`): the seller
// sees an order, with what it carries, from the commit that places it.

/** A placed order: the seller sees whom to deliver to, where, and whom to call. */
export const orderToSellerPath = privacy.declareOutbound({
  id: 'orders.order-to-seller',
  description:
    'When you place an order, the seller receives the delivery name, address and phone number you gave, to deliver it and to put them on the tax invoice.',
  recipientKind: 'seller',
  fields: ['name', 'address', 'phone'],
  purpose: 'orders',
})

/** A placed order billed to a GSTIN: the seller puts it on the tax invoice. */
export const billingToSellerPath = privacy.declareOutbound({
  id: 'orders.billing-gstin-to-seller',
  description:
    'When you bill an order to a GSTIN, the seller receives it to put on the tax invoice, so that you can claim input tax credit.',
  recipientKind: 'seller',
  fields: ['gstin'],
  purpose: 'orders',
})

/** Every outbound path of the orders module, gathered by `src/outbound.ts`. */
export const outboundPaths: readonly privacy.OutboundPath[] = [orderToSellerPath, billingToSellerPath]
