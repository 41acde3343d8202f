import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { generateKeyPairSync } from 'node:crypto'
import { describe, it } from 'node:test'
import { eq, sql } from 'drizzle-orm'
import { queryRows } from '#src/db/database.ts'
import { testDatabaseKind, useTestDb } from '#test/setup.ts'
import * as privacy from './index.ts'
import { accessLog, consentEvents, disclosures } from './privacy.tables.ts'

// Drizzle wraps the driver's error; the database's own message is its cause.
const refusedWith = (pattern: RegExp) => (error: Error & { cause?: Error }) =>
  pattern.test(error.cause?.message ?? error.message)

describe(`ledgers (${testDatabaseKind})`, () => {
  const ctx = useTestDb()

  it('record a disclosure with who, what, why and on which basis', async () => {
    const subject = randomUUID()
    await privacy.recordDisclosure(ctx.db, {
      subjectUserId: subject,
      recipient: 'Shree Ganesh Engineering Works (seller)',
      recipientKind: 'seller',
      fields: ['email', 'phone'],
      purpose: 'enquiries',
      basis: 'consent',
      reference: 'enquiry:42',
    })
    const [entry] = await privacy.listDisclosures(ctx.db, subject)
    assert.deepEqual(
      { ...entry, id: 0, createdAt: null },
      {
        id: 0,
        subjectUserId: subject,
        recipient: 'Shree Ganesh Engineering Works (seller)',
        recipientKind: 'seller',
        fields: ['email', 'phone'],
        purpose: 'enquiries',
        basis: 'consent',
        reference: 'enquiry:42',
        createdAt: null,
      },
    )
  })

  it('default the legal basis to the purpose’s own', async () => {
    const subject = randomUUID()
    const entry = await privacy.recordDisclosure(ctx.db, {
      subjectUserId: subject,
      recipient: 'Payment gateway',
      recipientKind: 'payment_gateway',
      fields: ['name', 'email'],
      purpose: 'orders',
    })
    assert.equal(entry.basis, 'contract')
  })

  for (const [name, table, column] of [
    ['disclosures', disclosures, disclosures.subjectUserId],
    ['access_log', accessLog, accessLog.subjectUserId],
    ['consent_events', consentEvents, consentEvents.userId],
  ] as const) {
    it(`refuse UPDATE, DELETE and TRUNCATE on ${name}`, async () => {
      const subject = randomUUID()
      await seedRow(name, subject)
      await assert.rejects(
        ctx.db.execute(sql`update ${table} set created_at = now() where ${column} = ${subject}`),
        refusedWith(/append-only: UPDATE refused/),
      )
      await assert.rejects(
        ctx.db.delete(table).where(eq(column, subject)),
        refusedWith(/append-only: DELETE refused/),
      )
      await assert.rejects(
        ctx.db.execute(sql`truncate ${table}`),
        refusedWith(/append-only: TRUNCATE refused/),
      )
      const [row] = await queryRows<{ n: string | number }>(
        ctx.db,
        sql`select count(*) as n from ${table} where ${column} = ${subject}`,
      )
      assert.equal(Number(row?.n), 1)
    })
  }

  it('let erasure replace a person’s id with a pseudonym, and nothing else', async () => {
    const subject = randomUUID()
    const pseudonym = randomUUID()
    await seedRow('disclosures', subject)
    await seedRow('access_log', subject)
    await seedRow('consent_events', subject)
    const [result] = await queryRows<{ n: number }>(
      ctx.db,
      sql`select mandi_pseudonymise_ledgers(${subject}, ${pseudonym}) as n`,
    )
    assert.equal(Number(result?.n), 3)
    assert.equal((await privacy.listDisclosures(ctx.db, subject)).length, 0)
    assert.equal((await privacy.listDisclosures(ctx.db, pseudonym)).length, 1)
    // The permission does not outlive the function: a direct update is refused again.
    await assert.rejects(
      ctx.db.execute(
        sql`update disclosures set recipient = 'someone else' where subject_user_id = ${pseudonym}`,
      ),
      refusedWith(/append-only/),
    )
  })

  async function seedRow(name: 'disclosures' | 'access_log' | 'consent_events', subject: string) {
    if (name === 'disclosures') {
      await privacy.recordDisclosure(ctx.db, {
        subjectUserId: subject,
        recipient: 'SMS provider',
        recipientKind: 'sms_provider',
        fields: ['phone'],
        purpose: 'enquiries',
      })
    } else if (name === 'access_log') {
      await privacy.recordAccess(ctx.db, {
        actorUserId: randomUUID(),
        actorRole: 'support',
        subjectUserId: subject,
        what: 'profile',
        why: 'ticket 12',
      })
    } else {
      await privacy.recordConsent(ctx.db, {
        userId: subject,
        purpose: 'marketing_email',
        action: 'grant',
        channel: 'web',
      })
    }
  }
})

describe(`consent (${testDatabaseKind})`, () => {
  const ctx = useTestDb()

  it('is absent until granted, present after, and gone the moment it is withdrawn', async () => {
    const user = randomUUID()
    assert.equal(await privacy.hasConsent(ctx.db, user, 'marketing_email'), false)
    const grant = await privacy.recordConsent(ctx.db, {
      userId: user,
      purpose: 'marketing_email',
      action: 'grant',
      channel: 'signup',
    })
    assert.equal(grant.policyVersion, privacy.currentPolicyVersion)
    assert.ok(grant.receiptId, 'a grant gets a receipt id')
    assert.equal(await privacy.hasConsent(ctx.db, user, 'marketing_email'), true)
    assert.equal(await privacy.hasConsent(ctx.db, user, 'personalisation'), false)

    await ctx.db.transaction(async (tx) => {
      await privacy.recordConsent(tx, {
        userId: user,
        purpose: 'marketing_email',
        action: 'withdraw',
        channel: 'email_link',
      })
      assert.equal(
        await privacy.hasConsent(tx, user, 'marketing_email'),
        false,
        'withdrawal is visible in the same transaction',
      )
    })
    assert.equal(await privacy.hasConsent(ctx.db, user, 'marketing_email'), false)
  })

  it('lists every consent purpose with its current state', async () => {
    const user = randomUUID()
    await privacy.recordConsent(ctx.db, {
      userId: user,
      purpose: 'personalisation',
      action: 'grant',
      channel: 'web',
    })
    const list = await privacy.listConsents(ctx.db, user)
    assert.deepEqual(
      list.map((c) => [c.purpose, c.granted]),
      [
        ['marketing_email', false],
        ['personalisation', true],
        ['analytics', false],
      ],
    )
  })

  it('gives a grant a signed receipt that verifies, for its owner only', async () => {
    const user = randomUUID()
    const grant = await privacy.recordConsent(ctx.db, {
      userId: user,
      purpose: 'analytics',
      action: 'grant',
      channel: 'web',
    })
    const signer = privacy.createReceiptSigner(
      generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
    )
    const context = {
      issuer: 'https://mandi.example',
      controller: { name: 'Mandi', grievanceEmail: 'g@mandi.example' },
    }
    const token = await privacy.consentReceipt(ctx.db, signer, context, user, grant.receiptId!)
    const check = privacy.verifyReceipt(token, signer.publicJwk)
    assert.equal(check.valid, true)
    assert.equal(check.valid && check.claims.purpose.code, 'analytics')
    assert.equal(check.valid && check.claims.sub, user)
    assert.equal(check.valid && check.claims.policyVersion, privacy.currentPolicyVersion)
    assert.equal(
      await privacy.consentReceipt(ctx.db, signer, context, user, grant.receiptId!),
      token,
      'stable across downloads',
    )
    await assert.rejects(privacy.consentReceipt(ctx.db, signer, context, randomUUID(), grant.receiptId!), {
      code: 'receipt_not_found',
    })
  })

  it('refuses to record consent for a purpose that does not rest on consent', async () => {
    await assert.rejects(
      privacy.recordConsent(ctx.db, {
        userId: randomUUID(),
        purpose: 'orders',
        action: 'withdraw',
        channel: 'web',
      }),
      { code: 'not_a_consent_purpose' },
    )
  })
})
