import type { App } from '../app.ts'
import { createQueue } from './queue.ts'
import { type JobDefinition, type JobName, jobs } from './registry.ts'

export interface Worker {
  /** Queues a job for the workers (this process or any other on the same database). */
  send(name: JobName, payload?: object): Promise<string | null>
  stop(): Promise<void>
}

/** Starts pg-boss, registers every handler in the registry and installs the schedules. */
export async function startWorker(app: App): Promise<Worker> {
  const boss = createQueue(app)
  await boss.start()
  for (const [name, job] of Object.entries(jobs) as [string, JobDefinition][]) {
    await boss.createQueue(name)
    await boss.work(name, async (batch) => {
      for (const item of batch) {
        await job.handler(app, item.data)
      }
    })
    if (job.cron) await boss.schedule(name, job.cron(app), null, { tz: 'UTC' })
  }
  app.logger.info({ jobs: Object.keys(jobs) }, 'worker started')
  return {
    send: (name, payload = {}) => boss.send(name, payload),
    async stop() {
      await boss.stop({ graceful: true, timeout: 10_000 })
    },
  }
}

/** Sends one job now (used by tests and the CLI to run a scheduled job on demand). */
export async function runJobNow(app: App, name: JobName, payload: object = {}) {
  await (jobs[name] as JobDefinition).handler(app, payload)
}
