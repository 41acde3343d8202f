import { z } from 'zod'
import type { App } from '../../app.ts'
import * as flows from '../../flows/index.ts'
import * as orders from '../../modules/orders/index.ts'
import * as payments from '../../modules/payments/index.ts'
import { bigintId, uuidId } from '../../shared/validation.ts'
import { requireSession } from '../session.ts'
import type { ApiRegistry } from './api-registry.ts'

// The buyer's cart, checkout and orders as JSON. Every route acts for the signed-in person only:
// another buyer's order answers 404, exactly like one that does not exist. Amounts are in paise.

const TAG = 'Orders'

const CartLineOut = z.object({
  productId: z.number().int(),
  title: z.string(),
  unit: z.string(),
  moq: z.number().int(),
  quantity: z.number().int(),
  unitPricePaise: z.number().int().nullable(),
  hsnCode: z.string().nullable(),
  gstRatePercent: z.number().int().nullable(),
  taxablePaise: z.number().int(),
  taxPaise: z
    .number()
    .int()
    .describe('GST as for another state; the order works it out for the delivery state'),
  problem: z
    .string()
    .nullable()
    .describe('Why this line cannot be checked out as it is (the product changed since), else null'),
})

const CartOut = z.object({
  cart: z.object({
    sellers: z.array(
      z.object({
        sellerId: z.number().int(),
        sellerName: z.string(),
        lines: z.array(CartLineOut),
        taxablePaise: z.number().int(),
        taxPaise: z.number().int(),
        deliveryPaise: z
          .number()
          .int()
          .nullable()
          .describe('null: delivery charge to be agreed with the seller'),
        totalPaise: z.number().int(),
      }),
    ),
    lineCount: z.number().int(),
    taxablePaise: z.number().int(),
    taxPaise: z.number().int(),
    totalPaise: z.number().int(),
  }),
})

export const OrderLineOut = z.object({
  productId: z.number().int(),
  title: z.string(),
  hsnCode: z.string().nullable(),
  unit: z.string(),
  unitPricePaise: z.number().int(),
  quantity: z.number().int(),
  gstRatePercent: z.number().int().nullable(),
  taxablePaise: z.number().int(),
  taxPaise: z.number().int().nullable(),
})

const OrderOut = z.object({
  id: z.string(),
  sellerId: z.number().int(),
  status: z.enum(orders.orderStatusValues),
  taxablePaise: z.number().int(),
  taxPaise: z.number().int().nullable(),
  deliveryPaise: z.number().int().nullable().describe('null: delivery charge to be agreed with the seller'),
  totalPaise: z.number().int(),
  reservationExpiresAt: z.string().nullable().describe('Until when the stock is held for payment'),
  createdAt: z.string(),
  items: z.array(OrderLineOut),
  payment: z
    .object({ status: z.enum(payments.paymentStatuses) })
    .nullable()
    .describe('The newest payment for this order (captured: the money arrived); null if none was started'),
})

export const CheckoutOut = z.object({
  orders: z.array(
    z.object({
      id: z.string(),
      sellerId: z.number().int(),
      totalPaise: z.number().int(),
      status: z.enum(orders.orderStatusValues),
    }),
  ),
  payment: z.object({
    id: z.string(),
    gateway: z.string(),
    redirectUrl: z.string().describe("Send the buyer here to pay on the gateway's own page"),
  }),
})

function presentOrder(o: orders.BuyerOrder, payment: payments.Payment | null): z.output<typeof OrderOut> {
  return {
    id: o.id,
    sellerId: o.businessId,
    status: o.status,
    taxablePaise: o.taxablePaise,
    taxPaise: o.taxPaise,
    deliveryPaise: o.deliveryPaise,
    totalPaise: o.totalPaise,
    reservationExpiresAt: o.reservationExpiresAt?.toISOString() ?? null,
    createdAt: o.createdAt.toISOString(),
    items: o.items,
    payment: payment ? { status: payment.status } : null,
  }
}

export function orderRoutes(api: ApiRegistry, app: App) {
  api.route(
    {
      method: 'GET',
      url: '/api/v1/cart',
      summary: 'Your cart, per seller, with prices and GST',
      tag: TAG,
      responses: { 200: { description: 'The cart', schema: CartOut } },
    },
    async ({ request }) => {
      const session = requireSession(request)
      return { cart: await orders.cartOf(app.db, session.user.id) }
    },
  )

  api.route(
    {
      method: 'POST',
      url: '/api/v1/cart/items',
      summary: 'Put a product in your cart with this quantity (replacing the quantity if it is there)',
      tag: TAG,
      body: orders.CartItemInput,
      responses: {
        200: {
          description:
            'The cart. Below the minimum order quantity, above the stock, price on request or without tax details: 400 naming the product',
          schema: CartOut,
        },
      },
    },
    async ({ request, body }) => {
      const session = requireSession(request)
      return { cart: await orders.addToCart(app.db, session.user.id, body) }
    },
  )

  api.route(
    {
      method: 'DELETE',
      url: '/api/v1/cart/items/:productId',
      summary: 'Take a product out of your cart',
      tag: TAG,
      params: z.object({
        productId: bigintId({ coerce: true, message: 'productId must be a product number' }),
      }),
      responses: { 200: { description: 'The cart', schema: CartOut } },
    },
    async ({ request, params }) => {
      const session = requireSession(request)
      return { cart: await orders.removeFromCart(app.db, session.user.id, params.productId) }
    },
  )

  api.route(
    {
      method: 'POST',
      url: '/api/v1/checkout',
      summary: 'Order your cart (or the listed items): one order per seller, stock held while you pay',
      tag: TAG,
      body: orders.CheckoutInput,
      responses: {
        201: {
          description:
            'The orders, awaiting payment for 30 minutes, and the payment to complete on the gateway. A product that ran out: 409 naming it',
          schema: CheckoutOut,
        },
      },
    },
    async ({ request, reply, body }) => {
      const session = requireSession(request)
      const gateway = payments.activePaymentGateway(app.db, {
        ...app.config.payments,
        publicUrl: app.config.publicUrl,
      })
      const placed = await flows.checkoutAndPay(app.db, gateway, {
        buyerId: session.user.id,
        ...body,
        returnUrl: `${app.config.publicUrl}/account`,
      })
      reply.status(201)
      return {
        orders: placed.orders.map((o) => ({
          id: o.id,
          sellerId: o.sellerId,
          totalPaise: o.totalPaise,
          status: o.status,
        })),
        payment: placed.payment,
      }
    },
  )

  api.route(
    {
      method: 'GET',
      url: '/api/v1/orders',
      summary: 'Your orders, newest first',
      tag: TAG,
      responses: { 200: { description: 'Your orders', schema: z.object({ orders: z.array(OrderOut) }) } },
    },
    async ({ request }) => {
      const session = requireSession(request)
      const list = await orders.listBuyerOrders(app.db, session.user.id)
      const paid = await payments.latestPaymentsFor(
        app.db,
        list.map((o) => o.id),
      )
      return { orders: list.map((o) => presentOrder(o, paid.get(o.id) ?? null)) }
    },
  )

  api.route(
    {
      method: 'GET',
      url: '/api/v1/orders/:id',
      summary: 'One of your orders with its items and the status of its payment',
      tag: TAG,
      params: z.object({ id: uuidId('That is not an order id.') }),
      responses: { 200: { description: 'The order', schema: z.object({ order: OrderOut }) } },
    },
    async ({ request, params }) => {
      const session = requireSession(request)
      const order = await orders.getBuyerOrder(app.db, session.user.id, params.id)
      return { order: presentOrder(order, await payments.latestPaymentFor(app.db, order.id)) }
    },
  )
}
