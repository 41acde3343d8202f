// Flows are the use cases that span modules: each composes the modules' public functions (imported
// through their index.ts only), takes `db` or the `App` and the dependencies it needs as
// parameters, and opens its own transaction(s). Web routes and jobs call flows; modules never do.
// One file per use case; orders, campaigns and the rest add theirs here. See ADR 015.

export { changeConsent } from './change-consent.ts'
export type { ConsentChange } from './change-consent.ts'
export { dataSummary, subjectAccessInventory, summariseRows, withheldRows } from './data-summary.ts'
export type {
  DataSummary,
  DataSummaryCategory,
  DataSummaryItem,
  DataSummaryOptions,
  DataSummaryRecipient,
  DataSummaryTable,
  DataSummaryWithheld,
} from './data-summary.ts'
export { heldNotShown } from './data-values.ts'
export {
  buildDataExport,
  buildExportContent,
  describeDataExport,
  expireDataExports,
  exportDownloadPath,
  findExportDownload,
  removeExportFiles,
  requestExport,
  runDataExportJob,
  zipExport,
} from './export-account.ts'
export type { DataExportState, ExportContent, ExportDeps, ExportDownload } from './export-account.ts'
export { findSubjectRows } from './subject-rows.ts'
export type { SubjectRows, SubjectRowsOptions } from './subject-rows.ts'
export { erasurePlan, eraseAccount, requestErasure, runPendingErasures } from './erase-account.ts'
export type {
  ErasurePlan,
  ErasurePlanItem,
  ErasureProof,
  ErasureReport,
  ErasureReportTable,
} from './erase-account.ts'
export {
  acknowledgeAsStaff,
  AnonymousGrievanceInput,
  GrievanceInput,
  grievanceContact,
  grievanceForStaff,
  listOwnGrievances,
  ownGrievance,
  raiseGrievance,
  reopenAsPerson,
  replyAsPerson,
  replyAsStaff,
  resolveAsStaff,
} from './grievances.ts'
export type { GrievanceDeps, StaffGrievanceView } from './grievances.ts'
export { getNominee, NomineeInput, nomineeNoticePath, removeNominee, setNominee } from './nominee.ts'
export type { NomineeDeps } from './nominee.ts'
export { checkoutAndPay, placeOrders, RESERVATION_MINUTES, settleOrderPayment } from './checkout.ts'
export { type AcceptQuoteInput, acceptQuote } from './accept-quote.ts'
export type {
  CheckoutWithPayment,
  OrderSettlement,
  PlacedCheckout,
  PlacedOrder,
  PlaceOrdersInput,
} from './checkout.ts'
export {
  errorKind as settlementErrorKind,
  SETTLE_SWEEP_HOURS,
  settleCapturedPayments,
  settlePaymentForOrders,
} from './settle-payments.ts'
export type { PaymentSettlement, SettlementLog, SettlementSweep } from './settle-payments.ts'
export {
  acceptOrder,
  BuyerCancelInput,
  buyerCancelOrder,
  DispatchInput,
  dispatchOrder,
  mailSellerOrderPaid,
  SellerCancelInput,
  sellerCancelOrder,
} from './order-actions.ts'
export type { OrderActionResult, RefundState } from './order-actions.ts'
