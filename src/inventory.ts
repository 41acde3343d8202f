import {
  attemptLimitsInventory,
  authTokensInventory,
  businessesInventory,
  profileVersionsInventory,
  recoveryCodesInventory,
  sessionsInventory,
  usersInventory,
} from './modules/accounts/accounts.tables.ts'
import {
  apiKeysInventory,
  categoriesInventory,
  productImagesInventory,
  productImportsInventory,
  productsInventory,
  searchTermsInventory,
  categoryCountsInventory,
  categoryCountChangesInventory,
  searchSellersInventory,
} from './modules/catalog/catalog.tables.ts'
import {
  abuseReportsInventory,
  buyerBlocksInventory,
  buyerInterestsInventory,
  buyRequirementsInventory,
  callbackRequestsInventory,
  contactSharesInventory,
  enquiriesInventory,
  enquiryMessagesInventory,
  leadNotesInventory,
  sellerResponsivenessInventory,
} from './modules/enquiries/enquiries.tables.ts'
import { devMailboxInventory, outboxMessagesInventory } from './modules/messaging/messaging.tables.ts'
import {
  cartItemsInventory,
  orderEventsInventory,
  orderItemsInventory,
  ordersInventory,
} from './modules/orders/orders.tables.ts'
import {
  paymentEventsInventory,
  paymentsInventory,
  sandboxSessionsInventory,
  sandboxWebhooksInventory,
  webhookEventsInventory,
} from './modules/payments/payments.tables.ts'
import type { TableInventory } from './modules/privacy/index.ts'
import {
  accessLogInventory,
  consentEventsInventory,
  disclosuresInventory,
} from './modules/privacy/privacy.tables.ts'
import {
  dataExportsInventory,
  erasureRequestsInventory,
  grievanceEventsInventory,
  grievancesInventory,
  nomineesInventory,
} from './modules/privacy/rights.tables.ts'
import { workerHeartbeatsInventory } from './modules/system/system.tables.ts'

// The migration runner's own bookkeeping table is not a Drizzle table; it is classified here.
const migrationsInventory: TableInventory = {
  table: 'mandi_migrations',
  description: 'Which database migrations have been applied.',
  columns: ['tag', 'sha256', 'applied_at'].map((column) => ({ column, entry: { personal: false } })),
  subjects: [],
}

/**
 * Every table in the public schema, with every column classified. The privacy notice, data
 * export, erasure and log redaction are generated from this list; a test compares it with the
 * live database so that nothing unclassified can exist.
 */
export const dataInventory: readonly TableInventory[] = [
  usersInventory,
  profileVersionsInventory,
  sessionsInventory,
  authTokensInventory,
  recoveryCodesInventory,
  attemptLimitsInventory,
  businessesInventory,
  categoriesInventory,
  productsInventory,
  searchTermsInventory,
  categoryCountsInventory,
  categoryCountChangesInventory,
  searchSellersInventory,
  productImagesInventory,
  apiKeysInventory,
  productImportsInventory,
  buyRequirementsInventory,
  enquiriesInventory,
  enquiryMessagesInventory,
  contactSharesInventory,
  callbackRequestsInventory,
  leadNotesInventory,
  buyerBlocksInventory,
  abuseReportsInventory,
  sellerResponsivenessInventory,
  buyerInterestsInventory,
  cartItemsInventory,
  ordersInventory,
  orderItemsInventory,
  orderEventsInventory,
  paymentsInventory,
  paymentEventsInventory,
  webhookEventsInventory,
  sandboxSessionsInventory,
  sandboxWebhooksInventory,
  consentEventsInventory,
  disclosuresInventory,
  accessLogInventory,
  dataExportsInventory,
  erasureRequestsInventory,
  grievancesInventory,
  grievanceEventsInventory,
  nomineesInventory,
  outboxMessagesInventory,
  devMailboxInventory,
  workerHeartbeatsInventory,
  migrationsInventory,
]
