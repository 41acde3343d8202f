import assert from 'node:assert/strict'
import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { after, before, describe, it } from 'node:test'
import { eq } from 'drizzle-orm'
import sharp from 'sharp'
import { buildBusiness, buildCategory, buildUser } from '#test/factories.ts'
import { useTestDb } from '#test/setup.ts'
import { productImports, products } from './catalog.tables.ts'
import * as catalog from './index.ts'
import { parseCsv } from './product-csv.ts'
import { variantWidths } from './product-images.ts'

async function sellerIn(db: Parameters<typeof buildUser>[0]) {
  const user = await buildUser(db, { roles: ['seller'], emailVerifiedAt: new Date() })
  await buildBusiness(db, { ownerUserId: user.id })
  return catalog.sellerForUser(db, user)
}

async function subcategory(db: Parameters<typeof buildUser>[0], name = 'Monoblock pumps') {
  const top = await buildCategory(db)
  return buildCategory(db, { parentId: top.id, name })
}

const draft = (categoryId: number, overrides: Record<string, unknown> = {}) => ({
  title: 'Cast iron monoblock pump 1 HP',
  categoryId,
  unit: 'piece',
  price: '4,250.50',
  specs: [{ name: 'Power', value: '1 HP' }],
  ...overrides,
})

describe('parseRupees and the product schema', () => {
  it('reads rupees as people type them into integer paise', () => {
    assert.equal(catalog.parseRupees('4,250.50'), 425050)
    assert.equal(catalog.parseRupees('₹ 1,25,000'), 12500000)
    assert.equal(catalog.parseRupees('12.345'), null)
    assert.equal(catalog.parseRupees('twelve'), null)
  })

  it('makes a slug from a title', () => {
    assert.equal(catalog.slugFromTitle('Pump 1 HP – 230 V (Café)'), 'pump-1-hp-230-v-cafe')
    assert.equal(catalog.slugFromTitle('!!!'), 'product')
  })

  it('never upscales: an image narrower than the widths keeps its own width', () => {
    assert.deepEqual(variantWidths(2000), [320, 640, 1280])
    assert.deepEqual(variantWidths(500), [320, 500])
    assert.deepEqual(variantWidths(200), [200])
  })

  it('reads quoted CSV cells with commas, quotes and line breaks', () => {
    assert.deepEqual(parseCsv('\ufeffa,b\r\n"x, ""y""\nz",2\n'), [
      ['a', 'b'],
      ['x, "y"\nz', '2'],
    ])
  })
})

describe('seller products', () => {
  const ctx = useTestDb()

  it('refuses to let a person without a confirmed email or business list products', async () => {
    const unverified = await buildUser(ctx.db, { emailVerifiedAt: null })
    await buildBusiness(ctx.db, { ownerUserId: unverified.id })
    await assert.rejects(catalog.sellerForUser(ctx.db, unverified), { code: 'profile_incomplete' })
    const noBusiness = await buildUser(ctx.db, { emailVerifiedAt: new Date() })
    await assert.rejects(
      catalog.sellerForUser(ctx.db, noBusiness),
      (error: Error & { fields?: Record<string, string> }) => {
        assert.equal(error.fields?.business_profile, '/account/business')
        return true
      },
    )
  })

  it('creates a draft with the price in paise and moves it draft → published → draft', async () => {
    const seller = await sellerIn(ctx.db)
    const category = await subcategory(ctx.db)
    const product = await catalog.createProduct(ctx.db, seller, draft(category.id))
    assert.equal(product.status, 'draft')
    assert.equal(product.pricePaise, 425050)
    assert.equal(product.slug, 'cast-iron-monoblock-pump-1-hp')
    const published = await catalog.publishProduct(ctx.db, seller, product.id)
    assert.equal(published.status, 'published')
    assert.ok(published.publishedAt)
    assert.equal((await catalog.unpublishProduct(ctx.db, seller, product.id)).status, 'draft')
  })

  it('takes "price on request" as a null price', async () => {
    const seller = await sellerIn(ctx.db)
    const category = await subcategory(ctx.db)
    const product = await catalog.createProduct(ctx.db, seller, draft(category.id, { price: null }))
    assert.equal(product.pricePaise, null)
  })

  it('names each wrong field, and refuses a top-level category', async () => {
    const seller = await sellerIn(ctx.db)
    const category = await subcategory(ctx.db)
    await assert.rejects(
      catalog.createProduct(ctx.db, seller, draft(category.id, { title: 'x', price: 'lots', moq: '0' })),
      (error: Error & { fields?: Record<string, string> }) => {
        assert.deepEqual(Object.keys(error.fields ?? {}).sort(), ['moq', 'price', 'title'])
        return true
      },
    )
    const top = await buildCategory(ctx.db)
    await assert.rejects(catalog.createProduct(ctx.db, seller, draft(top.id)), { code: 'invalid_category' })
  })

  it("treats another seller's product as not found, for reading and for every change", async () => {
    const owner = await sellerIn(ctx.db)
    const stranger = await sellerIn(ctx.db)
    const category = await subcategory(ctx.db)
    const product = await catalog.createProduct(ctx.db, owner, draft(category.id))
    const notFound = { code: 'product_not_found' }
    await assert.rejects(catalog.getOwnProduct(ctx.db, stranger, product.id), notFound)
    await assert.rejects(
      catalog.updateProduct(ctx.db, stranger, product.id, { title: 'Hijacked title' }),
      notFound,
    )
    await assert.rejects(catalog.publishProduct(ctx.db, stranger, product.id), notFound)
    await assert.rejects(catalog.deleteProduct(ctx.db, stranger, product.id), notFound)
    assert.equal((await catalog.listOwnProducts(ctx.db, stranger)).length, 0)
    assert.equal(
      (await catalog.getOwnProduct(ctx.db, owner, product.id)).title,
      'Cast iron monoblock pump 1 HP',
    )
  })

  it('does not let a seller re-publish a product that moderation suspended', async () => {
    const seller = await sellerIn(ctx.db)
    const category = await subcategory(ctx.db)
    const product = await catalog.createProduct(ctx.db, seller, draft(category.id))
    await ctx.db.update(products).set({ status: 'suspended' }).where(eq(products.id, product.id))
    await assert.rejects(catalog.publishProduct(ctx.db, seller, product.id), { code: 'product_suspended' })
    await assert.rejects(catalog.unpublishProduct(ctx.db, seller, product.id), { code: 'product_suspended' })
  })

  it('changes only the fields a patch names', async () => {
    const seller = await sellerIn(ctx.db)
    const category = await subcategory(ctx.db)
    const product = await catalog.createProduct(ctx.db, seller, draft(category.id, { moq: 5 }))
    const changed = await catalog.updateProduct(ctx.db, seller, product.id, { price: 3999 })
    assert.equal(changed.pricePaise, 399900)
    assert.equal(changed.moq, 5)
    assert.equal(changed.title, product.title)
  })
})

describe('product photos', () => {
  const ctx = useTestDb()
  let dir: string
  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'mandi-images-'))
  })
  after(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  it('stores WebP copies at fixed widths without metadata, and deletes them', async () => {
    const seller = await sellerIn(ctx.db)
    const product = await catalog.createProduct(ctx.db, seller, draft((await subcategory(ctx.db)).id))
    const jpeg = await sharp({ create: { width: 900, height: 600, channels: 3, background: '#3366aa' } })
      .jpeg()
      .withMetadata({ exif: { IFD0: { Copyright: 'secret camera owner' } } })
      .toBuffer()
    const { pathBase } = await catalog.addProductImage(ctx.db, dir, seller, product.id, jpeg, 'Side view')
    const files = (await readdir(path.join(dir, `products/${product.id}`))).sort()
    assert.deepEqual(files, [
      `${path.basename(pathBase)}-320.webp`,
      `${path.basename(pathBase)}-640.webp`,
      `${path.basename(pathBase)}-900.webp`,
    ])
    const meta = await sharp(path.join(dir, `${pathBase}-640.webp`)).metadata()
    assert.equal(meta.format, 'webp')
    assert.equal(meta.width, 640)
    assert.equal(meta.exif, undefined)
    const [image] = (await catalog.getOwnProduct(ctx.db, seller, product.id)).images
    assert.deepEqual(image?.widths, [320, 640, 900])
    assert.match(catalog.productImageUrls(image!).srcset, /-320\.webp 320w, .*-900\.webp 900w$/)

    await catalog.deleteProductImage(ctx.db, dir, seller, product.id, image!.id)
    assert.deepEqual(await readdir(path.join(dir, `products/${product.id}`)), [])
  })

  it('rejects a text file named like an image, and a file over 8 MB', async () => {
    const seller = await sellerIn(ctx.db)
    const product = await catalog.createProduct(ctx.db, seller, draft((await subcategory(ctx.db)).id))
    await assert.rejects(
      catalog.addProductImage(ctx.db, dir, seller, product.id, Buffer.from('<?php echo "not a photo"; ?>')),
      { code: 'image_not_an_image' },
    )
    const huge = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.alloc(8 * 1024 * 1024)])
    await assert.rejects(catalog.addProductImage(ctx.db, dir, seller, product.id, huge), {
      code: 'image_too_large',
    })
  })

  it('makes any photo the main one', async () => {
    const seller = await sellerIn(ctx.db)
    const product = await catalog.createProduct(ctx.db, seller, draft((await subcategory(ctx.db)).id))
    const photo = (background: string) =>
      sharp({ create: { width: 400, height: 300, channels: 3, background } })
        .png()
        .toBuffer()
    const first = await catalog.addProductImage(ctx.db, dir, seller, product.id, await photo('#111111'))
    const second = await catalog.addProductImage(ctx.db, dir, seller, product.id, await photo('#eeeeee'))
    const order = async () =>
      (await catalog.getOwnProduct(ctx.db, seller, product.id)).images.map((i) => i.id)
    assert.deepEqual(await order(), [first.id, second.id])
    await catalog.makeMainProductImage(ctx.db, seller, product.id, second.id)
    assert.deepEqual(await order(), [second.id, first.id])
    const stranger = await sellerIn(ctx.db)
    await assert.rejects(catalog.makeMainProductImage(ctx.db, stranger, product.id, first.id), {
      code: 'product_not_found',
    })
  })

  it("refuses a photo for another seller's product", async () => {
    const owner = await sellerIn(ctx.db)
    const stranger = await sellerIn(ctx.db)
    const product = await catalog.createProduct(ctx.db, owner, draft((await subcategory(ctx.db)).id))
    const png = await sharp({ create: { width: 10, height: 10, channels: 3, background: '#fff' } })
      .png()
      .toBuffer()
    await assert.rejects(catalog.addProductImage(ctx.db, dir, stranger, product.id, png), {
      code: 'product_not_found',
    })
  })
})

describe('CSV import', () => {
  const ctx = useTestDb()
  let dataDir: string
  before(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'mandi-import-'))
  })
  after(async () => {
    await rm(dataDir, { recursive: true, force: true })
  })

  async function importFile(seller: catalog.SellerActor, csv: string | Buffer) {
    const id = await catalog.startProductImport(ctx.db, dataDir, seller, {
      filename: 'products.csv',
      bytes: Buffer.from(csv),
    })
    await catalog.runImportJob(ctx.db, dataDir, { importId: id })
    return catalog.getProductImport(ctx.db, seller, id)
  }

  it('imports the good rows and reports each bad row with its row number, column and what to do', async () => {
    const seller = await sellerIn(ctx.db)
    await subcategory(ctx.db, 'Submersible pumps')
    const csv = [
      'title,category,unit,price,moq,specs,status',
      'Openwell submersible pump 1 HP,submersible pumps,piece,"7,850",2,Power: 1 HP; Stages: 3,published',
      'Bad price pump model,Submersible pumps,piece,cheap,1,,draft',
      'Pump with unknown category,Garden gnomes,piece,100,1,,',
      'Borewell pump 1.5 HP,Submersible pumps,piece,,1,Power 1.5 HP,',
      '',
      'Borewell pump 2 HP,Submersible pumps,piece,,3,,',
    ].join('\r\n')
    const report = await importFile(seller, csv)
    assert.equal(report.status, 'done')
    assert.equal(report.acceptedRows, 2)
    assert.equal(report.rejectedRows, 3)
    assert.deepEqual(
      report.errors.map((e) => [e.row, e.field]),
      [
        [3, 'price'],
        [4, 'category'],
        [5, 'specs'],
      ],
    )
    assert.match(report.errors[1]!.message, /"Garden gnomes" is not a subcategory/)
    const mine = await catalog.listOwnProducts(ctx.db, seller)
    assert.deepEqual(mine.map((p) => [p.title, p.status, p.pricePaise]).sort(), [
      ['Borewell pump 2 HP', 'draft', null],
      ['Openwell submersible pump 1 HP', 'published', 785000],
    ])
    // A second delivery of the same job imports nothing more.
    await catalog.runImportJob(ctx.db, dataDir, { importId: report.id })
    assert.equal((await catalog.listOwnProducts(ctx.db, seller)).length, 2)
  })

  it('imports nothing from a file that fails as a whole, and says why', async () => {
    const seller = await sellerIn(ctx.db)
    await subcategory(ctx.db, 'Gate valves')
    const wrongHeader = await importFile(
      seller,
      'name,category,unit\nGate valve 2 inch brass,Gate valves,piece\n',
    )
    assert.equal(wrongHeader.status, 'failed')
    assert.match(wrongHeader.failureReason ?? '', /"name" is not one of them/)
    const excel = await importFile(seller, Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))
    assert.match(excel.failureReason ?? '', /not CSV/)
    const rows = [
      'title,category,unit',
      ...Array.from({ length: 5001 }, (_, i) => `Gate valve number ${i},Gate valves,piece`),
    ]
    const tooMany = await importFile(seller, rows.join('\n'))
    assert.match(tooMany.failureReason ?? '', /at most 5,000/)
    const unclosed = await importFile(seller, 'title,category,unit\n"Gate valve 2 inch,Gate valves,piece\n')
    assert.equal(unclosed.status, 'failed')
    assert.equal((await catalog.listOwnProducts(ctx.db, seller)).length, 0)
    const stored = await ctx.db.select({ path: productImports.storedPath }).from(productImports)
    assert.ok(
      stored.every((s) => s.path === null),
      'uploaded files are deleted once read',
    )
  })

  it('runs again an import whose worker died half-way', async () => {
    const seller = await sellerIn(ctx.db)
    await subcategory(ctx.db, 'Butterfly valves')
    const csv = 'title,category,unit\nButterfly valve 4 inch wafer,Butterfly valves,piece\n'
    const id = await catalog.startProductImport(ctx.db, dataDir, seller, {
      filename: 'a.csv',
      bytes: Buffer.from(csv),
    })
    await ctx.db
      .update(productImports)
      .set({ status: 'running', createdAt: new Date(Date.now() - 3600_000) })
      .where(eq(productImports.id, id))
    await catalog.runImportJob(ctx.db, dataDir, {})
    const report = await catalog.getProductImport(ctx.db, seller, id)
    assert.equal(report.status, 'done')
    assert.equal(report.acceptedRows, 1)
  })

  it("hides one seller's import from another", async () => {
    const owner = await sellerIn(ctx.db)
    const stranger = await sellerIn(ctx.db)
    const id = await catalog.startProductImport(ctx.db, dataDir, owner, {
      filename: 'a.csv',
      bytes: Buffer.from('x'),
    })
    await assert.rejects(catalog.getProductImport(ctx.db, stranger, id), { code: 'import_not_found' })
  })
})

describe('API keys', () => {
  const ctx = useTestDb()

  it('shows a key once, stores only its hash, records use and stops working when revoked', async () => {
    const seller = await sellerIn(ctx.db)
    const { key, summary } = await catalog.createApiKey(ctx.db, seller, 'ERP sync')
    assert.match(key, /^mk_[A-Za-z0-9_-]{43}$/)
    assert.equal(summary.prefix, key.slice(0, 11))
    const { apiKeys } = await import('./catalog.tables.ts')
    const [row] = await ctx.db.select().from(apiKeys).where(eq(apiKeys.id, summary.id))
    assert.notEqual(row?.keyHash, key)
    assert.ok(!JSON.stringify(row).includes(key))
    assert.deepEqual(await catalog.authenticateApiKey(ctx.db, key), seller)
    assert.ok((await catalog.listApiKeys(ctx.db, seller))[0]?.lastUsedAt)
    const stranger = await sellerIn(ctx.db)
    await assert.rejects(catalog.revokeApiKey(ctx.db, stranger, summary.id), { code: 'api_key_not_found' })
    await catalog.revokeApiKey(ctx.db, seller, summary.id)
    assert.equal(await catalog.authenticateApiKey(ctx.db, key), null)
    assert.equal(await catalog.authenticateApiKey(ctx.db, 'mk_guess'), null)
  })
})
