import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import * as accounts from '#src/modules/accounts/index.ts'
import { leadNotes } from '#src/modules/enquiries/enquiries.tables.ts'
import * as privacy from '#src/modules/privacy/index.ts'
import { buildBuyer, buildEnquiry, buildSeller } from '#test/enquiry-factories.ts'
import { buildProduct } from '#test/factories.ts'
import { testDatabaseKind, useTestDb } from '#test/setup.ts'
import {
  type DataSummary,
  dataSummary,
  subjectAccessInventory,
  summariseRows,
  withheldRows,
} from './data-summary.ts'
import { findSubjectRows } from './subject-rows.ts'
import { describeValue } from './data-values.ts'

const itemsOf = (summary: DataSummary, category: string) =>
  summary.categories.find((c) => c.category === category)?.items ?? []
const valueAt = (summary: DataSummary, field: string) =>
  summary.categories.flatMap((c) => c.items).find((i) => i.field === field)?.value

describe(`dataSummary (${testDatabaseKind})`, () => {
  const ctx = useTestDb()

  it("lists the person's values from several tables by category, with why and how long, and who received them", async () => {
    const buyer = await buildBuyer(ctx.db, { dateOfBirth: '1990-04-15' })
    await accounts.updateProfile(ctx.db, buyer.id, { city: 'Nashik' })
    const { enquiry, seller } = await buildEnquiry(
      ctx.db,
      { buyer },
      { message: 'Need 40 pumps for the Nashik plant by March.' },
    )
    await privacy.recordDisclosure(ctx.db, {
      subjectUserId: buyer.id,
      recipient: 'Kovai Pumps (seller)',
      recipientKind: 'seller',
      fields: ['name', 'email'],
      purpose: 'enquiries',
      reference: `enquiry:${enquiry.id}`,
    })
    const stranger = await buildBuyer(ctx.db, { name: 'Someone Else' })

    const summary = await dataSummary(ctx.db, buyer.id)

    assert.deepEqual(
      summary.categories.map((c) => c.title),
      summary.categories.map((c) => privacy.categoryTitles[c.category]),
    )
    const email = itemsOf(summary, 'contact').find((i) => i.field === 'users.email')
    assert.ok(email, 'the email address is listed under "How to reach you"')
    assert.equal(email.value, buyer.email)
    assert.equal(email.description, 'Your email address, used to sign in and to reach you')
    assert.ok(email.purposes.includes(privacy.purposes.account.title))
    assert.ok(email.retention.length > 0)

    assert.equal(valueAt(summary, 'users.name'), 'Ravi Kumar')
    assert.equal(valueAt(summary, 'users.date_of_birth'), '15 Apr 1990')
    assert.equal(valueAt(summary, 'profile_versions.changes'), 'City: Pune → Nashik')
    assert.equal(valueAt(summary, 'enquiries.message'), 'Need 40 pumps for the Nashik plant by March.')
    const tableNames = summary.tables.map((t) => t.table)
    assert.ok(tableNames.includes('users'))
    assert.ok(tableNames.includes('enquiries'))

    assert.deepEqual(summary.recipients, [
      {
        recipient: 'Kovai Pumps (seller)',
        fields: ['Name', 'Email address'],
        purpose: 'Enquiries and matchmaking',
        at: summary.recipients[0]!.at,
      },
    ])
    assert.ok(summary.recipients[0]!.at instanceof Date)

    const everything = JSON.stringify(summary)
    assert.doesNotMatch(everything, new RegExp(stranger.email))
    assert.doesNotMatch(everything, /Someone Else/)
    assert.doesNotMatch(
      everything,
      new RegExp(seller.owner.email),
      "the seller's own address is not the buyer's data",
    )
  })

  it('never shows a secret: password hashes and two-factor secrets are "held (not shown)"', async () => {
    const buyer = await buildBuyer(ctx.db, {
      passwordHash: '$argon2id$v=19$m=19456,t=2,p=1$c2VjcmV0c2FsdA$notarealhashbutsecret',
      totpSecret: 'ENCRYPTED-TOTP-SECRET-42',
    })
    const summary = await dataSummary(ctx.db, buyer.id)
    const credentials = itemsOf(summary, 'credentials')
    assert.deepEqual(
      credentials.map((i) => [i.field, i.value]),
      [
        ['users.password_hash', 'held (not shown)'],
        ['users.totp_secret', 'held (not shown)'],
      ],
    )
    const everything = JSON.stringify(summary)
    assert.doesNotMatch(everything, /notarealhashbutsecret/)
    assert.doesNotMatch(everything, /ENCRYPTED-TOTP-SECRET-42/)
  })

  it('limits the values listed per table for a busy account, says how many rows there are, and counts product listings', async () => {
    const { owner, business } = await buildSeller(ctx.db)
    for (let i = 1; i <= 3; i++) {
      await buildProduct(ctx.db, { businessId: business.id, slug: `pump-${i}`, title: `Pump model ${i}` })
    }
    const seller = { owner, business }
    const buyer = await buildBuyer(ctx.db)
    for (let i = 1; i <= 5; i++) {
      await buildEnquiry(ctx.db, { buyer, seller }, { message: `Enquiry number ${i} about pumps.` })
    }
    const all = await dataSummary(ctx.db, buyer.id)
    const limited = await dataSummary(ctx.db, buyer.id, { rowsPerTable: 2 })
    const count = (s: DataSummary, table: string) => {
      const t = s.tables.find((x) => x.table === table)
      return t && [t.rows, t.shown]
    }
    assert.deepEqual(count(all, 'enquiries'), [5, 5])
    assert.deepEqual(count(limited, 'enquiries'), [5, 2])
    const messages = (s: DataSummary) =>
      s.categories
        .flatMap((c) => c.items)
        .filter((i) => i.field === 'enquiries.message')
        .map((i) => i.value)
    assert.equal(messages(all).length, 5)
    assert.equal(messages(limited).length, 2)

    const sellerSummary = await dataSummary(ctx.db, owner.id)
    assert.deepEqual(count(sellerSummary, 'products'), [3, 0])
  })

  it("counts a seller's private notes about the buyer, with why, instead of showing them; the seller sees their own", async () => {
    const { enquiry, buyer, seller } = await buildEnquiry(ctx.db)
    await ctx.db
      .insert(leadNotes)
      .values({ enquiryId: enquiry.id, authorUserId: seller.owner.id, body: 'Haggles hard; quote high.' })
    const buyerSummary = await dataSummary(ctx.db, buyer.id)
    assert.doesNotMatch(JSON.stringify(buyerSummary), /Haggles hard/)
    assert.deepEqual(
      buyerSummary.withheld.map((w) => [w.table, w.rows]),
      [['lead_notes', 1]],
    )
    assert.match(buyerSummary.withheld[0]!.reasons.join(' '), /seller's own record/)
    const sellerSummary = await dataSummary(ctx.db, seller.owner.id)
    assert.equal(valueAt(sellerSummary, 'lead_notes.body'), 'Haggles hard; quote high.')
    assert.deepEqual(sellerSummary.withheld, [])
  })

  it('lists exactly what the subject-row walker finds', async () => {
    const { buyer, seller } = await buildEnquiry(ctx.db)
    await buildEnquiry(ctx.db, { buyer, seller }, { message: 'A second enquiry.' })
    await buildProduct(ctx.db, { businessId: seller.business.id })
    for (const person of [buyer.id, seller.owner.id]) {
      const light = await dataSummary(ctx.db, person)
      const walked = summariseRows(
        await findSubjectRows(ctx.db, person, { inventory: subjectAccessInventory }),
        await privacy.listDisclosures(ctx.db, person),
        await withheldRows(ctx.db, person),
      )
      const items = (s: DataSummary) =>
        s.categories.flatMap((c) => c.items.map((i) => `${c.category} ${i.field} ${i.value}`)).sort()
      assert.deepEqual(items(light), items(walked))
      assert.deepEqual(
        light.tables.map((t) => [t.table, t.rows]),
        walked.tables.map((t) => [t.table, t.rows]),
      )
    }
  })

  it('a person with nothing shared has no recipients', async () => {
    const buyer = await buildBuyer(ctx.db)
    const summary = await dataSummary(ctx.db, buyer.id)
    assert.deepEqual(summary.recipients, [])
    assert.ok(summary.categories.length > 0)
  })
})

describe('describeValue', () => {
  it('reads dates, lists, profile changes and JSON as a person would', () => {
    assert.equal(describeValue(new Date('2026-11-25T08:35:00Z')), '25 Nov 2026, 2:05 pm IST')
    assert.equal(describeValue(['pumps', 'valves']), 'pumps, valves')
    assert.equal(
      describeValue([
        { field: 'phone', from: null, to: '+919812345678' },
        { field: 'name', from: 'Ravi', to: 'Ravi Kumar' },
      ]),
      'Mobile number: (empty) → +919812345678; Name: Ravi → Ravi Kumar',
    )
    assert.equal(describeValue({ fields: ['email'], note: 'x' }), 'fields: email; note: x')
    assert.equal(describeValue('2026-11-25 08:35:00.123+00'), '25 Nov 2026, 2:05 pm IST')
    assert.equal(describeValue('1990-04-15'), '15 Apr 1990')
    assert.equal(describeValue(true), 'Yes')
    assert.equal(describeValue(null), '')
  })
})
