import * as flows from '#src/flows/index.ts'
import { buildUser } from '#test/factories.ts'
import type { LedgerScenarios } from './scenario.ts'

// The outbound paths declared by flows: naming a nominee tells them by email.

export const flowScenarios: LedgerScenarios = {
  async 'privacy.nominee-notice'({ app }) {
    const person = await buildUser(app.db, { name: 'Asha Rao' })
    const { told } = await flows.setNominee(
      app.db,
      { publicUrl: app.config.publicUrl, now: () => new Date() },
      {
        userId: person.id,
        input: { name: 'Kiran Rao', email: 'kiran.rao@example.in', relationship: 'Sibling' },
      },
    )
    if (!told) throw new Error('the nominee was not told')
    return { subjectUserId: person.id }
  },
}
