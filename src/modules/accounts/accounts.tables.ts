import { sql } from 'drizzle-orm'
import { bigint, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { classifyTable, notPersonal } from '../privacy/inventory.ts'

export const users = pgTable('users', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  email: text('email').notNull().unique(),
  emailVerifiedAt: timestamp('email_verified_at', { withTimezone: true }),
  passwordHash: text('password_hash'),
  name: text('name').notNull(),
  phone: text('phone'),
  roles: text('roles').array().notNull().default(sql`'{buyer}'::text[]`),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
})

export const usersInventory = classifyTable(users, 'People with a Mandi account: buyers, sellers and staff.', {
  id: notPersonal,
  email: {
    personal: true,
    category: 'contact',
    description: 'Your email address, used to sign in and to reach you',
    purposes: ['account', 'enquiries', 'security'],
    retention: 'Life of the account',
    erasure: 'pseudonymise',
  },
  emailVerifiedAt: notPersonal,
  passwordHash: {
    personal: true,
    category: 'credentials',
    description: 'A one-way hash of your password (we never store the password itself)',
    purposes: ['account', 'security'],
    retention: 'Life of the account',
    erasure: 'delete',
  },
  name: {
    personal: true,
    category: 'identity',
    description: 'Your name',
    purposes: ['account', 'enquiries'],
    retention: 'Life of the account',
    erasure: 'pseudonymise',
  },
  phone: {
    personal: true,
    category: 'contact',
    description: 'Your mobile number',
    purposes: ['account', 'enquiries', 'security'],
    retention: 'Life of the account',
    erasure: 'delete',
  },
  roles: notPersonal,
  createdAt: notPersonal,
  updatedAt: notPersonal,
})

/** A seller's business. Public once it lists products; contact details stay behind the enquiry relay. */
export const businesses = pgTable(
  'businesses',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    ownerUserId: uuid('owner_user_id')
      .notNull()
      .references(() => users.id),
    slug: text('slug').notNull().unique(),
    legalName: text('legal_name').notNull(),
    tradeName: text('trade_name'),
    gstin: text('gstin').unique(),
    gstinVerifiedAt: timestamp('gstin_verified_at', { withTimezone: true }),
    pan: text('pan'),
    businessType: text('business_type').notNull(),
    yearEstablished: integer('year_established'),
    description: text('description').notNull().default(''),
    addressLine1: text('address_line1').notNull(),
    city: text('city').notNull(),
    state: text('state').notNull(),
    pin: text('pin').notNull(),
    phone: text('phone'),
    email: text('email'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('businesses_owner_idx').on(t.ownerUserId), index('businesses_city_idx').on(t.city)],
)

const businessContact = {
  personal: true,
  category: 'contact',
  purposes: ['enquiries', 'account'],
  retention: 'Life of the business profile',
  erasure: 'delete',
} as const

export const businessesInventory = classifyTable(
  businesses,
  'Business profiles of sellers, shown on storefronts and product pages.',
  {
    id: notPersonal,
    ownerUserId: notPersonal,
    slug: notPersonal,
    legalName: {
      personal: true,
      category: 'identity',
      description: "The business's legal name (for a sole proprietor, often the owner's own name)",
      purposes: ['marketplace_listing', 'legal_obligation'],
      retention: 'Life of the business profile, then 8 years for GST records',
      erasure: 'legal_hold',
      public: true,
    },
    tradeName: notPersonal,
    gstin: {
      personal: true,
      category: 'identity',
      description: 'GST identification number, shown with a verified badge',
      purposes: ['marketplace_listing', 'legal_obligation'],
      retention: 'Life of the business profile, then 8 years for GST records',
      erasure: 'legal_hold',
      public: true,
    },
    gstinVerifiedAt: notPersonal,
    pan: {
      personal: true,
      category: 'identity',
      description: 'Permanent Account Number, derived from the GSTIN',
      purposes: ['legal_obligation'],
      retention: 'Life of the business profile, then 8 years for GST records',
      erasure: 'legal_hold',
    },
    businessType: notPersonal,
    yearEstablished: notPersonal,
    description: notPersonal,
    addressLine1: {
      personal: true,
      category: 'address',
      description: 'Street address of the business',
      purposes: ['marketplace_listing', 'orders'],
      retention: 'Life of the business profile',
      erasure: 'delete',
    },
    city: notPersonal,
    state: notPersonal,
    pin: {
      personal: true,
      category: 'address',
      description: 'PIN code of the business address',
      purposes: ['marketplace_listing', 'orders'],
      retention: 'Life of the business profile',
      erasure: 'delete',
    },
    phone: { ...businessContact, description: 'Business phone, given to buyers only through the enquiry relay' },
    email: { ...businessContact, description: 'Business email, given to buyers only through the enquiry relay' },
    createdAt: notPersonal,
    updatedAt: notPersonal,
  },
)
