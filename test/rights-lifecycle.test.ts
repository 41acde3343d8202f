import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { eq, sql } from 'drizzle-orm'
import type { FastifyInstance, HTTPMethods } from 'fastify'
import { queryRows } from '#src/db/database.ts'
import { buildExportContent, eraseAccount, findSubjectRows, setNominee } from '#src/flows/index.ts'
import { dataInventory } from '#src/inventory.ts'
import * as accounts from '#src/modules/accounts/index.ts'
import { recoveryCodes, users } from '#src/modules/accounts/accounts.tables.ts'
import * as catalog from '#src/modules/catalog/index.ts'
import { productImages, productImports } from '#src/modules/catalog/catalog.tables.ts'
import * as enquiries from '#src/modules/enquiries/index.ts'
import {
  abuseReports,
  buyerBlocks,
  buyerInterests,
  buyRequirements,
  callbackRequests,
  contactShares,
  enquiryMessages,
  leadNotes,
} from '#src/modules/enquiries/enquiries.tables.ts'
import { outboxMessages } from '#src/modules/messaging/messaging.tables.ts'
import {
  cartItems,
  orderEvents,
  orderItems,
  orders as ordersTable,
} from '#src/modules/orders/orders.tables.ts'
import * as payments from '#src/modules/payments/index.ts'
import * as privacy from '#src/modules/privacy/index.ts'
import {
  dataExports,
  erasureRequests,
  grievanceEvents,
  grievances,
} from '#src/modules/privacy/rights.tables.ts'
import { makeGstin } from '#src/shared/gstin.ts'
import { buildBusiness, buildProduct } from '#test/factories.ts'
import { buildBuyer, buildEnquiry, buildSeller } from '#test/enquiry-factories.ts'
import { giveConsent, setResponsiveness } from '#test/requirement-factories.ts'
import { testDatabaseKind, useTestApp } from '#test/setup.ts'
import { enquiries as enquiriesTable } from '#src/modules/enquiries/enquiries.tables.ts'

// The whole life of a person's data rights: someone who has touched every table the inventory
// links to a person is exported, then erased, and afterwards nothing that identifies them is left
// outside the rows the law makes us keep — while the people they dealt with keep their side.

const DAY = 24 * 3_600_000

/** A timestamp as the database driver returns it ("2026-12-07 11:53:00.123456+00"), in ISO form; other text as is. */
function asIso(value: string): string {
  if (!/^\d{4}-\d\d-\d\d[ T]\d\d:\d\d/.test(value)) return value
  const date = new Date(
    value
      .replace(' ', 'T')
      .replace(/(\.\d{3})\d+/, '$1')
      .replace(/([+-]\d\d)$/, '$1:00'),
  )
  return Number.isNaN(date.getTime()) ? value : date.toISOString()
}
const password = 'gangapur polymer 8823'

const json = (
  server: FastifyInstance,
  method: string,
  url: string,
  headers: Record<string, string>,
  payload?: object,
) => server.inject({ method: method as HTTPMethods, url, headers, ...(payload ? { payload } : {}) })

describe(`rights lifecycle: export, then erasure (${testDatabaseKind})`, () => {
  const ctx = useTestApp()

  it('exports every personal value, then erases all but the legal holds; the other party keeps the thread', async () => {
    const db = ctx.db
    // ── The person: registered through the API (password, session), a buyer and a seller ──────
    const email = `priya.raghavan.${Date.now()}@raghavan-mail.example`
    const registered = await json(
      ctx.server,
      'POST',
      '/api/v1/auth/register',
      {},
      {
        email,
        password,
        name: 'Priya Raghavan',
        phone: '+91 98900 12345',
        isAdultBusinessUser: true,
      },
    )
    assert.equal(registered.statusCode, 201, registered.body)
    const userId = registered.json().user.id as string
    const cookie = `mandi_session=${registered.cookies.find((c) => c.name === 'mandi_session')!.value}`
    await accounts.updateProfile(db, userId, { addressLine1: '14 Gangapur Road', city: 'Nashik' })
    await db.insert(recoveryCodes).values({ userId, codeHash: 'recovery-code-hash-of-priya' })

    const business = await buildBusiness(db, {
      ownerUserId: userId,
      legalName: 'Raghavan Polymers Private Limited',
      gstin: makeGstin('27', 'AAECR4821K'),
      pan: 'AAECR4821K',
      tradeName: 'Raghavan Polymers',
      addressLine1: 'Plot 44, Ambad MIDC',
      phone: '+912532345678',
      email: `sales.${Date.now()}@raghavan-polymers.example`,
    })
    const product = await buildProduct(db, { businessId: business.id, title: 'HDPE Granules Grade 5502' })
    await db.insert(productImages).values({
      productId: product.id,
      pathBase: `products/${product.id}/a`,
      widths: [320],
      width: 640,
      height: 480,
      alt: 'HDPE granules',
    })
    const { key } = await catalog.createApiKey(db, { userId, businessId: business.id }, 'Raghavan ERP')
    await db
      .insert(productImports)
      .values({ businessId: business.id, createdBy: userId, filename: 'raghavan-products.csv' })
    await setResponsiveness(db, business.id, { enquiries90d: 4, answeredShare: 1, medianFirstReplyHours: 3 })

    // As a buyer: an enquiry to another seller, with messages both ways, a shared contact, a call-back.
    const me = (await db.select().from(users).where(eq(users.id, userId)))[0]!
    const otherSeller = await buildSeller(db)
    const { enquiry: myEnquiry } = await buildEnquiry(
      db,
      { buyer: me, seller: otherSeller },
      {
        message: 'Priya here: we need 2 tonnes of HDPE for our Ambad plant.',
        deliveryCity: 'Nashik',
      },
    )
    await db.insert(enquiryMessages).values([
      {
        enquiryId: myEnquiry.id,
        author: 'buyer',
        authorUserId: userId,
        body: 'Priya again: can you deliver by May?',
      },
      {
        enquiryId: myEnquiry.id,
        author: 'seller',
        authorUserId: otherSeller.owner.id,
        body: 'Yes, we deliver by 10 May.',
      },
    ])
    await db.insert(contactShares).values({
      enquiryId: myEnquiry.id,
      buyerUserId: userId,
      businessId: otherSeller.business.id,
      fields: ['email', 'phone'],
    })
    await db
      .update(enquiriesTable)
      .set({ contactSharedAt: new Date() })
      .where(eq(enquiriesTable.id, myEnquiry.id))
    await db
      .insert(callbackRequests)
      .values({ enquiryId: myEnquiry.id, provider: 'dev', preferredTime: 'Mornings before 11' })
    await db.insert(buyRequirements).values({
      buyerUserId: userId,
      title: 'Priya needs LDPE film rolls',
      details: 'For the Ambad packaging line.',
      quantity: 500,
      unit: 'kg',
      expiresAt: new Date(Date.now() + 10 * DAY),
      maxSuppliers: 3,
    })
    await db.insert(buyerInterests).values({ userId, kind: 'view', productId: product.id })
    // Orders: a product in the cart, and an order with another seller (kept 8 years for GST).
    const ordered = await buildProduct(db, { businessId: otherSeller.business.id, title: 'LDPE film roll 50 micron' })
    await db.insert(cartItems).values({ userId, productId: ordered.id, quantity: 2 })
    const [myOrder] = await db
      .insert(ordersTable)
      .values({
        buyerUserId: userId,
        businessId: otherSeller.business.id,
        taxablePaise: 100_000,
        taxPaise: 18_000,
        totalPaise: 118_000,
        shipName: 'Priya Raghavan',
        shipLine1: '14 Gangapur Road',
        shipCity: 'Nashik',
        shipState: 'Maharashtra',
        shipPin: '422013',
        shipPhone: me.phone!,
        billingGstin: makeGstin('27', 'AAECR4821K'),
        placeOfSupplyState: 'Maharashtra',
        source: 'cart',
      })
      .returning()
    await db.insert(orderItems).values({
      orderId: myOrder!.id,
      productId: ordered.id,
      title: 'LDPE film roll 50 micron',
      unit: 'piece',
      unitPricePaise: 50_000,
      quantity: 2,
      gstRatePercent: 18,
      taxablePaise: 100_000,
      taxPaise: 18_000,
    })
    await db
      .insert(orderEvents)
      .values({ orderId: myOrder!.id, toStatus: 'pending_payment', actor: 'buyer', reason: 'Priya placed it' })
    // Payments: the order paid through the sandbox gateway (payment records are kept 8 years too).
    const sandbox = payments.createSandboxGateway(db, {
      webhookSecret: 'w'.repeat(32),
      publicUrl: 'http://mandi.test',
    })
    const payment = await payments.startPayment(db, sandbox, {
      payerUserId: userId,
      amountPaise: 118_000,
      references: [myOrder!.id],
      payer: { name: me.name, email: me.email, phone: me.phone },
      returnUrl: 'http://mandi.test/account/orders',
    })
    await payments.decideSandboxPayment(db, payment.redirectUrl.split('/').pop()!, 'pay')

    // As a seller: a lead from another buyer, with a note, a block and a report by Priya.
    const otherBuyer = await buildBuyer(db)
    const { enquiry: lead } = await buildEnquiry(db, {
      buyer: otherBuyer,
      seller: { owner: me, business },
    })
    await db
      .insert(leadNotes)
      .values({ enquiryId: lead.id, authorUserId: userId, body: 'Priya: call back after Diwali.' })
    await db
      .insert(buyerBlocks)
      .values({ businessId: business.id, buyerUserId: otherBuyer.id, reason: 'Priya: spam' })
    await db
      .insert(abuseReports)
      .values({ enquiryId: lead.id, reporterUserId: userId, reason: 'Priya: spam again' })

    // Privacy: consent, a disclosure, a staff view, an export, a grievance, a nominee.
    await giveConsent(db, userId)
    await db.transaction((tx) =>
      privacy.recordDisclosure(tx, {
        subjectUserId: userId,
        recipient: otherSeller.business.legalName,
        recipientKind: 'seller',
        fields: ['email', 'phone'],
        purpose: 'enquiries',
      }),
    )
    await privacy.recordAccess(db, {
      actorUserId: otherBuyer.id,
      actorRole: 'support',
      subjectUserId: userId,
      what: 'profile',
      why: 'Support ticket about a wrong GSTIN',
    })
    await db.insert(dataExports).values({ userId })
    const [grievance] = await db
      .insert(grievances)
      .values({
        userId,
        category: 'correction',
        subject: 'Priya: wrong city shown',
        message: 'Please fix my city.',
        acknowledgeBy: new Date(Date.now() + 2 * DAY),
        resolveBy: new Date(Date.now() + 30 * DAY),
      })
      .returning()
    await db.insert(grievanceEvents).values({
      grievanceId: grievance!.id,
      authorUserId: userId,
      authorRole: 'person',
      kind: 'created',
      body: 'Please fix my city.',
    })
    // Named through the flow: the nominee is told by mail, which carries Priya's name.
    await setNominee(
      db,
      { publicUrl: 'https://mandi.example', now: () => new Date() },
      {
        userId,
        input: {
          name: 'Kiran Raghavan',
          email: `kiran.${Date.now()}@raghavan-mail.example`,
          relationship: 'Sibling',
        },
      },
    )
    const nomineeMails = await db
      .select()
      .from(outboxMessages)
      .where(eq(outboxMessages.kind, 'nominee-named'))
    assert.equal(nomineeMails.length, 1)
    assert.ok(JSON.stringify(nomineeMails[0]!.data).includes('Priya'), 'the nominee notice carries her name')

    // The API key works before the erasure.
    const keyBefore = await ctx.server.inject({
      url: '/api/v1/seller/products',
      headers: { authorization: `Bearer ${key}` },
    })
    assert.equal(keyBefore.statusCode, 200, keyBefore.body)

    // ── The request: password step-up, 202, and the session ends at once ──────────────────────
    const wrong = await json(
      ctx.server,
      'POST',
      '/api/v1/me/erasure',
      { cookie },
      { password: 'not my password' },
    )
    assert.equal(wrong.statusCode, 401)
    assert.equal(wrong.json().error.code, 'invalid_credentials')
    const requested = await json(ctx.server, 'POST', '/api/v1/me/erasure', { cookie }, { password })
    assert.equal(requested.statusCode, 202, requested.body)
    const erasure = requested.json().erasure as { id: string; status: string }
    assert.equal(erasure.status, 'pending')

    // ── Coverage: the person has rows in every table the inventory links to a person ──────────
    const found = await findSubjectRows(db, userId)
    const byTable = new Map(found.map((f) => [f.table.table, f.rows]))
    const linked = dataInventory.filter((t) => t.subjects.length > 0).map((t) => t.table)
    const uncovered = linked.filter((t) => !byTable.has(t))
    assert.deepEqual(
      uncovered,
      [],
      `the person has no rows in: ${uncovered.join(', ')} — add them to this test`,
    )

    // ── Export: every personal value the person has is in the export's content ────────────────
    const content = await buildExportContent(db, userId)
    const exported = JSON.stringify(content.data)
    const missing: string[] = []
    let checked = 0
    for (const { table, rows } of found) {
      for (const { column, entry } of table.columns) {
        // Secrets are exported as "held (not shown)", never as their value.
        if (!entry.personal || entry.category === 'credentials') continue
        for (const row of rows) {
          const value = row[column]
          if (value === null || value === undefined || value === '') continue
          const text =
            value instanceof Date
              ? value.toISOString()
              : typeof value === 'string'
                ? asIso(value)
                : JSON.stringify(value).slice(1, -1)
          checked += 1
          if (!exported.includes(JSON.stringify(text).slice(1, -1)) && !exported.includes(text))
            missing.push(`${table.table}.${column}`)
        }
      }
    }
    assert.ok(checked > 40, `many personal values were checked (${checked})`)
    assert.deepEqual([...new Set(missing)], [], 'personal values missing from the export')
    for (const expected of [
      email,
      'Priya Raghavan',
      '14 Gangapur Road',
      'Raghavan Polymers Private Limited',
      'Kiran Raghavan',
    ]) {
      assert.ok(exported.includes(expected), `the export holds "${expected}"`)
    }

    // Identifiers as stored, and the rows the law makes us keep (found before they change).
    const stored: Record<string, string> = {
      email: me.email,
      name: me.name,
      phone: me.phone!,
      address: '14 Gangapur Road',
      legalName: business.legalName,
      tradeName: business.tradeName!,
      gstin: business.gstin!,
      pan: business.pan!,
      businessEmail: business.email!,
      businessPhone: business.phone!,
      businessAddress: business.addressLine1!,
      nominee: 'Kiran Raghavan',
    }
    for (const [what, value] of Object.entries(stored)) assert.ok(value, `the test knows the ${what}`)
    const heldRows = new Set<string>()
    for (const { table, rows } of await findSubjectRows(db, userId, { purpose: 'erasure' })) {
      const held = table.columns.filter((c) => c.entry.personal && c.entry.erasure === 'legal_hold')
      for (const row of rows) {
        if (held.some((c) => row[c.column] !== null && row[c.column] !== undefined))
          heldRows.add(`${table.table}:${row.id}`)
      }
    }
    assert.ok(heldRows.has(`businesses:${business.id}`), 'the business row is held (GSTIN, PAN, legal name)')

    // ── The job erases the account ─────────────────────────────────────────────────────────────
    const report = await eraseAccount(db, erasure.id)
    assert.ok(report, 'the pending request was erased')
    const [request] = await db.select().from(erasureRequests).where(eq(erasureRequests.id, erasure.id))
    assert.equal(request!.status, 'done')
    assert.equal(request!.userId, null, 'the request no longer names the account')
    const reportText = JSON.stringify(request!.report)
    for (const value of Object.values(stored)) {
      assert.ok(!reportText.toLowerCase().includes(value.toLowerCase()), 'the report holds no values')
    }
    const businessesLine = report.tables.find((t) => t.table === 'businesses')!
    assert.deepEqual(businessesLine.held.map((h) => h.column).sort(), ['gstin', 'legal_name', 'pan'])
    assert.ok(
      businessesLine.held.every((h) => h.reason.length > 0 && h.until.length > 0),
      'held with why and until when',
    )
    assert.equal(report.tables.find((t) => t.table === 'sessions')!.deletedRows, 1)
    assert.ok(
      report.ledgerRowsPseudonymised >= 3,
      'consent, disclosure and access ledgers carry the pseudonym',
    )

    // The erasure mail: queued to the address the account had, naming no account, telling the holds.
    const mails = await db.select().from(outboxMessages).where(eq(outboxMessages.kind, 'account-erased'))
    assert.equal(mails.length, 1)
    assert.equal(mails[0]!.toAddress, email)
    assert.equal(mails[0]!.recipientUserId, null)
    const mailData = mails[0]!.data as { held: { what: string }[]; erased: string[]; reference: string }
    assert.equal(mailData.reference, request!.pseudonym)
    assert.ok(
      mailData.held.some((h) => /GSTIN/i.test(h.what)),
      'the mail names the GSTIN as kept',
    )
    assert.ok(mailData.erased.length > 10, 'the mail lists what was erased')

    // ── A scan of every table: no identifier left outside the rows held by law ─────────────────
    const tables = await queryRows<{ table_name: string }>(
      db,
      sql`select table_name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE'`,
    )
    assert.ok(tables.length >= dataInventory.length - 1)
    const leaks: string[] = []
    for (const { table_name } of tables) {
      const rows = await queryRows<{ row: Record<string, unknown> & { id?: unknown }; text: string }>(
        db,
        sql`select to_jsonb(t) as row, to_jsonb(t)::text as text from ${sql.identifier(table_name)} t`,
      )
      for (const { row, text } of rows) {
        if (heldRows.has(`${table_name}:${row.id}`)) continue
        // The erasure notice itself: the one message kept, to the address it must reach.
        if (table_name === 'outbox_messages' && row.kind === 'account-erased') continue
        const lower = text.toLowerCase()
        for (const [what, value] of Object.entries(stored)) {
          if (lower.includes(value.toLowerCase())) leaks.push(`${table_name} row ${String(row.id)}: ${what}`)
        }
      }
    }
    assert.deepEqual(leaks, [], `identifiers left after erasure: ${leaks.join('; ')}`)

    // The held business row keeps only what the law needs: its contact details are gone.
    const [kept] = await queryRows<{
      phone: string | null
      email: string | null
      address_line1: string | null
    }>(db, sql`select phone, email, address_line1 from businesses where id = ${business.id}`)
    assert.deepEqual(kept, { phone: null, email: null, address_line1: '' })
    const [storefront] = await queryRows<{ published: number }>(
      db,
      sql`select count(*)::int as published from products where business_id = ${business.id} and status = 'published'`,
    )
    assert.equal(storefront!.published, 0, 'the products are off the site')

    // ── The other party keeps the thread, with the person as "Erased user" ────────────────────
    const thread = await enquiries.getLead(
      db,
      { userId: otherSeller.owner.id, businessId: otherSeller.business.id },
      myEnquiry.id,
      { markRead: false },
    )
    assert.equal(thread.buyer.name, 'Erased user')
    assert.equal(thread.buyer.company, null, 'the business kept by law is no longer shown as their company')
    assert.equal(thread.contactShared, false, 'the contact share ended')
    assert.ok(
      thread.thread.some((m) => m.body === 'Yes, we deliver by 10 May.'),
      'the seller’s own messages stay',
    )
    assert.ok(
      thread.thread.some((m) => m.author === 'system' && /erased/.test(m.body)),
      'the thread says so',
    )
    // The seller's lead page reads: their words, the erased person's removed ones said as such.
    await db.update(users).set({ emailVerifiedAt: new Date() }).where(eq(users.id, otherSeller.owner.id))
    const sellerSession = await accounts.createSession(db, {
      userId: otherSeller.owner.id,
      sharedDevice: false,
    })
    const leadPage = await ctx.server.inject({
      url: `/seller/leads/${myEnquiry.id}`,
      headers: { cookie: `mandi_session=${sellerSession.token}` },
    })
    assert.equal(leadPage.statusCode, 200)
    assert.match(leadPage.body, /Erased user/)
    assert.match(leadPage.body, /Yes, we deliver by 10 May\./)
    assert.match(leadPage.body, /Removed when its author erased their Mandi account\./)
    assert.doesNotMatch(leadPage.body, /Priya|Ambad|Nashik/)

    // ── The old session and the API key get 401; the email address registers again ───────────
    const me401 = await json(ctx.server, 'GET', '/api/v1/me', { cookie })
    assert.equal(me401.statusCode, 401)
    const key401 = await ctx.server.inject({
      url: '/api/v1/seller/products',
      headers: { authorization: `Bearer ${key}` },
    })
    assert.equal(key401.statusCode, 401)
    const again = await json(
      ctx.server,
      'POST',
      '/api/v1/auth/register',
      {},
      {
        email,
        password: 'a fresh start 5521',
        name: 'Priya R',
        phone: '+91 98900 12345',
        isAdultBusinessUser: true,
      },
    )
    assert.equal(again.statusCode, 201, again.body)
    assert.notEqual(again.json().user.id, userId)

    // A second run of the job changes nothing.
    assert.equal(await eraseAccount(db, erasure.id), null)
  })
})
