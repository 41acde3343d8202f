import { z } from 'zod'
import { defineMessageKind } from '../message-kind.ts'
import { emailStyles, plainText, renderEmailHtml } from './email-layout.tsx'

/**
 * Sent when the copy of a person's data they asked for is ready. It carries only the link (which
 * needs their session to work) and the last day it works: no name, nothing from the export.
 */
export const dataExportReady = defineMessageKind({
  kind: 'data-export-ready',
  purpose: 'account',
  schema: z.strictObject({
    downloadUrl: z.url({ protocol: /^https?$/ }),
    /** The last day the link works, as people read it: "14 Dec 2026". */
    expiresOn: z.string().trim().min(1).max(20),
  }),
  email: (data, ctx) => {
    const lasts = `The link works until ${data.expiresOn}, and only when you are signed in to your account. After that the file is deleted; you can ask for a new copy at any time.`
    const notYou =
      'If you did not ask for a copy of your data, change your password and tell us through the grievance page.'
    return {
      subject: 'Your copy of your Mandi data is ready',
      text: plainText(
        'account',
        ctx,
        'Hello,',
        `The copy of your data you asked for is ready. Download it here:\n${data.downloadUrl}`,
        lasts,
        notYou,
      ),
      html: renderEmailHtml({
        ctx,
        purpose: 'account',
        preview: 'Download the copy of your data you asked for.',
        children: (
          <>
            <p>Hello,</p>
            <p>The copy of your data you asked for is ready: a ZIP file with everything we hold about you.</p>
            <p>
              <a href={data.downloadUrl} style={emailStyles.button}>
                Download your data
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
