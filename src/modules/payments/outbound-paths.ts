import * as privacy from '../privacy/index.ts'

// The payer's details leave Mandi when a payment is handed to a gateway run by someone else
// (Razorpay, Stripe): the gateway shows them on its checkout and uses them for its own fraud checks.
// The bundled sandbox gateway is part of Mandi itself — its page and its books live in this
// database and nobody else reads them — so handing it a payment discloses nothing and writes no
// ledger entry (`PaymentGateway.external` is false).

export const payerToGatewayPath = privacy.declareOutbound({
  id: 'payments.payer-to-gateway',
  description:
    'When you pay through an outside payment gateway, it receives your name, email, phone number and the amount, to show its checkout and check the payment.',
  recipientKind: 'payment_gateway',
  fields: ['name', 'email', 'phone', 'amount'],
  purpose: 'orders',
})

/** Every outbound path of the payments module, gathered by `src/outbound.ts`. */
export const outboundPaths: readonly privacy.OutboundPath[] = [payerToGatewayPath]
