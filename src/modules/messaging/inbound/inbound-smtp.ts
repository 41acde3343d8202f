import type { AddressInfo } from 'node:net'
import type { SMTPServerOptions } from 'smtp-server'
import type { Logger } from '../../../logger.ts'
import { type InboundMailHandler, InboundRejection } from './inbound-handlers.ts'

export interface InboundSmtpOptions {
  host: string
  /** 0 picks a free port (tests). */
  port: number
  /** Only recipients at these domains are accepted (e.g. the enquiry relay domain). */
  domains: readonly string[]
  /** Largest message accepted, in bytes. */
  maxBytes?: number
  /** A certificate for STARTTLS; without one the receiver offers plain SMTP only. */
  tls?: { key: string | Buffer; cert: string | Buffer } | undefined
}

export interface InboundSmtp {
  port: number
  close(): Promise<void>
}

const DEFAULT_MAX_BYTES = 10 * 1024 * 1024

/**
 * Receives mail for Mandi's own domains (an MX in production, a local port in development), parses
 * it and hands each recipient's copy to the first matching handler. It relays nothing: any other
 * recipient is refused during the SMTP conversation, so no bounce is ever generated.
 */
export async function startInboundSmtp(
  options: InboundSmtpOptions,
  handlers: readonly InboundMailHandler[],
  logger: Logger,
): Promise<InboundSmtp> {
  // Loaded on use: only the process that receives mail needs the SMTP server and the parser.
  const [{ SMTPServer }, { simpleParser }] = await Promise.all([import('smtp-server'), import('mailparser')])
  const domains = new Set(options.domains.map((d) => d.toLowerCase()))
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES
  const handlerFor = (recipient: string) => handlers.find((h) => h.matches(recipient))

  const serverOptions: SMTPServerOptions = {
    name: [...domains][0] ?? 'localhost',
    banner: 'Mandi inbound mail',
    size: maxBytes,
    authOptional: true,
    disabledCommands: options.tls ? ['AUTH'] : ['AUTH', 'STARTTLS'],
    ...(options.tls ? { key: options.tls.key, cert: options.tls.cert } : {}),
    logger: false,
    onRcptTo(address, _session, callback) {
      const recipient = address.address.toLowerCase()
      const domain = recipient.slice(recipient.lastIndexOf('@') + 1)
      if (!domains.has(domain))
        return callback(
          smtpError(550, '5.7.1 Relaying denied: this server only accepts mail for its own domains'),
        )
      const handler = handlerFor(recipient)
      if (!handler || (handler.isDeliverable && !handler.isDeliverable(recipient)))
        return callback(smtpError(550, '5.1.1 No such mailbox here'))
      callback()
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = []
      let size = 0
      stream.on('data', (chunk: Buffer) => {
        size += chunk.length
        if (size <= maxBytes) chunks.push(chunk)
      })
      stream.on('error', (error) => callback(error))
      stream.on('end', async () => {
        if (stream.sizeExceeded) return callback(smtpError(552, '5.3.4 Message too big'))
        try {
          const parsed = await simpleParser(Buffer.concat(chunks))
          const from = session.envelope.mailFrom
          // After DATA there is one answer for all recipients. A permanent refusal is given only
          // when every recipient refused; otherwise the refused copies are dropped (and logged),
          // since refusing the whole message would bounce copies that were delivered.
          const refusals: InboundRejection[] = []
          for (const rcpt of session.envelope.rcptTo) {
            const recipient = rcpt.address.toLowerCase()
            const handler = handlerFor(recipient)
            try {
              await handler?.handle({
                recipient,
                envelopeFrom: from ? from.address || null : null,
                size,
                parsed,
              })
            } catch (error) {
              if (!(error instanceof InboundRejection)) throw error
              refusals.push(error)
              logger.info({ handler: handler?.name, code: error.code }, 'inbound mail refused')
            }
          }
          const refusal = refusals[0]
          if (refusal && refusals.length === session.envelope.rcptTo.length) {
            return callback(smtpError(refusal.responseCode, `${refusal.status} ${refusal.message}`))
          }
          callback()
        } catch (error) {
          logger.error({ err: { name: (error as Error).name } }, 'inbound mail handling failed')
          callback(smtpError(451, '4.3.0 Temporary failure, please try again later'))
        }
      })
    },
  }
  const server = new SMTPServer(serverOptions)
  server.on('error', (error) =>
    logger.warn({ code: (error as { code?: string }).code }, 'inbound SMTP connection error'),
  )
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject)
    server.listen(options.port, options.host, () => {
      server.server.off('error', reject)
      resolve()
    })
  })
  const port = (server.server.address() as AddressInfo).port
  logger.info({ host: options.host, port, domains: [...domains] }, 'inbound SMTP receiver listening')
  return {
    port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

function smtpError(responseCode: number, message: string): Error {
  return Object.assign(new Error(message), { responseCode })
}
