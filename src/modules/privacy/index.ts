// The privacy module is the spine every other module uses: the data inventory types, the closed
// list of purposes, the consent ledger, the disclosure ledger and the staff access log. It imports
// no other module. Ledgers are append-only (database triggers refuse UPDATE and DELETE).
export { latestAccessReason, listAccessTo, recordAccess } from './access-log.ts'
export type { AccessEntry } from './access-log.ts'
export {
  consentPurposes,
  consentReceipt,
  hasConsent,
  listConsents,
  receiptStanding,
  recordConsent,
} from './consent.ts'
export type { ConsentChannel, ReceiptContext } from './consent.ts'
export { listDisclosures, recordDisclosure } from './disclosures.ts'
export {
  dataExportLifetimeDays,
  findPendingDataExport,
  getDataExport,
  listDataExportFileNames,
  listDataExports,
  listDueDataExports,
  listPendingDataExports,
  markDataExportReady,
  markDataExportsExpired,
  requestDataExport,
} from './data-exports.ts'
export type { DataExport } from './data-exports.ts'
export { declareOutbound, recordOutbound } from './outbound.ts'
export type { OutboundPath } from './outbound.ts'
export {
  dataExportStatuses,
  erasureStatuses,
  grievanceCategories,
  grievanceEventKinds,
  grievanceStatuses,
} from './rights.tables.ts'
export type {
  DataExportStatus,
  ErasureStatus,
  GrievanceCategory,
  GrievanceEventKind,
  GrievanceStatus,
} from './rights.tables.ts'
export type { DisclosureInput } from './disclosures.ts'
export { classifyTable, notPersonal } from './inventory.ts'
export type {
  ColumnClass,
  ColumnInventory,
  DataCategory,
  ErasureRule,
  SubjectLink,
  TableInventory,
} from './inventory.ts'
export { formCollection } from './collection.ts'
export {
  claimErasureRequest,
  completeErasureRequest,
  createErasureRequest,
  failErasureRequest,
  findErasureRequest,
  pendingErasureIds,
} from './erasure-requests.ts'
export type { ErasureRequest } from './erasure-requests.ts'
export { grievanceOfficerGaps, publishedGrievanceAddress } from './grievance.ts'
export type { GrievanceGap, GrievanceOfficer } from './grievance.ts'
export {
  acknowledgeGrievance,
  addGrievanceReply,
  createGrievance,
  describeDuration,
  describeGrievanceClock,
  findGrievance,
  findGrievanceForUser,
  grievanceCategoryLabels,
  grievanceClock,
  grievanceClockState,
  grievanceDeadlines,
  grievanceReference,
  grievanceStatusLabels,
  isOverdueForAcknowledgement,
  isOverdueForResolution,
  listGrievanceEvents,
  listGrievanceQueue,
  listGrievancesForUser,
  listResolvedGrievances,
  reopenGrievance,
  resolveGrievance,
} from './grievances.ts'
export type { Grievance, GrievanceClockState, GrievanceEvent, NewGrievance } from './grievances.ts'
export {
  findNominationsByEmail,
  findNominee,
  NOMINEE_RELATIONSHIP_MAX,
  nomineeRelationships,
  removeNominee,
  saveNominee,
} from './nominee.ts'
export type { Nominee, NomineeInput } from './nominee.ts'
export type { Collection, ColumnRef, FormCollection } from './collection.ts'
export { buildNotice, categoryTitles, personalFieldNames } from './notice.ts'
export type { NoticeItem, NoticeSection } from './notice.ts'
export { currentPolicyVersion, policyVersions } from './policy.ts'
export { createReceiptSigner, receiptToken, verifyReceipt } from './receipts.ts'
export type { ConsentReceiptClaims, PublicJwk, ReceiptCheck, ReceiptSigner } from './receipts.ts'
export { recipientDeclarations } from './recipients.ts'
export { availableRights, comingRights, dataSubjectRights, rightsPhrase } from './rights.ts'
export type { DataSubjectRight, DataSubjectRightCode } from './rights.ts'
export type { RecipientDeclaration } from './recipients.ts'
export type { RecipientKind } from './privacy.tables.ts'
export { purposes } from './purposes.ts'
export type { Purpose, PurposeDefinition } from './purposes.ts'
