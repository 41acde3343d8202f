import { z } from 'zod'
import type { App } from '../../app.ts'
import * as flows from '../../flows/index.ts'
import * as orders from '../../modules/orders/index.ts'
import * as payments from '../../modules/payments/index.ts'
import { uuidId } from '../../shared/validation.ts'
import { requireSession } from '../session.ts'
import type { ApiRegistry } from './api-registry.ts'
import { OrderLineOut } from './orders.routes.ts'
import { paymentSettings } from './payments.routes.ts'
import { apiSeller } from './seller.routes.ts'

// Orders from both sides after checkout: the seller's orders (with an API key or the seller's
// session, like the rest of /api/v1/seller), accepting, dispatching and cancelling them, and the
// buyer's cancel. Another seller's or buyer's order answers 404; a move the order's state machine
// refuses answers 409 naming the order's current status. A cancelled paid order is refunded.

const TAG = 'Seller orders'

const Status = z.enum(orders.orderStatusValues)

const SellerOrderRowOut = z.object({
  id: z.string(),
  status: Status,
  itemCount: z.number().int(),
  taxablePaise: z.number().int(),
  taxPaise: z.number().int().nullable(),
  deliveryPaise: z.number().int().nullable().describe('null: delivery charge to be agreed with the buyer'),
  totalPaise: z.number().int(),
  createdAt: z.string(),
})

const SellerOrderOut = SellerOrderRowOut.omit({ itemCount: true }).extend({
  items: z.array(OrderLineOut),
  delivery: z
    .object({
      name: z.string(),
      line1: z.string(),
      line2: z.string().nullable(),
      city: z.string(),
      state: z.string(),
      pin: z.string(),
      phone: z.string(),
    })
    .describe('Where to deliver; given to the seller with the order (recorded in the disclosure ledger)'),
  billingGstin: z.string().nullable(),
  poNumber: z.string().nullable(),
  history: z.array(
    z.object({
      from: Status.nullable(),
      to: Status,
      actor: z.enum(orders.orderActors),
      reason: z
        .string()
        .nullable()
        .describe('Why, as given (a cancel reason; the carrier and tracking number)'),
      at: z.string(),
    }),
  ),
})

const ActionOut = z.object({
  order: z.object({ id: z.string(), status: Status }),
  refund: z
    .enum(['issued', 'pending_staff', 'none'])
    .optional()
    .describe(
      'Cancels only. issued: the payment was refunded in full; pending_staff: the payment also covered other orders, so staff refund this share by hand; none: nothing was paid',
    ),
})

const idParams = z.object({ id: uuidId('That is not an order id.') })

function presentOrder(o: orders.SellerOrder): z.output<typeof SellerOrderOut> {
  return {
    id: o.id,
    status: o.status,
    taxablePaise: o.taxablePaise,
    taxPaise: o.taxPaise,
    deliveryPaise: o.deliveryPaise,
    totalPaise: o.totalPaise,
    createdAt: o.createdAt.toISOString(),
    items: o.items,
    delivery: o.delivery,
    billingGstin: o.billingGstin,
    poNumber: o.poNumber,
    history: o.history.map((h) => ({ ...h, at: h.at.toISOString() })),
  }
}

function presentAction(result: flows.OrderActionResult): z.output<typeof ActionOut> {
  return {
    order: { id: result.id, status: result.status },
    ...(result.refund ? { refund: result.refund } : {}),
  }
}

export function sellerOrderRoutes(api: ApiRegistry, app: App) {
  const gateways = () => payments.createPaymentGateways(app.db, paymentSettings(app))

  api.route(
    {
      method: 'GET',
      url: '/api/v1/seller/orders',
      summary: 'Your orders as a seller, newest first, 20 a page',
      tag: TAG,
      query: z.object({
        status: Status.optional(),
        page: z.coerce.number().int().min(1).max(1000).default(1),
      }),
      responses: {
        200: {
          description: 'One page of orders',
          schema: z.object({
            orders: z.array(SellerOrderRowOut),
            total: z.number().int(),
            page: z.number().int(),
            pageSize: z.number().int(),
          }),
        },
      },
    },
    async ({ request, query }) => {
      const seller = await apiSeller(app, request)
      const list = await orders.listSellerOrders(app.db, seller.businessId, query)
      return {
        ...list,
        orders: list.orders.map((o) => ({
          id: o.id,
          status: o.status,
          itemCount: o.itemCount,
          taxablePaise: o.taxablePaise,
          taxPaise: o.taxPaise,
          deliveryPaise: o.deliveryPaise,
          totalPaise: o.totalPaise,
          createdAt: o.createdAt.toISOString(),
        })),
      }
    },
  )

  api.route(
    {
      method: 'GET',
      url: '/api/v1/seller/orders/:id',
      summary: 'One of your orders: items, delivery name, address and phone, and its status history',
      tag: TAG,
      params: idParams,
      responses: { 200: { description: 'The order', schema: z.object({ order: SellerOrderOut }) } },
    },
    async ({ request, params }) => {
      const seller = await apiSeller(app, request)
      return { order: presentOrder(await orders.getSellerOrder(app.db, seller.businessId, params.id)) }
    },
  )

  api.route(
    {
      method: 'POST',
      url: '/api/v1/seller/orders/:id/accept',
      summary: 'Accept a paid order (the buyer is told by email)',
      tag: TAG,
      params: idParams,
      responses: {
        200: { description: 'Accepted. Not paid, or past that: 409 naming its status', schema: ActionOut },
      },
    },
    async ({ request, params }) => {
      const seller = await apiSeller(app, request)
      return presentAction(await flows.acceptOrder(app.db, seller, params.id))
    },
  )

  api.route(
    {
      method: 'POST',
      url: '/api/v1/seller/orders/:id/dispatch',
      summary: 'Dispatch an accepted order with its carrier and tracking number (the buyer is told by email)',
      tag: TAG,
      params: idParams,
      body: flows.DispatchInput,
      responses: {
        200: {
          description: 'Dispatched. Not accepted yet, or past that: 409 naming its status',
          schema: ActionOut,
        },
      },
    },
    async ({ request, params, body }) => {
      const seller = await apiSeller(app, request)
      return presentAction(await flows.dispatchOrder(app.db, seller, params.id, body))
    },
  )

  api.route(
    {
      method: 'POST',
      url: '/api/v1/seller/orders/:id/cancel',
      summary:
        'Cancel a paid or accepted order, with a reason the buyer sees; the stock goes back and the buyer is refunded',
      tag: TAG,
      params: idParams,
      body: flows.SellerCancelInput,
      responses: {
        200: {
          description: 'Cancelled, with the refund state. Any other status: 409 naming it',
          schema: ActionOut,
        },
      },
    },
    async ({ request, params, body }) => {
      const seller = await apiSeller(app, request)
      return presentAction(
        await flows.sellerCancelOrder(app.db, gateways(), seller, params.id, body, { log: request.log }),
      )
    },
  )

  api.route(
    {
      method: 'POST',
      url: '/api/v1/orders/:id/cancel',
      summary: 'Cancel your order before it is dispatched; the stock goes back and a paid order is refunded',
      tag: 'Orders',
      params: idParams,
      body: flows.BuyerCancelInput,
      responses: {
        200: {
          description: 'Cancelled, with the refund state. Already dispatched: 409 (already_dispatched)',
          schema: ActionOut,
        },
      },
    },
    async ({ request, params, body }) => {
      const session = requireSession(request)
      return presentAction(
        await flows.buyerCancelOrder(app.db, gateways(), session.user.id, params.id, body, {
          log: request.log,
        }),
      )
    },
  )
}
