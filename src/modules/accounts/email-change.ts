import { and, eq, isNull, ne, sql } from 'drizzle-orm'
import type { Db } from '../../db/database.ts'
import { conflict, invalid, notFound } from '../../shared/errors.ts'
import { emailInput } from './accounts.schemas.ts'
import { authTokens, profileVersions, users } from './accounts.tables.ts'
import { type AccountsDeps, sendVerificationEmail } from './registration.ts'
import { assertStepUp, type StepUpProof } from './step-up.ts'

/**
 * Changes the address a person signs in with, after a step-up (the current password, and a code
 * when two-factor sign-in is on). The new address must be confirmed again; links sent to the old
 * one stop working; the change is kept as a profile version. Throws what assertStepUp throws,
 * invalid('invalid_email' | 'same_email'), conflict('email_taken').
 */
export async function changeEmail(
  db: Db,
  deps: AccountsDeps,
  userId: string,
  input: { email?: unknown } & StepUpProof,
) {
  const [current] = await db.select({ email: users.email }).from(users).where(eq(users.id, userId))
  if (!current) throw notFound('user_not_found', 'This account no longer exists.')
  const parsed = emailInput.safeParse(typeof input.email === 'string' ? input.email : '')
  const problems: Record<string, string> = {}
  if (!parsed.success) problems.email = parsed.error.issues[0]?.message ?? 'Enter an email address.'
  else if (parsed.data === current.email) problems.email = 'This is already your email address.'
  await assertStepUp(db, deps, userId, { password: input.password, code: input.code }, { fields: problems })
  if (!parsed.success) throw invalid('invalid_email', problems.email!, problems)
  if (problems.email) throw invalid('same_email', problems.email, problems)
  const email = parsed.data

  return db.transaction(async (tx) => {
    const [user] = await tx
      .select({ email: users.email, name: users.name, version: users.profileVersion })
      .from(users)
      .where(eq(users.id, userId))
      .for('update')
    if (!user) throw notFound('user_not_found', 'This account no longer exists.')
    const [taken] = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.email, email), ne(users.id, userId)))
    if (taken) throw emailTaken()
    const version = user.version + 1
    const [updated] = await tx
      .update(users)
      .set({ email, emailVerifiedAt: null, profileVersion: version, updatedAt: sql`now()` })
      .where(eq(users.id, userId))
      .returning({ id: users.id })
      .catch((error: unknown) => {
        // Another account took the address between the check and the write.
        if (/unique|duplicate/i.test(String((error as Error).message))) throw emailTaken()
        throw error
      })
    if (!updated) throw notFound('user_not_found', 'This account no longer exists.')
    await tx.insert(profileVersions).values({
      userId,
      version,
      changedBy: userId,
      changes: [{ field: 'email', from: user.email, to: email }],
    })
    // Links emailed to the old address (reset, confirmation) must not outlive the change.
    await tx
      .update(authTokens)
      .set({ usedAt: sql`now()` })
      .where(and(eq(authTokens.userId, userId), isNull(authTokens.usedAt)))
    await sendVerificationEmail(tx, deps, { id: userId, email, name: user.name })
    return { email }
  })
}

function emailTaken() {
  const message = 'Another account uses this email address.'
  return conflict('email_taken', message)
}
