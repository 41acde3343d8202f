// Payments owns the payments, their append-only history (payment_events), the gateway
// notifications received once (webhook_events), the gateway interface and its adapters — the
// bundled sandbox gateway with its own books (sandbox_sessions, sandbox_webhooks). A payment names
// what it pays for only as a purpose and ids: this module never imports orders. It imports privacy
// (the disclosure ledger) and nothing else.
export { activePaymentGateway, createPaymentGateways, paymentGatewayCodes } from './gateways.ts'
export type { PaymentGatewayCode, PaymentSettings } from './gateways.ts'
export { WebhookRejected } from './gateway.ts'
export type {
  CreatePaymentInput,
  GatewayEvent,
  GatewayOutcome,
  GatewayStatus,
  PayerDetails,
  PaymentGateway,
} from './gateway.ts'
export {
  createSandboxGateway,
  decideSandboxPayment,
  deliverSandboxWebhooks,
  findSandboxSession,
  postWebhookOverHttp,
  sandboxDeliveryPolicy,
  sandboxRetryDelaySeconds,
  sandboxSignatureHeader,
  sandboxWebhookPath,
  signSandboxBody,
} from './gateways/sandbox.ts'
export type {
  SandboxDecision,
  SandboxDeliveryOptions,
  SandboxSession,
  SandboxSettings,
  WebhookPoster,
} from './gateways/sandbox.ts'
export { outboundPaths, payerToGatewayPath } from './outbound-paths.ts'
export { canMove, paymentTransitions, settledStatuses, statusesBefore } from './payment-status.ts'
export { paymentEventSources, paymentStatuses } from './payments.tables.ts'
export type { PaymentEventSource, PaymentStatus } from './payments.tables.ts'
export {
  findPayment,
  latestPaymentFor,
  latestPaymentsFor,
  listCapturedPayments,
  listPaymentEvents,
  notePayerReturned,
  refundPayment,
} from './payments.queries.ts'
export type { Payment, PaymentEvent } from './payments.queries.ts'
export { reconcilePayments, reconcilePolicy } from './reconcile.ts'
export type { ReconcilePolicy, ReconcileReport } from './reconcile.ts'
export { maxPaymentPaise, startPayment } from './start-payment.ts'
export type { StartPaymentInput } from './start-payment.ts'
export { receiveWebhook } from './webhooks.ts'
export type { WebhookOutcome } from './webhooks.ts'
