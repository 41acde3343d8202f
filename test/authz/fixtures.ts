import { randomBytes } from 'node:crypto'
import { eq, sql } from 'drizzle-orm'
import sharp from 'sharp'
import type { App } from '#src/app.ts'
import { queryRows } from '#src/db/database.ts'
import * as flows from '#src/flows/index.ts'
import * as accounts from '#src/modules/accounts/index.ts'
import { hashPassword } from '#src/modules/accounts/passwords.ts'
import * as catalog from '#src/modules/catalog/index.ts'
import { productImages } from '#src/modules/catalog/catalog.tables.ts'
import * as enquiries from '#src/modules/enquiries/index.ts'
import { buyRequirements, enquiries as enquiryRows } from '#src/modules/enquiries/enquiries.tables.ts'
import * as messaging from '#src/modules/messaging/index.ts'
import * as orders from '#src/modules/orders/index.ts'
import { devMailbox, outboxMessages } from '#src/modules/messaging/messaging.tables.ts'
import * as payments from '#src/modules/payments/index.ts'
import * as privacy from '#src/modules/privacy/index.ts'
import { saveBusinessLogo, uploadsDir } from '#src/web/uploads.ts'
import { buildBusiness, buildCategory, buildProduct, buildUser } from '../factories.ts'
import type { Persona } from './harness.ts'

// What the matrix asks about: six people, and things that belong to "buyer" and "seller" — an
// enquiry between them, the buyer's requirement, consent receipt and mail, the seller's products,
// photo, lead note, CSV import and API key. Private text carries markers that no one but its
// owners may ever receive; `fresh` builds another of a thing for a case that uses one up.

const DAY_MS = 86_400_000

/** Every persona's password, for the steps that ask for it again (making an API key). */
export const PERSONA_PASSWORD = 'matrix brass valve 2024'

/** A piece of private text and who may see it (besides staff tools that declare `sees`). */
export interface Marker {
  what: string
  text: string
  visibleTo: Persona[]
}

export type SignedInPersona = Exclude<Persona, 'anonymous'>

export type Fixtures = Awaited<ReturnType<typeof buildFixtures>>

export async function buildFixtures(app: App) {
  const db = app.db
  // Lower case, so a marker survives the normalising of email addresses.
  const tag = `zq${randomBytes(3).toString('hex')}`
  const mark = (what: string, visibleTo: Persona[]): Marker => ({ what, text: `${what}-${tag}`, visibleTo })
  const markers = {
    buyerName: { what: 'buyer name', text: `Bhavna ${tag}`, visibleTo: ['buyer', 'seller'] } as Marker,
    buyerEmail: mark('buyer-email', ['buyer', 'seller']),
    enquiryMessage: mark('enquiry-message', ['buyer', 'seller']),
    requirementDetails: mark('requirement-details', ['buyer', 'seller']),
    mailboxSubject: mark('mailbox-subject', ['buyer']),
    sellerEmail: mark('seller-owner-email', ['seller']),
    draftTitle: mark('draft listing', ['seller']),
    leadNote: mark('lead-note', ['seller']),
    apiKeyName: mark('api-key', ['seller']),
    importFile: mark('import-file', ['seller']),
    grievanceSubject: mark('grievance-subject', ['buyer']),
  }

  const { top, sub } = await categoryPair(app, 'Ball valves')
  const other = await categoryPair(app, 'Gear pumps')

  const passwordHash = await hashPassword(PERSONA_PASSWORD)
  const person = (overrides: Parameters<typeof buildUser>[1]) =>
    buildUser(db, {
      emailVerifiedAt: new Date(),
      createdAt: new Date(Date.now() - 60 * DAY_MS),
      passwordHash,
      ...overrides,
    })
  const buyer = await person({
    name: markers.buyerName.text,
    email: `${markers.buyerEmail.text}@buyer-mail.example`,
    phone: '+919811100001',
    city: 'Pune',
    state: 'Maharashtra',
  })
  // The same phone number as the buyer's (two accounts may give one number).
  const otherBuyer = await person({ name: 'Omkar Joshi', phone: buyer.phone, city: 'Nashik' })
  const admin = await person({ name: 'Anita Staff', phone: '+919811100003', roles: ['buyer', 'admin'] })

  const sellerUser = await person({
    name: 'Meena Iyer',
    email: `${markers.sellerEmail.text}@owner-mail.example`,
    phone: '+919811100004',
    roles: ['buyer', 'seller'],
  })
  const sellerBusiness = await buildBusiness(db, { ownerUserId: sellerUser.id, tradeName: 'Kovai Valves' })
  const otherSellerUser = await person({
    name: 'Suresh Nair',
    phone: '+919811100005',
    roles: ['buyer', 'seller'],
  })
  const otherBusiness = await buildBusiness(db, {
    ownerUserId: otherSellerUser.id,
    tradeName: 'Cochin Gears',
  })
  const sellerActor: catalog.SellerActor = { userId: sellerUser.id, businessId: sellerBusiness.id }

  const product = await buildProduct(db, {
    businessId: sellerBusiness.id,
    categoryId: sub.id,
    title: 'Stainless Steel Ball Valve 2 inch PN16',
    slug: 'stainless-steel-ball-valve',
    description: 'Full bore ball valve in SS316 with PTFE seats, flanged ends.',
  })
  await buildProduct(db, {
    businessId: otherBusiness.id,
    categoryId: other.sub.id,
    title: 'Cast Iron Gear Pump 1 inch',
    slug: 'cast-iron-gear-pump',
  })
  const draft = await buildProduct(db, {
    businessId: sellerBusiness.id,
    categoryId: sub.id,
    title: markers.draftTitle.text,
    slug: 'draft-listing',
    status: 'draft',
    publishedAt: null,
  })
  const png = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#3366aa' } })
    .png()
    .toBuffer()
  const photo = await catalog.addProductImage(db, uploadsDir(app), sellerActor, product.id, png, 'Front')
  const [{ widths }] = (await db
    .select({ widths: productImages.widths })
    .from(productImages)
    .where(eq(productImages.id, photo.id))) as [{ widths: number[] }]
  const logoPath = await saveBusinessLogo(db, uploadsDir(app), sellerBusiness.id, png)

  const insertEnquiry = async () => {
    const [row] = await db
      .insert(enquiryRows)
      .values({
        buyerUserId: buyer.id,
        businessId: sellerBusiness.id,
        productId: product.id,
        subject: product.title,
        quantity: 25,
        unit: 'piece',
        message: `${markers.enquiryMessage.text}: we need 25 valves for a plant in Pune.`,
        deliveryCity: 'Pune',
        // Sent earlier today, so the many made here do not use up the buyer's hourly allowance.
        createdAt: new Date(Date.now() - 2 * 3_600_000),
      })
      .returning()
    return row!
  }
  const enquiry = await insertEnquiry()
  await enquiries.addLeadNote(db, sellerActor, enquiry.id, {
    body: `${markers.leadNote.text}: call after Diwali`,
  })

  const posted = await enquiries.postRequirement(db, app.enquiryContext, buyer.id, {
    title: 'Stainless steel ball valve 2 inch',
    details: `${markers.requirementDetails.text}. SS316, PN16, flanged ends.`,
    categoryId: sub.id,
    quantity: 50,
    unit: 'piece',
    maxSuppliers: 3,
  })
  const insertRequirement = async () => {
    const [row] = await db
      .insert(buyRequirements)
      .values({
        buyerUserId: buyer.id,
        title: 'Ball valves for a second plant',
        details: `${markers.requirementDetails.text} (second)`,
        categoryId: sub.id,
        quantity: 10,
        unit: 'piece',
        expiresAt: new Date(Date.now() + 14 * DAY_MS),
        maxSuppliers: 3,
        // Posted a week ago, so it does not count towards today's limit.
        createdAt: new Date(Date.now() - 7 * DAY_MS),
      })
      .returning()
    return row!
  }

  const consent = await db.transaction((tx) =>
    privacy.recordConsent(tx, {
      userId: buyer.id,
      purpose: 'marketing_email',
      action: 'grant',
      channel: 'web',
    }),
  )
  // The buyer's mail as the senders leave it: the outbox row (which names the account) and the
  // dev mailbox copy. One email, and one text to the phone number the other buyer gave too.
  const deliver = async (channel: 'email' | 'sms', toAddress: string) => {
    const idempotencyKey = `authz-${channel}-${tag}`
    await db.insert(outboxMessages).values({
      kind: 'email-verification',
      channel,
      purpose: 'account',
      recipientUserId: buyer.id,
      toAddress,
      status: 'sent',
      idempotencyKey,
      sentAt: new Date(),
    })
    const [row] = await db
      .insert(devMailbox)
      .values({
        channel,
        idempotencyKey,
        fromAddress: channel === 'email' ? 'Mandi <no-reply@mandi.example>' : 'MANDI',
        toAddress,
        subject: channel === 'email' ? markers.mailboxSubject.text : null,
        text: `${markers.mailboxSubject.text}: your code is 493021.`,
        html: channel === 'email' ? `<p>${markers.mailboxSubject.text}</p>` : null,
      })
      .returning()
    return row!
  }
  const mail = await deliver('email', buyer.email)
  const text = await deliver('sms', buyer.phone!)

  const grievance = await db.transaction((tx) =>
    privacy.createGrievance(
      tx,
      {
        userId: buyer.id,
        category: 'access',
        subject: markers.grievanceSubject.text,
        message: 'Please send me everything you hold about me.',
      },
      new Date(),
    ),
  )

  const importId = await catalog.startProductImport(db, app.config.dataDir, sellerActor, {
    filename: `${markers.importFile.text}.csv`,
    bytes: Buffer.from('title,category,unit,price,moq,specs,status\n'),
  })
  const apiKey = await catalog.createApiKey(db, sellerActor, markers.apiKeyName.text)

  const login = { email: `login-${tag.toLowerCase()}@people.example`, password: 'copper valve monsoon 42' }
  await accounts.register(db, app.accountsDeps, {
    email: login.email,
    password: login.password,
    name: 'Lata Login',
    phone: '+919811100009',
    isAdultBusinessUser: true,
  })

  let freshCount = 0
  const fresh = {
    /** Another enquiry from buyer to seller. */
    enquiry: async () => (await insertEnquiry()).id,
    /** Another enquiry from buyer to seller with the seller's quote in it. */
    quote: async () => {
      const { id } = await insertEnquiry()
      const message = await enquiries.sendQuote(db, app.enquiryContext, sellerActor, id, {
        pricePaisePerUnit: 45_000,
        quantity: 25,
        unit: 'piece',
        validUntil: '2099-12-31',
      })
      return { id, quoteId: message.id }
    },
    /** Another open requirement of the buyer's. */
    requirement: async () => (await insertRequirement()).id,
    /** Another draft product of the seller's. */
    product: async () =>
      (
        await buildProduct(db, {
          businessId: sellerBusiness.id,
          categoryId: sub.id,
          title: `Ball valve spare ${++freshCount}`,
          slug: `ball-valve-spare-${freshCount}`,
          status: 'draft',
          publishedAt: null,
        })
      ).id,
    /** Another product of the seller's with one photo. */
    productWithPhoto: async () => {
      const id = await fresh.product()
      const image = await catalog.addProductImage(db, uploadsDir(app), sellerActor, id, png)
      return { id, imageId: image.id }
    },
    apiKey: async () => (await catalog.createApiKey(db, sellerActor, `Spare ${++freshCount}`)).summary.id,
    /** Another order of the buyer's with the seller, awaiting payment. */
    order: async () =>
      (
        await orders.createOrder(db, {
          buyerUserId: buyer.id,
          businessId: sellerBusiness.id,
          shippingAddress: {
            name: 'Bhavna Kulkarni',
            line1: 'Plot 9, Bhosari MIDC',
            line2: null,
            city: 'Pune',
            state: 'Maharashtra',
            pin: '411026',
            phone: '+919811100001',
          },
          billingGstin: null,
          poNumber: null,
          source: 'cart',
          deliveryPaise: null,
          reservationExpiresAt: new Date(Date.now() + 30 * 60_000),
          items: [
            {
              productId: product.id,
              title: product.title,
              hsnCode: '8481',
              unit: product.unit,
              unitPricePaise: 450_000,
              quantity: 2,
              gstRatePercent: 18,
              taxablePaise: 900_000,
              taxPaise: 162_000,
              stockReserved: false,
            },
          ],
        })
      ).id,
    /** The sandbox gateway's reference of another payment of the buyer's, not yet decided. */
    sandboxPayment: async () => {
      const settings = { ...app.config.payments, publicUrl: app.config.publicUrl }
      const started = await payments.startPayment(db, payments.activePaymentGateway(db, settings), {
        payerUserId: buyer.id,
        amountPaise: 45_000,
        references: [crypto.randomUUID()],
        payer: { name: buyer.name ?? 'Buyer', email: buyer.email, phone: null },
        returnUrl: `${app.config.publicUrl}/account`,
      })
      return started.redirectUrl.split('/').pop()!
    },
    /** Another open grievance of the buyer's. */
    grievance: async () =>
      (
        await db.transaction((tx) =>
          privacy.createGrievance(
            tx,
            {
              userId: buyer.id,
              category: 'other',
              subject: `Spare grievance ${++freshCount}`,
              message: 'A grievance for a case that acknowledges, answers or resolves it.',
            },
            new Date(),
          ),
        )
      ).id,
    /** Another session of the buyer's (not the one the matrix signs in with). */
    buyerSession: async () => {
      const session = await accounts.createSession(db, { userId: buyer.id, sharedDevice: false })
      const [row] = await queryRows<{ id: string }>(
        db,
        sql`select id from sessions where user_id = ${buyer.id} order by created_at desc limit 1`,
      )
      return { token: session.token, id: row!.id }
    },
    /** A copy of the buyer's data, built and ready to download. */
    dataExport: async () => {
      const { export: requested } = await privacy.requestDataExport(db, buyer.id)
      await flows.buildDataExport(db, app.config, requested.id)
      return requested.id
    },
  }

  return {
    tag,
    markers: Object.values(markers),
    users: {
      buyer,
      otherBuyer,
      seller: sellerUser,
      otherSeller: otherSellerUser,
      admin,
    } satisfies Record<SignedInPersona, { id: string }>,
    category: { top, sub },
    seller: { business: sellerBusiness, actor: sellerActor },
    product,
    draft,
    photoPath: `${photo.pathBase}-${widths[0]}.webp`,
    logoPath,
    enquiry,
    requirement: posted.requirement,
    receiptId: consent.receiptId!,
    mailboxId: mail.id,
    textId: text.id,
    unsubscribeToken: messaging.createUnsubscribeToken(app.config.secretKey, buyer.id),
    importId,
    grievanceId: grievance.id,
    apiKeyId: apiKey.summary.id,
    login,
    fresh,
  }
}

async function categoryPair(app: App, name: string) {
  const top = await buildCategory(app.db, { name: `${name} and more` })
  const sub = await buildCategory(app.db, { parentId: top.id, name })
  return { top, sub }
}

// ── "Nothing changed" ─────────────────────────────────────────────────────────────────────────

/** Columns that move on every signed-in request (a session's last use), not on a change. */
const VOLATILE_COLUMNS = ['last_seen_at', 'idle_expires_at']
/** Records of who looked or tried, not the owners' data. */
const IGNORED_TABLES = ['access_log', 'sign_in_failures']

/**
 * A digest of every row that belongs to the owners (buyer and seller): found by column name in
 * every table — user ids (`*user_id`), the seller's business, products, both parties' enquiries
 * and the buyer's requirements — so a table added later is covered without a change here. The
 * query lives in a PL/pgSQL function in this file's own test database, so it is planned once.
 */
export async function ownerDigest(app: App, f: Fixtures): Promise<string> {
  digestFunction ??= createDigestFunction(app)
  await digestFunction
  const rows = await queryRows<{ part: string; n: number; digest: string }>(
    app.db,
    sql`select o_part as part, o_n as n, o_digest as digest
        from authz_owner_digest(${f.users.buyer.id}::uuid, ${f.users.seller.id}::uuid)`,
  )
  return rows.map((r) => `${r.part}:${r.n}:${r.digest}`).join('\n')
}

let digestFunction: Promise<void> | undefined

async function createDigestFunction(app: App) {
  const columns = await queryRows<{ table_name: string; column_name: string }>(
    app.db,
    sql`select table_name, column_name from information_schema.columns
        where table_schema = current_schema()
          and (column_name like '%user_id' or column_name in ('business_id', 'product_id', 'enquiry_id', 'requirement_id', 'id'))
        order by table_name, column_name`,
  )
  const own: Record<string, string> = {
    users: 'owner_users',
    businesses: 'owner_businesses',
    products: 'owner_products',
    enquiries: 'owner_enquiries',
    buy_requirements: 'owner_requirements',
  }
  const byColumn: Record<string, string> = {
    business_id: 'owner_businesses',
    product_id: 'owner_products',
    enquiry_id: 'owner_enquiries',
    requirement_id: 'owner_requirements',
  }
  const ident = (name: string) => `"${name.replace(/"/g, '""')}"`
  // One part per table, over every column that ties a row to the owners.
  const tables = new Map<string, string[]>()
  for (const { table_name: table, column_name: column } of columns) {
    if (IGNORED_TABLES.includes(table)) continue
    const set = column === 'id' ? own[table] : column.endsWith('user_id') ? 'owner_users' : byColumn[column]
    if (!set) continue
    tables.set(table, [...(tables.get(table) ?? []), `t.${ident(column)} in (select id from ${set})`])
  }
  const row = `(to_jsonb(t)${VOLATILE_COLUMNS.map((c) => ` - '${c}'`).join('')})::text`
  const parts = [...tables].map(
    ([table, conditions]) =>
      `select '${table}'::text, count(*)::int, coalesce(sum(hashtext(${row})::bigint), 0)::text
       from ${ident(table)} t where ${conditions.join(' or ')}`,
  )
  await app.db.execute(
    sql.raw(`create or replace function authz_owner_digest(p_buyer uuid, p_seller uuid)
      returns table (o_part text, o_n int, o_digest text) language plpgsql as $digest$
      begin
        return query
        with owner_users as (select id from users where id in (p_buyer, p_seller)),
          owner_businesses as (select id from businesses where owner_user_id in (select id from owner_users)),
          owner_products as (select id from products where business_id in (select id from owner_businesses)),
          owner_enquiries as (select id from enquiries
            where buyer_user_id in (select id from owner_users) or business_id in (select id from owner_businesses)),
          owner_requirements as (select id from buy_requirements where buyer_user_id in (select id from owner_users))
        ${parts.join('\n        union all ')};
      end
      $digest$`),
  )
}
