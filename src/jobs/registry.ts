import { hostname } from 'node:os'
import type { App } from '../app.ts'
import * as messaging from '../modules/messaging/index.ts'
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
      await messaging.runDeliveryJob(messaging.messagingFor(app), payload)
    },
  },
  'messaging.sweep': {
    cron: () => '* * * * *',
    handler: async (app) => {
      await messaging.runDeliveryJob(messaging.messagingFor(app), {})
    },
  },
} satisfies Record<string, JobDefinition>

export type JobName = keyof typeof jobs
