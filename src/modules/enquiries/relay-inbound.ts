import { createHash } from 'node:crypto'
import { eq } from 'drizzle-orm'
import type { ParsedMail } from 'mailparser'
import type { Db } from '../../db/database.ts'
import type { Logger } from '../../logger.ts'
import { AppError } from '../../shared/errors.ts'
import * as accounts from '../accounts/index.ts'
import * as messaging from '../messaging/index.ts'
import { postMessage } from './enquiries.ts'
import type { Party } from './enquiry-records.ts'
import { enquiries } from './enquiries.tables.ts'
import type { EnquiryContext } from './enquiry-context.ts'
import { MESSAGE_MAX } from './enquiry-schemas.ts'
import { parseRelayAddress } from './relay-address.ts'
import { extractReply, redactContactDetails } from './reply-text.ts'

export interface RelayInboundDeps {
  db: Db
  ctx: EnquiryContext
  logger: Logger
  /** Called after a message is stored, e.g. to deliver the forward now instead of at the next sweep. */
  afterStore?: (() => Promise<unknown>) | undefined
}

// Sentences sent back to the sending server in the SMTP reply; fixed, so they quote nothing.
const refusals = {
  unknown_address: ['5.1.1', 'No such mailbox here'],
  wrong_sender: [
    '5.7.1',
    'This address only accepts replies from the person it was given to; please reply on Mandi instead',
  ],
  enquiry_closed: ['5.7.1', 'This enquiry is closed to new messages; please see it on Mandi'],
  lead_is_spam: ['5.7.1', 'You marked this lead as spam; move it back to new on Mandi to reply'],
} as const

function refuse(code: keyof typeof refusals): messaging.InboundRejection {
  const [status, message] = refusals[code]
  return new messaging.InboundRejection(code, message, { status })
}

/**
 * Receives mail sent to enquiry relay addresses. The address says which enquiry and which party
 * wrote (the party=X address is the one Mandi gives only to X); the message is accepted only from
 * that party's known address, cleaned (quoted history, signature, both parties' known email and
 * phone, relay addresses), stored in the thread and forwarded to the other side by postMessage.
 * A forged address is refused at RCPT TO and a wrong sender after DATA, both permanently, so the
 * sending server bounces to its own user instead of retrying. Logs carry ids and hashes only.
 */
export function createRelayInboundHandler(deps: RelayInboundDeps): messaging.InboundMailHandler {
  const domain = deps.ctx.relay.domain.trim().toLowerCase().replace(/\.$/, '')
  return {
    name: 'enquiry-relay',
    // The whole relay domain belongs to this handler, so nothing there falls through to another.
    matches: (recipient) => domainOf(recipient) === domain,
    isDeliverable: (recipient) => parseRelayAddress(recipient, deps.ctx.relay) !== null,
    async handle(mail) {
      const address = parseRelayAddress(mail.recipient, deps.ctx.relay)
      if (!address) throw refuse('unknown_address')
      const log = {
        enquiryId: address.enquiryId,
        party: address.party,
        messageIdHash: hashOf(mail.parsed.messageId),
      }

      // Bounces and auto-replies are accepted and dropped: posting an out-of-office reply would
      // forward it to the other side, whose own auto-reply would come back, and so on.
      if (mail.envelopeFrom === null || isAutomatic(mail.parsed)) {
        deps.logger.info(log, 'relay mail ignored: automatic message')
        return
      }

      const parties = await partiesOf(deps.db, address.enquiryId)
      if (!parties) throw refuse('unknown_address')
      const sender = senderOf(mail)
      const allowed = address.party === 'buyer' ? [parties.buyer.email] : parties.seller.emails
      if (!sender || !allowed.some((known) => sameAddress(known, sender))) {
        deps.logger.info(log, 'relay mail refused: not from the party of this address')
        throw refuse('wrong_sender')
      }

      const text = cleanReply(mail.parsed.text ?? '', {
        emails: [parties.buyer.email, ...parties.seller.emails],
        phones: [parties.buyer.phone, ...parties.seller.phones].filter((p): p is string => Boolean(p)),
        relayDomain: domain,
      })
      if (!text) {
        deps.logger.info(log, 'relay mail ignored: nothing left after removing quotes and signature')
        return
      }

      const actor: Party =
        address.party === 'buyer'
          ? { party: 'buyer', userId: parties.buyer.userId }
          : { party: 'seller', userId: parties.seller.ownerUserId, businessId: parties.seller.businessId }
      try {
        const message = await postMessage(deps.db, deps.ctx, actor, address.enquiryId, text, 'email', {
          sourceMessageId: mail.parsed.messageId,
        })
        deps.logger.info({ ...log, threadMessageId: message.id }, 'relay mail stored in the thread')
        await deps
          .afterStore?.()
          .catch((error: unknown) =>
            deps.logger.warn(
              { err: { name: (error as Error)?.name } },
              'relay: could not start delivery now',
            ),
          )
      } catch (error) {
        if (
          error instanceof AppError &&
          (error.code === 'enquiry_expired' ||
            error.code === 'enquiry_closed' ||
            error.code === 'enquiry_not_found')
        ) {
          throw refuse('enquiry_closed')
        }
        if (error instanceof AppError && error.code === 'lead_is_spam') throw refuse('lead_is_spam')
        throw error
      }
    },
  }
}

/**
 * The new text of a reply, ready for the thread: quoted history and signature cut, the parties'
 * known addresses and numbers replaced, relay addresses removed (they are not anyone's contact
 * details, but would make the message look like it carries some) and the length bounded.
 */
export function cleanReply(
  raw: string,
  known: { emails: readonly string[]; phones: readonly string[]; relayDomain: string },
): string {
  const reply = redactContactDetails(extractReply(raw), known)
  const relayAddresses = new RegExp(String.raw`<?[^\s<>@"']+@${escapeRegExp(known.relayDomain)}>?`, 'gi')
  const text = reply
    .replace(relayAddresses, '')
    .replace(/[ \t]+$/gm, '')
    .trim()
  return text.length > MESSAGE_MAX ? `${text.slice(0, MESSAGE_MAX - 1).trimEnd()}…` : text
}

async function partiesOf(db: Db, enquiryId: string) {
  const [enquiry] = await db
    .select({ buyerUserId: enquiries.buyerUserId, businessId: enquiries.businessId })
    .from(enquiries)
    .where(eq(enquiries.id, enquiryId))
  if (!enquiry) return null
  const buyer = await accounts.personContact(db, enquiry.buyerUserId)
  const seller = await accounts.sellerContact(db, enquiry.businessId)
  if (!buyer || !seller) return null
  return {
    buyer: { userId: enquiry.buyerUserId, email: buyer.email, phone: buyer.phone },
    seller: {
      businessId: enquiry.businessId,
      ownerUserId: seller.ownerUserId,
      emails: [seller.businessEmail, seller.ownerEmail].filter((e): e is string => Boolean(e)),
      phones: [seller.businessPhone, seller.ownerPhone],
    },
  }
}

/** The author's address: the From header's first address, or the envelope sender without one. */
function senderOf(mail: messaging.InboundMail): string | null {
  return mail.parsed.from?.value[0]?.address || mail.envelopeFrom || null
}

function sameAddress(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase()
}

// RFC 3834 Auto-Submitted, plus the older headers vacation responders and lists still use.
function isAutomatic(parsed: ParsedMail): boolean {
  const header = (name: string): string | undefined => {
    const value = parsed.headers.get(name)
    if (value === undefined) return undefined
    // mailparser gives some headers as { value, params }.
    const text = typeof value === 'object' && value !== null && 'value' in value ? value.value : value
    return String(text).trim().toLowerCase()
  }
  const autoSubmitted = header('auto-submitted')
  if (autoSubmitted !== undefined && autoSubmitted !== 'no') return true
  if (['bulk', 'junk', 'list', 'auto_reply'].includes(header('precedence') ?? '')) return true
  return ['x-autoreply', 'x-autorespond', 'list-id'].some((name) => header(name) !== undefined)
}

function domainOf(address: string): string {
  return address.slice(address.lastIndexOf('@') + 1).toLowerCase()
}

function hashOf(value: string | undefined): string | null {
  return value ? createHash('sha256').update(value).digest('hex').slice(0, 16) : null
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
