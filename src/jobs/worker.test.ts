import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { setTimeout as sleep } from 'node:timers/promises'
import { createApp } from '#src/app.ts'
import * as system from '#src/modules/system/index.ts'
import { openTestDatabase, testConfig, testDatabaseKind } from '#test/setup.ts'
import { startWorker } from './worker.ts'

describe(`job worker on pg-boss (${testDatabaseKind})`, () => {
  it('runs a queued heartbeat job and records this worker as alive', async (t) => {
    const app = await createApp(testConfig(), { database: await openTestDatabase() })
    t.after(() => app.close())
    const worker = await startWorker(app)
    t.after(() => worker.stop())

    assert.deepEqual(await system.listHeartbeats(app.db), [])
    await worker.send('system.heartbeat')
    await worker.send('system.heartbeat')
    let beats: Awaited<ReturnType<typeof system.listHeartbeats>> = []
    for (let i = 0; i < 100 && (beats[0]?.beats ?? 0) < 2; i++) {
      await sleep(100)
      beats = await system.listHeartbeats(app.db)
    }
    assert.equal(beats.length, 1)
    assert.equal(beats[0]!.beats, 2)
    assert.equal(beats[0]!.pid, process.pid)
  })
})

describe(`scheduled pruning (${testDatabaseKind})`, () => {
  it('deletes sessions that ended more than 30 days ago and keeps live ones', async (t) => {
    const { buildUser } = await import('#test/factories.ts')
    const accounts = await import('#src/modules/accounts/index.ts')
    const { runJobNow } = await import('./worker.ts')
    const app = await createApp(testConfig(), { database: await openTestDatabase() })
    t.after(() => app.close())
    const user = await buildUser(app.db)
    const longAgo = new Date(Date.now() - 40 * 24 * 3600 * 1000)
    await accounts.createSession(app.db, { userId: user.id, sharedDevice: true }, longAgo)
    const live = await accounts.createSession(app.db, { userId: user.id, sharedDevice: false })
    await runJobNow(app, 'accounts.prune')
    const left = await accounts.listActiveSessions(app.db, user.id)
    assert.deepEqual(
      left.map((s) => s.id),
      [live.sessionId],
    )
    const { sessions } = await import('#src/modules/accounts/accounts.tables.ts')
    assert.equal((await app.db.select().from(sessions)).length, 1, 'the old session row is gone, not just inactive')
  })
})
