import { z } from 'zod'
import type { App } from '../../app.ts'
import * as flows from '../../flows/index.ts'
import * as orders from '../../modules/orders/index.ts'
import * as payments from '../../modules/payments/index.ts'
import { bigintId, uuidId } from '../../shared/validation.ts'
import { requireSession } from '../session.ts'
import type { ApiRegistry } from './api-registry.ts'
import { CheckoutOut } from './orders.routes.ts'

// Accepting a seller's quote from one's own enquiry thread: an order at the quoted price and
// quantity, then payment, answered exactly as POST /api/v1/checkout. Another buyer's enquiry,
// or a message that is not a quote, answers 404.

export function quoteOrderRoutes(api: ApiRegistry, app: App) {
  api.route(
    {
      method: 'POST',
      url: '/api/v1/enquiries/:id/quotes/:quoteId/accept',
      summary: "Accept a seller's quote: one order at the quoted price and quantity, then pay as at checkout",
      tag: 'Orders',
      params: z.object({
        id: uuidId('That is not an enquiry id.'),
        quoteId: bigintId({ coerce: true, message: 'That is not a quote id.' }),
      }),
      body: orders.CheckoutInput.omit({ items: true }),
      responses: {
        201: {
          description:
            'The order, awaiting payment for 30 minutes, and the payment to complete on the gateway. An expired or superseded quote, a closed enquiry, or a quote already accepted (the order named): 409',
          schema: CheckoutOut,
        },
      },
    },
    async ({ request, reply, params, body }) => {
      const session = requireSession(request)
      const gateway = payments.activePaymentGateway(app.db, {
        ...app.config.payments,
        publicUrl: app.config.publicUrl,
      })
      const placed = await flows.acceptQuote(app.db, gateway, {
        buyerId: session.user.id,
        enquiryId: params.id,
        quoteMessageId: params.quoteId,
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
}
