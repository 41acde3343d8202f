import type { Db } from '../../db/database.ts'
import type { PaymentGateway } from './gateway.ts'
import { createSandboxGateway } from './gateways/sandbox.ts'

export const paymentGatewayCodes = ['sandbox'] as const
export type PaymentGatewayCode = (typeof paymentGatewayCodes)[number]

export interface PaymentSettings {
  /** The gateway new payments go through (PAYMENT_GATEWAY). */
  gateway: PaymentGatewayCode
  sandboxWebhookSecret: string
  /** False in production: the sandbox's hosted page is gone and it refuses new payments. */
  sandboxEnabled: boolean
  publicUrl: string
}

/**
 * Every gateway this installation can talk to, by code: the one new payments use and the ones
 * older payments were made through (the reconciler and webhooks still need them). The sandbox is
 * always there: it needs nothing from outside.
 */
export function createPaymentGateways(
  db: Db,
  settings: PaymentSettings,
): ReadonlyMap<string, PaymentGateway> {
  const sandbox = createSandboxGateway(db, {
    webhookSecret: settings.sandboxWebhookSecret,
    publicUrl: settings.publicUrl,
    enabled: settings.sandboxEnabled,
  })
  return new Map([[sandbox.code, sandbox]])
}

/** The gateway new payments go through. */
export function activePaymentGateway(db: Db, settings: PaymentSettings): PaymentGateway {
  return createPaymentGateways(db, settings).get(settings.gateway)!
}
