import type { FastifyInstance } from 'fastify'
import type { App } from '#src/app.ts'

/**
 * A scenario makes one outbound path happen through the real code (a provider accepting a message,
 * an enquiry reaching a seller) and names whose data left and, when known, the ledger reference.
 * test/ledger-completeness.test.ts runs the scenario named by each path id in the register.
 */
export type LedgerScenario = (ctx: {
  app: App
  server: FastifyInstance
}) => Promise<{ subjectUserId: string; reference?: string }>

export type LedgerScenarios = Record<string, LedgerScenario>
