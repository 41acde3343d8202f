import { hostname } from 'node:os'
import type { App } from '../app.ts'
import * as flows from '../flows/index.ts'
import * as accounts from '../modules/accounts/index.ts'
import * as catalog from '../modules/catalog/index.ts'
import * as enquiries from '../modules/enquiries/index.ts'
import * as messaging from '../modules/messaging/index.ts'
import * as orders from '../modules/orders/index.ts'
import * as payments from '../modules/payments/index.ts'
import * as system from '../modules/system/index.ts'

export interface JobDefinition {
  /** Cron expression (UTC) for scheduled jobs; absent for jobs that are only sent. */
  cron?: (app: App) => string
  handler: (app: App, payload: unknown) => Promise<void>
}

const workerId = `${hostname()}:${process.pid}`

/** Every job the worker runs, one line each; handlers live in their module and are idempotent. */
export const jobs = {
  'system.heartbeat': {
    cron: (app) => app.config.workerHeartbeatCron,
    handler: async (app) => {
      await system.recordHeartbeat(app.db, { id: workerId, host: hostname(), pid: process.pid })
    },
  },
  // Send after committing work that queued messages, to deliver them now rather than at the next sweep.
  'messaging.deliver': {
    handler: async (app, payload) => {
      await messaging.runDeliveryJob(app.messaging, payload)
    },
  },
  'messaging.sweep': {
    cron: () => '* * * * *',
    handler: async (app) => {
      await messaging.runDeliveryJob(app.messaging, {})
    },
  },
  // Ended sessions and attempt counters whose window ended are kept only as long as the data inventory says.
  'accounts.prune': {
    cron: () => '17 * * * *',
    handler: async (app) => {
      await accounts.pruneSessions(app.db)
      await accounts.pruneAttemptLimits(app.db)
    },
  },
  // CSV imports: the upload queues one; this runs it (the payload names it) or sweeps queued ones each minute.
  // Word counts for typo correction and suggestions, and the per-category counts, drift with every
  // edit; this folds the changes in (about 5 s at a million products).
  'catalog.search-upkeep': {
    cron: () => '*/5 * * * *',
    handler: async (app) => {
      await catalog.refreshSearchTerms(app.db)
      await catalog.foldCategoryCounts(app.db)
    },
  },
  'catalog.import': {
    cron: () => '* * * * *',
    handler: (app, payload) => catalog.runImportJob(app.db, app.config.dataDir, payload),
  },
  // Reply share and median first-reply time over 90 days move with the calendar, not only with
  // replies; interest signals are kept 180 days (data inventory).
  'enquiries.responsiveness': {
    cron: () => '40 2 * * *',
    handler: async (app) => {
      const now = new Date()
      await enquiries.recomputeAllResponsiveness(app.db, now)
      await enquiries.pruneInterests(app.db, now)
    },
  },
  // Account erasure: the request queues one (the payload names it); each minute sweeps any left
  // pending. The account-erased mail it queued goes out straight after.
  'privacy.erase': {
    cron: () => '* * * * *',
    handler: async (app, payload) => {
      if ((await flows.runPendingErasures(app.db, payload, { dataDir: app.config.dataDir })) > 0)
        await messaging.runDeliveryJob(app.messaging, {})
    },
  },
  // Copies of a person's data: the request sends one (the payload names it); each minute sweeps any
  // left pending. The "ready" mail it queued goes out straight after.
  'privacy.build-export': {
    cron: () => '* * * * *',
    handler: async (app, payload) => {
      if ((await flows.runDataExportJob(app.db, app.config, payload)) > 0)
        await messaging.runDeliveryJob(app.messaging, {})
    },
  },
  // Export files are deleted once their 7 days are over.
  'privacy.expire-exports': {
    cron: () => '13 * * * *',
    handler: async (app) => {
      await flows.expireDataExports(app.db, app.config.dataDir, new Date())
    },
  },
  // Buy requirements past their closing date stop, with their open leads.
  'enquiries.expire': {
    cron: () => '7 * * * *',
    handler: async (app) => {
      await enquiries.expireRequirements(app.db, new Date())
    },
  },
  // Orders left unpaid past their reservation expire, and their stock goes back, in one transaction.
  'orders.release-expired': {
    cron: () => '* * * * *',
    handler: async (app) => {
      await orders.releaseExpiredOrders(app.db, new Date())
    },
  },
  // The bundled sandbox gateway's signed webhooks: its hosted page sends this at once; each minute
  // delivers what is due (retries back off, "pay after a delay" waits its turn).
  'payments.sandbox-webhooks': {
    cron: () => '* * * * *',
    handler: async (app) => {
      await payments.deliverSandboxWebhooks(app.db, {
        webhookSecret: app.config.payments.sandboxWebhookSecret,
        publicUrl: app.config.publicUrl,
      })
    },
  },
  // Webhooks get lost: payments still open after 15 minutes are asked of their gateway and
  // settled as it says; abandoned ones expire after an hour.
  'payments.reconcile': {
    cron: () => '*/5 * * * *',
    handler: async (app) => {
      const gateways = payments.createPaymentGateways(app.db, {
        ...app.config.payments,
        publicUrl: app.config.publicUrl,
      })
      await payments.reconcilePayments(app.db, gateways, new Date())
      await flows.settleCapturedPayments(app.db, gateways, new Date(), { log: app.logger })
    },
  },
  // Captured order payments whose orders still wait (the settlement after the webhook failed, or
  // the reconciler captured it) are settled; money that came after all its orders expired is refunded.
  'orders.settle-payments': {
    cron: () => '* * * * *',
    handler: async (app) => {
      const gateways = payments.createPaymentGateways(app.db, {
        ...app.config.payments,
        publicUrl: app.config.publicUrl,
      })
      await flows.settleCapturedPayments(app.db, gateways, new Date(), { log: app.logger })
    },
  },
} satisfies Record<string, JobDefinition>

export type JobName = keyof typeof jobs
