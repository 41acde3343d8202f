// `npm run fuzz -- --runs 10000`: every route, N generated requests each, against the database
// TEST_DATABASE_URL names (PostgreSQL) or the embedded PGlite. Prints the figures and each failure.
//   --runs N      requests per route (default 1000)
//   --seed N      fast-check seed (default: time-based, printed so a run can be repeated)
//   --only REGEX  only routes whose "METHOD /path" matches
//   --concurrency N  requests in flight at once per route (default 1; PostgreSQL gains from 4)
import { parseArgs } from 'node:util'
import { describeFailure, startFuzzHarness } from './harness.ts'

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '1000' },
    seed: { type: 'string' },
    only: { type: 'string' },
    concurrency: { type: 'string', default: '1' },
    quiet: { type: 'boolean', default: false },
  },
})
const runsPerRoute = Number(values.runs)
const seed = values.seed ? Number(values.seed) : Date.now() % 2 ** 31
if (!Number.isInteger(runsPerRoute) || runsPerRoute < 1) throw new Error('--runs must be a whole number')

const database = process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite'
console.log(`fuzz: ${runsPerRoute} requests per route, seed ${seed}, ${database}`)
const harness = await startFuzzHarness()
try {
  const report = await harness.run({
    runsPerRoute,
    seed,
    ...(values.only ? { only: new RegExp(values.only) } : {}),
    maxFailures: 200,
    concurrency: Number(values.concurrency),
    progress: values.quiet ? undefined : (line) => console.log(line),
  })
  for (const failure of report.failures) console.log(describeFailure(failure))
  const statuses = Object.entries(report.byStatus)
    .sort()
    .map(([bucket, n]) => `${bucket} ${n}`)
    .join(', ')
  console.log(
    [
      '',
      `requests ${report.requests}, routes ${report.routes}, 5xx ${report.serverErrors}, responses with a leak or 5xx ${report.problemResponses}`,
      `statuses: ${statuses}${report.unsent ? `; ${report.unsent} generated requests could not be built and were not sent` : ''}`,
      `${(report.durationMs / 1000).toFixed(1)} s fuzzing after ${(harness.setupMs / 1000).toFixed(1)} s setup; seed ${seed}, ${database}, concurrency ${values.concurrency}`,
    ].join('\n'),
  )
  process.exitCode = report.problemResponses ? 1 : 0
} finally {
  await harness.close()
}
