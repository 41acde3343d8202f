import { type App, createApp } from './app.ts'
import type { Config } from './config.ts'
import { type Worker, startWorker } from './jobs/worker.ts'
import * as enquiries from './modules/enquiries/index.ts'
import * as messaging from './modules/messaging/index.ts'
import { startMetricsListener } from './web/metrics.ts'
import { createServer } from './web/server.ts'

/**
 * Runs a Mandi process: the web server, the job worker, or both (`mandi start`). Migrates first;
 * in the combined mode an empty database gets the demo catalogue. Stops gracefully on SIGTERM.
 */
export async function start(config: Config, roles: { web: boolean; worker: boolean }) {
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
  // With METRICS_PORT set, /metrics is served on its own listener (127.0.0.1 unless METRICS_HOST) and not on PORT.
  const metricsListener =
    server && config.metrics.port !== undefined
      ? await startMetricsListener(server.metrics, {
          host: config.metrics.host,
          port: config.metrics.port,
          token: config.metrics.token,
        })
      : undefined
  // Replies to the enquiry relay arrive by SMTP; the receiver runs with the worker when a port is set.
  // The relay handler owns the whole relay domain; the receipt log takes any other domain served.
  const inbound =
    roles.worker && config.messaging.inbound
      ? await messaging.startInboundSmtp(
          config.messaging.inbound,
          [
            enquiries.createRelayInboundHandler({
              db: app.db,
              ctx: app.enquiryContext,
              logger: app.logger,
              afterStore: () => worker!.send('messaging.deliver'),
            }),
            messaging.createReceiptLogHandler(app.logger),
          ],
          app.logger,
        )
      : undefined

  let stopping = false
  const stop = async (signal: string) => {
    if (stopping) return
    stopping = true
    app.logger.info({ signal }, 'shutting down')
    // Stop taking requests, let in-flight ones finish, stop the worker, then close the database.
    const deadline = setTimeout(() => process.exit(1), 20_000)
    deadline.unref()
    await server?.close()
    await metricsListener?.close()
    await inbound?.close()
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
    if (metricsListener) console.log(`Metrics at ${metricsListener.url}/metrics`)
    if (!config.isProduction) {
      console.log('Demo sign-ins (password for all shown):')
      for (const login of demoLogins())
        console.log(`  ${login.role.padEnd(8)} ${login.email}  ${login.password}`)
    }
    console.log('Press Ctrl+C to stop.\n')
  } else {
    console.log(`Mandi worker running (database: ${describeDatabase(config)}). Press Ctrl+C to stop.`)
  }
  if (inbound)
    console.log(`Receiving relay mail for ${config.messaging.relayDomain} on port ${inbound.port}.`)
}

export async function seed(app: App, options: { products: number; seed?: number }) {
  const { seedDemo } = await import('./demo/seed.ts')
  const bar = progressBar()
  const result = await seedDemo(app.database, { ...options, onProgress: bar.update })
  bar.done()
  console.log(
    `Demo data: ${result.categories} categories, ${result.businesses} sellers, ${result.products} products, ` +
      `${result.users} people in ${(result.ms / 1000).toFixed(1)} s.`,
  )
  const { seedDemoEnquiries } = await import('./demo/enquiries.ts')
  const leads = await seedDemoEnquiries(app.db, app.enquiryContext)
  if (leads > 0) console.log(`Demo leads: ${leads} enquiries for the demo seller.`)
}

export function describeDatabase(config: Config): string {
  if (!config.database.url) return `embedded PGlite in ${config.database.pgliteDir}`
  const url = new URL(config.database.url)
  return `PostgreSQL at ${url.hostname}:${url.port || 5432}${url.pathname}`
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
