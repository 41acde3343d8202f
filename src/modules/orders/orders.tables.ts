import { sql } from 'drizzle-orm'
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core'
import { businesses, users } from '../accounts/accounts.tables.ts'
import { products } from '../catalog/catalog.tables.ts'
import { classifyTable, notPersonal } from '../privacy/inventory.ts'

export const orderStatusValues = [
  'pending_payment',
  'paid',
  'accepted',
  'dispatched',
  'delivered',
  'cancelled',
  'expired',
] as const
export type OrderStatus = (typeof orderStatusValues)[number]
export const orderSources = ['cart', 'quote'] as const
export type OrderSource = (typeof orderSources)[number]
export const orderActors = ['buyer', 'seller', 'staff', 'system'] as const
export type OrderActor = (typeof orderActors)[number]

const identity = () => bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity()
const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow()

/** A buyer's cart: one line per product, until checkout or removal. */
export const cartItems = pgTable(
  'cart_items',
  {
    id: identity(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    productId: bigint('product_id', { mode: 'number' })
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    quantity: integer('quantity').notNull(),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('cart_items_user_product_idx').on(t.userId, t.productId),
    index('cart_items_product_idx').on(t.productId),
    check('cart_items_quantity_positive', sql`quantity > 0`),
  ],
)

export const cartItemsInventory = classifyTable(
  cartItems,
  'The products and quantities in your cart.',
  {
    id: notPersonal,
    userId: notPersonal,
    productId: {
      personal: true,
      category: 'behavioural',
      description: 'A product you put in your cart',
      purposes: ['orders'],
      retention: 'Until you check it out or remove it',
      erasure: 'delete',
    },
    quantity: notPersonal,
    createdAt: notPersonal,
    updatedAt: notPersonal,
  },
  [{ column: 'user_id', role: 'buyer', erasure: 'delete_rows' }],
)

// An order is a tax record: GST law asks for invoices and their particulars to be kept 8 years.
const orderRecord = {
  personal: true,
  purposes: ['orders', 'legal_obligation'],
  retention: '8 years after the order (GST records), then deleted',
  erasure: 'legal_hold',
} as const

/** One seller's part of a checkout (or an accepted quote), with its totals in paise and where it goes. */
export const orders = pgTable(
  'orders',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    buyerUserId: uuid('buyer_user_id')
      .notNull()
      .references(() => users.id),
    businessId: bigint('business_id', { mode: 'number' })
      .notNull()
      .references(() => businesses.id),
    status: text('status', { enum: orderStatusValues }).notNull().default('pending_payment'),
    taxablePaise: bigint('taxable_paise', { mode: 'number' }).notNull(),
    /** Null while a product in the order has no GST rate set. */
    taxPaise: bigint('tax_paise', { mode: 'number' }),
    /** Null means the delivery charge is "to be agreed" with the seller. */
    deliveryPaise: bigint('delivery_paise', { mode: 'number' }),
    totalPaise: bigint('total_paise', { mode: 'number' }).notNull(),
    shipName: text('ship_name').notNull(),
    shipLine1: text('ship_line1').notNull(),
    shipLine2: text('ship_line2'),
    shipCity: text('ship_city').notNull(),
    shipState: text('ship_state').notNull(),
    shipPin: text('ship_pin').notNull(),
    shipPhone: text('ship_phone').notNull(),
    billingGstin: text('billing_gstin'),
    poNumber: text('po_number'),
    placeOfSupplyState: text('place_of_supply_state').notNull(),
    source: text('source', { enum: orderSources }).notNull(),
    enquiryId: uuid('enquiry_id'),
    quoteMessageId: bigint('quote_message_id', { mode: 'number' }),
    reservationExpiresAt: timestamp('reservation_expires_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('orders_buyer_idx').on(t.buyerUserId, t.createdAt.desc()),
    index('orders_business_idx').on(t.businessId, t.createdAt.desc()),
    index('orders_pending_expiry_idx').on(t.reservationExpiresAt).where(sql`status = 'pending_payment'`),
    check(
      'orders_status_valid',
      sql`status in ('pending_payment', 'paid', 'accepted', 'dispatched', 'delivered', 'cancelled', 'expired')`,
    ),
    check('orders_source_valid', sql`source in ('cart', 'quote')`),
    check(
      'orders_amounts_nonnegative',
      sql`taxable_paise >= 0 and (tax_paise is null or tax_paise >= 0) and (delivery_paise is null or delivery_paise >= 0) and total_paise >= 0`,
    ),
    check('orders_quote_reference', sql`source = 'cart' or enquiry_id is not null`),
  ],
)

export const ordersInventory = classifyTable(
  orders,
  'Orders you placed with a seller, or received as a seller: what, for how much, and where it goes.',
  {
    id: notPersonal,
    buyerUserId: notPersonal,
    businessId: notPersonal,
    status: notPersonal,
    taxablePaise: notPersonal,
    taxPaise: notPersonal,
    deliveryPaise: notPersonal,
    totalPaise: notPersonal,
    shipName: { ...orderRecord, category: 'identity', description: 'The name the goods are sent to' },
    shipLine1: { ...orderRecord, category: 'address', description: 'The delivery address' },
    shipLine2: { ...orderRecord, category: 'address', description: 'The delivery address (second line)' },
    shipCity: { ...orderRecord, category: 'address', description: 'The delivery city' },
    shipState: { ...orderRecord, category: 'address', description: 'The delivery state' },
    shipPin: { ...orderRecord, category: 'address', description: 'The delivery PIN code' },
    shipPhone: { ...orderRecord, category: 'contact', description: 'The phone number for delivery' },
    billingGstin: {
      ...orderRecord,
      category: 'identity',
      description: 'The GSTIN the order is billed to, for input tax credit',
    },
    // A purchase order number identifies a business document, not a person.
    poNumber: notPersonal,
    placeOfSupplyState: notPersonal,
    source: notPersonal,
    enquiryId: notPersonal,
    quoteMessageId: notPersonal,
    reservationExpiresAt: notPersonal,
    createdAt: notPersonal,
    updatedAt: notPersonal,
  },
  [
    { column: 'buyer_user_id', role: 'buyer' },
    // The seller sees the order, but its personal values are the buyer's: erasing the seller keeps them.
    { column: 'business_id', role: 'seller who received it', via: 'businesses', erasure: 'keep' },
  ],
)

/** What was ordered, copied from the product when the order was placed so later edits change nothing. */
export const orderItems = pgTable(
  'order_items',
  {
    id: identity(),
    orderId: uuid('order_id')
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    productId: bigint('product_id', { mode: 'number' })
      .notNull()
      .references(() => products.id),
    title: text('title').notNull(),
    hsnCode: text('hsn_code'),
    unit: text('unit').notNull(),
    unitPricePaise: bigint('unit_price_paise', { mode: 'number' }).notNull(),
    quantity: integer('quantity').notNull(),
    gstRatePercent: integer('gst_rate_percent'),
    taxablePaise: bigint('taxable_paise', { mode: 'number' }).notNull(),
    taxPaise: bigint('tax_paise', { mode: 'number' }),
    /** True when the product tracked stock at checkout and this quantity was taken from it. */
    stockReserved: boolean('stock_reserved').notNull().default(false),
  },
  (t) => [
    index('order_items_order_idx').on(t.orderId),
    index('order_items_product_idx').on(t.productId),
    check('order_items_quantity_positive', sql`quantity > 0`),
  ],
)

export const orderItemsInventory = classifyTable(
  orderItems,
  'The goods in each order, as listed when it was placed.',
  {
    id: notPersonal,
    orderId: notPersonal,
    productId: notPersonal,
    title: notPersonal,
    hsnCode: notPersonal,
    unit: notPersonal,
    unitPricePaise: notPersonal,
    quantity: notPersonal,
    gstRatePercent: notPersonal,
    taxablePaise: notPersonal,
    taxPaise: notPersonal,
    stockReserved: notPersonal,
  },
  [{ column: 'order_id', role: 'party to the order', via: 'orders' }],
)

/** Every change of an order's status: from, to, which party made it, why and when. */
export const orderEvents = pgTable(
  'order_events',
  {
    id: identity(),
    orderId: uuid('order_id')
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    /** Null for the event that created the order. */
    fromStatus: text('from_status', { enum: orderStatusValues }),
    toStatus: text('to_status', { enum: orderStatusValues }).notNull(),
    actor: text('actor', { enum: orderActors }).notNull(),
    reason: text('reason'),
    createdAt: createdAt(),
  },
  (t) => [
    index('order_events_order_idx').on(t.orderId, t.createdAt),
    check('order_events_actor_valid', sql`actor in ('buyer', 'seller', 'staff', 'system')`),
  ],
)

export const orderEventsInventory = classifyTable(
  orderEvents,
  'The history of each order: who moved it to which status, and why.',
  {
    id: notPersonal,
    orderId: notPersonal,
    fromStatus: notPersonal,
    toStatus: notPersonal,
    actor: notPersonal,
    reason: {
      ...orderRecord,
      category: 'content',
      description: 'The reason given for a change, such as a cancellation',
    },
    createdAt: notPersonal,
  },
  [{ column: 'order_id', role: 'party to the order', via: 'orders' }],
)
