import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { setTimeout as sleep } from 'node:timers/promises'
import * as messaging from '#src/modules/messaging/index.ts'
import { testDatabaseKind, useTestApp } from '#test/setup.ts'
import { startWorker } from './worker.ts'

describe(`handing work from the web to the workers (${testDatabaseKind})`, () => {
  const ctx = useTestApp()

  it('does nothing, and fails nothing, before any worker has set up the queue', async () => {
    await ctx.server.jobs.send('messaging.deliver')
  })

  it('delivers a registration’s confirmation email within seconds, not at the next minute’s sweep', async (t) => {
    const worker = await startWorker(ctx.app)
    t.after(() => worker.stop())
    const res = await ctx.server.inject({
      method: 'POST',
      url: '/api/v1/auth/register',
      payload: { email: 'kiran.handoff@example.in', password: 'handoff test 2026', name: 'Kiran Rao', phone: '9845012345', isAdultBusinessUser: true },
    })
    assert.equal(res.statusCode, 201)
    const started = Date.now()
    let delivered = false
    while (!delivered && Date.now() - started < 15_000) {
      const box = await messaging.listDevMailbox(ctx.db, { toAddresses: ['kiran.handoff@example.in'] })
      delivered = box.length > 0
      if (!delivered) await sleep(100)
    }
    assert.ok(delivered, 'the confirmation email reached the mailbox')
  })
})
