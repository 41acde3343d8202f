import { z } from 'zod'
import { formatDate } from '../../../shared/format.ts'
import { defineMessageKind } from '../message-kind.ts'
import { emailStyles, plainText, renderEmailHtml } from './email-layout.tsx'

// The last message to an erased account: sent to the address the account had, which is stored in
// the outbox row itself because the account's own address is gone by the time it is sent. It says
// what was erased and what the law made us keep, by description only: no values.

const line = z.string().trim().min(1).max(300)

export const accountErased = defineMessageKind({
  kind: 'account-erased',
  purpose: 'legal_obligation',
  schema: z.strictObject({
    /** The code the kept records now carry instead of the account. */
    reference: z.string().trim().min(1).max(60),
    at: z.iso.datetime({ offset: true }),
    /** What was erased or replaced, one description each. */
    erased: z.array(line).max(200),
    /** What was kept, why, and until when. */
    held: z.array(z.strictObject({ what: line, why: line, until: line })).max(100),
  }),
  email: (data, ctx) => {
    const when = formatDate(new Date(data.at))
    const intro = `Your Mandi account was erased on ${when}, as you asked. You have been signed out everywhere, and the email address can be used to register again.`
    const heldIntro =
      data.held.length === 0
        ? 'Nothing had to be kept.'
        : 'The law makes us keep these records for a while. They are no longer linked to your account, only to the reference above, and are deleted when the time runs out:'
    const heldLines = data.held.map((h) => `- ${h.what}: ${h.why}. Kept until: ${h.until}`)
    return {
      subject: 'Your Mandi account has been erased',
      text: plainText(
        'legal_obligation',
        ctx,
        intro,
        `Reference: ${data.reference}`,
        `What we erased:\n${data.erased.map((e) => `- ${e}`).join('\n')}`,
        `${heldIntro}${heldLines.length > 0 ? `\n${heldLines.join('\n')}` : ''}`,
        `If you have a question or a complaint, write to our grievance officer: ${ctx.publicUrl}/grievance (quote the reference).`,
      ),
      html: renderEmailHtml({
        ctx,
        purpose: 'legal_obligation',
        preview: intro,
        children: (
          <>
            <p>{intro}</p>
            <p>
              Reference: <strong>{data.reference}</strong>
            </p>
            <h2 style={{ fontSize: '16px' }}>What we erased</h2>
            <ul>
              {data.erased.map((e) => (
                <li key={e}>{e}</li>
              ))}
            </ul>
            <h2 style={{ fontSize: '16px' }}>What we had to keep</h2>
            <p>{heldIntro}</p>
            {data.held.length > 0 ? (
              <ul>
                {data.held.map((h) => (
                  <li key={h.what}>
                    {h.what}: {h.why}. Kept until: {h.until}
                  </li>
                ))}
              </ul>
            ) : null}
            <p style={emailStyles.muted}>
              A question or a complaint? Write to{' '}
              <a href={`${ctx.publicUrl}/grievance`}>our grievance officer</a> and quote the reference.
            </p>
          </>
        ),
      }),
    }
  },
})
