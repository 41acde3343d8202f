import * as payments from '#src/modules/payments/index.ts'
import { buildUser } from '#test/factories.ts'
import type { LedgerScenarios } from './scenario.ts'

// The payer's details reach an outside gateway when a payment starts. The bundled sandbox is part
// of Mandi and discloses nothing, so this stands in for an outside one (Razorpay, Stripe) at the
// adapter boundary: it accepts the payment as theirs would.

function outsideGateway(): payments.PaymentGateway {
  return {
    code: 'outsidepay',
    external: true,
    recipientName: 'OutsidePay (payment gateway)',
    async createPayment(input) {
      return {
        gatewayRef: `op_${input.paymentId}`,
        redirectUrl: `https://pay.example/checkout/${input.paymentId}`,
      }
    },
    verifyWebhook() {
      throw new payments.WebhookRejected('no webhooks in this scenario')
    },
    async fetchStatus() {
      return 'open'
    },
    async refund() {},
  }
}

export const paymentsScenarios: LedgerScenarios = {
  async 'payments.payer-to-gateway'({ app }) {
    const payer = await buildUser(app.db, { name: 'Kavita Rao', phone: '+919812345670' })
    const started = await payments.startPayment(app.db, outsideGateway(), {
      payerUserId: payer.id,
      amountPaise: 1_18_000_00,
      purpose: 'orders',
      references: [crypto.randomUUID()],
      payer: { name: payer.name ?? 'Kavita Rao', email: payer.email, phone: payer.phone },
      returnUrl: `${app.config.publicUrl}/account`,
    })
    return { subjectUserId: payer.id, reference: `payment:${started.id}` }
  },
}
