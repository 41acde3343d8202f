import { z } from 'zod'
import { formatRupees } from '../../../shared/format.ts'
import { defineMessageKind } from '../message-kind.ts'
import { emailStyles, oneLine, plainText, renderEmailHtml } from './email-layout.tsx'

// The mails an order sends as it moves: to the seller when it is paid (a new order to handle), to
// the buyer when the seller accepts, dispatches or cancels it, and when it is cancelled by either
// side. They carry the order's reference and what the step needs (carrier and tracking number,
// the reason given and the refund's state), never a name, address or phone: the order page has those.

const orderId = z.uuid()
const reference = (id: string) => id.slice(0, 8).toUpperCase()

export const orderReceived = defineMessageKind({
  kind: 'order-received',
  purpose: 'orders',
  schema: z.strictObject({
    orderId,
    totalPaise: z.number().int().nonnegative(),
    itemCount: z.number().int().positive(),
  }),
  email: (data, ctx) => {
    const ref = reference(data.orderId)
    const summary = `Order ${ref} (${data.itemCount} item${data.itemCount === 1 ? '' : 's'}, ${formatRupees(data.totalPaise)}) has been paid and is waiting for you.`
    const next =
      'Accept it, then dispatch it with the carrier and tracking number, through the seller API (GET /api/v1/seller/orders).'
    return {
      subject: `New paid order ${ref}: ${formatRupees(data.totalPaise)}`,
      text: plainText('orders', ctx, 'You have a new order on Mandi.', summary, next),
      html: renderEmailHtml({
        ctx,
        purpose: 'orders',
        preview: summary,
        children: (
          <>
            <p>You have a new order on Mandi.</p>
            <p>{summary}</p>
            <p style={emailStyles.muted}>{next}</p>
          </>
        ),
      }),
    }
  },
})

export const orderAccepted = defineMessageKind({
  kind: 'order-accepted',
  purpose: 'orders',
  schema: z.strictObject({ orderId }),
  email: (data, ctx) => {
    const ref = reference(data.orderId)
    const summary = `The seller has accepted your order ${ref} and is preparing it. We will write again when it is dispatched.`
    return {
      subject: `Your order ${ref} was accepted`,
      text: plainText('orders', ctx, 'Hello,', summary),
      html: renderEmailHtml({
        ctx,
        purpose: 'orders',
        preview: summary,
        children: (
          <>
            <p>Hello,</p>
            <p>{summary}</p>
          </>
        ),
      }),
    }
  },
})

export const orderDispatched = defineMessageKind({
  kind: 'order-dispatched',
  purpose: 'orders',
  schema: z.strictObject({
    orderId,
    carrier: z.string().trim().min(1).max(60),
    trackingNumber: z.string().trim().min(1).max(40),
  }),
  email: (data, ctx) => {
    const ref = reference(data.orderId)
    const summary = `Your order ${ref} is on its way with ${oneLine(data.carrier, 60)}.`
    const tracking = `Tracking number: ${oneLine(data.trackingNumber, 40)}`
    return {
      subject: `Your order ${ref} was dispatched`,
      text: plainText('orders', ctx, 'Hello,', summary, tracking),
      html: renderEmailHtml({
        ctx,
        purpose: 'orders',
        preview: summary,
        children: (
          <>
            <p>Hello,</p>
            <p>{summary}</p>
            <p>
              <strong>{tracking}</strong>
            </p>
          </>
        ),
      }),
    }
  },
})

const refundWords = {
  issued: 'Your payment has been refunded in full; banks usually take 5 to 7 working days to show it.',
  pending_staff:
    'This order was paid together with others, so its share is refunded by our staff by hand; we will write when it is done.',
  none: 'Nothing was paid for this order, so there is nothing to refund.',
} as const

export const orderCancelled = defineMessageKind({
  kind: 'order-cancelled',
  purpose: 'orders',
  schema: z.strictObject({
    orderId,
    cancelledBy: z.enum(['buyer', 'seller']),
    reason: z.string().trim().max(500).nullable(),
    refund: z.enum(['issued', 'pending_staff', 'none']),
  }),
  email: (data, ctx) => {
    const ref = reference(data.orderId)
    const who = data.cancelledBy === 'seller' ? 'The seller cancelled' : 'You cancelled'
    const summary = `${who} your order ${ref}.`
    const reason = data.reason ? `Reason given: ${oneLine(data.reason, 500)}` : 'No reason was given.'
    const refund = refundWords[data.refund]
    return {
      subject: `Your order ${ref} was cancelled`,
      text: plainText('orders', ctx, 'Hello,', summary, reason, refund),
      html: renderEmailHtml({
        ctx,
        purpose: 'orders',
        preview: summary,
        children: (
          <>
            <p>Hello,</p>
            <p>{summary}</p>
            <p>{reason}</p>
            <p>{refund}</p>
          </>
        ),
      }),
    }
  },
})
