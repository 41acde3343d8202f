import assert from 'node:assert/strict'
import { Writable } from 'node:stream'
import { after, before, describe, it } from 'node:test'
import nodemailer, { type Transporter } from 'nodemailer'
import { createLogger } from '#src/logger.ts'
import {
  createReceiptLogHandler,
  type InboundMail,
  type InboundMailHandler,
  InboundRejection,
} from './inbound-handlers.ts'
import { type InboundSmtp, startInboundSmtp } from './inbound-smtp.ts'

describe('the inbound SMTP receiver', () => {
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
  const relayed: InboundMail[] = []
  const relay: InboundMailHandler = {
    name: 'test-relay',
    matches: (recipient) => recipient.startsWith('enquiry-'),
    async handle(mail) {
      relayed.push(mail)
    },
  }
  // Refuses every message for good, and refuses "forged-…" recipients during RCPT TO.
  const refusing: InboundMailHandler = {
    name: 'test-refusing',
    matches: (recipient) => recipient.startsWith('refuse-') || recipient.startsWith('forged-'),
    isDeliverable: (recipient) => !recipient.startsWith('forged-'),
    async handle() {
      throw new InboundRejection('wrong_sender', 'Not from the right sender', { status: '5.7.1' })
    },
  }
  let receiver: InboundSmtp
  let transport: Transporter
  before(async () => {
    receiver = await startInboundSmtp(
      { host: '127.0.0.1', port: 0, domains: ['Relay.Mandi.Test'], maxBytes: 64 * 1024 },
      [relay, refusing, createReceiptLogHandler(logger)],
      logger,
    )
    transport = nodemailer.createTransport({
      host: '127.0.0.1',
      port: receiver.port,
      secure: false,
      ignoreTLS: true,
    })
  })
  after(async () => {
    transport?.close()
    await receiver?.close()
  })

  it('parses a message and hands it to the first handler that matches the recipient', async () => {
    const info = await transport.sendMail({
      from: 'Ravi <ravi@buyer.example>',
      to: 'enquiry-42@relay.mandi.test',
      subject: 'Re: 25 pumps',
      text: 'Can you deliver to Coimbatore by Friday?',
      html: '<p>Can you deliver to <b>Coimbatore</b> by Friday?</p>',
    })
    assert.deepEqual(info.accepted, ['enquiry-42@relay.mandi.test'])
    assert.equal(relayed.length, 1)
    const mail = relayed[0]!
    assert.equal(mail.recipient, 'enquiry-42@relay.mandi.test')
    assert.equal(mail.envelopeFrom, 'ravi@buyer.example')
    assert.equal(mail.parsed.subject, 'Re: 25 pumps')
    assert.equal(mail.parsed.text?.trim(), 'Can you deliver to Coimbatore by Friday?')
    assert.match(String(mail.parsed.html), /<b>Coimbatore<\/b>/)
    assert.equal(mail.parsed.messageId, info.messageId)
    assert.ok(mail.size > 100)
  })

  it('logs other mail for its domains without any personal value', async () => {
    await transport.sendMail({
      from: 'ravi@buyer.example',
      to: 'postmaster@relay.mandi.test',
      subject: 'Hello',
      text: 'Hi',
    })
    const line = logs.find((l) => l.includes('inbound mail received'))
    assert.ok(line)
    const entry = JSON.parse(line)
    assert.equal(entry.recipientDomain, 'relay.mandi.test')
    assert.match(entry.messageIdHash, /^[0-9a-f]{16}$/)
    assert.ok(entry.size > 0)
    assert.doesNotMatch(logs.join('\n'), /ravi|postmaster|buyer\.example|Hello/i)
  })

  it('refuses recipients at other domains during the SMTP conversation', async () => {
    await assert.rejects(
      transport.sendMail({
        from: 'spammer@bad.example',
        to: 'victim@elsewhere.example',
        subject: 'relay?',
        text: 'x',
      }),
      (error: { responseCode?: number; response?: string }) => {
        assert.equal(error.responseCode, 550)
        assert.match(String(error.response), /Relaying denied/)
        return true
      },
    )
    const mixed = await transport.sendMail({
      from: 'ravi@buyer.example',
      to: ['enquiry-43@relay.mandi.test', 'someone@elsewhere.example'],
      subject: 'mixed',
      text: 'x',
    })
    assert.deepEqual(mixed.rejected, ['someone@elsewhere.example'])
    assert.equal(relayed.at(-1)?.recipient, 'enquiry-43@relay.mandi.test')
  })

  it('refuses a recipient its handler does not know during RCPT TO, for good', async () => {
    await assert.rejects(
      transport.sendMail({
        from: 'ravi@buyer.example',
        to: 'forged-1@relay.mandi.test',
        subject: 's',
        text: 'x',
      }),
      (error: { responseCode?: number; response?: string }) => {
        assert.equal(error.responseCode, 550)
        assert.match(String(error.response), /5\.1\.1 No such mailbox here/)
        return true
      },
    )
  })

  it('answers a handler’s permanent refusal with a 5xx, and accepts the copies other recipients took', async () => {
    await assert.rejects(
      transport.sendMail({
        from: 'ravi@buyer.example',
        to: 'refuse-1@relay.mandi.test',
        subject: 's',
        text: 'x',
      }),
      (error: { responseCode?: number; response?: string }) => {
        assert.equal(error.responseCode, 550)
        assert.match(String(error.response), /5\.7\.1 Not from the right sender/)
        return true
      },
    )
    const before = relayed.length
    const mixed = await transport.sendMail({
      from: 'ravi@buyer.example',
      to: ['refuse-2@relay.mandi.test', 'enquiry-45@relay.mandi.test'],
      subject: 's',
      text: 'x',
    })
    assert.deepEqual(mixed.accepted, ['refuse-2@relay.mandi.test', 'enquiry-45@relay.mandi.test'])
    assert.equal(relayed.length, before + 1)
    assert.equal(relayed.at(-1)?.recipient, 'enquiry-45@relay.mandi.test')
    assert.match(logs.join('\n'), /"code":"wrong_sender".*inbound mail refused/)
  })

  it('answers "try again later" when a handler fails for any other reason', async () => {
    const failing: InboundMailHandler = {
      name: 'test-failing',
      matches: () => true,
      async handle() {
        throw new Error('database unavailable')
      },
    }
    const other = await startInboundSmtp(
      { host: '127.0.0.1', port: 0, domains: ['relay.mandi.test'] },
      [failing],
      logger,
    )
    const sender = nodemailer.createTransport({
      host: '127.0.0.1',
      port: other.port,
      secure: false,
      ignoreTLS: true,
    })
    try {
      await assert.rejects(
        sender.sendMail({
          from: 'ravi@buyer.example',
          to: 'enquiry-1@relay.mandi.test',
          subject: 's',
          text: 'x',
        }),
        (error: { responseCode?: number }) => {
          assert.equal(error.responseCode, 451)
          return true
        },
      )
    } finally {
      sender.close()
      await other.close()
    }
  })

  it('refuses a message over the size limit', async () => {
    const before = relayed.length
    await assert.rejects(
      transport.sendMail({
        from: 'ravi@buyer.example',
        to: 'enquiry-44@relay.mandi.test',
        subject: 'big',
        text: 'x'.repeat(100 * 1024),
      }),
      (error: { responseCode?: number }) => {
        assert.equal(error.responseCode, 552)
        return true
      },
    )
    assert.equal(relayed.length, before)
  })
})
