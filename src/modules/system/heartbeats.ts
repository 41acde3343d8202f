import { desc, sql } from 'drizzle-orm'
import type { Db } from '../../db/database.ts'
import { workerHeartbeats } from './system.tables.ts'

/** Upserts this worker's row and bumps its beat count. Idempotent enough to retry: a retry only counts one more beat. */
export async function recordHeartbeat(db: Db, worker: { id: string; host: string; pid: number }) {
  const [row] = await db
    .insert(workerHeartbeats)
    .values({ worker: worker.id, host: worker.host, pid: worker.pid })
    .onConflictDoUpdate({
      target: workerHeartbeats.worker,
      set: { beats: sql`${workerHeartbeats.beats} + 1`, beatAt: sql`now()`, pid: worker.pid },
    })
    .returning()
  return row!
}

/** Most recent first. */
export async function listHeartbeats(db: Db) {
  return db.select().from(workerHeartbeats).orderBy(desc(workerHeartbeats.beatAt)).limit(50)
}
