import type { IncomingHttpHeaders } from 'node:http'

// One interface for every gateway: the bundled sandbox now; Razorpay (Orders API, hosted checkout,
// `X-Razorpay-Signature`) and Stripe (Checkout Session, `Stripe-Signature` with a 300 s tolerance)
// fit the same four calls. Each adapter maps its own events and statuses to the small shared
// vocabulary below, so the payments module never reads a gateway's wire format.

export interface PayerDetails {
  name: string
  email: string
  phone: string | null
}

export interface CreatePaymentInput {
  /** Our payment id: the gateway's receipt / client reference. */
  paymentId: string
  amountPaise: number
  payer: PayerDetails
  /** Where the gateway sends the payer back to once they are done. */
  returnUrl: string
}

/** What the gateway says a payment is, mapped onto our statuses. */
export type GatewayOutcome = 'pending' | 'captured' | 'failed' | 'refunded'

/** A verified gateway notification, in the shared vocabulary. */
export interface GatewayEvent {
  /** The gateway's event id: the same for every copy of one notification. */
  id: string
  /** The gateway's own event name, kept for the record (`payment.captured`). */
  type: string
  gatewayRef: string
  outcome: GatewayOutcome
  /** The amount the gateway says it collected, when the event carries one. */
  amountPaise?: number
}

/** The answer to "what happened to this payment?", for the reconciler. */
export type GatewayStatus = GatewayOutcome | 'open'

export class WebhookRejected extends Error {
  constructor(reason: string) {
    super(reason)
    this.name = 'WebhookRejected'
  }
}

export interface PaymentGateway {
  /** 'sandbox', later 'razorpay', 'stripe': stored on the payment and in webhook routes. */
  readonly code: string
  /** Whose hands the payer's details reach: a gateway run by someone else is a disclosure. */
  readonly external: boolean
  /** Name shown in the disclosure ledger ("Razorpay (payment gateway)"). */
  readonly recipientName: string
  createPayment(input: CreatePaymentInput): Promise<{ gatewayRef: string; redirectUrl: string }>
  /** Checks the signature over the raw body; returns the event or throws WebhookRejected. */
  verifyWebhook(rawBody: Buffer, headers: IncomingHttpHeaders): GatewayEvent
  fetchStatus(gatewayRef: string): Promise<GatewayStatus>
  refund(gatewayRef: string, amountPaise: number): Promise<void>
}
