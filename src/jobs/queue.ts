import { fromPglite, PgBoss } from 'pg-boss'
import type { App } from '../app.ts'

/** pg-boss on whichever database the app uses: its own pool on PostgreSQL, the shared instance on PGlite. */
export function createQueue(app: App, options: { schedule?: boolean; supervise?: boolean; migrate?: boolean } = {}): PgBoss {
  const common = {
    schema: 'pgboss',
    schedule: options.schedule ?? true,
    supervise: options.supervise ?? true,
    migrate: options.migrate ?? true,
    application_name: 'mandi-worker',
  }
  const boss =
    app.database.kind === 'pglite'
      ? new PgBoss({ ...common, db: fromPglite(app.database.pglite), backend: 'pglite' })
      : new PgBoss({ ...common, connectionString: app.database.url, max: 4 })
  boss.on('error', (error: Error) => app.logger.error({ err: error }, 'job queue error'))
  return boss
}
