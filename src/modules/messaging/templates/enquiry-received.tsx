import { z } from 'zod'
import { formatQuantity } from '../../../shared/format.ts'
import { defineMessageKind, dltTemplateIdFor } from '../message-kind.ts'
import { emailStyles, oneLine, plainText, renderEmailHtml } from './email-layout.tsx'

/**
 * Tells a seller that a buyer enquired about one of their products. It carries the buyer's first
 * name and city only: the buyer's email and phone reach a seller only when the buyer chooses to
 * share them, so the schema is strict and has no field that could hold them.
 */
export const enquiryReceived = defineMessageKind({
  kind: 'enquiry-received',
  purpose: 'enquiries',
  schema: z.strictObject({
    buyerFirstName: z
      .string()
      .trim()
      .min(1)
      .max(40)
      .regex(/^[^\s@]+$/, 'first name only'),
    buyerCity: z.string().trim().min(1).max(60),
    productTitle: z.string().trim().min(1).max(200),
    quantity: z.number().positive(),
    unit: z.string().trim().min(1).max(30),
    enquiryUrl: z.url({ protocol: /^https?$/ }),
  }),
  email: (data, ctx) => {
    const quantity = formatQuantity(data.quantity, data.unit)
    const summary = `${data.buyerFirstName} from ${data.buyerCity} would like ${quantity} of ${data.productTitle}.`
    const contact =
      'Reply from your enquiries page. The buyer’s contact details are shown there only if they choose to share them.'
    return {
      subject: `New enquiry: ${oneLine(data.productTitle, 60)} (${quantity})`,
      text: plainText(
        'enquiries',
        ctx,
        'You have a new enquiry on Mandi.',
        summary,
        `See it and reply: ${data.enquiryUrl}`,
        contact,
      ),
      html: renderEmailHtml({
        ctx,
        purpose: 'enquiries',
        preview: summary,
        children: (
          <>
            <p>You have a new enquiry on Mandi.</p>
            <p>
              <strong>{data.buyerFirstName}</strong> from {data.buyerCity} would like{' '}
              <strong>{quantity}</strong> of {data.productTitle}.
            </p>
            <p>
              <a href={data.enquiryUrl} style={emailStyles.button}>
                See the enquiry and reply
              </a>
            </p>
            <p style={emailStyles.muted}>{contact}</p>
          </>
        ),
      }),
    }
  },
  sms: {
    // DLT templates allow at most 30 characters in each variable.
    dltTemplate: 'Mandi: new enquiry from {#var#}, {#var#} for {#var#} of {#var#}. Reply at {#var#} -Mandi',
    render: (data, ctx) => ({
      text: `Mandi: new enquiry from ${dltVar(data.buyerFirstName)}, ${dltVar(data.buyerCity)} for ${dltVar(formatQuantity(data.quantity, data.unit))} of ${dltVar(data.productTitle)}. Reply at ${data.enquiryUrl} -Mandi`,
      dltTemplateId: dltTemplateIdFor(ctx, 'enquiry-received'),
    }),
  },
})

// ASCII only in SMS: one character outside GSM-7 (an ellipsis) halves what a message can hold.
function dltVar(value: string): string {
  const flat = oneLine(value, 1000)
  return flat.length > 30 ? `${flat.slice(0, 27)}...` : flat
}
