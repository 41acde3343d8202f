import { z } from 'zod'
import type { Db } from '../db/database.ts'
import * as accounts from '../modules/accounts/index.ts'
import * as messaging from '../modules/messaging/index.ts'
import * as privacy from '../modules/privacy/index.ts'
import { AppError } from '../shared/errors.ts'
import { parseInput, storableText } from '../shared/validation.ts'

// Grievance tickets across modules: the ticket and its clock live in privacy, the person's name
// and email in accounts, the mails in messaging's outbox (queued in the ticket's transaction, so a
// ticket exists if and only if its receipt is on its way). Every time decision takes deps.now().

export interface GrievanceDeps {
  /** Absolute base URL, for the ticket link in mails. */
  publicUrl: string
  /** The clock; tests pass a fake one. */
  now: () => Date
}

const categoryInput = z.enum(privacy.grievanceCategories, { error: 'Choose what your grievance is about.' })

const textInput = (label: string, min: number, max: number) =>
  storableText(
    z
      .string({ error: `Enter ${label}.` })
      .trim()
      .min(min, min <= 1 ? `Enter ${label}.` : `Enter ${label} (at least ${min} characters).`)
      .max(max, `Use at most ${max} characters.`),
  )

/** What a signed-in person (or an API client) writes: one schema for the form, the API and its document. */
export const GrievanceInput = z.object({
  category: categoryInput.describe(
    `One of: ${privacy.grievanceCategories.map((c) => `${c} (${privacy.grievanceCategoryLabels[c]})`).join(', ')}`,
  ),
  subject: textInput('a subject', 3, 200),
  message: textInput('what happened and what you would like us to do', 10, 5000),
})

const emailInput = z
  .string({ error: 'Enter your email address.' })
  .trim()
  .toLowerCase()
  .min(1, 'Enter your email address, so we can answer you.')
  .max(254, 'That email address is too long.')
  .pipe(z.email('Enter an email address like name@company.in.'))

/** Someone without an account (or signed out) also says who they are and where to answer. */
export const AnonymousGrievanceInput = GrievanceInput.extend({
  name: textInput('your name', 1, 120),
  email: emailInput,
})

export const GrievanceReplyInput = z.object({ body: textInput('your message', 1, 5000) })
export const GrievanceResolveInput = z.object({
  note: textInput('what was decided and done', 3, 5000),
})
export const GrievanceAcknowledgeInput = z.object({
  note: storableText(z.string().trim().max(5000, 'Use at most 5000 characters.'))
    .optional()
    .transform((v) => (v ? v : null)),
})
export const GrievanceReopenInput = z.object({
  reason: storableText(z.string().trim().max(5000, 'Use at most 5000 characters.'))
    .optional()
    .transform((v) => (v ? v : null)),
})

const ticketUrl = (deps: GrievanceDeps, id: string) => `${deps.publicUrl}/account/grievances/${id}`

/**
 * Raises a ticket and queues its receipt (reference and deadlines) to the person's email, in one
 * transaction. `userId` null means someone without an account: the input must then carry name
 * and email. Throws invalid('invalid_grievance') naming every problem at once.
 */
export async function raiseGrievance(
  db: Db,
  deps: GrievanceDeps,
  request: { userId: string | null; input: unknown },
): Promise<privacy.Grievance> {
  const now = deps.now()
  const contact = request.userId ? await accountContact(db, request.userId) : null
  const parsed = request.userId
    ? { ...parseInput(GrievanceInput, request.input, 'invalid_grievance'), name: null, email: null }
    : parseInput(AnonymousGrievanceInput, request.input, 'invalid_grievance')
  return db.transaction(async (tx) => {
    const grievance = await privacy.createGrievance(
      tx,
      {
        userId: request.userId,
        requesterName: parsed.name,
        requesterEmail: parsed.email,
        category: parsed.category,
        subject: parsed.subject,
        message: parsed.message,
      },
      now,
    )
    const to = contact ?? { name: parsed.name, email: parsed.email! }
    await messaging.queueMessage(tx, {
      kind: 'grievance-received',
      toUserId: request.userId,
      to: to.email,
      idempotencyKey: `grievance-received:${grievance.id}`,
      data: {
        name: to.name,
        reference: privacy.grievanceReference(grievance.id),
        category: privacy.grievanceCategoryLabels[grievance.category],
        subject: grievance.subject,
        acknowledgeBy: grievance.acknowledgeBy.toISOString(),
        resolveBy: grievance.resolveBy.toISOString(),
        ticketUrl: request.userId ? ticketUrl(deps, grievance.id) : null,
      },
    })
    return grievance
  })
}

async function accountContact(db: Db, userId: string): Promise<{ name: string; email: string }> {
  const profile = await accounts.findProfile(db, userId)
  // Both columns are NOT NULL; the profile type is loose because every field is read alike.
  return { name: profile.name ?? 'there', email: profile.email ?? '' }
}

/** Where the person behind a ticket is answered: their account's email, or the one they gave. */
export async function grievanceContact(
  db: Db,
  grievance: privacy.Grievance,
): Promise<{ name: string | null; email: string | null; hasAccount: boolean }> {
  if (grievance.userId) {
    const contact = await accountContactIfAny(db, grievance.userId)
    return contact ? { ...contact, hasAccount: true } : { name: null, email: null, hasAccount: false }
  }
  return { name: grievance.requesterName, email: grievance.requesterEmail, hasAccount: false }
}

/** The account's name and email, or null once the account is gone (erased). */
async function accountContactIfAny(db: Db, userId: string) {
  try {
    return await accountContact(db, userId)
  } catch (error) {
    if (error instanceof AppError && error.kind === 'not_found') return null
    throw error
  }
}

async function tellPerson(
  tx: Db,
  deps: GrievanceDeps,
  grievance: privacy.Grievance,
  update: 'acknowledged' | 'reply' | 'resolved',
  body: string | null,
) {
  const contact = await grievanceContact(tx, grievance)
  if (!contact.email) return
  await messaging.queueMessage(tx, {
    kind: 'grievance-update',
    toUserId: contact.hasAccount ? grievance.userId : null,
    to: contact.email,
    data: {
      name: contact.name,
      reference: privacy.grievanceReference(grievance.id),
      subject: grievance.subject,
      update,
      body,
      resolveBy: update === 'acknowledged' ? grievance.resolveBy.toISOString() : null,
      ticketUrl: contact.hasAccount ? ticketUrl(deps, grievance.id) : null,
    },
  })
}

/** The person's own tickets, and one of them with its history (another's answers 404). */
export async function listOwnGrievances(db: Db, userId: string) {
  return privacy.listGrievancesForUser(db, userId)
}

export async function ownGrievance(db: Db, userId: string, id: string) {
  const grievance = await privacy.findGrievanceForUser(db, userId, id)
  return { grievance, events: await privacy.listGrievanceEvents(db, id) }
}

/** The person writes on their open ticket. */
export async function replyAsPerson(
  db: Db,
  deps: GrievanceDeps,
  request: { userId: string; id: string; input: unknown },
) {
  const { body } = parseInput(GrievanceReplyInput, request.input, 'invalid_reply')
  return db.transaction(async (tx) => {
    await privacy.findGrievanceForUser(tx, request.userId, request.id)
    return privacy.addGrievanceReply(
      tx,
      request.id,
      { authorUserId: request.userId, authorRole: 'person', body },
      deps.now(),
    )
  })
}

/** The person reopens a resolved ticket: open again, acknowledge within 48 hours and resolve within 30 days of now. */
export async function reopenAsPerson(
  db: Db,
  deps: GrievanceDeps,
  request: { userId: string; id: string; input?: unknown },
) {
  const { reason } = parseInput(GrievanceReopenInput, request.input ?? {}, 'invalid_reopen')
  return db.transaction((tx) =>
    privacy.reopenGrievance(tx, request.id, { userId: request.userId, reason }, deps.now()),
  )
}

// ── Staff ───────────────────────────────────────────────────────────────────────────────────

export interface StaffGrievanceView {
  grievance: privacy.Grievance
  events: privacy.GrievanceEvent[]
  contact: { name: string | null; email: string | null; hasAccount: boolean }
  /** For a nominee's request: the people who named the requester's email as their nominee. */
  nominations: {
    userId: string
    personName: string | null
    personEmail: string | null
    relationship: string
  }[]
}

/** A ticket as the grievance officer sees it: the history, who to answer, and any nomination. */
export async function grievanceForStaff(db: Db, id: string): Promise<StaffGrievanceView> {
  const grievance = await privacy.findGrievance(db, id)
  const [events, contact] = await Promise.all([
    privacy.listGrievanceEvents(db, id),
    grievanceContact(db, grievance),
  ])
  const nominations: StaffGrievanceView['nominations'] = []
  if (grievance.category === 'nominee_request' && contact.email) {
    for (const row of await privacy.findNominationsByEmail(db, contact.email)) {
      const person = await accountContactIfAny(db, row.userId)
      nominations.push({
        userId: row.userId,
        personName: person?.name ?? null,
        personEmail: person?.email ?? null,
        relationship: row.relationship,
      })
    }
  }
  return { grievance, events, contact, nominations }
}

export async function acknowledgeAsStaff(
  db: Db,
  deps: GrievanceDeps,
  request: { staffUserId: string; id: string; note?: string | null },
) {
  const { note } = parseInput(
    GrievanceAcknowledgeInput,
    { note: request.note ?? undefined },
    'invalid_acknowledgement',
  )
  return db.transaction(async (tx) => {
    const grievance = await privacy.acknowledgeGrievance(
      tx,
      request.id,
      { userId: request.staffUserId, note },
      deps.now(),
    )
    await tellPerson(tx, deps, grievance, 'acknowledged', note)
    return grievance
  })
}

/** A reply from the officer, mailed to the person (account email, or the email they gave). */
export async function replyAsStaff(
  db: Db,
  deps: GrievanceDeps,
  request: { staffUserId: string; id: string; input: unknown },
) {
  const { body } = parseInput(GrievanceReplyInput, request.input, 'invalid_reply')
  return db.transaction(async (tx) => {
    const result = await privacy.addGrievanceReply(
      tx,
      request.id,
      { authorUserId: request.staffUserId, authorRole: 'staff', body },
      deps.now(),
    )
    await tellPerson(tx, deps, result.grievance, 'reply', body)
    return result
  })
}

/** The decision, with a note of what was done, mailed to the person. */
export async function resolveAsStaff(
  db: Db,
  deps: GrievanceDeps,
  request: { staffUserId: string; id: string; input: unknown },
) {
  const { note } = parseInput(GrievanceResolveInput, request.input, 'invalid_resolution')
  return db.transaction(async (tx) => {
    const grievance = await privacy.resolveGrievance(
      tx,
      request.id,
      { userId: request.staffUserId, note },
      deps.now(),
    )
    await tellPerson(tx, deps, grievance, 'resolved', note)
    return grievance
  })
}
