import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { eq } from 'drizzle-orm'
import { testDatabaseKind, useTestDb } from '#test/setup.ts'
import { devMailbox } from '../messaging.tables.ts'
import { createDevMailboxEmailSender } from './dev-mailbox-sender.ts'
import { formatAddress } from './email-sender.ts'

describe(`the dev mailbox email sender (${testDatabaseKind})`, () => {
  const t = useTestDb()
  const email = {
    outboxId: '00000000-0000-4000-8000-000000000001',
    to: 'asha@example.in',
    subject: 'Re: pumps',
    text: 'Hello',
    html: '<p>Hello</p>',
  }
  const stored = async (key: string) =>
    (await t.db.select().from(devMailbox).where(eq(devMailbox.idempotencyKey, key)))[0]!

  it('keeps MAIL_FROM unless the message sets its own From, Reply-To and thread references', async () => {
    const sender = createDevMailboxEmailSender(t.db, { from: 'Mandi <no-reply@mandi.test>' })
    await sender.send({ ...email, idempotencyKey: 'dev-plain' })
    const plain = await stored('dev-plain')
    assert.equal(plain.fromAddress, 'Mandi <no-reply@mandi.test>')
    assert.match(String(plain.headers['Message-ID']), /@mandi\.test>$/)
    assert.equal(plain.headers['Reply-To'], undefined)

    const relay = { name: 'Kovai "Pumps"\r\nBcc: x@y.in', address: 'e-abc@relay.mandi.test' }
    await sender.send({
      ...email,
      idempotencyKey: 'dev-relay',
      from: relay,
      replyTo: relay,
      references: ['<enquiry-1@relay.mandi.test>'],
    })
    const relayed = await stored('dev-relay')
    assert.equal(relayed.fromAddress, '"Kovai \\"Pumps\\" Bcc: x@y.in" <e-abc@relay.mandi.test>')
    assert.equal(relayed.headers['Reply-To'], relayed.fromAddress)
    assert.equal(relayed.headers['In-Reply-To'], '<enquiry-1@relay.mandi.test>')
    assert.equal(relayed.headers.References, '<enquiry-1@relay.mandi.test>')
    assert.match(String(relayed.headers['Message-ID']), /@relay\.mandi\.test>$/)
  })

  it('formats a bare address without a display name', () => {
    assert.equal(formatAddress({ address: 'e-abc@relay.mandi.test' }), 'e-abc@relay.mandi.test')
    assert.equal(formatAddress({ name: '  ', address: 'e-abc@relay.mandi.test' }), 'e-abc@relay.mandi.test')
  })
})
