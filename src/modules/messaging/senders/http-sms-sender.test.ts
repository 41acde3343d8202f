import assert from 'node:assert/strict'
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { after, before, describe, it } from 'node:test'
import { eq } from 'drizzle-orm'
import { createLogger } from '#src/logger.ts'
import * as privacy from '#src/modules/privacy/index.ts'
import { buildUser } from '#test/factories.ts'
import { testDatabaseKind, useTestDb } from '#test/setup.ts'
import { DeliveryError } from '../delivery-error.ts'
import { deliverDueMessages } from '../delivery.ts'
import { outboxMessages } from '../messaging.tables.ts'
import { queueMessage } from '../outbox.ts'
import { createDevMailboxEmailSender } from './dev-mailbox-sender.ts'
import { createHttpSmsSender } from './http-sms-sender.ts'

interface Received {
  headers: IncomingHttpHeaders
  body: Record<string, unknown>
}

/** A local stand-in for an SMS gateway: records each request and answers with the next queued status. */
function useFakeGateway() {
  const gateway = {
    url: '',
    received: [] as Received[],
    statuses: [] as number[],
    server: undefined as Server | undefined,
  }
  before(async () => {
    gateway.server = createServer((req, res) => {
      let text = ''
      req.on('data', (chunk) => {
        text += chunk
      })
      req.on('end', () => {
        gateway.received.push({ headers: req.headers, body: JSON.parse(text) })
        const status = gateway.statuses.shift() ?? 200
        res.writeHead(status, { 'content-type': 'application/json' })
        res.end(JSON.stringify(status === 200 ? { id: `gw-${gateway.received.length}` } : { error: 'nope' }))
      })
    })
    await new Promise<void>((resolve) => gateway.server!.listen(0, '127.0.0.1', resolve))
    gateway.url = `http://127.0.0.1:${(gateway.server.address() as AddressInfo).port}/v1/sms`
  })
  after(() => new Promise<void>((resolve) => gateway.server?.close(() => resolve())))
  return gateway
}

const sms = {
  outboxId: '00000000-0000-4000-8000-000000000001',
  idempotencyKey: 'enquiry:9:sms',
  to: '+919876543210',
  text: 'Mandi: new enquiry from Ravi, Coimbatore for 2 pieces of Pump. Reply at https://mandi.example/e/9 -Mandi',
  dltTemplateId: '1107160000000000001',
}

describe('the HTTP SMS sender', () => {
  const gateway = useFakeGateway()
  const sender = () =>
    createHttpSmsSender({
      url: gateway.url,
      apiKey: 'test-api-key',
      senderId: 'MANDIX',
      dltEntityId: '1101000000000000042',
    })

  it('posts the message with its DLT template id, sender id and idempotency key', async () => {
    gateway.received.length = 0
    const result = await sender().send(sms)
    assert.equal(result.providerMessageId, 'gw-1')
    const [request] = gateway.received
    assert.equal(request!.headers['idempotency-key'], 'enquiry:9:sms')
    assert.equal(request!.headers.authorization, 'Bearer test-api-key')
    assert.match(String(request!.headers['content-type']), /^application\/json/)
    assert.deepEqual(request!.body, {
      to: '+919876543210',
      message: sms.text,
      sender_id: 'MANDIX',
      dlt_template_id: '1107160000000000001',
      dlt_entity_id: '1101000000000000042',
      reference: sms.outboxId,
    })
  })

  it('treats a refusal as permanent and an outage or rate limit as worth retrying', async () => {
    for (const [status, permanent] of [
      [400, true],
      [401, true],
      [429, false],
      [503, false],
    ] as const) {
      gateway.statuses.push(status)
      await assert.rejects(sender().send(sms), (error: unknown) => {
        assert.ok(error instanceof DeliveryError)
        assert.equal(error.code, `sms_http_${status}`)
        assert.equal(error.permanent, permanent)
        return true
      })
    }
  })

  it('refuses, without calling the gateway, a message kind with no registered DLT template', async () => {
    gateway.received.length = 0
    await assert.rejects(sender().send({ ...sms, dltTemplateId: 'unregistered:enquiry-received' }), {
      code: 'dlt_template_missing',
      permanent: true,
    })
    assert.equal(gateway.received.length, 0)
  })

  it('reports an unreachable gateway as worth retrying, without the number in the error', async () => {
    const down = createHttpSmsSender({ url: 'http://127.0.0.1:9/v1/sms', apiKey: 'k', senderId: 'MANDIX' })
    await assert.rejects(down.send(sms), (error: unknown) => {
      assert.ok(error instanceof DeliveryError)
      assert.equal(error.permanent, false)
      assert.doesNotMatch(error.message, /9876543210/)
      return true
    })
  })
})

describe(`SMS delivery through the HTTP gateway (${testDatabaseKind})`, () => {
  const ctx = useTestDb()
  const gateway = useFakeGateway()

  it('retries with the same idempotency key and records one disclosure to the SMS provider', async () => {
    const seller = await buildUser(ctx.db, { phone: '+919812345678' })
    const [queued] = await queueMessage(ctx.db, {
      kind: 'enquiry-received',
      toUserId: seller.id,
      to: { phone: seller.phone },
      idempotencyKey: 'enquiry:10',
      data: {
        buyerFirstName: 'Ravi',
        buyerCity: 'Coimbatore',
        productTitle: 'Centrifugal Monoblock Pump 1 HP',
        quantity: 2,
        unit: 'piece',
        enquiryUrl: 'https://mandi.example/e/10',
      },
    })
    const deps = (clock?: () => Date) => ({
      db: ctx.db,
      logger: createLogger({ logLevel: 'silent' }),
      email: createDevMailboxEmailSender(ctx.db, { from: 'no-reply@mandi.test' }),
      sms: createHttpSmsSender({ url: gateway.url, apiKey: 'k', senderId: 'MANDIX' }),
      renderContext: {
        publicUrl: 'https://mandi.example',
        operatorName: 'Mandi Test',
        dltTemplateIds: { 'enquiry-received': '1107160000000000001' },
      },
      clock,
    })
    gateway.statuses.push(503)
    await deliverDueMessages(deps())
    assert.deepEqual(
      await privacy.listDisclosures(ctx.db, seller.id),
      [],
      'the gateway refused it: nothing left',
    )
    await deliverDueMessages(deps(() => new Date(Date.now() + 60 * 60_000)))

    assert.deepEqual(
      gateway.received.map((r) => [r.headers['idempotency-key'], r.body.dlt_template_id, r.body.to]),
      [
        ['enquiry:10:sms', '1107160000000000001', '+919812345678'],
        ['enquiry:10:sms', '1107160000000000001', '+919812345678'],
      ],
    )
    const [row] = await ctx.db.select().from(outboxMessages).where(eq(outboxMessages.id, queued!.id))
    assert.equal(row!.status, 'sent')
    assert.equal(row!.providerMessageId, 'gw-2')
    const ledger = await privacy.listDisclosures(ctx.db, seller.id)
    assert.equal(ledger.length, 1)
    assert.equal(ledger[0]!.recipientKind, 'sms_provider')
    assert.deepEqual(ledger[0]!.fields, ['phone', 'message text'])
    assert.equal(ledger[0]!.purpose, 'enquiries')
    assert.equal(ledger[0]!.reference, `outbox:${queued!.id}`)
  })
})
