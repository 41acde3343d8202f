import { createServer as createHttpServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { eq } from 'drizzle-orm'
import { SMTPServer } from 'smtp-server'
import type { App } from '#src/app.ts'
import * as messaging from '#src/modules/messaging/index.ts'
import { buildUser } from '#test/factories.ts'
import type { LedgerScenarios } from './scenario.ts'
import { outboxMessages as outboxMessagesTable } from '#src/modules/messaging/messaging.tables.ts'

// Makes each messaging outbound path happen for real: a message handed to a local SMTP server (the
// outside mail service) and to a local HTTP SMS gateway, each accepting it.

export const messagingScenarios: LedgerScenarios = {
  async 'messaging.email-provider'({ app }) {
    const person = await buildUser(app.db, { email: `ledger.${Date.now()}@example.in` })
    const smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['AUTH', 'STARTTLS'],
      logger: false,
      onData(stream, _session, callback) {
        stream.on('end', () => callback())
        stream.resume()
      },
    })
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve))
    const email = messaging.createSmtpSender({
      url: `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`,
      from: 'Mandi <no-reply@mandi.test>',
    })
    try {
      const [queued] = await messaging.queueMessage(app.db, {
        kind: 'password-reset',
        toUserId: person.id,
        to: person.email,
        data: { firstName: 'Asha', resetUrl: 'https://mandi.example/reset?t=ledger', expiresInMinutes: 30 },
      })
      await deliverUntilSent(app, { email }, queued!.id)
      return { subjectUserId: person.id, reference: `outbox:${queued!.id}` }
    } finally {
      await email.close?.()
      await new Promise<void>((resolve) => smtp.close(() => resolve()))
    }
  },

  async 'messaging.sms-provider'({ app }) {
    const person = await buildUser(app.db, { phone: '+919812300456' })
    const gateway = createHttpServer((req, res) => {
      req.resume()
      req.on('end', () => {
        res.writeHead(200, { 'content-type': 'application/json' })
        res.end(JSON.stringify({ id: 'gw-ledger-1' }))
      })
    })
    await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', resolve))
    const sms = messaging.createHttpSmsSender({
      url: `http://127.0.0.1:${(gateway.address() as AddressInfo).port}/v1/sms`,
      apiKey: 'k',
      senderId: 'MANDIX',
    })
    try {
      const [queued] = await messaging.queueMessage(app.db, {
        kind: 'enquiry-received',
        toUserId: person.id,
        to: { phone: person.phone! },
        data: {
          buyerFirstName: 'Ravi',
          buyerCity: 'Coimbatore',
          productTitle: 'Centrifugal Monoblock Pump 1 HP',
          quantity: 2,
          unit: 'piece',
          enquiryUrl: 'https://mandi.example/e/ledger',
        },
      })
      await deliverUntilSent(app, { sms }, queued!.id, { 'enquiry-received': '1107160000000000001' })
      return { subjectUserId: person.id, reference: `outbox:${queued!.id}` }
    } finally {
      await new Promise<void>((resolve) => gateway.close(() => resolve()))
    }
  },
}

/** Runs delivery with the given outside sender until the message is sent (or fails the scenario). */
async function deliverUntilSent(
  app: App,
  senders: { email?: messaging.EmailSender; sms?: messaging.SmsSender },
  outboxId: string,
  dltTemplateIds: Record<string, string> = {},
) {
  const deps: messaging.DeliveryDeps = {
    ...app.messaging,
    ...senders,
    renderContext: { ...app.messaging.renderContext, dltTemplateIds },
  }
  for (let round = 0; round < 5; round++) {
    await messaging.deliverDueMessages(deps, { limit: 500 })
    const [row] = await app.db
      .select({ status: outboxMessagesTable.status, lastError: outboxMessagesTable.lastError })
      .from(outboxMessagesTable)
      .where(eq(outboxMessagesTable.id, outboxId))
    if (row?.status === 'sent') return
    if (row?.status === 'failed') throw new Error(`the message was not delivered: ${row.lastError}`)
  }
  throw new Error('the message was not delivered after 5 rounds')
}
