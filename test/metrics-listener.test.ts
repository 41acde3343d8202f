import assert from 'node:assert/strict'
import { generateKeyPairSync } from 'node:crypto'
import { spawn } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, it } from 'node:test'
import { openTestDatabase, testDatabaseKind } from './setup.ts'

// `mandi web` in production with METRICS_PORT: /metrics is on its own listener, not on PORT.

describe(`the separate metrics listener of a web process (${testDatabaseKind})`, {
  // A fresh PGlite directory takes about 30 s to migrate in a child process; the listener itself is
  // tested in-process on both databases (src/web/api/health.routes.test.ts).
  skip: testDatabaseKind === 'pglite' ? 'slow on a fresh PGlite; runs on PostgreSQL' : false,
}, () => {
  it('serves /metrics on METRICS_PORT at 127.0.0.1 and not on PORT', async (t) => {
    const env: Record<string, string> = {
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      DATA_DIR: mkdtempSync(path.join(tmpdir(), 'mandi-metrics-')),
      SECRET_KEY: 'test-secret-key-that-is-long-enough-for-signing',
      CONSENT_RECEIPT_KEY: generateKeyPairSync('ed25519')
        .privateKey.export({ format: 'pem', type: 'pkcs8' })
        .toString(),
      PORT: '0',
      METRICS_PORT: '0',
    }
    const database = await openTestDatabase()
    if (database.kind !== 'postgres') throw new Error('expected PostgreSQL')
    t.after(() => database.close())
    env.DATABASE_URL = database.url
    let output = ''
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'web'], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
    t.after(() => child.kill('SIGKILL'))
    for (const stream of [child.stdout, child.stderr]) stream.on('data', (chunk: Buffer) => (output += chunk))
    const started = Date.now()
    while (!/Press Ctrl\+C to stop/.test(output)) {
      if (Date.now() - started > 60_000 || child.exitCode !== null) assert.fail(`no start banner:\n${output}`)
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
    const web = /Mandi is running at (http:\/\/\S+)/.exec(output)?.[1]
    const metrics = /Metrics at (http:\/\/127\.0\.0\.1:\d+\/metrics)/.exec(output)?.[1]
    assert.ok(web && metrics, output)
    assert.equal((await fetch(`${web}/healthz`)).status, 200)
    assert.equal((await fetch(`${web}/metrics`)).status, 404, 'not on PORT')
    const res = await fetch(metrics)
    assert.equal(res.status, 200)
    assert.match(await res.text(), /mandi_http_requests_total\{method="GET",route="\/healthz",status="200"\}/)
    child.kill('SIGTERM')
    assert.equal(await exited, 0)
  })
})
