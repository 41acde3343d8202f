import { z } from 'zod'
import { defineMessageKind } from '../message-kind.ts'
import { emailStyles, oneLine, plainText, renderEmailHtml } from './email-layout.tsx'

// The grievance officer's mails: the automatic receipt sent the moment a ticket is raised, the
// officer's acknowledgement, replies and decision, and the note telling a nominee they were named.
// All go out under 'legal_obligation': the law requires the grievance process and the nominee.

const when = new Intl.DateTimeFormat('en-IN', {
  timeZone: 'Asia/Kolkata',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
  hour12: true,
})

/** "9 Dec 2026, 3:45 pm IST". */
function atIst(iso: string): string {
  return `${when.format(new Date(iso)).replace(/\s?(am|pm)$/i, (m) => ` ${m.trim().toLowerCase()}`)} IST`
}

const reference = z.string().regex(/^GRV-[0-9A-F]{8}$/)
const url = z.url({ protocol: /^https?$/ })

/** The receipt: sent at once when a grievance is raised, with its reference and deadlines. */
export const grievanceReceived = defineMessageKind({
  kind: 'grievance-received',
  purpose: 'legal_obligation',
  schema: z.strictObject({
    name: z.string().trim().min(1).max(120).nullable(),
    reference,
    category: z.string().trim().min(1).max(80),
    subject: z.string().trim().min(1).max(200),
    acknowledgeBy: z.iso.datetime(),
    resolveBy: z.iso.datetime(),
    /** The ticket page for someone with an account; null for someone who wrote without one. */
    ticketUrl: url.nullable(),
  }),
  email: (data, ctx) => {
    const greeting = data.name ? `Hello ${data.name},` : 'Hello,'
    const received = `We have received your grievance “${data.subject}” (${data.category}). Its reference is ${data.reference}; please quote it when you write to us about it.`
    const ack = `The grievance officer will acknowledge it by ${atIst(data.acknowledgeBy)}.`
    const resolve = `You will have our decision by ${atIst(data.resolveBy)}. If we need longer because the matter depends on someone else, we will tell you why before then.`
    const follow = data.ticketUrl
      ? `Follow it, reply, or reopen it once resolved: ${data.ticketUrl}`
      : 'We will write to this address with every update. To add something, write to the grievance officer quoting the reference.'
    return {
      subject: `We received your grievance ${data.reference}: ${oneLine(data.subject, 60)}`,
      text: plainText('legal_obligation', ctx, greeting, received, ack, resolve, follow),
      html: renderEmailHtml({
        ctx,
        purpose: 'legal_obligation',
        preview: `Reference ${data.reference}. Acknowledged by ${atIst(data.acknowledgeBy)}.`,
        children: (
          <>
            <p>{greeting}</p>
            <p>{received}</p>
            <ul>
              <li>
                <strong>Acknowledgement</strong> by the grievance officer: by {atIst(data.acknowledgeBy)}.
              </li>
              <li>
                <strong>Decision</strong>: by {atIst(data.resolveBy)}.
              </li>
            </ul>
            <p style={emailStyles.muted}>
              If we need longer because the matter depends on someone else, we will tell you why before then.
            </p>
            {data.ticketUrl ? (
              <p>
                <a href={data.ticketUrl} style={emailStyles.button}>
                  Follow your grievance
                </a>
              </p>
            ) : (
              <p>{follow}</p>
            )}
          </>
        ),
      }),
    }
  },
})

const updateWords = {
  acknowledged: {
    subject: 'acknowledged',
    lead: 'The grievance officer has read your grievance and is working on it.',
  },
  reply: { subject: 'a reply', lead: 'The grievance officer has replied to your grievance.' },
  resolved: {
    subject: 'resolved',
    lead: 'The grievance officer has decided on your grievance.',
  },
} as const

/** The officer acknowledged, replied or resolved: the person's copy, with the officer's words. */
export const grievanceUpdate = defineMessageKind({
  kind: 'grievance-update',
  purpose: 'legal_obligation',
  schema: z.strictObject({
    name: z.string().trim().min(1).max(120).nullable(),
    reference,
    subject: z.string().trim().min(1).max(200),
    update: z.enum(['acknowledged', 'reply', 'resolved']),
    body: z.string().trim().max(5000).nullable(),
    resolveBy: z.iso.datetime().nullable(),
    ticketUrl: url.nullable(),
  }),
  email: (data, ctx) => {
    const words = updateWords[data.update]
    const greeting = data.name ? `Hello ${data.name},` : 'Hello,'
    const about = `${words.lead} (${data.reference}: “${data.subject}”)`
    const deadline =
      data.update === 'acknowledged' && data.resolveBy
        ? `You will have our decision by ${atIst(data.resolveBy)}.`
        : null
    const after =
      data.update === 'resolved'
        ? data.ticketUrl
          ? `If this does not settle the matter, reopen it: ${data.ticketUrl}. You can also take a complaint about your personal data to the Data Protection Board of India.`
          : 'If this does not settle the matter, write to the grievance officer quoting the reference. You can also take a complaint about your personal data to the Data Protection Board of India.'
        : data.ticketUrl
          ? `See the whole history and reply: ${data.ticketUrl}`
          : 'To answer, write to the grievance officer quoting the reference.'
    return {
      subject: `Your grievance ${data.reference}: ${words.subject}`,
      text: plainText(
        'legal_obligation',
        ctx,
        greeting,
        about,
        ...(data.body ? [`“${data.body}”`] : []),
        ...(deadline ? [deadline] : []),
        after,
      ),
      html: renderEmailHtml({
        ctx,
        purpose: 'legal_obligation',
        preview: about,
        children: (
          <>
            <p>{greeting}</p>
            <p>{about}</p>
            {data.body ? <blockquote style={{ whiteSpace: 'pre-wrap' }}>{data.body}</blockquote> : null}
            {deadline ? <p>{deadline}</p> : null}
            <p style={emailStyles.muted}>{after}</p>
          </>
        ),
      }),
    }
  },
})

/**
 * Tells someone that a Mandi user named them as nominee. It carries the user's name and the
 * relationship they gave, and nothing else of theirs (a disclosure the ledger records).
 */
export const nomineeNamed = defineMessageKind({
  kind: 'nominee-named',
  purpose: 'legal_obligation',
  schema: z.strictObject({
    nomineeName: z.string().trim().min(1).max(120),
    personName: z.string().trim().min(1).max(120),
    relationship: z.string().trim().min(1).max(60),
    grievanceUrl: url,
  }),
  email: (data, ctx) => {
    const named = `${data.personName} has named you as their nominee on Mandi (as their ${data.relationship.toLowerCase()}).`
    const means =
      'This means that if they die, or can no longer act for themselves, you may use their rights over their personal data for them: see what we hold, have it corrected or erased, and complain about how it is handled (Digital Personal Data Protection Act 2023, section 14).'
    const act = `You need do nothing now. When the time comes, write to our grievance officer at ${data.grievanceUrl}, choose “I am a nominee acting for someone”, and use this email address so we can match you to the nomination. We will ask for proof (for example a death certificate or a medical certificate) before acting.`
    const notYou =
      'If you do not know this person, you can ignore this email; we will not write again about it.'
    return {
      subject: `${oneLine(data.personName, 60)} named you as their nominee on Mandi`,
      text: plainText('legal_obligation', ctx, `Hello ${data.nomineeName},`, named, means, act, notYou),
      html: renderEmailHtml({
        ctx,
        purpose: 'legal_obligation',
        preview: named,
        children: (
          <>
            <p>Hello {data.nomineeName},</p>
            <p>{named}</p>
            <p>{means}</p>
            <p>
              You need do nothing now. When the time comes, write to our grievance officer, choose{' '}
              <strong>“I am a nominee acting for someone”</strong>, and use this email address so we can match
              you to the nomination. We will ask for proof (for example a death certificate or a medical
              certificate) before acting.
            </p>
            <p>
              <a href={data.grievanceUrl} style={emailStyles.button}>
                The grievance officer
              </a>
            </p>
            <p style={emailStyles.muted}>{notYou}</p>
          </>
        ),
      }),
    }
  },
})
