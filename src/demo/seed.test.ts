import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { verify } from '@node-rs/argon2'
import { sql } from 'drizzle-orm'
import { type Db, queryRows } from '#src/db/database.ts'
import { missingRequirements } from '#src/modules/accounts/index.ts'
import type { ProductSpec } from '#src/modules/catalog/catalog.tables.ts'
import { parseGstin } from '#src/shared/gstin.ts'
import { testDatabaseKind, useTestDb } from '#test/setup.ts'
import { demoLogins, hasCatalogue, seedDemo } from './seed.ts'

const DAY = 86_400_000

describe(`seedDemo (${testDatabaseKind})`, () => {
  const ctx = useTestDb()
  const stages = new Set<string>()

  it('starts with no catalogue, and has one after seeding', async () => {
    assert.equal(await hasCatalogue(ctx.db), false)
    const result = await seedDemo(ctx.database, {
      products: 300,
      onProgress: (_d, _t, stage) => stages.add(stage),
    })
    assert.equal(await hasCatalogue(ctx.db), true)
    assert.equal(result.products, 300)
    assert.ok(stages.has('categories') && stages.has('sellers') && stages.has('products'))
  })

  it('adds exactly the products asked for, about one seller per 25 products', async () => {
    assert.equal(await count(ctx.db, sql`select count(*) as n from products`), 300)
    // 12 generated sellers plus the demo seller's business.
    assert.equal(await count(ctx.db, sql`select count(*) as n from businesses`), 13)
    assert.equal(await count(ctx.db, sql`select count(distinct business_id) as n from products`), 13)
  })

  it('builds a two-level category tree whose every product sits in a subcategory', async () => {
    const rows = await queryRows<{ id: number; parent_id: number | null; slug: string; description: string }>(
      ctx.db,
      sql`select id, parent_id, slug, description from categories`,
    )
    const tops = rows.filter((r) => r.parent_id === null)
    assert.ok(tops.length >= 10 && tops.length <= 14, `${tops.length} top-level categories`)
    const topIds = new Set(tops.map((t) => t.id))
    for (const top of tops) {
      const children = rows.filter((r) => r.parent_id === top.id).length
      assert.ok(children >= 5 && children <= 10, `${top.slug} has ${children} subcategories`)
    }
    for (const row of rows) {
      assert.match(row.slug, /^[a-z0-9]+(-[a-z0-9]+)*$/)
      assert.ok(row.description.length > 20, `${row.slug} needs a description`)
      if (row.parent_id !== null)
        assert.ok(topIds.has(row.parent_id), `${row.slug} is deeper than two levels`)
    }
    const misplaced = await count(
      ctx.db,
      sql`select count(*) as n from products p join categories c on c.id = p.category_id where c.parent_id is null`,
    )
    assert.equal(misplaced, 0)
  })

  it('gives every seller a valid GSTIN for its own state, with the PAN and entity type to match', async () => {
    const sellers = await queryRows<{
      gstin: string
      pan: string
      state: string
      pin: string
      legal_name: string
    }>(ctx.db, sql`select gstin, pan, state, pin, legal_name from businesses`)
    for (const seller of sellers) {
      const parsed = parseGstin(seller.gstin)
      assert.ok(parsed.ok, `${seller.gstin} of ${seller.legal_name}`)
      assert.equal(parsed.state, seller.state)
      assert.equal(parsed.pan, seller.pan)
      assert.match(seller.pan[3]!, /[CFP]/)
      assert.match(seller.pin, /^[1-8]\d{5}$/)
    }
    const verified = await count(
      ctx.db,
      sql`select count(*) as n from businesses where gstin_verified_at is not null`,
    )
    assert.ok(verified >= sellers.length / 2)
  })

  it('lists products with sensible prices, specs, slugs and publication dates', async () => {
    const rows = await queryRows<{
      slug: string
      title: string
      description: string
      specs: ProductSpec[]
      unit: string
      moq: number
      price_paise: string | number | null
      status: string
      published_at: string | Date | null
    }>(
      ctx.db,
      sql`select slug, title, description, specs, unit, moq, price_paise, status, published_at from products`,
    )
    const now = Date.now()
    let onRequest = 0
    let published = 0
    for (const p of rows) {
      assert.match(p.slug, /^[a-z0-9]+(-[a-z0-9]+)*$/, p.title)
      assert.ok(p.specs.length >= 3 && p.specs.length <= 6, `${p.title} has ${p.specs.length} specs`)
      const sentences = p.description.split(/(?<=\.) /).length
      assert.ok(sentences >= 2 && sentences <= 4, `${p.description} has ${sentences} sentences`)
      assert.ok(p.moq >= 1)
      if (p.price_paise === null) onRequest++
      else assert.ok(Number.isInteger(Number(p.price_paise)) && Number(p.price_paise) > 0, `${p.price_paise}`)
      if (p.status === 'published') {
        published++
        const at = new Date(p.published_at!).getTime()
        assert.ok(at <= now && at >= now - 732 * DAY, `${p.published_at}`)
      } else {
        assert.equal(p.status, 'draft')
        assert.equal(p.published_at, null)
      }
    }
    assert.ok(onRequest > 0 && onRequest < rows.length * 0.25, `${onRequest} priced on request`)
    assert.ok(published > rows.length * 0.9, `${published} published`)
  })

  it('creates the printed demo sign-ins with argon2id hashes of the printed passwords', async () => {
    for (const login of demoLogins()) {
      const [user] = await queryRows<{ password_hash: string; roles: string[] }>(
        ctx.db,
        sql`select password_hash, roles from users where email = ${login.email}`,
      )
      assert.ok(user, login.email)
      assert.match(user.password_hash, /^\$argon2id\$/)
      assert.equal(await verify(user.password_hash, login.password), true)
      assert.ok(user.roles.includes(login.role), `${login.email} has role ${login.role}`)
      assert.match(login.email, /\.example$/)
    }
    const demoSellerProducts = await count(
      ctx.db,
      sql`select count(*) as n from products p join businesses b on b.id = p.business_id
          join users u on u.id = b.owner_user_id where u.email = 'seller@demo.mandi.example'`,
    )
    assert.ok(demoSellerProducts > 0)
  })

  it('gives the demo buyer and seller complete profiles, so they can enquire, order and list at once', async () => {
    const facts = async (email: string) => {
      const [row] = await queryRows<{
        verified: boolean
        phone: string
        line1: string
        pin: string
        owns: boolean
      }>(
        ctx.db,
        sql`select email_verified_at is not null as verified, phone, address_line1 as line1, pin,
              exists (select 1 from businesses b where b.owner_user_id = u.id) as owns
            from users u where email = ${email}`,
      )
      return {
        emailVerifiedAt: row!.verified ? new Date() : null,
        phone: row!.phone,
        addressLine1: row!.line1,
        pin: row!.pin,
        hasBusiness: row!.owns,
      }
    }
    assert.deepEqual(missingRequirements(await facts('buyer@demo.mandi.example'), 'place_order'), [])
    assert.deepEqual(missingRequirements(await facts('buyer@demo.mandi.example'), 'send_enquiry'), [])
    assert.deepEqual(missingRequirements(await facts('seller@demo.mandi.example'), 'list_products'), [])
  })

  it('adds more sellers and products on a second run without repeating categories or sign-ins', async () => {
    const categoriesBefore = await count(ctx.db, sql`select count(*) as n from categories`)
    const usersBefore = await count(ctx.db, sql`select count(*) as n from users`)
    const result = await seedDemo(ctx.database, { products: 120 })
    assert.deepEqual(
      {
        categories: result.categories,
        products: result.products,
        businesses: result.businesses,
        users: result.users,
      },
      { categories: 0, products: 120, businesses: 5, users: 5 },
    )
    assert.equal(await count(ctx.db, sql`select count(*) as n from categories`), categoriesBefore)
    assert.equal(await count(ctx.db, sql`select count(*) as n from users`), usersBefore + 5)
    assert.equal(await count(ctx.db, sql`select count(*) as n from products`), 420)
    assert.equal(
      await count(ctx.db, sql`select count(*) as n from users where email like '%@demo.mandi.example'`),
      3,
    )
  })
})

describe(`seedDemo determinism (${testDatabaseKind})`, () => {
  const first = useTestDb()
  const second = useTestDb()

  it('gives the same sellers, titles and prices for the same seed', async () => {
    await seedDemo(first.database, { products: 150, seed: 7 })
    await seedDemo(second.database, { products: 150, seed: 7 })
    const listing = sql`select p.title, p.price_paise, p.unit, b.gstin from products p
      join businesses b on b.id = p.business_id order by p.id`
    const a = await queryRows<Record<string, unknown>>(first.db, listing)
    const b = await queryRows<Record<string, unknown>>(second.db, listing)
    assert.equal(a.length, 150)
    assert.deepEqual(a, b)
  })

  it('gives a different catalogue for a different seed', async () => {
    await seedDemo(second.database, { products: 50, seed: 8 })
    const titles = sql`select title from products order by id limit 50 offset 150`
    const fromSeven = await seedDemo(first.database, { products: 50, seed: 7 }).then(() =>
      queryRows(first.db, titles),
    )
    assert.notDeepEqual(fromSeven, await queryRows(second.db, titles))
  })
})

async function count(db: Db, statement: ReturnType<typeof sql>): Promise<number> {
  const [row] = await queryRows<{ n: number | string }>(db, statement)
  return Number(row?.n ?? 0)
}
