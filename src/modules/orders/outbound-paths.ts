import * as privacy from '../privacy/index.ts'

// The ways personal data leaves a person through the orders module, each written to the
// disclosure ledger in the transaction that hands it over (`privacy.recordOutbound`).

/** A placed order: the seller sees where to deliver and whom to call, and the billing details. */
export const orderToSellerPath = privacy.declareOutbound({
  id: 'orders.order-to-seller',
  description:
    'When you place an order, the seller receives your delivery name, address and phone number, and the GSTIN and purchase order number you bill it to, to fulfil and invoice the order.',
  recipientKind: 'seller',
  fields: ['name', 'address', 'phone', 'gstin', 'po_number'],
  purpose: 'orders',
})

/** Every outbound path of the orders module, gathered by `src/outbound.ts`. */
export const outboundPaths: readonly privacy.OutboundPath[] = [orderToSellerPath]
