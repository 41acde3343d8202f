import { randomBytes } from 'node:crypto'
import type { Db } from '#src/db/database.ts'
import type { EnquiryContext } from '#src/modules/enquiries/enquiry-context.ts'
import { enquiries } from '#src/modules/enquiries/enquiries.tables.ts'
import { buildBusiness, buildUser } from './factories.ts'

// Enquiry factories: a buyer and a seller with distinctive contact details (so a leak of any of
// them is easy to assert on) and an enquiry between them, written directly without notifications.

const unique = () => randomBytes(4).toString('hex')

/** The relay key and links tests use; the secret is long enough for relay-address.ts. */
export function testEnquiryContext(overrides: Partial<EnquiryContext> = {}): EnquiryContext {
  return {
    publicUrl: 'https://mandi.example',
    relay: { secretKey: 'relay-test-secret-key-that-is-long-enough', domain: 'relay.mandi.test' },
    ...overrides,
  }
}

export async function buildBuyer(db: Db, overrides: Partial<Parameters<typeof buildUser>[1]> = {}) {
  return buildUser(db, {
    name: 'Ravi Kumar',
    city: 'Pune',
    email: `ravi.kumar.${unique()}@buyer-mail.example`,
    phone: '+919812345678',
    emailVerifiedAt: new Date(),
    ...overrides,
  })
}

/** A seller: the owner's account and their business, with a separate business email and phone. */
export async function buildSeller(db: Db, overrides: { businessEmail?: string | null } = {}) {
  const owner = await buildUser(db, {
    name: 'Meena Iyer',
    email: `meena.${unique()}@owner-mail.example`,
    phone: '+919443012345',
    roles: ['buyer', 'seller'],
  })
  const business = await buildBusiness(db, {
    ownerUserId: owner.id,
    tradeName: 'Kovai Pumps',
    email:
      overrides.businessEmail === undefined
        ? `sales.${unique()}@kovai-pumps.example`
        : overrides.businessEmail,
    phone: '+914222345678',
  })
  return { owner, business }
}

/** An open enquiry from a new buyer to a new seller unless they are given. */
export async function buildEnquiry(
  db: Db,
  parties: {
    buyer?: Awaited<ReturnType<typeof buildBuyer>>
    seller?: Awaited<ReturnType<typeof buildSeller>>
  } = {},
  overrides: Partial<typeof enquiries.$inferInsert> = {},
) {
  const buyer = parties.buyer ?? (await buildBuyer(db))
  const seller = parties.seller ?? (await buildSeller(db))
  const [enquiry] = await db
    .insert(enquiries)
    .values({
      buyerUserId: buyer.id,
      businessId: seller.business.id,
      subject: 'Centrifugal Monoblock Pump 1 HP',
      quantity: 25,
      unit: 'piece',
      message: 'We need 25 pumps for a new building in Pune.',
      deliveryCity: 'Pune',
      ...overrides,
    })
    .returning()
  return { enquiry: enquiry!, buyer, seller }
}
