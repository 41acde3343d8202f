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
