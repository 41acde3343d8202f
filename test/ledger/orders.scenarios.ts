import type { App } from '#src/app.ts'
import * as flows from '#src/flows/index.ts'
import { makeGstin } from '#src/shared/gstin.ts'
import { buildProduct, buildUser } from '#test/factories.ts'
import type { LedgerScenarios } from './scenario.ts'

// One scenario per outbound path of the orders module (`orders.outboundPaths`): a buyer checks out
// through the real flow, and the seller now sees the order with the delivery details (and the
// billing GSTIN when one is given). test/ledger-completeness.test.ts runs them.

async function checkout(app: App, billingGstin?: string) {
  const buyer = await buildUser(app.db, { emailVerifiedAt: new Date() })
  const product = await buildProduct(app.db, {
    moq: 1,
    pricePaise: 250_000,
    hsnCode: '8481',
    gstRatePercent: 18,
  })
  const placed = await flows.placeOrders(app.db, {
    buyerId: buyer.id,
    items: [{ productId: product.id, quantity: 4 }],
    shippingAddress: {
      name: 'Meera Iyer',
      line1: '22 SIDCO Industrial Estate, Ambattur',
      city: 'Chennai',
      state: 'Tamil Nadu',
      pin: '600098',
      phone: '+91 98400 12345',
    },
    ...(billingGstin ? { billingGstin } : {}),
  })
  return { buyer, order: placed.orders[0]! }
}

export const ordersLedgerScenarios: LedgerScenarios = {
  'orders.order-to-seller': async ({ app }) => {
    const { buyer, order } = await checkout(app)
    return { subjectUserId: buyer.id, reference: `order:${order.id}` }
  },

  'orders.billing-gstin-to-seller': async ({ app }) => {
    const { buyer, order } = await checkout(app, makeGstin('33', 'AABCI1234M'))
    return { subjectUserId: buyer.id, reference: `order-billing:${order.id}` }
  },
}
