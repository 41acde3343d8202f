import { z } from 'zod'
import { defineMessageKind, dltTemplateIdFor } from '../message-kind.ts'

/**
 * The code that verifies a mobile number, by SMS only (it proves the number takes texts). The
 * data holds a working code, so it is emptied once the message is sent or given up.
 */
export const phoneVerification = defineMessageKind({
  kind: 'phone-verification',
  purpose: 'account',
  schema: z.strictObject({
    code: z.string().regex(/^\d{6}$/),
    expiresInMinutes: z.number().int().positive().max(60),
  }),
  eraseDataWhenDone: true,
  sms: {
    dltTemplate:
      'Mandi: {#var#} is your code to verify this mobile number. It works for {#var#} minutes. Do not share it with anyone. -Mandi',
    render: (data, ctx) => ({
      text: `Mandi: ${data.code} is your code to verify this mobile number. It works for ${data.expiresInMinutes} minutes. Do not share it with anyone. -Mandi`,
      dltTemplateId: dltTemplateIdFor(ctx, 'phone-verification'),
    }),
  },
})
