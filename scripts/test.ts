// `npm test`: everything CI runs, in order, with one summary at the end.
//   1. typecheck   2. lint   3. tests on the embedded PGlite   4. the same tests on PostgreSQL
//   (when TEST_DATABASE_URL is set)   5. browser tests (skipped, with the reason, without Chromium)
// Extra arguments are passed to node --test as file globs, e.g. `npm test -- src/shared/*.test.ts`.
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { availableParallelism } from 'node:os'

const nodeBin = process.execPath
const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium'
const postgresUrl = process.env.TEST_DATABASE_URL
const only = process.argv.slice(2)

const unitGlobs = only.length ? only : ['src/**/*.test.ts', 'src/**/*.test.tsx', 'test/*.test.ts']
const browserGlobs = ['test/e2e/*.test.ts']
// PGlite runs PostgreSQL in WebAssembly on the test's own thread, so a little more than one file per core pays.
const concurrency = String(Math.max(2, availableParallelism()))

interface Outcome {
  step: string
  ok: boolean
  passed: number
  failed: number
  skipped: number
  note?: string
}
const outcomes: Outcome[] = []

function run(command: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      process.stdout.write(chunk)
    })
    child.stderr.on('data', (chunk: Buffer) => process.stderr.write(chunk))
    child.on('close', (code) => resolve({ code: code ?? 1, output }))
  })
}

async function check(step: string, command: string, args: string[]) {
  console.log(`\n▶ ${step}`)
  const { code } = await run(command, args)
  outcomes.push({ step, ok: code === 0, passed: 0, failed: code === 0 ? 0 : 1, skipped: 0, note: code === 0 ? 'clean' : 'see above' })
}

async function tests(step: string, globs: string[], env: NodeJS.ProcessEnv, parallel = concurrency) {
  console.log(`\n▶ ${step}`)
  const { code, output } = await run(
    nodeBin,
    ['--import', 'tsx', '--test', '--test-reporter=spec', `--test-concurrency=${parallel}`, ...globs],
    env,
  )
  const count = (label: string) => Number(output.match(new RegExp(`ℹ ${label} (\\d+)`))?.[1] ?? 0)
  const passed = count('pass')
  const failed = count('fail') + count('cancelled')
  const skipped = count('skipped') + count('todo')
  const ok = code === 0 && failed === 0 && passed > 0
  outcomes.push({ step, ok, passed, failed: ok ? failed : Math.max(failed, 1), skipped })
}

if (!only.length) {
  await check('typecheck (tsc --noEmit)', nodeBin, ['node_modules/typescript/bin/tsc', '--noEmit', '-p', '.'])
  await check('lint (biome)', 'node_modules/.bin/biome', ['lint', '.'])
}
await tests('tests on PGlite (embedded)', unitGlobs, { TEST_DATABASE_URL: '' })
if (postgresUrl) {
  await tests('tests on PostgreSQL (TEST_DATABASE_URL)', unitGlobs, { TEST_DATABASE_URL: postgresUrl })
} else {
  console.log('\n▶ tests on PostgreSQL: skipped — set TEST_DATABASE_URL=postgres://… to run them (CI does).')
  outcomes.push({ step: 'tests on PostgreSQL', ok: true, passed: 0, failed: 0, skipped: 1, note: 'TEST_DATABASE_URL unset' })
}
if (!only.length) {
  if (existsSync(chromium)) {
    await tests('browser tests (Chromium)', browserGlobs, { TEST_DATABASE_URL: '' }, '1')
  } else {
    console.log(`\n▶ browser tests: skipped — no Chromium at ${chromium} (apt-get install -y chromium).`)
    outcomes.push({ step: 'browser tests', ok: true, passed: 0, failed: 0, skipped: 1, note: `no ${chromium}` })
  }
}

console.log('\nSummary')
for (const o of outcomes) {
  const counts = `${o.passed} passed, ${o.failed} failed${o.skipped ? `, ${o.skipped} skipped` : ''}`
  console.log(`  ${o.ok ? '✔' : '✖'} ${o.step.padEnd(42)} ${counts}${o.note ? ` (${o.note})` : ''}`)
}
const total = (key: 'passed' | 'failed' | 'skipped') => outcomes.reduce((sum, o) => sum + o[key], 0)
console.log(`\n${total('passed')} passed, ${total('failed')} failed, ${total('skipped')} skipped`)
process.exitCode = outcomes.every((o) => o.ok) ? 0 : 1
