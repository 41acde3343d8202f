import { type SQL, sql } from 'drizzle-orm'
import {
  type AnyPgColumn,
  bigint,
  check,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
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
    index('products_category_published_idx').on(t.categoryId, t.publishedAt.desc()).where(sql`status = 'published'`),
    index('products_published_idx').on(t.publishedAt.desc()).where(sql`status = 'published'`),
    index('products_search_idx').using('gin', t.searchVector),
    index('products_title_trgm_idx').using('gin', sql`${t.title} gin_trgm_ops`),
    check('products_moq_positive', sql`moq > 0`),
    check('products_price_nonnegative', sql`price_paise is null or price_paise >= 0`),
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
    status: notPersonal,
    searchVector: notPersonal,
    createdAt: notPersonal,
    updatedAt: notPersonal,
    publishedAt: notPersonal,
  },
)
