import assert from 'node:assert/strict'
import { Writable } from 'node:stream'
import { describe, it } from 'node:test'
import { asc, eq } from 'drizzle-orm'
import { simpleParser } from 'mailparser'
import nodemailer, { type SendMailOptions } from 'nodemailer'
import { createLogger } from '#src/logger.ts'
import * as messaging from '#src/modules/messaging/index.ts'
import { buildEnquiry, testEnquiryContext } from '#test/enquiry-factories.ts'
import { testDatabaseKind, useTestDb } from '#test/setup.ts'
import { enquiries, enquiryMessages } from './enquiries.tables.ts'
import { relayAddress } from './relay-address.ts'
import { cleanReply, createRelayInboundHandler } from './relay-inbound.ts'
import { outboxMessages as outboxMessagesTable } from '#src/modules/messaging/messaging.tables.ts'

const ctx = testEnquiryContext()
const composer = nodemailer.createTransport({ streamTransport: true, buffer: true })

/** The mail as the inbound receiver hands it over: parsed, for one recipient. */
async function inbound(options: SendMailOptions & { to: string; envelopeFrom?: string | null }) {
  const { envelopeFrom, ...mail } = options
  const info = await composer.sendMail(mail)
  const raw = info.message as Buffer
  const fromAddress = typeof mail.from === 'string' ? /<([^>]+)>|(\S+@\S+)/.exec(mail.from) : null
  return {
    recipient: options.to.toLowerCase(),
    envelopeFrom: envelopeFrom === undefined ? (fromAddress?.[1] ?? fromAddress?.[2] ?? null) : envelopeFrom,
    size: raw.length,
    parsed: await simpleParser(raw),
  } satisfies messaging.InboundMail
}

describe(`the relay's inbound handler (${testDatabaseKind})`, () => {
  const t = useTestDb()
  const logs: string[] = []
  const logger = createLogger(
    { logLevel: 'info' },
    new Writable({
      write(chunk, _encoding, done) {
        logs.push(String(chunk))
        done()
      },
    }),
  )
  const handler = () => createRelayInboundHandler({ db: t.db, ctx, logger })
  const thread = (enquiryId: string) =>
    t.db
      .select()
      .from(enquiryMessages)
      .where(eq(enquiryMessages.enquiryId, enquiryId))
      .orderBy(asc(enquiryMessages.id))

  async function refusal(promise: Promise<unknown>) {
    const error = await promise.then(
      () => assert.fail('expected a refusal'),
      (e: unknown) => e,
    )
    assert.ok(error instanceof messaging.InboundRejection, `expected an InboundRejection, got ${error}`)
    assert.ok(error.responseCode >= 500)
    return error
  }

  it('claims the relay domain and refuses forged or altered addresses up front', async () => {
    const { enquiry } = await buildEnquiry(t.db)
    const relay = handler()
    const real = relayAddress({ enquiryId: enquiry.id, party: 'buyer' }, ctx.relay)
    assert.equal(relay.matches(real), true)
    assert.equal(relay.matches('postmaster@relay.mandi.test'), true)
    assert.equal(relay.matches('someone@elsewhere.example'), false)
    assert.equal(relay.isDeliverable?.(real), true)
    const altered = real.replace(/^e-(.)/, (_, c: string) => `e-${c === 'a' ? 'b' : 'a'}`)
    assert.equal(relay.isDeliverable?.(altered), false)
    assert.equal(relay.isDeliverable?.('postmaster@relay.mandi.test'), false)
    const foreignKey = { ...ctx.relay, secretKey: 'another-secret-key-that-is-long-enough-too' }
    assert.equal(
      relay.isDeliverable?.(relayAddress({ enquiryId: enquiry.id, party: 'buyer' }, foreignKey)),
      false,
    )

    const mail = await inbound({ from: 'x@attacker.example', to: altered, subject: 'hi', text: 'hello' })
    const error = await refusal(relay.handle(mail))
    assert.equal(error.code, 'unknown_address')
    assert.equal((await thread(enquiry.id)).length, 0)
  })

  it('stores a buyer’s reply without quoted history or signature, and forwards it to the seller', async () => {
    const { enquiry, buyer, seller } = await buildEnquiry(t.db)
    const to = relayAddress({ enquiryId: enquiry.id, party: 'buyer' }, ctx.relay)
    const mail = await inbound({
      from: `Ravi Kumar <${buyer.email}>`,
      to,
      subject: 'Re: Centrifugal Monoblock Pump 1 HP',
      text: [
        'Yes, 25 pieces. Delivery to Pune by 15 December please.',
        '',
        'Regards,',
        'Ravi Kumar',
        'Mob: +91 98123 45678',
        `Email: ${buyer.email}`,
        '',
        `On Tue, 24 Nov 2026 at 10:15, Kovai Pumps via Mandi <${to}> wrote:`,
        '> We can supply at ₹7,850 each.',
        `> Write to us at ${seller.business.email} or call 0422 234 5678`,
      ].join('\r\n'),
    })
    await handler().handle(mail)

    const [message, ...rest] = await thread(enquiry.id)
    assert.equal(rest.length, 0)
    assert.equal(message!.author, 'buyer')
    assert.equal(message!.authorUserId, buyer.id)
    assert.equal(message!.via, 'email')
    assert.equal(
      message!.body,
      [
        'Yes, 25 pieces. Delivery to Pune by 15 December please.',
        '',
        'Regards,',
        'Ravi Kumar',
        'Mob: [contact details removed]',
        'Email: [contact details removed]',
      ].join('\n'),
    )
    const forwards = await t.db
      .select()
      .from(outboxMessagesTable)
      .where(eq(outboxMessagesTable.idempotencyKey, `enquiry-message:${message!.id}`))
    assert.equal(forwards.length, 1)
    assert.equal(forwards[0]!.toAddress, seller.business.email)
    assert.doesNotMatch(JSON.stringify(forwards[0]!.data), /9812345678|98123 45678|buyer-mail/)
  })

  it('stores a message once when the sending server delivers it again after a retry', async () => {
    const { enquiry, buyer } = await buildEnquiry(t.db)
    const to = relayAddress({ enquiryId: enquiry.id, party: 'buyer' }, ctx.relay)
    const mail = await inbound({
      from: buyer.email,
      to,
      subject: 'Re: pumps',
      messageId: '<retry-1@mail.buyer.example>',
      text: 'Please include the test certificate.',
    })
    await handler().handle(mail)
    await handler().handle(mail)
    const stored = await thread(enquiry.id)
    assert.deepEqual(
      stored.map((m) => m.body),
      ['Please include the test certificate.'],
    )
    const forwards = await t.db
      .select()
      .from(outboxMessagesTable)
      .where(eq(outboxMessagesTable.idempotencyKey, `enquiry-message:${stored[0]!.id}`))
    assert.equal(forwards.length, 1)
  })

  it('accepts the seller from the business email or the owner’s email, and cuts an Outlook-style quote', async () => {
    const { enquiry, seller, buyer } = await buildEnquiry(t.db)
    const to = relayAddress({ enquiryId: enquiry.id, party: 'seller' }, ctx.relay)
    for (const [from, text] of [
      [seller.business.email!, 'We have 25 in stock.'],
      [seller.owner.email.toUpperCase(), 'Dispatch is possible on Monday.'],
    ] as const) {
      await handler().handle(
        await inbound({
          from,
          to,
          subject: 'Re: pumps',
          text: `${text}\r\n\r\nFrom: Ravi via Mandi <${to}>\r\nSent: Tuesday\r\nTo: ${seller.business.email}\r\nSubject: pumps\r\n\r\nCall me on ${buyer.phone}`,
        }),
      )
    }
    const messages = await thread(enquiry.id)
    assert.deepEqual(
      messages.map((m) => [m.author, m.authorUserId, m.body]),
      [
        ['seller', seller.owner.id, 'We have 25 in stock.'],
        ['seller', seller.owner.id, 'Dispatch is possible on Monday.'],
      ],
    )
    const [row] = await t.db.select().from(enquiries).where(eq(enquiries.id, enquiry.id))
    assert.equal(row!.leadStatus, 'contacted')
  })

  it('refuses, without storing anything, mail from anyone but the party the address belongs to', async () => {
    const { enquiry, buyer, seller } = await buildEnquiry(t.db)
    const buyerSide = relayAddress({ enquiryId: enquiry.id, party: 'buyer' }, ctx.relay)
    const sellerSide = relayAddress({ enquiryId: enquiry.id, party: 'seller' }, ctx.relay)
    const attempts = [
      // A stranger who got hold of the buyer's relay address.
      { from: 'someone@elsewhere.example', to: buyerSide },
      // The seller writing to the buyer's address: it would be stored as the buyer's words.
      { from: seller.business.email!, to: buyerSide },
      { from: buyer.email, to: sellerSide },
      // A right envelope does not excuse a wrong From header.
      { from: 'someone@elsewhere.example', to: buyerSide, envelopeFrom: buyer.email },
    ]
    for (const attempt of attempts) {
      const mail = await inbound({
        ...attempt,
        subject: 'Re: pumps',
        text: 'Send the money to this account.',
      })
      const error = await refusal(handler().handle(mail))
      assert.equal(error.code, 'wrong_sender')
      assert.match(error.message, /only accepts replies from/)
    }
    assert.equal((await thread(enquiry.id)).length, 0)
  })

  it('reads HTML-only mail and drops relay addresses from the text, without flagging the message', async () => {
    const { enquiry, buyer } = await buildEnquiry(t.db)
    const to = relayAddress({ enquiryId: enquiry.id, party: 'buyer' }, ctx.relay)
    await handler().handle(
      await inbound({
        from: buyer.email,
        to,
        subject: 'Re: pumps',
        html: `<div>Please send the <b>test certificate</b> too. (replying to ${to})</div><div class="gmail_quote">On Tue, 24 Nov 2026 at 10:15, Kovai Pumps &lt;${to}&gt; wrote:<blockquote>We can supply at ₹7,850 each.</blockquote></div>`,
      }),
    )
    const [message] = await thread(enquiry.id)
    // html-to-text wraps long lines; the words are what matter.
    assert.equal(message!.body.replace(/\s+/g, ' '), 'Please send the test certificate too. (replying to )')
    assert.equal(message!.flaggedContact, false)
  })

  it('accepts and drops auto-replies, bounces and replies with nothing new, storing nothing', async () => {
    const { enquiry, buyer } = await buildEnquiry(t.db)
    const to = relayAddress({ enquiryId: enquiry.id, party: 'buyer' }, ctx.relay)
    const relay = handler()
    await relay.handle(
      await inbound({
        from: buyer.email,
        to,
        subject: 'Out of office',
        text: 'I am away until Monday.',
        headers: { 'Auto-Submitted': 'auto-replied' },
      }),
    )
    await relay.handle(
      await inbound({ from: buyer.email, to, subject: 'Undeliverable', text: 'Bounce', envelopeFrom: null }),
    )
    await relay.handle(
      await inbound({
        from: buyer.email,
        to,
        subject: 'Re: pumps',
        text: `\r\n\r\nOn Tue, 24 Nov 2026 at 10:15, Kovai Pumps <${to}> wrote:\r\n> Anything else?`,
      }),
    )
    assert.equal((await thread(enquiry.id)).length, 0)
  })

  it('refuses mail to an expired enquiry for good', async () => {
    const { enquiry, buyer } = await buildEnquiry(t.db, {}, { status: 'expired' })
    const to = relayAddress({ enquiryId: enquiry.id, party: 'buyer' }, ctx.relay)
    const error = await refusal(
      handler().handle(
        await inbound({ from: buyer.email, to, subject: 'Re: pumps', text: 'Still available?' }),
      ),
    )
    assert.equal(error.code, 'enquiry_closed')
  })

  it('logs ids and outcomes, never an address or a word of the message', () => {
    const all = logs.join('\n')
    assert.match(all, /relay mail stored in the thread/)
    assert.match(all, /relay mail refused/)
    assert.doesNotMatch(
      all,
      /ravi|kumar|buyer-mail|kovai-pumps|owner-mail|elsewhere|attacker|e-[a-z2-7]{20,}/i,
    )
    assert.doesNotMatch(all, /certificate|Delivery to Pune|in stock|Send the money/i)
  })

  it('cleans a reply: quotes, signatures and known numbers go, trade figures stay', () => {
    const text = cleanReply(
      'Price ₹12,50,000 for 5000 pcs.\nCall 98123-45678 anytime.\n-- \nRavi\n+91 98123 45678\n\n> old text',
      { emails: [], phones: ['+919812345678'], relayDomain: 'relay.mandi.test' },
    )
    assert.equal(text, 'Price ₹12,50,000 for 5000 pcs.\nCall [contact details removed] anytime.')
    assert.equal(cleanReply('x'.repeat(5000), { emails: [], phones: [], relayDomain: 'r.test' }).length, 4000)
  })
})
