import { eq } from 'drizzle-orm'
import type { Db } from '../../db/database.ts'
import { invalid } from '../../shared/errors.ts'
import * as privacy from '../privacy/index.ts'
import type { PayerDetails, PaymentGateway } from './gateway.ts'
import { payerToGatewayPath } from './outbound-paths.ts'
import { movePayment } from './payment-moves.ts'
import { paymentEvents, payments } from './payments.tables.ts'

export interface StartPaymentInput {
  payerUserId: string
  amountPaise: number
  /** What is paid for, opaque here: 'orders' (the default) with the order ids in `references`. */
  purpose?: string
  references: readonly string[]
  payer: PayerDetails
  returnUrl: string
}

/** Largest single payment accepted: ₹10 crore, far above any checkout and inside every gateway's limit. */
export const maxPaymentPaise = 10_000_000_000

/**
 * Creates a payment and its session at the gateway, in one transaction with the ledger entry for
 * an outside gateway, and returns where to send the payer. Throws AppError('invalid_payment') on a
 * bad amount or purpose; a gateway refusal leaves the payment failed and is rethrown.
 */
export async function startPayment(db: Db, gateway: PaymentGateway, input: StartPaymentInput) {
  const problems: Record<string, string> = {}
  if (!Number.isSafeInteger(input.amountPaise) || input.amountPaise <= 0)
    problems.amountPaise = 'The amount must be a whole number of paise above zero.'
  else if (input.amountPaise > maxPaymentPaise)
    problems.amountPaise = 'The amount is above the largest single payment (₹10 crore).'
  const purpose = input.purpose ?? 'orders'
  if (!/^[a-z][a-z_]{1,39}$/.test(purpose))
    problems.purpose = 'The purpose must be a short lowercase name, such as "orders".'
  if (!/^https?:\/\/[^\s]+$/.test(input.returnUrl))
    problems.returnUrl = 'The return address must be a full http(s) address.'
  if (input.references.length === 0) problems.references = 'Name at least one thing this payment is for.'
  if (Object.keys(problems).length > 0)
    throw invalid('invalid_payment', 'This payment cannot be started as it is.', problems)

  const [payment] = await db
    .insert(payments)
    .values({
      payerUserId: input.payerUserId,
      amountPaise: input.amountPaise,
      gateway: gateway.code,
      purpose,
      referenceIds: [...input.references],
    })
    .returning({ id: payments.id })
  const id = payment!.id
  // The creation is the first line of the history (no "from").
  await db.insert(paymentEvents).values({ paymentId: id, toStatus: 'created', source: 'checkout' })

  // The call to the gateway stays outside any transaction (it may take seconds); a refusal leaves
  // the payment failed, and nothing is recorded as disclosed.
  let session: { gatewayRef: string; redirectUrl: string }
  try {
    session = await gateway.createPayment({
      paymentId: id,
      amountPaise: input.amountPaise,
      payer: input.payer,
      returnUrl: input.returnUrl,
    })
  } catch (error) {
    await movePayment(db, { paymentId: id, to: 'failed', source: 'checkout' })
    throw error
  }

  // The transaction that records the hand-off writes the ledger entry with it.
  await db.transaction(async (tx) => {
    await tx
      .update(payments)
      .set({ gatewayRef: session.gatewayRef, updatedAt: new Date() })
      .where(eq(payments.id, id))
    if (gateway.external) {
      await privacy.recordOutbound(tx, payerToGatewayPath, {
        subjectUserId: input.payerUserId,
        recipient: gateway.recipientName,
        reference: `payment:${id}`,
      })
    }
  })
  return { id, gateway: gateway.code, redirectUrl: session.redirectUrl }
}
