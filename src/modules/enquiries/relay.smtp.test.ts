import assert from 'node:assert/strict'
import type { AddressInfo } from 'node:net'
import { after, before, describe, it } from 'node:test'
import { asc, eq } from 'drizzle-orm'
import { type ParsedMail, simpleParser } from 'mailparser'
import nodemailer, { type Transporter } from 'nodemailer'
import { SMTPServer } from 'smtp-server'
import { createLogger } from '#src/logger.ts'
import * as messaging from '#src/modules/messaging/index.ts'
import { buildEnquiry, testEnquiryContext } from '#test/enquiry-factories.ts'
import { testDatabaseKind, useTestDb } from '#test/setup.ts'
import { revokeContact, shareContact } from './contact-sharing.ts'
import { enquiryMessages } from './enquiries.tables.ts'
import { parseRelayAddress, relayAddress } from './relay-address.ts'
import { createRelayInboundHandler } from './relay-inbound.ts'

// The whole relay over real SMTP: people's mail clients (nodemailer) → Mandi's inbound receiver →
// thread + outbox → the SMTP sender → a capture server standing in for the other person's inbox.

const ctx = testEnquiryContext()
const mailFrom = 'Mandi <no-reply@mandi.test>'

interface Captured {
  envelopeFrom: string | null
  rcpt: string[]
  raw: string
  mail: ParsedMail
}

describe(`the masked email relay over SMTP, both directions (${testDatabaseKind})`, () => {
  const t = useTestDb()
  const logger = createLogger({ logLevel: 'silent' })
  const inbox: Captured[] = []
  let capture: SMTPServer
  let receiver: messaging.InboundSmtp
  let email: messaging.EmailSender
  let client: Transporter

  before(async () => {
    capture = new SMTPServer({
      authOptional: true,
      disabledCommands: ['AUTH', 'STARTTLS'],
      logger: false,
      onData(stream, session, callback) {
        const chunks: Buffer[] = []
        stream.on('data', (chunk: Buffer) => chunks.push(chunk))
        stream.on('end', () => {
          const raw = Buffer.concat(chunks)
          simpleParser(raw).then(
            (mail) => {
              const from = session.envelope.mailFrom
              inbox.push({
                envelopeFrom: from ? from.address : null,
                rcpt: session.envelope.rcptTo.map((r) => r.address),
                raw: raw.toString('utf8'),
                mail,
              })
              callback()
            },
            (error) => callback(error),
          )
        })
      },
    })
    await new Promise<void>((resolve) => capture.listen(0, '127.0.0.1', resolve))
    email = messaging.createSmtpSender({
      url: `smtp://127.0.0.1:${(capture.server.address() as AddressInfo).port}`,
      from: mailFrom,
    })
    receiver = await messaging.startInboundSmtp(
      { host: '127.0.0.1', port: 0, domains: [ctx.relay.domain] },
      [createRelayInboundHandler({ db: t.db, ctx, logger }), messaging.createReceiptLogHandler(logger)],
      logger,
    )
    client = nodemailer.createTransport({
      host: '127.0.0.1',
      port: receiver.port,
      secure: false,
      ignoreTLS: true,
    })
  })
  after(async () => {
    client?.close()
    await receiver?.close()
    await email?.close?.()
    await new Promise<void>((resolve) => capture?.close(() => resolve()))
  })

  /** Runs the outbox once through the real SMTP sender; returns what reached the capture server. */
  async function deliver(): Promise<Captured[]> {
    const before = inbox.length
    const report = await messaging.deliverDueMessages({
      db: t.db,
      logger,
      email,
      sms: messaging.createDevMailboxSmsSender(t.db, { senderId: 'MANDIX' }),
      renderContext: { publicUrl: ctx.publicUrl, operatorName: 'Mandi Test', dltTemplateIds: {} },
    })
    assert.equal(report.failed, 0)
    return inbox.slice(before)
  }

  /** The raw message and its decoded parts: quoted-printable may split a value in the raw text. */
  const everything = (c: Captured) =>
    [c.raw, c.mail.text ?? '', String(c.mail.html), ...c.mail.headerLines.map((h) => h.line)].join('\n')

  const thread = (enquiryId: string) =>
    t.db
      .select()
      .from(enquiryMessages)
      .where(eq(enquiryMessages.enquiryId, enquiryId))
      .orderBy(asc(enquiryMessages.id))

  it('carries a buyer’s reply to the seller and the seller’s reply back, with every address masked', async () => {
    const { enquiry, buyer, seller } = await buildEnquiry(t.db)
    const buyerSide = relayAddress({ enquiryId: enquiry.id, party: 'buyer' }, ctx.relay)
    const sellerSide = relayAddress({ enquiryId: enquiry.id, party: 'seller' }, ctx.relay)
    const buyerTraces = [buyer.email, 'ravi.kumar', 'buyer-mail', '9812345678', '98123 45678', 'Kumar']
    const sellerTraces = [
      seller.business.email!,
      seller.owner.email,
      'owner-mail',
      '9443012345',
      '2222345678',
    ]

    // 1. The buyer writes from their own mailbox to their relay address, signature and all.
    await client.sendMail({
      from: `Ravi Kumar <${buyer.email}>`,
      to: buyerSide,
      subject: 'Re: Centrifugal Monoblock Pump 1 HP',
      text: 'Can you deliver 25 pumps to Pune by 15 December?\n\n--\nRavi Kumar\nMob: 98123 45678\n',
    })
    const [fromBuyer] = await thread(enquiry.id)
    assert.equal(fromBuyer?.author, 'buyer')
    assert.equal(fromBuyer?.via, 'email')
    assert.equal(fromBuyer?.body, 'Can you deliver 25 pumps to Pune by 15 December?')

    // 2. The forward reaches the seller's inbox from the seller's relay address.
    const [toSeller, ...extra] = await deliver()
    assert.equal(extra.length, 0)
    assert.deepEqual(toSeller!.rcpt, [seller.business.email])
    assert.equal(toSeller!.mail.from?.value[0]?.address, sellerSide)
    assert.equal(toSeller!.mail.from?.value[0]?.name, 'Ravi from Pune via Mandi')
    assert.deepEqual(
      toSeller!.mail.replyTo?.value.map((v) => v.address),
      [sellerSide],
    )
    // Bounces go to the operator's address, never into the relay.
    assert.equal(toSeller!.envelopeFrom, 'no-reply@mandi.test')
    const threadRoot = `<enquiry-${enquiry.id}@${ctx.relay.domain}>`
    assert.equal(toSeller!.mail.inReplyTo, threadRoot)
    assert.match(toSeller!.mail.text ?? '', /Can you deliver 25 pumps to Pune by 15 December\?/)
    for (const trace of buyerTraces)
      assert.ok(!everything(toSeller!).includes(trace), `the seller's copy holds ${trace}`)

    // 3. The seller answers from their mail client: Reply-To sends it back to the relay.
    await client.sendMail({
      from: `Kovai Pumps Sales <${seller.business.email}>`,
      to: toSeller!.mail.replyTo!.value[0]!.address!,
      subject: `Re: ${toSeller!.mail.subject}`,
      inReplyTo: toSeller!.mail.messageId!,
      references: [threadRoot, toSeller!.mail.messageId!],
      text: [
        'Yes, ₹7,850 each, delivered by 12 December.',
        '',
        'Meena Iyer, Kovai Pumps',
        'Ph: +91 94430 12345',
        '',
        `On Wed, 25 Nov 2026 at 11:02, Ravi from Pune via Mandi <${sellerSide}> wrote:`,
        '> Can you deliver 25 pumps to Pune by 15 December?',
      ].join('\n'),
    })
    const [, fromSeller] = await thread(enquiry.id)
    assert.equal(fromSeller?.author, 'seller')
    assert.equal(fromSeller?.authorUserId, seller.owner.id)
    assert.equal(
      fromSeller?.body,
      'Yes, ₹7,850 each, delivered by 12 December.\n\nMeena Iyer, Kovai Pumps\nPh: [contact details removed]',
    )

    // 4. The buyer receives it from the buyer's relay address, without the seller's addresses.
    const [toBuyer] = await deliver()
    assert.deepEqual(toBuyer!.rcpt, [buyer.email])
    assert.equal(toBuyer!.mail.from?.value[0]?.address, buyerSide)
    assert.equal(toBuyer!.mail.from?.value[0]?.name, 'Kovai Pumps via Mandi')
    assert.deepEqual(
      toBuyer!.mail.replyTo?.value.map((v) => v.address),
      [buyerSide],
    )
    assert.equal(toBuyer!.mail.inReplyTo, threadRoot)
    assert.match(toBuyer!.mail.text ?? '', /Yes, ₹7,850 each, delivered by 12 December\./)
    for (const trace of sellerTraces)
      assert.ok(!everything(toBuyer!).includes(trace), `the buyer's copy holds ${trace}`)
    assert.deepEqual(parseRelayAddress(toBuyer!.mail.from!.value[0]!.address!, ctx.relay), {
      enquiryId: enquiry.id,
      party: 'buyer',
    })
  })

  it('shows the seller the buyer’s details only while shared, and refuses strangers and forged addresses', async () => {
    const { enquiry, buyer, seller } = await buildEnquiry(t.db)
    const buyerSide = relayAddress({ enquiryId: enquiry.id, party: 'buyer' }, ctx.relay)
    const writeAsBuyer = (text: string) =>
      client.sendMail({ from: buyer.email, to: buyerSide, subject: 'Re: pumps', text })

    await shareContact(t.db, ctx, buyer.id, enquiry.id)
    await writeAsBuyer('Details shared, call me.')
    const [whileShared] = await deliver()
    assert.deepEqual(whileShared!.rcpt, [seller.business.email])
    assert.match(whileShared!.mail.text ?? '', new RegExp(`Email: ${buyer.email.replaceAll('.', '\\.')}`))
    assert.match(whileShared!.mail.text ?? '', /Phone: \+919812345678/)
    assert.equal(
      whileShared!.mail.from?.value[0]?.address,
      relayAddress({ enquiryId: enquiry.id, party: 'seller' }, ctx.relay),
    )

    await revokeContact(t.db, ctx, buyer.id, enquiry.id)
    await writeAsBuyer('Please keep to the relay from now on.')
    const [afterRevocation] = await deliver()
    for (const trace of [buyer.email, '9812345678']) assert.ok(!everything(afterRevocation!).includes(trace))

    const before = (await thread(enquiry.id)).length
    await assert.rejects(
      client.sendMail({
        from: 'someone@elsewhere.example',
        to: buyerSide,
        subject: 'Re: pumps',
        text: 'Pay here.',
      }),
      (error: { responseCode?: number; response?: string }) => {
        assert.equal(error.responseCode, 550)
        assert.match(String(error.response), /5\.7\.1 This address only accepts replies/)
        return true
      },
    )
    const forged = `e-${'a'.repeat(48)}@${ctx.relay.domain}`
    await assert.rejects(
      client.sendMail({ from: buyer.email, to: forged, subject: 'Re: pumps', text: 'Hello?' }),
      (error: { responseCode?: number; response?: string }) => {
        assert.equal(error.responseCode, 550)
        assert.match(String(error.response), /5\.1\.1 No such mailbox here/)
        return true
      },
    )
    assert.equal((await thread(enquiry.id)).length, before)
    assert.deepEqual(await deliver(), [])
  })
})
