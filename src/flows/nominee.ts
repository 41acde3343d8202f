import { randomUUID } from 'node:crypto'
import { z } from 'zod'
import type { Db } from '../db/database.ts'
import * as accounts from '../modules/accounts/index.ts'
import * as messaging from '../modules/messaging/index.ts'
import * as privacy from '../modules/privacy/index.ts'
import { parseInputAll, storableText, validOrUndefined } from '../shared/validation.ts'

// Naming a nominee (DPDP Act s14) spans privacy (the nominee row and the ledger), accounts (the
// person's own name and email) and messaging (the note to the nominee). Telling the nominee is a
// disclosure of the person's name and the relationship they gave: it is recorded in the ledger in
// the transaction that queues the mail.

export interface NomineeDeps {
  publicUrl: string
  now: () => Date
}

/** The one way the nominee flow sends a person's data out: the note telling their nominee. */
export const nomineeNoticePath = privacy.declareOutbound({
  id: 'privacy.nominee-notice',
  description:
    'When you name a nominee (or change to another), we email them once to say that you named them, with your name and how you are related.',
  recipientKind: 'nominee',
  fields: ['name', 'relationship'],
  purpose: 'legal_obligation',
})

/** The outbound paths of the nominee flow, for the register in `src/outbound.ts`. */
export const outboundPaths: readonly privacy.OutboundPath[] = [nomineeNoticePath]

const nomineeEmail = z
  .string({ error: 'Enter your nominee’s email address.' })
  .trim()
  .toLowerCase()
  .min(1, 'Enter your nominee’s email address.')
  .max(254, 'That email address is too long.')
  .pipe(z.email('Enter an email address like name@company.in.'))

/** `{name, email, relationship}`: the relationship is one of the offered choices or written in. */
export const NomineeInput = z.object({
  name: storableText(
    z
      .string({ error: 'Enter your nominee’s full name.' })
      .trim()
      .min(2, 'Enter your nominee’s full name.')
      .max(120, 'Use at most 120 characters.'),
  ),
  email: nomineeEmail,
  relationship: storableText(
    z
      .string({ error: 'Say how your nominee is related to you.' })
      .trim()
      .min(2, 'Say how your nominee is related to you, for example “Spouse” or “Business partner”.')
      .max(
        privacy.NOMINEE_RELATIONSHIP_MAX,
        `Describe the relationship in at most ${privacy.NOMINEE_RELATIONSHIP_MAX} characters.`,
      ),
  ).describe(
    `One of ${privacy.nomineeRelationships.map((r) => `"${r}"`).join(', ')}, or your own words (at most ${privacy.NOMINEE_RELATIONSHIP_MAX} characters)`,
  ),
})

export async function getNominee(db: Db, userId: string) {
  return privacy.findNominee(db, userId)
}

/**
 * Names or replaces the person's nominee. Every problem is reported at once, including naming
 * oneself. A newly named nominee (or a new email address) is told by email, once; correcting the
 * name or relationship of the same nominee sends nothing. Returns whether the nominee was told.
 */
export async function setNominee(
  db: Db,
  deps: NomineeDeps,
  request: { userId: string; input: unknown },
): Promise<{ nominee: privacy.Nominee; told: boolean }> {
  const person = await accounts.findProfile(db, request.userId)
  const raw = (request.input && typeof request.input === 'object' ? request.input : {}) as Record<
    string,
    unknown
  >
  const email = validOrUndefined(nomineeEmail, raw.email)
  const input = parseInputAll(
    NomineeInput,
    request.input,
    [
      email !== undefined &&
        email === (person.email ?? '').toLowerCase() && {
          field: 'email',
          message: 'This is your own email address. Your nominee must be someone else.',
          code: 'nominee_is_self',
        },
    ],
    'invalid_nominee',
  )
  return db.transaction(async (tx) => {
    const { nominee, previous } = await privacy.saveNominee(tx, request.userId, input, deps.now())
    const isNew = !previous || previous.email.toLowerCase() !== nominee.email.toLowerCase()
    if (!isNew) return { nominee, told: false }
    const [message] = await messaging.queueMessage(tx, {
      kind: 'nominee-named',
      // The recipient is not an account holder (no toUserId), but the mail carries the person's
      // name: the key names the person, so erasing them can find it (`nominee-named:<userId>:%`).
      idempotencyKey: `nominee-named:${request.userId}:${randomUUID()}`,
      to: nominee.email,
      data: {
        nomineeName: nominee.name,
        personName: person.name ?? 'A Mandi user',
        relationship: nominee.relationship,
        grievanceUrl: `${deps.publicUrl}/grievance`,
      },
    })
    await privacy.recordOutbound(tx, nomineeNoticePath, {
      subjectUserId: request.userId,
      recipient: `${nominee.name}, your nominee`,
      reference: `outbox:${message!.id}`,
    })
    return { nominee, told: true }
  })
}

/** Removes the nominee; false when there was none. */
export async function removeNominee(db: Db, userId: string): Promise<boolean> {
  return db.transaction((tx) => privacy.removeNominee(tx, userId))
}
