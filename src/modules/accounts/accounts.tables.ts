import { sql } from 'drizzle-orm'
import {
  bigint,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core'
import { classifyTable, notPersonal } from '../privacy/inventory.ts'

export const users = pgTable('users', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  email: text('email').notNull().unique(),
  emailVerifiedAt: timestamp('email_verified_at', { withTimezone: true }),
  passwordHash: text('password_hash'),
  name: text('name').notNull(),
  phone: text('phone'),
  phoneVerifiedAt: timestamp('phone_verified_at', { withTimezone: true }),
  dateOfBirth: date('date_of_birth'),
  gender: text('gender'),
  addressLine1: text('address_line1'),
  addressLine2: text('address_line2'),
  city: text('city'),
  state: text('state'),
  pin: text('pin'),
  roles: text('roles').array().notNull().default(sql`'{buyer}'::text[]`),
  adultBusinessDeclaredAt: timestamp('adult_business_declared_at', { withTimezone: true }),
  passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }),
  totpSecret: text('totp_secret'),
  totpEnabledAt: timestamp('totp_enabled_at', { withTimezone: true }),
  /** A new secret being set up (sealed); the active one keeps working until this one is confirmed. */
  totpPendingSecret: text('totp_pending_secret'),
  /** The 30-second step of the last code accepted, so the same code cannot be used twice. */
  totpLastStep: integer('totp_last_step'),
  profileVersion: integer('profile_version').notNull().default(1),
  /** Set when the account is erased: it then acts as nobody and names no company. */
  erasedAt: timestamp('erased_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
})

const personalAddress = {
  personal: true,
  category: 'address',
  purposes: ['account', 'orders'],
  retention: 'Life of the account',
  erasure: 'delete',
} as const

export const usersInventory = classifyTable(
  users,
  'People with a Mandi account: buyers, sellers and staff.',
  {
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
    phoneVerifiedAt: notPersonal,
    dateOfBirth: {
      personal: true,
      category: 'identity',
      description: 'Your date of birth (optional), used only to confirm you are 18 or over',
      purposes: ['account'],
      retention: 'Life of the account',
      erasure: 'delete',
    },
    gender: {
      personal: true,
      category: 'identity',
      description: 'Your gender (optional), if you choose to tell us',
      purposes: ['account', 'personalisation'],
      retention: 'Life of the account',
      erasure: 'delete',
    },
    addressLine1: {
      ...personalAddress,
      description: 'Your postal address (optional), for deliveries and invoices',
    },
    addressLine2: { ...personalAddress, description: 'Second line of your postal address' },
    city: { ...personalAddress, description: 'Your city' },
    state: { ...personalAddress, description: 'Your state' },
    pin: { ...personalAddress, description: 'Your PIN code' },
    roles: notPersonal,
    adultBusinessDeclaredAt: notPersonal,
    passwordChangedAt: notPersonal,
    totpSecret: {
      personal: true,
      category: 'credentials',
      description: 'The secret of your two-factor authenticator app, encrypted',
      purposes: ['security'],
      retention: 'Until you switch two-factor sign-in off',
      erasure: 'delete',
    },
    totpEnabledAt: notPersonal,
    totpPendingSecret: {
      personal: true,
      category: 'credentials',
      description: 'A new two-factor secret you started to set up and have not confirmed yet, encrypted',
      purposes: ['security'],
      retention: 'Until you confirm it or switch two-factor sign-in off',
      erasure: 'delete',
    },
    totpLastStep: notPersonal,
    profileVersion: notPersonal,
    erasedAt: notPersonal,
    createdAt: notPersonal,
    updatedAt: notPersonal,
  },
  [{ column: 'id', role: 'account holder' }],
)

/**
 * Every version of a person's profile: who changed which fields, when, from what to what.
 * Version 1 is the profile as registered. Rows follow the profile's own erasure rules.
 */
export const profileVersions = pgTable(
  'profile_versions',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    changedBy: uuid('changed_by'),
    changes: jsonb('changes').$type<{ field: string; from: string | null; to: string | null }[]>().notNull(),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('profile_versions_user_version_unique').on(t.userId, t.version)],
)

export const profileVersionsInventory = classifyTable(
  profileVersions,
  'The history of changes to your profile.',
  {
    id: notPersonal,
    userId: notPersonal,
    version: notPersonal,
    changedBy: notPersonal,
    changes: {
      personal: true,
      category: 'identity',
      description: 'Earlier versions of your profile: each change, with the old and new value',
      purposes: ['account', 'security'],
      retention: 'Life of the account',
      erasure: 'delete',
    },
    changedAt: notPersonal,
  },
  [{ column: 'user_id', role: 'account holder', erasure: 'delete_rows' }],
)

/** Signed-in sessions. The cookie holds a random token; only its SHA-256 is stored. */
export const sessions = pgTable(
  'sessions',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull().unique(),
    sharedDevice: boolean('shared_device').notNull().default(false),
    userAgent: text('user_agent'),
    ipPrefix: text('ip_prefix'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    idleExpiresAt: timestamp('idle_expires_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedReason: text('revoked_reason'),
  },
  (t) => [
    index('sessions_user_idx').on(t.userId, t.lastSeenAt.desc()),
    index('sessions_expires_idx').on(t.expiresAt),
  ],
)

export const sessionsInventory = classifyTable(
  sessions,
  'Where you are signed in.',
  {
    id: notPersonal,
    userId: notPersonal,
    tokenHash: notPersonal,
    sharedDevice: notPersonal,
    userAgent: {
      personal: true,
      category: 'technical',
      description: 'The browser and device you signed in from',
      purposes: ['security', 'account'],
      retention: 'Until the session ends, then 30 days',
      erasure: 'delete',
    },
    ipPrefix: {
      personal: true,
      category: 'technical',
      description: 'The network you signed in from, with the last part of the IP address removed',
      purposes: ['security'],
      retention: 'Until the session ends, then 30 days',
      erasure: 'delete',
    },
    createdAt: notPersonal,
    lastSeenAt: notPersonal,
    idleExpiresAt: notPersonal,
    expiresAt: notPersonal,
    revokedAt: notPersonal,
    revokedReason: notPersonal,
  },
  [{ column: 'user_id', role: 'account holder', erasure: 'delete_rows' }],
)

/**
 * Single-use links sent by email (email verification, password reset) and codes sent by SMS
 * (mobile number verification). Only hashes are stored. A code row keeps the number it was sent
 * to, so a code for an earlier number confirms nothing.
 */
export const authTokens = pgTable(
  'auth_tokens',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    purpose: text('purpose', {
      enum: ['email_verification', 'password_reset', 'phone_verification'],
    }).notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    email: text('email').notNull(),
    /** phone_verification: the mobile number (E.164) the code was sent to. */
    phone: text('phone'),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('auth_tokens_user_idx').on(t.userId, t.purpose)],
)

export const authTokensInventory = classifyTable(
  authTokens,
  'Links we emailed to verify an address or reset a password, and codes we texted to verify a mobile number.',
  {
    id: notPersonal,
    userId: notPersonal,
    purpose: notPersonal,
    tokenHash: notPersonal,
    email: {
      personal: true,
      category: 'contact',
      description: 'The address a verification or reset link was sent to',
      purposes: ['account', 'security'],
      retention: '30 days',
      erasure: 'delete',
    },
    phone: {
      personal: true,
      category: 'contact',
      description: 'The mobile number a verification code was sent to',
      purposes: ['account', 'security'],
      retention: '30 days',
      erasure: 'delete',
    },
    expiresAt: notPersonal,
    usedAt: notPersonal,
    createdAt: notPersonal,
  },
  [{ column: 'user_id', role: 'account holder', erasure: 'delete_rows' }],
)

/** Hashes of two-factor recovery codes; each works once. */
export const recoveryCodes = pgTable(
  'recovery_codes',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    codeHash: text('code_hash').notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('recovery_codes_user_idx').on(t.userId)],
)

export const recoveryCodesInventory = classifyTable(
  recoveryCodes,
  'Two-factor recovery codes (hashed).',
  {
    id: notPersonal,
    userId: notPersonal,
    codeHash: {
      personal: true,
      category: 'credentials',
      description: 'One-way hashes of your two-factor recovery codes',
      purposes: ['security'],
      retention: 'Until used or replaced',
      erasure: 'delete',
    },
    usedAt: notPersonal,
    createdAt: notPersonal,
  },
  [{ column: 'user_id', role: 'account holder', erasure: 'delete_rows' }],
)

/**
 * Attempt counters for the limits on sign-in, current-password checks and emailed links: one row
 * per limit key, counted in fixed windows by one atomic upsert (attempt-limits.ts). Keys are
 * HMACs of the email address, network or account, never the values themselves.
 */
export const attemptLimits = pgTable(
  'attempt_limits',
  {
    key: text('key').primaryKey(),
    attempts: integer('attempts').notNull(),
    windowStartedAt: timestamp('window_started_at', { withTimezone: true }).notNull(),
    windowSeconds: integer('window_seconds').notNull(),
  },
  (t) => [index('attempt_limits_window_idx').on(t.windowStartedAt)],
)

export const attemptLimitsInventory = classifyTable(
  attemptLimits,
  'Recent attempts to sign in, confirm a password or ask for an emailed link, to stop guessing and floods.',
  {
    key: {
      personal: true,
      category: 'technical',
      description:
        'A keyed hash of the email address, account or network an attempt came for or from (not the value itself)',
      purposes: ['security'],
      retention: 'Until its window ends (at most an hour), then deleted within the hour',
      erasure: 'delete',
    },
    attempts: notPersonal,
    windowStartedAt: notPersonal,
    windowSeconds: notPersonal,
  },
)

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
    categoryIds: integer('category_ids').array().notNull().default(sql`'{}'::integer[]`),
    logoPath: text('logo_path'),
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
    phone: {
      ...businessContact,
      description: 'Business phone, given to buyers only through the enquiry relay',
    },
    email: {
      ...businessContact,
      description: 'Business email, given to buyers only through the enquiry relay',
    },
    categoryIds: notPersonal,
    logoPath: notPersonal,
    createdAt: notPersonal,
    updatedAt: notPersonal,
  },
  [{ column: 'owner_user_id', role: 'seller' }],
)
