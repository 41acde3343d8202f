import type { Config } from './config.ts'
import { type Database, openDatabase } from './db/database.ts'
import { migrate } from './db/migrate.ts'
import { dataInventory } from './inventory.ts'
import { createLogger, type Logger } from './logger.ts'
import { createDevCallMasking, type EnquiryContext, relayKeyFromSecrets } from './modules/enquiries/index.ts'
import * as messaging from './modules/messaging/index.ts'
import * as privacy from './modules/privacy/index.ts'

export interface AppOptions {
  /** Use this database instead of opening one from config (tests pass a cloned template). */
  database?: Database
  logger?: Logger
}

/** The composition root: builds the long-lived objects once and hands them down as parameters. */
export async function createApp(config: Config, options: AppOptions = {}) {
  const logger = options.logger ?? createLogger(config, undefined, privacy.personalFieldNames(dataInventory))
  const database =
    options.database ??
    (await openDatabase({
      url: config.database.url,
      pgliteDir: config.database.pgliteDir,
      poolSize: config.database.poolSize,
      statementTimeoutMs: config.database.statementTimeoutMs,
    }))
  const messagingService = messaging.createMessaging(
    {
      isProduction: config.isProduction,
      publicUrl: config.publicUrl,
      operatorName: config.operator.name,
      mailFrom: config.messaging.mailFrom,
      smtpUrl: config.messaging.smtpUrl,
      sms: config.messaging.sms,
      devSmsSenderId: config.messaging.smsSenderId,
      dltTemplateIds: messaging.parseDltTemplateIds(config.messaging.dltTemplates),
      // The relay receiver runs only with INBOUND_SMTP_PORT; without it mails ask for replies on Mandi.
      repliesByEmail: config.messaging.inbound !== undefined,
    },
    database.db,
    logger,
  )
  let closed = false
  return {
    config,
    logger,
    database,
    db: database.db,
    receipts: privacy.createReceiptSigner(config.consentReceiptKey),
    accountsDeps: { secretKey: config.secretKey, publicUrl: config.publicUrl },
    enquiryContext: {
      publicUrl: config.publicUrl,
      relay: relayKeyFromSecrets(config.secretKey, config.previousSecretKeys, config.messaging.relayDomain),
      // Only the development adapter exists so far; production without a provider offers
      // "share my number" call-backs but not masked ones.
      callMasking: config.isProduction ? undefined : createDevCallMasking(),
    } satisfies EnquiryContext as EnquiryContext,
    messaging: messagingService,
    migrate: () => migrate(database.db),
    async close() {
      if (closed) return
      closed = true
      await messagingService.close()
      await database.close()
    },
  }
}

export type App = Awaited<ReturnType<typeof createApp>>
