import { bigint, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core'
import { classifyTable, notPersonal } from '../privacy/inventory.ts'

/** One row per worker process, bumped by a scheduled job: proof that the queue and scheduler run. */
export const workerHeartbeats = pgTable('worker_heartbeats', {
  worker: text('worker').primaryKey(),
  host: text('host').notNull(),
  pid: integer('pid').notNull(),
  beats: bigint('beats', { mode: 'number' }).notNull().default(1),
  startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
  beatAt: timestamp('beat_at', { withTimezone: true }).notNull().defaultNow(),
})

export const workerHeartbeatsInventory = classifyTable(workerHeartbeats, 'Liveness of background workers.', {
  worker: notPersonal,
  host: notPersonal,
  pid: notPersonal,
  beats: notPersonal,
  startedAt: notPersonal,
  beatAt: notPersonal,
})
