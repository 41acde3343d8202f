import { sql } from 'drizzle-orm'
import type { PgBoss } from 'pg-boss'
import type { App } from '../app.ts'
import { queryRows } from '../db/database.ts'
import { createQueue } from './queue.ts'
import type { JobName } from './registry.ts'

export interface JobSender {
  /** Queues a job for the workers; never throws (the scheduled sweeps pick the work up anyway). */
  send(name: JobName, payload?: object): Promise<void>
  stop(): Promise<void>
}

/**
 * Lets a web process hand work to the workers right after a request commits — deliver the email
 * just queued, start the import just uploaded — instead of waiting for the next scheduled sweep.
 * A send-only pg-boss: no schedules, no maintenance, started on first use.
 */
export function createJobSender(app: App): JobSender {
  let started: Promise<PgBoss> | undefined
  let queueReady = false
  return {
    async send(name, payload = {}) {
      try {
        // Only a worker creates the queue's tables; until one has run there is nobody to tell.
        if (!queueReady) {
          const [row] = await queryRows<{ ready: boolean }>(app.db, sql`select to_regclass('pgboss.job') is not null as ready`)
          if (!row?.ready) return
          queueReady = true
        }
        started ??= (async () => {
          const boss = createQueue(app, { schedule: false, supervise: false, migrate: false })
          await boss.start()
          return boss
        })()
        await (await started).send(name, payload)
      } catch (error) {
        started = undefined
        app.logger.warn({ err: error, job: name }, 'could not queue a job; the next sweep will do the work')
      }
    },
    async stop() {
      if (started) await (await started).stop({ graceful: false, timeout: 5000 }).catch(() => {})
    },
  }
}
