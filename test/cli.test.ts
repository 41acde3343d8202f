import assert from 'node:assert/strict'
import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, it } from 'node:test'
import { openTestDatabase, testDatabaseKind } from './setup.ts'

// These run the real `mandi` command in a child process, as a newcomer would.

interface Run {
  child: ChildProcess
  output: () => string
  exited: Promise<number | null>
}

function mandi(args: string[], env: Record<string, string>): Run {
  let output = ''
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
    env: { ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  return { child, output: () => output, exited }
}

async function databaseEnv(): Promise<{ env: Record<string, string>; close: () => Promise<void> }> {
  const env: Record<string, string> = { DATA_DIR: mkdtempSync(path.join(tmpdir(), 'mandi-cli-')) }
  if (testDatabaseKind === 'postgres') {
    const database = await openTestDatabase()
    if (database.kind !== 'postgres') throw new Error('expected PostgreSQL')
    // The test database is already migrated; the CLI must cope with that too.
    env.DATABASE_URL = database.url
    return { env, close: () => database.close() }
  }
  return { env, close: async () => {} }
}

async function waitFor(run: Run, pattern: RegExp, ms: number) {
  const started = Date.now()
  while (!pattern.test(run.output())) {
    if (Date.now() - started > ms)
      throw new Error(`timed out waiting for ${pattern}; output:\n${run.output()}`)
    if (run.child.exitCode !== null)
      throw new Error(`exited early (${run.child.exitCode}); output:\n${run.output()}`)
    await new Promise((r) => setTimeout(r, 100))
  }
}

describe(`the mandi command (${testDatabaseKind})`, () => {
  it('prints help for an unknown command and exits with status 2', async () => {
    const run = mandi(['frobnicate'], {})
    assert.equal(await run.exited, 2)
    assert.match(run.output(), /Unknown command "frobnicate"/)
    assert.match(run.output(), /Commands:/)
  })

  it('explains a bad environment instead of crashing with a stack trace', async () => {
    const run = mandi(['doctor'], { PORT: 'eighty' })
    assert.equal(await run.exited, 1)
    assert.match(run.output(), /Invalid environment:\n\s+PORT:/)
    assert.doesNotMatch(run.output(), /\n\s+at .*\(/)
  })

  it('migrates, then doctor reports the database and the applied migrations', async (t) => {
    const db = await databaseEnv()
    t.after(db.close)
    const migrate = mandi(['migrate'], db.env)
    assert.equal(await migrate.exited, 0, migrate.output())
    assert.match(migrate.output(), /Migrations: \d+ applied, \d+ in all\./)
    const doctor = mandi(['doctor'], db.env)
    assert.equal(await doctor.exited, 0, doctor.output())
    assert.match(doctor.output(), /Database: answers in [\d.]+ ms \(PostgreSQL 1\d/)
    assert.match(doctor.output(), /secretKey\s+\(set, hidden\)/)
  })

  it('doctor warns while the grievance officer is a placeholder, and not once one is named', async (t) => {
    const db = await databaseEnv()
    t.after(db.close)
    const placeholder = mandi(['doctor'], db.env)
    assert.equal(await placeholder.exited, 0, placeholder.output())
    assert.match(placeholder.output(), /Warning: the grievance officer is not configured/)
    assert.match(placeholder.output(), /GRIEVANCE_OFFICER_ADDRESS\s+is not set/)
    const named = mandi(['doctor'], {
      ...db.env,
      GRIEVANCE_OFFICER_NAME: 'Meera Iyer',
      GRIEVANCE_OFFICER_EMAIL: 'grievance@shakti.in',
      GRIEVANCE_OFFICER_ADDRESS: '4th Floor, Tower B, Lower Parel, Mumbai 400013',
    })
    assert.equal(await named.exited, 0, named.output())
    assert.match(named.output(), /Grievance officer: configured\./)
    assert.doesNotMatch(named.output(), /Warning: the grievance officer/)
  })

  it('start seeds an empty database, serves the home page and shuts down cleanly on SIGTERM', async (t) => {
    const db = await databaseEnv()
    t.after(db.close)
    const run = mandi(['start'], { ...db.env, PORT: '0', SEED_PRODUCTS: '60' })
    t.after(() => run.child.kill('SIGKILL'))
    // The banner is printed in several writes; wait for its last line before reading it.
    await waitFor(run, /Press Ctrl\+C to stop/, 90_000)
    const url = run.output().match(/Mandi is running at (http:\/\/\S+)/)![1]!
    assert.match(run.output(), /Demo data: \d+ categories, \d+ sellers, 60 products/)
    assert.match(run.output(), /Demo sign-ins/)

    const health = await fetch(`${url}/healthz`)
    assert.equal(health.status, 200)
    const home = await fetch(`${url}/`)
    assert.equal(home.status, 200)
    assert.match(await home.text(), /<html/)

    run.child.kill('SIGTERM')
    assert.equal(await run.exited, 0)
  })
})
