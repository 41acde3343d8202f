import { type SQL, sql } from 'drizzle-orm'
import {
  type AnyPgColumn,
  bigint,
  boolean,
  check,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core'
import { businesses } from '../accounts/accounts.tables.ts'
import { classifyTable, notPersonal } from '../privacy/inventory.ts'

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' })

export const categories = pgTable(
  'categories',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    parentId: integer('parent_id').references((): AnyPgColumn => categories.id),
    slug: text('slug').notNull().unique(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    position: integer('position').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('categories_parent_idx').on(t.parentId, t.position)],
)

export const categoriesInventory = classifyTable(categories, 'The category tree of the catalogue.', {
  id: notPersonal,
  parentId: notPersonal,
  slug: notPersonal,
  name: notPersonal,
  description: notPersonal,
  position: notPersonal,
  createdAt: notPersonal,
})

export const productStatuses = ['draft', 'published', 'suspended'] as const
export type ProductStatus = (typeof productStatuses)[number]

export interface ProductSpec {
  name: string
  value: string
}

// Title weighs most, then specification values, then the description.
const searchDocument: SQL = sql`setweight(to_tsvector('english', coalesce(title, '')), 'A')
  || setweight(jsonb_to_tsvector('english', specs, '["string"]'), 'B')
  || setweight(to_tsvector('english', coalesce(description, '')), 'C')`

export const products = pgTable(
  'products',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    businessId: bigint('business_id', { mode: 'number' })
      .notNull()
      .references(() => businesses.id),
    categoryId: integer('category_id')
      .notNull()
      .references(() => categories.id),
    slug: text('slug').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    specs: jsonb('specs').$type<ProductSpec[]>().notNull().default([]),
    unit: text('unit').notNull(),
    moq: integer('moq').notNull().default(1),
    // Integer paise; null means "price on request".
    pricePaise: bigint('price_paise', { mode: 'number' }),
    stock: integer('stock'),
    /** HSN code for GST (4, 6 or 8 digits); null until the seller sets it. */
    hsnCode: text('hsn_code'),
    /** GST rate in percent (0, 5, 12, 18 or 28); null until the seller sets it. */
    gstRatePercent: integer('gst_rate_percent'),
    status: text('status', { enum: productStatuses }).notNull().default('draft'),
    searchVector: tsvector('search_vector')
      .notNull()
      .generatedAlwaysAs(searchDocument),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    publishedAt: timestamp('published_at', { withTimezone: true }),
  },
  (t) => [
    index('products_business_idx').on(t.businessId),
    index('products_business_published_idx').on(t.businessId).where(sql`status = 'published'`),
    index('products_category_published_idx').on(t.categoryId, t.publishedAt.desc()).where(sql`status = 'published'`),
    index('products_published_idx').on(t.publishedAt.desc()).where(sql`status = 'published'`),
    index('products_search_idx').using('gin', t.searchVector),
    index('products_title_trgm_idx').using('gin', sql`${t.title} gin_trgm_ops`),
    // Price sorts walk this index instead of sorting every match.
    index('products_price_published_idx').on(t.pricePaise, t.id).where(sql`status = 'published'`),
    index('products_price_desc_published_idx')
      .on(t.pricePaise.desc().nullsLast(), t.id.desc())
      .where(sql`status = 'published'`),
    check('products_moq_positive', sql`moq > 0`),
    check('products_price_nonnegative', sql`price_paise is null or price_paise >= 0`),
    check('products_hsn_code_valid', sql`hsn_code is null or hsn_code ~ '^([0-9]{4}|[0-9]{6}|[0-9]{8})$'`),
    check('products_gst_rate_valid', sql`gst_rate_percent is null or gst_rate_percent in (0, 5, 12, 18, 28)`),
    check('products_stock_nonnegative', sql`stock is null or stock >= 0`),
  ],
)

export const productsInventory = classifyTable(
  products,
  'Product listings published by sellers. Listings describe goods, not people.',
  {
    id: notPersonal,
    businessId: notPersonal,
    categoryId: notPersonal,
    slug: notPersonal,
    title: notPersonal,
    description: notPersonal,
    specs: notPersonal,
    unit: notPersonal,
    moq: notPersonal,
    pricePaise: notPersonal,
    stock: notPersonal,
    hsnCode: notPersonal,
    gstRatePercent: notPersonal,
    status: notPersonal,
    searchVector: notPersonal,
    createdAt: notPersonal,
    updatedAt: notPersonal,
    publishedAt: notPersonal,
  },
  [{ column: 'business_id', role: 'seller', via: 'businesses' }],
)

/**
 * The search lexicon: distinct words of published product titles and how many titles hold them.
 * Typo correction ("vlave" → "valve") and word completion for suggestions look here instead of
 * at a million titles. A statement trigger adds new words as products are written; the counts
 * and words of unpublished products are refreshed by refreshSearchTerms (a job or the seed).
 */
export const searchTerms = pgTable(
  'search_terms',
  {
    term: text('term').primaryKey(),
    products: integer('products').notNull().default(0),
  },
  (t) => [
    index('search_terms_trgm_idx').using('gin', sql`${t.term} gin_trgm_ops`),
    index('search_terms_prefix_idx').on(sql`${t.term} text_pattern_ops`, t.products.desc()),
  ],
)

export const searchTermsInventory = classifyTable(searchTerms, 'Words of published product titles, for spelling correction and suggestions.', {
  term: notPersonal,
  products: notPersonal,
})

/**
 * Published products per category (own category only), so that the category index and the
 * counts on category pages never count a million rows. Statement triggers on products append
 * signed changes to categoryCountChanges (append-only, so concurrent writers never wait on a hot
 * category); readers add them up, and foldCategoryCounts moves them in here.
 */
export const categoryCounts = pgTable('category_counts', {
  categoryId: integer('category_id')
    .primaryKey()
    .references(() => categories.id, { onDelete: 'cascade' }),
  products: integer('products').notNull().default(0),
})

export const categoryCountsInventory = classifyTable(categoryCounts, 'How many published products each category holds.', {
  categoryId: notPersonal,
  products: notPersonal,
})

export const categoryCountChanges = pgTable('category_count_changes', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  categoryId: integer('category_id').notNull(),
  delta: integer('delta').notNull(),
})

export const categoryCountChangesInventory = classifyTable(
  categoryCountChanges,
  'Changes to the per-category product counts not yet folded into them.',
  { id: notPersonal, categoryId: notPersonal, delta: notPersonal },
)

/**
 * What the search filters need to know about each seller, in a table a few bytes wide: the
 * businesses rows are wide (addresses, descriptions), and scanning them for every "sellers in
 * Pune" or "verified only" costs more than the search. A trigger on businesses keeps it in step.
 */
export const searchSellers = pgTable(
  'search_sellers',
  {
    businessId: bigint('business_id', { mode: 'number' })
      .primaryKey()
      .references(() => businesses.id, { onDelete: 'cascade' }),
    city: text('city').notNull(),
    state: text('state').notNull(),
    verified: boolean('verified').notNull(),
  },
  (t) => [
    index('search_sellers_city_idx').on(sql`lower(${t.city})`),
    index('search_sellers_state_idx').on(sql`lower(${t.state})`),
  ],
)

export const searchSellersInventory = classifyTable(
  searchSellers,
  "A copy of each business's city, state and GST verification, for search filters. Businesses, not people.",
  { businessId: notPersonal, city: notPersonal, state: notPersonal, verified: notPersonal },
)

/** Product photos: one uploaded original becomes fixed-width WebP files (metadata stripped). */
export const productImages = pgTable(
  'product_images',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    productId: bigint('product_id', { mode: 'number' })
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    position: integer('position').notNull().default(0),
    /** Path under DATA_DIR/uploads without width and extension, e.g. products/123/9f2c1a. */
    pathBase: text('path_base').notNull(),
    widths: integer('widths').array().notNull(),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    alt: text('alt').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('product_images_product_idx').on(t.productId, t.position)],
)

export const productImagesInventory = classifyTable(
  productImages,
  'Photos of products, resized and stripped of metadata.',
  {
    id: notPersonal,
    productId: notPersonal,
    position: notPersonal,
    pathBase: notPersonal,
    widths: notPersonal,
    width: notPersonal,
    height: notPersonal,
    alt: notPersonal,
    createdAt: notPersonal,
  },
  [{ column: 'product_id', role: 'seller', via: 'products' }],
)

/** Keys a seller's own systems use for the catalogue API. Only a hash is stored; the prefix identifies it. */
export const apiKeys = pgTable(
  'api_keys',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    businessId: bigint('business_id', { mode: 'number' })
      .notNull()
      .references(() => businesses.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    prefix: text('prefix').notNull(),
    keyHash: text('key_hash').notNull().unique(),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [index('api_keys_business_idx').on(t.businessId)],
)

export const apiKeysInventory = classifyTable(
  apiKeys,
  "Keys for a seller's systems to manage their catalogue.",
  {
    id: notPersonal,
    businessId: notPersonal,
    name: notPersonal,
    prefix: notPersonal,
    keyHash: notPersonal,
    createdBy: notPersonal,
    createdAt: notPersonal,
    lastUsedAt: notPersonal,
    revokedAt: notPersonal,
  },
  [
    { column: 'business_id', role: 'seller', via: 'businesses' },
    { column: 'created_by', role: 'who created the key' },
  ],
)

export const importStatuses = ['queued', 'running', 'done', 'failed'] as const

/** A CSV bulk import of products, run as a job; accepted rows are written in one transaction. */
export const productImports = pgTable(
  'product_imports',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    businessId: bigint('business_id', { mode: 'number' })
      .notNull()
      .references(() => businesses.id, { onDelete: 'cascade' }),
    createdBy: uuid('created_by').notNull(),
    filename: text('filename').notNull(),
    /** Path of the uploaded file under DATA_DIR/imports; deleted when the import finishes. */
    storedPath: text('stored_path'),
    status: text('status', { enum: importStatuses }).notNull().default('queued'),
    totalRows: integer('total_rows').notNull().default(0),
    processedRows: integer('processed_rows').notNull().default(0),
    acceptedRows: integer('accepted_rows').notNull().default(0),
    rejectedRows: integer('rejected_rows').notNull().default(0),
    errors: jsonb('errors').$type<{ row: number; field: string; message: string }[]>().notNull().default([]),
    failureReason: text('failure_reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [index('product_imports_business_idx').on(t.businessId, t.createdAt.desc())],
)

export const productImportsInventory = classifyTable(
  productImports,
  'Bulk product imports and their row-by-row reports.',
  {
    id: notPersonal,
    businessId: notPersonal,
    createdBy: notPersonal,
    filename: notPersonal,
    storedPath: notPersonal,
    status: notPersonal,
    totalRows: notPersonal,
    processedRows: notPersonal,
    acceptedRows: notPersonal,
    rejectedRows: notPersonal,
    errors: notPersonal,
    failureReason: notPersonal,
    createdAt: notPersonal,
    finishedAt: notPersonal,
  },
  [
    { column: 'business_id', role: 'seller', via: 'businesses' },
    { column: 'created_by', role: 'who uploaded the file' },
  ],
)
