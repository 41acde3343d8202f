import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { and, eq } from 'drizzle-orm'
import * as messaging from '#src/modules/messaging/index.ts'
import { buildEnquiry, buildSeller, testEnquiryContext } from '#test/enquiry-factories.ts'
import { testDatabaseKind, useTestDb } from '#test/setup.ts'
import { revokeContact, shareContact } from './contact-sharing.ts'
import { postMessage } from './enquiries.ts'
import { enquiries } from './enquiries.tables.ts'
import { parseRelayAddress, relayAddress } from './relay-address.ts'
import { forwardMessage } from './relay-forward.ts'
import { outboxMessages as outboxMessagesTable } from '#src/modules/messaging/messaging.tables.ts'

const ctx = testEnquiryContext()
const renderContext = { publicUrl: ctx.publicUrl, operatorName: 'Mandi Test', dltTemplateIds: {} }

describe(`forwarding thread messages through the relay (${testDatabaseKind})`, () => {
  const t = useTestDb()

  async function forwardsOf(enquiryId: string) {
    const rows = await t.db
      .select()
      .from(outboxMessagesTable)
      .where(eq(outboxMessagesTable.kind, 'enquiry-message'))
    return rows.filter((r) => (r.data as { enquiryId?: string }).enquiryId === enquiryId)
  }

  function rendered(row: { kind: string; data: unknown }) {
    const message = messaging.renderMessage(row.kind, 'email', row.data, renderContext)
    assert.equal(message.channel, 'email')
    return message.content as messaging.EmailContent
  }

  /** Everything of the email that reaches the recipient, as one string to search. */
  function wholeEmail(row: { toAddress: string; kind: string; data: unknown }) {
    const content = rendered(row)
    return JSON.stringify({ ...content, data: row.data })
  }

  it('gives the seller the buyer’s message without the buyer’s email or phone before sharing', async () => {
    const { enquiry, buyer, seller } = await buildEnquiry(t.db)
    const message = await postMessage(
      t.db,
      ctx,
      { party: 'buyer', userId: buyer.id },
      enquiry.id,
      `Please quote by Friday. Call me on 98123 45678 or write to ${buyer.email.toUpperCase()}.`,
    )
    const [row, ...others] = await forwardsOf(enquiry.id)
    assert.equal(others.length, 0)
    assert.equal(row!.toAddress, seller.business.email)
    assert.equal(row!.recipientUserId, seller.owner.id)
    assert.equal(row!.purpose, 'enquiries')
    assert.equal(row!.idempotencyKey, `enquiry-message:${message.id}`)

    const content = rendered(row!)
    const sellerSide = relayAddress({ enquiryId: enquiry.id, party: 'seller' }, ctx.relay)
    assert.deepEqual(content.from, { name: 'Ravi from Pune via Mandi', address: sellerSide })
    assert.deepEqual(content.replyTo, content.from)
    assert.deepEqual(parseRelayAddress(content.from!.address, ctx.relay), {
      enquiryId: enquiry.id,
      party: 'seller',
    })
    assert.match(content.text, /Please quote by Friday\. Call me on \[contact details removed\]/)
    assert.match(content.text, new RegExp(`${ctx.publicUrl}/seller/leads/${enquiry.id}`))

    const all = wholeEmail(row!)
    assert.doesNotMatch(all, /ravi\.kumar/i)
    assert.doesNotMatch(all, /buyer-mail/i)
    assert.doesNotMatch(all, /9812345678|98123 45678/)
    assert.doesNotMatch(all, /Kumar/)
  })

  it('adds the buyer’s contact details while they share them, and drops them after revocation', async () => {
    const { enquiry, buyer } = await buildEnquiry(t.db)
    const asBuyer = { party: 'buyer', userId: buyer.id } as const
    await shareContact(t.db, ctx, buyer.id, enquiry.id)
    await postMessage(t.db, ctx, asBuyer, enquiry.id, 'Shared my details, please call after 4 pm.')
    await revokeContact(t.db, ctx, buyer.id, enquiry.id)
    await postMessage(t.db, ctx, asBuyer, enquiry.id, 'On second thought, let us keep talking here.')

    const [whileShared, afterRevocation] = await forwardsOf(enquiry.id)
    assert.deepEqual((whileShared!.data as { sharedContact?: unknown }).sharedContact, {
      email: buyer.email,
      phone: buyer.phone,
    })
    const shared = rendered(whileShared!)
    assert.match(shared.text, /Ravi shared their contact details with you:/)
    assert.ok(shared.text.includes(`Email: ${buyer.email}`))
    assert.ok(shared.text.includes(`Phone: ${buyer.phone}`))
    // Still sent from the relay: sharing reveals the details in the body, never in the headers.
    assert.equal(parseRelayAddress(shared.from!.address, ctx.relay)?.party, 'seller')

    assert.equal((afterRevocation!.data as { sharedContact?: unknown }).sharedContact, undefined)
    const all = wholeEmail(afterRevocation!)
    assert.doesNotMatch(all, /buyer-mail|9812345678/)
    assert.doesNotMatch(all, /shared their contact details/)
  })

  it('shares only the fields the buyer shared', async () => {
    const { enquiry, buyer } = await buildEnquiry(t.db)
    await shareContact(t.db, ctx, buyer.id, enquiry.id, ['phone'])
    await postMessage(
      t.db,
      ctx,
      { party: 'buyer', userId: buyer.id },
      enquiry.id,
      `Mail me at ${buyer.email}`,
    )
    const [row] = await forwardsOf(enquiry.id)
    assert.deepEqual((row!.data as { sharedContact?: unknown }).sharedContact, {
      email: null,
      phone: buyer.phone,
    })
    const content = rendered(row!)
    assert.match(content.text, /Mail me at \[contact details removed\]/)
    assert.doesNotMatch(content.text, /buyer-mail/)
  })

  it('gives the buyer the seller’s message from the buyer’s relay address, naming the business only', async () => {
    const { enquiry, buyer, seller } = await buildEnquiry(t.db)
    const message = await postMessage(
      t.db,
      ctx,
      { party: 'seller', userId: seller.owner.id, businessId: seller.business.id },
      enquiry.id,
      'We can supply 25 pumps at ₹7,850 each, delivered in 10 days.',
    )
    const [row] = await forwardsOf(enquiry.id)
    assert.equal(row!.toAddress, buyer.email)
    assert.equal(row!.recipientUserId, buyer.id)
    assert.equal(row!.idempotencyKey, `enquiry-message:${message.id}`)
    const content = rendered(row!)
    assert.deepEqual(content.from, {
      name: 'Kovai Pumps via Mandi',
      address: relayAddress({ enquiryId: enquiry.id, party: 'buyer' }, ctx.relay),
    })
    assert.match(content.text, new RegExp(`${ctx.publicUrl}/account/enquiries/${enquiry.id}`))
    const all = wholeEmail(row!)
    assert.doesNotMatch(all, /kovai-pumps\.example|owner-mail|meena|9443012345|2222345678/i)
  })

  it('writes to the owner’s account email when the business has no email of its own', async () => {
    const seller = await buildSeller(t.db, { businessEmail: null })
    const { enquiry, buyer } = await buildEnquiry(t.db, { seller })
    await postMessage(
      t.db,
      ctx,
      { party: 'buyer', userId: buyer.id },
      enquiry.id,
      'Is the 2 HP model in stock?',
    )
    const [row] = await forwardsOf(enquiry.id)
    assert.equal(row!.toAddress, seller.owner.email)
  })

  it('queues one email per message however often it is forwarded, and none to a seller who marked the lead spam', async () => {
    const { enquiry, buyer } = await buildEnquiry(t.db)
    const input = { enquiryId: enquiry.id, author: 'buyer', messageId: 987_654, body: 'Hello again' } as const
    await forwardMessage(t.db, ctx, input)
    await forwardMessage(t.db, ctx, input)
    assert.equal((await forwardsOf(enquiry.id)).length, 1)

    await t.db.update(enquiries).set({ leadStatus: 'spam' }).where(eq(enquiries.id, enquiry.id))
    await postMessage(t.db, ctx, { party: 'buyer', userId: buyer.id }, enquiry.id, 'Why no answer?')
    assert.equal((await forwardsOf(enquiry.id)).length, 1)
    const stored = await t.db
      .select()
      .from(enquiries)
      .where(and(eq(enquiries.id, enquiry.id), eq(enquiries.leadStatus, 'spam')))
    assert.equal(stored.length, 1)
  })
})
