import { and, asc, count, eq, ne } from 'drizzle-orm'
import type { Db } from '#src/db/database.ts'
import { businesses, users } from '#src/modules/accounts/accounts.tables.ts'
import { products } from '#src/modules/catalog/catalog.tables.ts'
import * as enquiries from '#src/modules/enquiries/index.ts'
import { enquiries as enquiriesTable } from '#src/modules/enquiries/enquiries.tables.ts'

const HOUR = 3_600_000

/**
 * A lived-in lead manager for the demo: the demo buyer's enquiries to the demo seller (one
 * answered with a quote, one waiting), and enquiries from a few other demo businesses. Runs once:
 * does nothing when the demo seller already has leads. Returns how many enquiries it made.
 */
export async function seedDemoEnquiries(db: Db, ctx: enquiries.EnquiryContext): Promise<number> {
  const [seller] = await db
    .select({ businessId: businesses.id, ownerUserId: businesses.ownerUserId })
    .from(businesses)
    .innerJoin(users, eq(users.id, businesses.ownerUserId))
    .where(eq(users.email, 'seller@demo.mandi.example'))
  const [buyer] = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, 'buyer@demo.mandi.example'))
  if (!seller || !buyer) return 0
  const [existing] = await db
    .select({ n: count() })
    .from(enquiriesTable)
    .where(eq(enquiriesTable.businessId, seller.businessId))
  if ((existing?.n ?? 0) > 0) return 0

  const offered = await db
    .select({ id: products.id, title: products.title, unit: products.unit })
    .from(products)
    .where(and(eq(products.businessId, seller.businessId), eq(products.status, 'published')))
    .orderBy(asc(products.id))
    .limit(5)
  if (offered.length === 0) return 0
  const otherBuyers = await db
    .select({ userId: businesses.ownerUserId })
    .from(businesses)
    .where(ne(businesses.id, seller.businessId))
    .orderBy(asc(businesses.id))
    .limit(3)

  const base = Date.now() - 6 * 24 * HOUR
  let made = 0
  const at = (hours: number) => ({ ...ctx, now: () => new Date(base + hours * HOUR) })
  const sellerActor = { party: 'seller' as const, userId: seller.ownerUserId, businessId: seller.businessId }
  const open = async (
    buyerUserId: string,
    product: (typeof offered)[number],
    hours: number,
    quantity: number,
    message: string,
  ) => {
    const lead = await db.transaction((tx) =>
      enquiries.openLead(tx, at(hours), {
        buyerUserId,
        businessId: seller.businessId,
        productId: product.id,
        subject: product.title,
        quantity,
        unit: product.unit,
        message,
        deliveryCity: 'Pune',
      }),
    )
    made++
    return lead
  }

  const first = offered[0]!
  const answered = await open(
    buyer.id,
    first,
    0,
    12,
    'We are fitting out a new housing society in Baner and need 12 of these. Please quote with GST and delivery to site.',
  )
  await enquiries.postMessage(
    db,
    at(3),
    sellerActor,
    answered.id,
    'Thank you for the enquiry. All 12 are in stock at our Bhosari works; we can deliver within 5 working days. A quote follows.',
  )
  await enquiries.sendQuote(db, at(3.2), sellerActor, answered.id, {
    pricePaisePerUnit: 785_000,
    quantity: 12,
    unit: first.unit,
    validUntil: new Date(base + 30 * 24 * HOUR).toISOString().slice(0, 10),
    terms: 'Prices exclude 18% GST. Free delivery within Pune city. 12 months warranty.',
  })
  await enquiries.postMessage(
    db,
    at(20),
    { party: 'buyer', userId: buyer.id },
    answered.id,
    'Thanks. Can you do a test certificate with each unit?',
  )

  const second = offered[1] ?? first
  await open(buyer.id, second, 100, 4, 'Do you have these in stainless steel? We need 4 for a dairy plant.')

  const notes = [
    'Please send your best price for a monthly requirement; we are a contract manufacturer in Chakan.',
    'Need a quotation for our new plant at Ranjangaon, delivery in three weeks.',
    'Is this available with a three-phase motor? Quantity is firm.',
  ]
  for (const [i, other] of otherBuyers.entries()) {
    if (other.userId === seller.ownerUserId) continue
    const product = offered[(i + 2) % offered.length]!
    await open(other.userId, product, 120 + i * 6, 10 * (i + 1), notes[i % notes.length]!)
  }
  await enquiries.recomputeAllResponsiveness(db, new Date())
  return made
}
