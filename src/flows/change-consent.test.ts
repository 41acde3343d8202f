import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { eq } from 'drizzle-orm'
import * as enquiries from '#src/modules/enquiries/index.ts'
import { buyerInterests } from '#src/modules/enquiries/enquiries.tables.ts'
import * as privacy from '#src/modules/privacy/index.ts'
import { buildProduct, buildUser } from '#test/factories.ts'
import { testDatabaseKind, useTestDb } from '#test/setup.ts'
import { changeConsent } from './change-consent.ts'

describe(`changeConsent (${testDatabaseKind})`, () => {
  const ctx = useTestDb()

  const interestsOf = async (userId: string) =>
    (await ctx.db.select().from(buyerInterests).where(eq(buyerInterests.userId, userId))).length

  it('grants with a receipt, and withdrawing personalisation forgets the interest signals it allowed', async () => {
    const user = await buildUser(ctx.db)
    const product = await buildProduct(ctx.db)
    const grant = await changeConsent(ctx.db, {
      userId: user.id,
      purpose: 'personalisation',
      action: 'grant',
      channel: 'web',
    })
    assert.ok(grant.receiptId)
    assert.equal(
      await enquiries.recordInterest(ctx.db, user.id, { kind: 'view', productId: product.id }),
      true,
    )
    assert.equal(await interestsOf(user.id), 1)

    await changeConsent(ctx.db, {
      userId: user.id,
      purpose: 'personalisation',
      action: 'withdraw',
      channel: 'api',
    })
    assert.equal(await privacy.hasConsent(ctx.db, user.id, 'personalisation'), false)
    assert.equal(await interestsOf(user.id), 0)
  })

  it('withdrawing another purpose keeps the interest signals', async () => {
    const user = await buildUser(ctx.db)
    const product = await buildProduct(ctx.db)
    for (const purpose of ['personalisation', 'marketing_email'] as const) {
      await changeConsent(ctx.db, { userId: user.id, purpose, action: 'grant', channel: 'web' })
    }
    await enquiries.recordInterest(ctx.db, user.id, { kind: 'view', productId: product.id })
    await changeConsent(ctx.db, {
      userId: user.id,
      purpose: 'marketing_email',
      action: 'withdraw',
      channel: 'email_link',
    })
    assert.equal(await privacy.hasConsent(ctx.db, user.id, 'marketing_email'), false)
    assert.equal(await privacy.hasConsent(ctx.db, user.id, 'personalisation'), true)
    assert.equal(await interestsOf(user.id), 1)
  })

  it('refuses a purpose that does not rest on consent, recording nothing', async () => {
    const user = await buildUser(ctx.db)
    await assert.rejects(
      changeConsent(ctx.db, { userId: user.id, purpose: 'account', action: 'withdraw', channel: 'web' }),
      { code: 'not_a_consent_purpose' },
    )
    const consents = await privacy.listConsents(ctx.db, user.id)
    assert.ok(consents.every((c) => c.changedAt === null))
  })
})
