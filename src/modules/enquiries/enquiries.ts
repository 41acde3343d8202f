import { createHash } from 'node:crypto'
import { and, eq } from 'drizzle-orm'
import type { Db } from '../../db/database.ts'
import { AppError, forbidden, invalid, notFound } from '../../shared/errors.ts'
import { parseInput } from '../../shared/validation.ts'
import * as accounts from '../accounts/index.ts'
import * as catalog from '../catalog/index.ts'
import * as messaging from '../messaging/index.ts'
import * as privacy from '../privacy/index.ts'
import { hasContactDetails } from './contact-detection.ts'
import { enquiries, enquiryMessages } from './enquiries.tables.ts'
import { type EnquiryContext, nowOf } from './enquiry-context.ts'
import { assertWithinEnquiryLimits } from './enquiry-limits.ts'
import { type EnquiryRow, findForParty, firstName, isBlocked, type Party } from './enquiry-records.ts'
import { EnquiryInput, messageBody } from './enquiry-schemas.ts'
import type { MatchReason } from './matchmaking.ts'
import { enquiryToSellerPath, requirementToSellerPath } from './outbound-paths.ts'
import { recordInterest } from './recommendations.ts'
import { recomputeResponsiveness } from './responsiveness-store.ts'
import { forwardMessage } from './relay-forward.ts'

// An enquiry is one conversation between one buyer and one seller's business. Every function takes
// the acting party and looks the enquiry up *within* what that party may see, so another seller's
// lead is "not found", never "forbidden".

/** The fields a new lead needs, whether it comes from an enquiry or a matched buy requirement. */
export interface NewLead {
  buyerUserId: string
  businessId: number
  productId?: number | null
  requirementId?: string | null
  subject: string
  quantity: number
  unit: string
  message: string
  requiredBy?: string | null
  deliveryCity?: string | null
  matchScore?: number | null
  matchReasons?: MatchReason[] | null
}

/**
 * Sends a buyer's enquiry to a seller: checks the buyer's profile, limits and blocks, stores the
 * lead and queues the seller's email and SMS in the same transaction. Throws forbidden
 * ('profile_incomplete' | 'own_business' | 'buyer_blocked'), not_found('product_not_found' |
 * 'seller_not_found'), rate_limited('enquiry_limit') or invalid.
 */
export async function createEnquiry(db: Db, ctx: EnquiryContext, buyerUserId: string, input: unknown) {
  const data = parseInput(EnquiryInput, input)
  const now = nowOf(ctx)
  if (data.requiredBy && Date.parse(`${data.requiredBy}T23:59:59Z`) < now.getTime()) {
    throw invalid('invalid_required_by', 'The date you need the goods by has already passed.', {
      requiredBy: 'Choose today or a later date.',
    })
  }
  await assertCanEnquire(db, buyerUserId, 'send_enquiry')

  let target: { businessId: number; subject: string; productId: number | null }
  if (data.productId !== undefined) {
    const product = (await catalog.productSummaries(db, [data.productId])).get(data.productId)
    if (!product?.published) throw notFound('product_not_found', 'That product is not on Mandi any more.')
    target = { businessId: product.businessId, subject: product.title, productId: product.id }
  } else {
    const seller = await accounts.businessCard(db, data.sellerId!)
    if (!seller) throw notFound('seller_not_found', 'That seller is not on Mandi.')
    target = { businessId: seller.id, subject: `Enquiry for ${seller.name}`, productId: null }
  }

  await assertWithinEnquiryLimits(db, buyerUserId, 'enquiry', now)
  const created = await db.transaction(async (tx) => {
    // Decided again under the buyer's row lock, so parallel sends cannot pass the cap together.
    await assertWithinEnquiryLimits(tx, buyerUserId, 'enquiry', now)
    const lead = await openLead(tx, ctx, {
      buyerUserId,
      businessId: target.businessId,
      productId: target.productId,
      subject: target.subject,
      quantity: data.quantity,
      unit: data.unit,
      message: data.message,
      requiredBy: data.requiredBy ?? null,
      deliveryCity: data.deliveryCity ?? null,
    })
    return { id: lead.id, status: lead.status }
  })
  // Kept only with the buyer's consent to personalisation; recordInterest checks it.
  await recordInterest(
    db,
    buyerUserId,
    { kind: 'enquiry', productId: target.productId, businessId: target.businessId },
    now,
  )
  return created
}

/** What an enquiry is about, as the enquiry form shows it before sending. */
export interface EnquiryTarget {
  productId: number | null
  productSlug: string | null
  sellerId: number
  sellerName: string
  sellerSlug: string
  sellerCity: string
  subject: string
  /** The product's unit, or null for an enquiry to a seller in general. */
  unit: string | null
  moq: number | null
}

/**
 * The product (published) or seller an enquiry form is for, with what the form shows. Throws
 * not_found('product_not_found' | 'seller_not_found') like createEnquiry.
 */
export async function findEnquiryTarget(
  db: Db,
  target: { productId?: number; sellerId?: number },
): Promise<EnquiryTarget> {
  if (target.productId !== undefined) {
    const product = (await catalog.productSummaries(db, [target.productId])).get(target.productId)
    const seller = product?.published ? await accounts.businessCard(db, product.businessId) : null
    if (!product || !seller) throw notFound('product_not_found', 'That product is not on Mandi any more.')
    return {
      productId: product.id,
      productSlug: product.slug,
      sellerId: seller.id,
      sellerName: seller.name,
      sellerSlug: seller.slug,
      sellerCity: seller.city,
      subject: product.title,
      unit: product.unit,
      moq: product.moq,
    }
  }
  const seller = await accounts.businessCard(db, target.sellerId ?? 0)
  if (!seller) throw notFound('seller_not_found', 'That seller is not on Mandi.')
  return {
    sellerId: seller.id,
    sellerName: seller.name,
    sellerSlug: seller.slug,
    sellerCity: seller.city,
    productId: null,
    productSlug: null,
    subject: `Enquiry for ${seller.name}`,
    unit: null,
    moq: null,
  }
}

/** Throws forbidden('profile_incomplete') with what to complete; used by enquiries and requirements. */
export async function assertCanEnquire(
  db: Db,
  userId: string,
  capability: 'send_enquiry' | 'post_requirement',
) {
  const person = await accounts.profileFactsOf(db, userId)
  if (!person) throw notFound('user_not_found', 'Your account could not be found. Please sign in again.')
  accounts.assertCapability(person, capability)
}

/**
 * Stores a new lead for one seller, queues their notification and writes the buyer's disclosure
 * ledger (their name, company, city and need now reach this seller), all in the caller's
 * transaction. Refuses the buyer's own business and a seller who blocked the buyer. A channel that
 * cannot reach the seller (an SMS to a landline) never refuses the lead: the outbox records it as
 * skipped, the email still goes, and the seller's lead list asks them for a mobile number.
 */
export async function openLead(tx: Db, ctx: EnquiryContext, lead: NewLead): Promise<EnquiryRow> {
  const seller = await accounts.sellerContact(tx, lead.businessId)
  if (!seller) throw notFound('seller_not_found', 'That seller is not on Mandi.')
  if (seller.ownerUserId === lead.buyerUserId) {
    throw forbidden('own_business', 'This is your own business, so you cannot send it an enquiry.')
  }
  if (await isBlocked(tx, lead.businessId, lead.buyerUserId)) {
    throw forbidden('buyer_blocked', 'This seller is not accepting enquiries from your account.')
  }
  const now = nowOf(ctx)
  const [row] = await tx
    .insert(enquiries)
    .values({
      buyerUserId: lead.buyerUserId,
      businessId: lead.businessId,
      productId: lead.productId ?? null,
      requirementId: lead.requirementId ?? null,
      subject: lead.subject,
      quantity: lead.quantity,
      unit: lead.unit,
      message: lead.message,
      requiredBy: lead.requiredBy ?? null,
      deliveryCity: lead.deliveryCity ?? null,
      matchScore: lead.matchScore ?? null,
      matchReasons: lead.matchReasons ?? null,
      lastMessageAt: now,
      buyerReadAt: now,
      createdAt: now,
      updatedAt: now,
    })
    .returning()
  const enquiry = row!

  const buyer = await accounts.personCard(tx, lead.buyerUserId)
  await messaging.queueMessage(tx, {
    kind: 'enquiry-received',
    toUserId: seller.ownerUserId,
    to: { email: seller.businessEmail ?? seller.ownerEmail, phone: seller.ownerPhone },
    data: {
      buyerFirstName: firstName(buyer?.name ?? 'A buyer', 'A buyer'),
      buyerCity: buyer?.city ?? lead.deliveryCity ?? 'India',
      productTitle: lead.subject.slice(0, 200),
      quantity: lead.quantity,
      unit: lead.unit,
      enquiryUrl: `${ctx.publicUrl}/seller/leads/${enquiry.id}`,
    },
    idempotencyKey: `enquiry-received:${enquiry.id}`,
  })
  await privacy.recordOutbound(tx, lead.requirementId ? requirementToSellerPath : enquiryToSellerPath, {
    subjectUserId: lead.buyerUserId,
    recipient: `${seller.name} (seller)`,
    reference: `enquiry:${enquiry.id}`,
  })
  return enquiry
}

/**
 * Adds a message to the thread from one party (typed on the site or arrived through the relay)
 * and forwards it to the other party. A message with an email or phone number while the buyer's
 * details are not shared is kept but flagged. A seller's first message counts as the first reply.
 */
export async function postMessage(
  db: Db,
  ctx: EnquiryContext,
  actor: Party,
  enquiryId: string,
  body: unknown,
  via: 'web' | 'email' = 'web',
  options: { sourceMessageId?: string | undefined } = {},
) {
  const text = parseInput(messageBody, body, 'invalid_message')
  const sourceHash = options.sourceMessageId
    ? createHash('sha256').update(options.sourceMessageId).digest('hex')
    : null
  return db.transaction(async (tx) => {
    const enquiry = await findForParty(tx, actor, enquiryId, { lock: true })
    if (sourceHash) {
      // A sending server that retries after a temporary refusal delivers the same message again.
      const [seen] = await tx
        .select()
        .from(enquiryMessages)
        .where(and(eq(enquiryMessages.enquiryId, enquiry.id), eq(enquiryMessages.sourceHash, sourceHash)))
      if (seen) return seen
    }
    if (enquiry.status === 'expired') {
      throw new AppError(
        'conflict',
        'enquiry_expired',
        'This enquiry has expired. Please send a new enquiry instead.',
      )
    }
    if (enquiry.status === 'closed') {
      throw new AppError(
        'conflict',
        'enquiry_closed',
        actor.party === 'buyer'
          ? 'You closed this enquiry. Reopen it to write to the seller again.'
          : 'The buyer closed this enquiry, so it takes no more messages.',
      )
    }
    if (actor.party === 'seller' && enquiry.leadStatus === 'spam') {
      throw new AppError(
        'conflict',
        'lead_is_spam',
        'You marked this lead as spam. Move it back to new to reply.',
      )
    }
    const now = nowOf(ctx)
    const flagged = enquiry.contactSharedAt === null && hasContactDetails(text)
    const [message] = await tx
      .insert(enquiryMessages)
      .values({
        enquiryId: enquiry.id,
        author: actor.party,
        authorUserId: actor.userId,
        body: text,
        via,
        flaggedContact: flagged,
        sourceHash,
        createdAt: now,
      })
      .returning()
    const firstReply = actor.party === 'seller' && enquiry.firstReplyAt === null
    await tx
      .update(enquiries)
      .set({
        lastMessageAt: now,
        updatedAt: now,
        ...(actor.party === 'seller' ? { sellerReadAt: now } : { buyerReadAt: now }),
        ...(firstReply ? { firstReplyAt: now } : {}),
        ...(actor.party === 'seller' && enquiry.leadStatus === 'new'
          ? { leadStatus: 'contacted' as const }
          : {}),
      })
      .where(eq(enquiries.id, enquiry.id))
    await forwardMessage(tx, ctx, {
      enquiryId: enquiry.id,
      author: actor.party,
      messageId: message!.id,
      body: text,
    })
    if (firstReply) await recomputeResponsiveness(tx, enquiry.businessId, now)
    return message!
  })
}
