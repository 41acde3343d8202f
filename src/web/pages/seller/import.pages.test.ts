import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { before, describe, it } from 'node:test'
import { seedDemo } from '#src/demo/seed.ts'
import * as catalog from '#src/modules/catalog/index.ts'
import { parseCsv } from '#src/modules/catalog/product-csv.ts'
import { visibleText } from '../account/account-pages.test-support.ts'
import {
  buildSubcategory,
  signedInSeller,
  type SellerTestContext,
  useSellerServer,
} from './seller-test-support.ts'

// The template and the documented example must import as they are, through the real path: the
// upload form, the stored file and the import job.

async function importThroughForm(ctx: SellerTestContext, csv: string) {
  const { browser, seller } = await signedInSeller(ctx)
  await browser.get('/seller/import')
  const res = await browser.upload('/seller/import', {
    field: 'file',
    filename: 'products.csv',
    type: 'text/csv',
    data: Buffer.from(csv),
  })
  assert.equal(res.statusCode, 303, res.body.slice(0, 2000))
  await catalog.runImportJob(ctx.app.db, ctx.app.config.dataDir, {})
  const done = visibleText((await browser.get(res.headers.location as string)).body)
  const products = await catalog.listOwnProducts(ctx.app.db, seller)
  return { done, products }
}

async function downloadTemplate(ctx: SellerTestContext) {
  const res = await ctx.server.inject({ url: '/seller/import/template.csv' })
  assert.equal(res.statusCode, 200)
  const [header, example] = parseCsv(res.body)
  return { csv: res.body, example: Object.fromEntries(header!.map((name, i) => [name, example![i]])) }
}

const docPath = path.resolve(import.meta.dirname, '../../../../docs/csv-import.md')

/** The example column of docs/csv-import.md's column table, by column name. */
async function documentedExample(): Promise<Record<string, string>> {
  const doc = await readFile(docPath, 'utf8')
  const example: Record<string, string> = {}
  for (const line of doc.split('\n')) {
    const cells = line.split('|').map((c) => c.trim())
    const name = /^`(\w+)`$/.exec(cells[1] ?? '')?.[1]
    const value = /^`(.*)`$/.exec(cells[4] ?? '')?.[1]
    if (name && value !== undefined) example[name] = value
  }
  return example
}

describe('the CSV template with the demo categories', () => {
  const ctx = useSellerServer()
  before(async () => {
    await seedDemo(ctx.app.database, { products: 0 })
  })

  it('names a subcategory that exists, shows it on the import page, and imports as downloaded', async () => {
    const { csv, example } = await downloadTemplate(ctx)
    assert.equal(example.category, 'centrifugal-monoblock-pumps')
    const choices = await catalog.listSubcategoryChoices(ctx.app.db)
    assert.ok(choices.length > 10)

    const { browser } = await signedInSeller(ctx)
    const page = visibleText((await browser.get('/seller/import')).body)
    assert.match(page, /category Yes Subcategory, by its short name \(slug\).*centrifugal-monoblock-pumps/)

    const { done, products } = await importThroughForm(ctx, csv)
    assert.match(done, /1 product imported\./)
    assert.doesNotMatch(done, /mistakes|Rows to fix/)
    assert.equal(products.length, 1)
    assert.equal(products[0]!.title, example.title)
  })

  it('docs/csv-import.md: the example row of the column table imports cleanly', async () => {
    const example = await documentedExample()
    assert.deepEqual(
      Object.keys(example),
      catalog.importColumns.map((c) => c.name),
    )
    const csv = `${Object.keys(example).join(',')}\n${Object.values(example)
      .map((v) => (/[",]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v))
      .join(',')}\n`
    const { done, products } = await importThroughForm(ctx, csv)
    assert.match(done, /1 product imported\./)
    assert.doesNotMatch(done, /mistakes|Rows to fix/)
    assert.equal(products[0]!.title, example.title)
  })
})

describe('the CSV template without pump categories', () => {
  const ctx = useSellerServer()
  before(async () => {
    await buildSubcategory(ctx.app.db, 'Gate valves')
  })

  it('uses a subcategory that exists and imports as downloaded', async () => {
    const { csv, example } = await downloadTemplate(ctx)
    const [gateValves] = await catalog.listSubcategoryChoices(ctx.app.db)
    assert.ok(example.category)
    assert.notEqual(example.category, 'monoblock-pumps')
    const { done, products } = await importThroughForm(ctx, csv)
    assert.match(done, /1 product imported\./)
    assert.equal(products[0]!.categoryName, gateValves!.name)
  })
})
