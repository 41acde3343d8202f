import { z } from 'zod'
import { defineMessageKind } from '../message-kind.ts'
import { emailStyles, oneLine, plainText, renderEmailHtml } from './email-layout.tsx'

// The author is named the way the other side may know them: a buyer by first name and city, a
// seller by business name. There is deliberately no field for a real address or number except
// `sharedContact`, which the schema accepts only on a buyer's message (so only sellers get it).
const author = z.discriminatedUnion('party', [
  z.strictObject({
    party: z.literal('buyer'),
    firstName: z
      .string()
      .trim()
      .min(1)
      .max(40)
      .regex(/^[^\s@]+$/, 'first name only'),
    city: z.string().trim().min(1).max(60),
  }),
  z.strictObject({
    party: z.literal('seller'),
    businessName: z.string().trim().min(1).max(200),
  }),
])

const sharedContact = z
  .strictObject({
    email: z.email().nullable(),
    phone: z.string().trim().min(6).max(20).nullable(),
  })
  .refine((c) => c.email !== null || c.phone !== null, 'an empty contact block is left out instead')

/**
 * One message of an enquiry thread, emailed to the other party from the enquiry's relay address
 * for the recipient: their reply goes back to that address, through the relay, into the thread.
 */
export const enquiryMessage = defineMessageKind({
  kind: 'enquiry-message',
  purpose: 'enquiries',
  schema: z
    .strictObject({
      enquiryId: z.uuid(),
      author,
      /** The enquiry's subject (usually the product title). */
      subject: z.string().trim().min(1).max(200),
      /** The message, already cleaned by the relay; kept as plain text. */
      body: z.string().trim().min(1).max(10_000),
      /** The thread on the site, on the recipient's side. */
      threadUrl: z.url({ protocol: /^https?$/ }),
      /** The relay address the recipient writes to: the From and Reply-To of this email. */
      relayAddress: z.email(),
      /** The buyer's contact details as currently shared; only on a buyer's message to the seller. */
      sharedContact: sharedContact.optional(),
    })
    .refine((d) => d.sharedContact === undefined || d.author.party === 'buyer', {
      message: 'only a seller receives the buyer’s shared contact details',
      path: ['sharedContact'],
    }),
  email: (data, ctx) => {
    const who =
      data.author.party === 'buyer'
        ? `${data.author.firstName} from ${data.author.city}`
        : data.author.businessName
    const whoShort = data.author.party === 'buyer' ? data.author.firstName : data.author.businessName
    const relay = { name: oneLine(`${who} via Mandi`, 120), address: data.relayAddress }
    const intro = `${who} wrote about “${oneLine(data.subject, 120)}”:`
    // A reply by email reaches the thread only while the inbound receiver runs; without it, the
    // mail must not invite one (it would bounce), and the way to answer is the link.
    const byEmail = ctx.repliesByEmail === true
    const howToReply = byEmail
      ? `Reply to this email to answer ${whoShort}: your reply goes through Mandi, and neither side sees the other’s email address. Quoted text and your signature are removed before it is passed on.`
      : `Replies to this email are not received: answer ${whoShort} on Mandi, where neither side sees the other’s email address.`
    const onSite = byEmail
      ? `Or see the whole conversation on Mandi: ${data.threadUrl}`
      : `Reply on Mandi: ${data.threadUrl}`
    const contact = data.sharedContact
    const contactLines = contact
      ? [
          `${whoShort} shared their contact details with you:`,
          ...(contact.email ? [`Email: ${contact.email}`] : []),
          ...(contact.phone ? [`Phone: ${contact.phone}`] : []),
        ]
      : []
    const domain = data.relayAddress.slice(data.relayAddress.lastIndexOf('@') + 1)
    return {
      subject: `Re: ${oneLine(data.subject, 90)}`,
      from: relay,
      replyTo: relay,
      // A stable root id per enquiry: every message of the thread refers to it, so mail clients
      // group the conversation even though the root itself was never sent.
      references: [`<enquiry-${data.enquiryId}@${domain}>`],
      text: plainText(
        'enquiries',
        ctx,
        intro,
        data.body,
        ...(contactLines.length ? [contactLines.join('\n')] : []),
        ...(byEmail ? [howToReply, onSite] : [onSite, howToReply]),
      ),
      html: renderEmailHtml({
        ctx,
        purpose: 'enquiries',
        preview: oneLine(data.body, 120),
        children: (
          <>
            <p>
              <strong>{who}</strong> wrote about “{data.subject}”:
            </p>
            <div
              style={{
                whiteSpace: 'pre-wrap',
                borderLeft: '3px solid #d0d7de',
                padding: '4px 0 4px 12px',
                margin: '0 0 16px',
              }}
            >
              {data.body}
            </div>
            {contact ? (
              <div
                style={{ background: '#f3f5f8', borderRadius: '6px', padding: '12px', margin: '0 0 16px' }}
              >
                <p style={{ margin: '0 0 4px' }}>{whoShort} shared their contact details with you:</p>
                {contact.email ? <p style={{ margin: 0 }}>Email: {contact.email}</p> : null}
                {contact.phone ? <p style={{ margin: 0 }}>Phone: {contact.phone}</p> : null}
              </div>
            ) : null}
            <p>
              <a href={data.threadUrl} style={emailStyles.button}>
                {byEmail ? 'See the conversation on Mandi' : 'Reply on Mandi'}
              </a>
            </p>
            <p style={emailStyles.muted}>{howToReply}</p>
          </>
        ),
      }),
    }
  },
})
