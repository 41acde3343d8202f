import { parseArgs } from 'node:util'
import { sql } from 'drizzle-orm'
import { type App, createApp } from './app.ts'
import { type Config, loadConfig } from './config.ts'
import { ping, queryRows } from './db/database.ts'
import { type Worker, startWorker } from './jobs/worker.ts'
import { createServer } from './web/server.ts'

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
      return withApp(config, async (app) => {
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

async function start(config: Config, roles: { web: boolean; worker: boolean }) {
  const app = await createApp(config)
  const report = await app.migrate()
  if (report.applied.length) app.logger.info({ applied: report.applied }, 'migrations applied')

  if (roles.web && roles.worker) {
    const demo = await import('./demo/seed.ts')
    if (!(await demo.hasCatalogue(app.db)) && config.seedProducts > 0) {
      console.log(`Empty database: adding the demo catalogue (${config.seedProducts} products)…`)
      await seed(app, { products: config.seedProducts })
    }
  }

  const server = roles.web ? await createServer(app) : undefined
  const worker: Worker | undefined = roles.worker ? await startWorker(app) : undefined
  if (server) await server.listen({ host: config.host, port: config.port })

  let stopping = false
  const stop = async (signal: string) => {
    if (stopping) return
    stopping = true
    app.logger.info({ signal }, 'shutting down')
    // Stop taking requests, let in-flight ones finish, stop the worker, then close the database.
    const deadline = setTimeout(() => process.exit(1), 20_000)
    deadline.unref()
    await server?.close()
    await worker?.stop()
    await app.close()
    process.exit(0)
  }
  process.once('SIGINT', () => void stop('SIGINT'))
  process.once('SIGTERM', () => void stop('SIGTERM'))

  if (server) {
    const address = server.server.address()
    const url =
      address && typeof address === 'object'
        ? `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`
        : config.publicUrl
    const { demoLogins } = await import('./demo/seed.ts')
    console.log(`\nMandi is running at ${url}  (database: ${describeDatabase(config)})`)
    if (!config.isProduction) {
      console.log('Demo sign-ins (password for all shown):')
      for (const login of demoLogins()) console.log(`  ${login.role.padEnd(8)} ${login.email}  ${login.password}`)
    }
    console.log('Press Ctrl+C to stop.\n')
  } else {
    console.log(`Mandi worker running (database: ${describeDatabase(config)}). Press Ctrl+C to stop.`)
  }
}

async function seed(app: App, options: { products: number; seed?: number }) {
  const { seedDemo } = await import('./demo/seed.ts')
  const bar = progressBar()
  const result = await seedDemo(app.database, { ...options, onProgress: bar.update })
  bar.done()
  console.log(
    `Demo data: ${result.categories} categories, ${result.businesses} sellers, ${result.products} products, ` +
      `${result.users} people in ${(result.ms / 1000).toFixed(1)} s.`,
  )
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
  const started = performance.now()
  try {
    await ping(app.db)
    const [version] = await queryRows<{ server_version: string }>(app.db, sqlShowVersion)
    console.log(`\nDatabase: answers in ${(performance.now() - started).toFixed(1)} ms (PostgreSQL ${version?.server_version}).`)
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
    const rows = await queryRows<{ count: string | number }>(app.db, sql`select count(*) as count from mandi_migrations`)
    return `Migrations: ${rows[0]?.count ?? 0} applied.`
  } catch {
    return 'Migrations: none applied yet (run `mandi migrate` or `mandi start`).'
  }
}

async function withApp(config: Config, run: (app: App) => Promise<void>) {
  const app = await createApp(config)
  try {
    await run(app)
  } finally {
    await app.close()
  }
}

function describeDatabase(config: Config): string {
  if (!config.database.url) return `embedded PGlite in ${config.database.pgliteDir}`
  const url = new URL(config.database.url)
  return `PostgreSQL at ${url.hostname}:${url.port || 5432}${url.pathname}`
}

function positiveInt(value: string, flag: string): number {
  const n = Number(value)
  if (!Number.isInteger(n) || n < 0) throw new Error(`${flag} must be a whole number, got "${value}"`)
  return n
}

/** A one-line progress bar on a terminal; a line every 10% elsewhere (CI logs). */
function progressBar() {
  const tty = process.stderr.isTTY
  let lastStage = ''
  let lastDecile = -1
  return {
    update(done: number, total: number, stage: string) {
      const fraction = total > 0 ? Math.min(1, done / total) : 1
      if (tty) {
        if (stage !== lastStage && lastStage) process.stderr.write('\n')
        const width = 30
        const filled = Math.round(fraction * width)
        process.stderr.write(
          `\r  ${stage.padEnd(12)} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(Math.round(fraction * 100)).padStart(3)}% ${done.toLocaleString('en-IN')}/${total.toLocaleString('en-IN')}   `,
        )
      } else {
        const decile = Math.floor(fraction * 10)
        if (stage !== lastStage || decile !== lastDecile) {
          process.stderr.write(`  ${stage}: ${Math.round(fraction * 100)}% (${done}/${total})\n`)
        }
        lastDecile = decile
      }
      lastStage = stage
    },
    done() {
      if (tty) process.stderr.write('\n')
    },
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exitCode = 1
})
