import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { eq } from 'drizzle-orm'
import { createApp } from '#src/app.ts'
import { businesses, users } from '#src/modules/accounts/accounts.tables.ts'
import * as enquiries from '#src/modules/enquiries/index.ts'
import { openTestDatabase, testConfig, testDatabaseKind } from '#test/setup.ts'
import { seedDemoEnquiries } from './enquiries.ts'
import { seedDemo } from './seed.ts'

describe(`demo enquiries (${testDatabaseKind})`, () => {
  it('gives the demo seller a lived-in lead manager once, without sharing anyone’s contact details', async () => {
    const app = await createApp(testConfig(), { database: await openTestDatabase() })
    try {
      await seedDemo(app.database, { products: 60 })
      const made = await seedDemoEnquiries(app.db, app.enquiryContext)
      assert.ok(made >= 2, `made ${made}`)
      assert.equal(await seedDemoEnquiries(app.db, app.enquiryContext), 0, 'a second run adds nothing')

      const [seller] = await app.db
        .select({ businessId: businesses.id, userId: users.id })
        .from(businesses)
        .innerJoin(users, eq(users.id, businesses.ownerUserId))
        .where(eq(users.email, 'seller@demo.mandi.example'))
      const leads = await enquiries.listLeads(app.db, {
        userId: seller!.userId,
        businessId: seller!.businessId,
      })
      assert.equal(leads.total, made)
      assert.equal(leads.counts.quoted, 1)
      assert.ok(leads.unread >= 1)
      assert.ok(leads.items.every((l) => !l.contactShared))
    } finally {
      await app.close()
    }
  })
})
