import { eq } from 'drizzle-orm'
import type { Db } from '../../db/database.ts'
import * as accounts from '../accounts/index.ts'
import * as messaging from '../messaging/index.ts'
import { sharedContactOf } from './contact-sharing.ts'
import { enquiries, type MessageAuthor } from './enquiries.tables.ts'
import { firstName, isBlocked } from './enquiry-records.ts'
import type { EnquiryContext } from './enquiry-context.ts'
import { relayAddress } from './relay-address.ts'
import { redactContactDetails } from './reply-text.ts'

export interface ForwardInput {
  enquiryId: string
  /** Who wrote the message being forwarded; the other party receives it. */
  author: Exclude<MessageAuthor, 'system'>
  messageId: number
  body: string
}

/**
 * Queues, in the caller's transaction, an email carrying a new thread message to the other
 * party. It is sent from — and has Reply-To — the relay address *of the recipient*: the address
 * with party P is the one P writes to, so whatever arrives there was written by P (see
 * relay-inbound.ts). Neither side's real address appears in the email; the buyer's email and
 * phone reach the seller only while the buyer shares them, as `sharedContactOf` says right now.
 * Nothing is sent to a seller who marked the lead as spam or blocked the buyer; the message
 * stays in the thread.
 */
export async function forwardMessage(tx: Db, ctx: EnquiryContext, input: ForwardInput): Promise<void> {
  const [enquiry] = await tx.select().from(enquiries).where(eq(enquiries.id, input.enquiryId))
  if (!enquiry) return
  const card = await accounts.personCard(tx, enquiry.buyerUserId)
  const contact = await accounts.personContact(tx, enquiry.buyerUserId)
  const seller = await accounts.sellerContact(tx, enquiry.businessId)
  if (!card || !contact || !seller) return
  const buyer = { ...contact, name: card.name, city: card.city }

  const recipient = input.author === 'buyer' ? 'seller' : 'buyer'
  const common = {
    enquiryId: enquiry.id,
    subject: enquiry.subject.slice(0, 200),
    relayAddress: relayAddress({ enquiryId: enquiry.id, party: recipient }, ctx.relay),
  }

  if (input.author === 'seller') {
    await messaging.queueMessage(tx, {
      kind: 'enquiry-message',
      toUserId: enquiry.buyerUserId,
      to: buyer.email,
      data: {
        ...common,
        author: { party: 'seller', businessName: seller.name.slice(0, 200) },
        body: input.body,
        threadUrl: `${ctx.publicUrl}/account/enquiries/${enquiry.id}`,
      },
      idempotencyKey: `enquiry-message:${input.messageId}`,
    })
    return
  }

  if (enquiry.leadStatus === 'spam' || (await isBlocked(tx, enquiry.businessId, enquiry.buyerUserId))) return
  const shared = await sharedContactOf(tx, enquiry)
  // The buyer may have typed their own number or address; what they have not shared (or have
  // revoked) is taken out of the seller's copy. The thread keeps the original, flagged.
  const body = redactContactDetails(input.body, {
    emails: shared?.email ? [] : [buyer.email],
    phones: shared?.phone || !buyer.phone ? [] : [buyer.phone],
  })
  await messaging.queueMessage(tx, {
    kind: 'enquiry-message',
    toUserId: seller.ownerUserId,
    to: seller.businessEmail ?? seller.ownerEmail,
    data: {
      ...common,
      author: {
        party: 'buyer',
        firstName: firstName(buyer.name, 'Buyer'),
        city: cityOf(buyer.city, enquiry.deliveryCity),
      },
      body,
      threadUrl: `${ctx.publicUrl}/seller/leads/${enquiry.id}`,
      ...(shared && (shared.email || shared.phone) ? { sharedContact: shared } : {}),
    },
    idempotencyKey: `enquiry-message:${input.messageId}`,
  })
}

// The buyer is named by first name and city only, as in the enquiry notification.
function cityOf(...candidates: (string | null)[]): string {
  return (
    candidates
      .map((c) => c?.trim())
      .find(Boolean)
      ?.slice(0, 60) ?? 'India'
  )
}
