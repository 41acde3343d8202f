import { z } from 'zod'
import { defineMessageKind } from '../message-kind.ts'
import { emailStyles, plainText, renderEmailHtml } from './email-layout.tsx'

const link = z.url({ protocol: /^https?$/ })

/** Sent after sign-up or an email change: confirms that the address belongs to the person. */
export const emailVerification = defineMessageKind({
  kind: 'email-verification',
  purpose: 'account',
  schema: z.strictObject({
    firstName: z.string().trim().min(1).max(60),
    verifyUrl: link,
    expiresInHours: z.number().int().positive().max(168),
  }),
  eraseDataWhenDone: true,
  email: (data, ctx) => {
    const lasts = `The link works for ${data.expiresInHours} hours and only once.`
    const ignore =
      'If you did not create a Mandi account, ignore this email: nothing happens without the click.'
    return {
      subject: 'Confirm your email address for Mandi',
      text: plainText(
        'account',
        ctx,
        `Hello ${data.firstName},`,
        `Please confirm that this is your email address by opening this link:\n${data.verifyUrl}`,
        lasts,
        ignore,
      ),
      html: renderEmailHtml({
        ctx,
        purpose: 'account',
        preview: 'One click to confirm your email address.',
        children: (
          <>
            <p>Hello {data.firstName},</p>
            <p>Please confirm that this is your email address.</p>
            <p>
              <a href={data.verifyUrl} style={emailStyles.button}>
                Confirm my email address
              </a>
            </p>
            <p>{lasts}</p>
            <p style={emailStyles.muted}>{ignore}</p>
          </>
        ),
      }),
    }
  },
})
