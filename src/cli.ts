import { parseArgs } from 'node:util'
import { sql } from 'drizzle-orm'
import { type App, createApp } from './app.ts'
import { type Config, loadConfig } from './config.ts'
import { ping, queryRows } from './db/database.ts'
import { describeDatabase, seed, start } from './main.ts'
import * as privacy from './modules/privacy/index.ts'

const HELP = `mandi — the Mandi marketplace

Usage: mandi <command> [options]

Commands:
  start              migrate, seed demo data if the database is empty, serve the web and run the worker
  web                serve the web only (run several behind a load balancer)
  worker             run background jobs only (run one or more)
  migrate            apply database migrations and exit
  seed [--products N] [--seed S]
                     add the demo catalogue (default N from SEED_PRODUCTS, 2000)
  doctor             print the configuration (secrets hidden) and check the database

Configuration comes from the environment; see .env.example.`

async function main(argv: string[]) {
  const [command = 'help', ...rest] = argv
  if (command === 'help' || command === '--help' || command === '-h') return void console.log(HELP)
  if (command === '--version' || command === 'version') {
    const { default: pkg } = await import('../package.json', { with: { type: 'json' } })
    return void console.log(pkg.version)
  }
  const config = loadConfig()
  switch (command) {
    case 'start':
      return start(config, { web: true, worker: true })
    case 'web':
      return start(config, { web: true, worker: false })
    case 'worker':
      return start(config, { web: false, worker: true })
    case 'migrate':
      return withApp(config, async (app) => {
        const report = await app.migrate()
        console.log(`Migrations: ${report.applied.length} applied, ${report.total} in all.`)
      })
    case 'seed':
      // A million-product seed runs bulk statements far longer than a request may take.
      return withApp(withoutStatementTimeout(config), async (app) => {
        const { values } = parseArgs({
          args: rest,
          options: { products: { type: 'string' }, seed: { type: 'string' } },
        })
        await app.migrate()
        await seed(app, {
          products: values.products ? positiveInt(values.products, '--products') : config.seedProducts,
          ...(values.seed ? { seed: positiveInt(values.seed, '--seed') } : {}),
        })
      })
    case 'doctor':
      return withApp(config, (app) => doctor(app))
    default:
      console.error(`Unknown command "${command}".\n`)
      console.error(HELP)
      process.exitCode = 2
  }
}

async function doctor(app: App) {
  const { config } = app
  console.log('Configuration:')
  const shown: Record<string, unknown> = {
    env: config.env,
    listen: `${config.host}:${config.port}`,
    publicUrl: config.publicUrl,
    dataDir: config.dataDir,
    database: describeDatabase(config),
    poolSize: config.database.poolSize,
    secretKey: config.secretKey ? '(set, hidden)' : '(missing)',
    logLevel: config.logLevel,
    trustProxy: config.trustProxy,
    rateLimitPerMinute: config.rateLimitPerMinute,
    seedProducts: config.seedProducts,
  }
  for (const [key, value] of Object.entries(shown)) console.log(`  ${key.padEnd(20)} ${String(value)}`)
  // The law requires a named, reachable grievance officer; a placeholder is a warning, not a failure.
  const gaps = privacy.grievanceOfficerGaps(config.operator.grievanceOfficer)
  if (gaps.length) {
    console.log('\nWarning: the grievance officer is not configured (the /grievance page must name one):')
    for (const gap of gaps) console.log(`  ${gap.variable.padEnd(26)} ${gap.problem}`)
  } else {
    console.log('\nGrievance officer: configured.')
  }
  const started = performance.now()
  try {
    await ping(app.db)
    const [version] = await queryRows<{ server_version: string }>(app.db, sqlShowVersion)
    console.log(
      `\nDatabase: answers in ${(performance.now() - started).toFixed(1)} ms (PostgreSQL ${version?.server_version}).`,
    )
    const report = await pendingMigrations(app)
    console.log(report)
  } catch (error) {
    console.error(`\nDatabase: NOT reachable — ${(error as Error).message}`)
    process.exitCode = 1
  }
}

const sqlShowVersion = sql`show server_version`

async function pendingMigrations(app: App): Promise<string> {
  try {
    const rows = await queryRows<{ count: string | number }>(
      app.db,
      sql`select count(*) as count from mandi_migrations`,
    )
    return `Migrations: ${rows[0]?.count ?? 0} applied.`
  } catch {
    return 'Migrations: none applied yet (run `mandi migrate` or `mandi start`).'
  }
}

function withoutStatementTimeout(config: Config): Config {
  return { ...config, database: { ...config.database, statementTimeoutMs: 0 } }
}

async function withApp(config: Config, run: (app: App) => Promise<void>) {
  const app = await createApp(config)
  try {
    await run(app)
  } finally {
    await app.close()
  }
}

function positiveInt(value: string, flag: string): number {
  const n = Number(value)
  if (!Number.isInteger(n) || n < 0) throw new Error(`${flag} must be a whole number, got "${value}"`)
  return n
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exitCode = 1
})
