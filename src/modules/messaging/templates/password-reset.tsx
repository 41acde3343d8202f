import { z } from 'zod'
import { defineMessageKind } from '../message-kind.ts'
import { emailStyles, plainText, renderEmailHtml } from './email-layout.tsx'

/** Sent when someone asks to reset the password of an account. */
export const passwordReset = defineMessageKind({
  kind: 'password-reset',
  purpose: 'account',
  schema: z.strictObject({
    firstName: z.string().trim().min(1).max(60),
    resetUrl: z.url({ protocol: /^https?$/ }),
    expiresInMinutes: z
      .number()
      .int()
      .positive()
      .max(24 * 60),
  }),
  eraseDataWhenDone: true,
  email: (data, ctx) => {
    const lasts = `The link works for ${data.expiresInMinutes} minutes and only once.`
    const notYou =
      'If you did not ask for this, you can ignore this email: your password stays as it is. If it keeps happening, tell us through the grievance page.'
    return {
      subject: 'Reset your Mandi password',
      text: plainText(
        'account',
        ctx,
        `Hello ${data.firstName},`,
        `Someone, hopefully you, asked to reset the password of your Mandi account. To choose a new one, open:\n${data.resetUrl}`,
        lasts,
        notYou,
      ),
      html: renderEmailHtml({
        ctx,
        purpose: 'account',
        preview: 'Choose a new password for your account.',
        children: (
          <>
            <p>Hello {data.firstName},</p>
            <p>Someone, hopefully you, asked to reset the password of your Mandi account.</p>
            <p>
              <a href={data.resetUrl} style={emailStyles.button}>
                Choose a new password
              </a>
            </p>
            <p>{lasts}</p>
            <p style={emailStyles.muted}>{notYou}</p>
          </>
        ),
      }),
    }
  },
})
