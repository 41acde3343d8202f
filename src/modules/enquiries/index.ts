// Enquiries: buyer enquiries and buy requirements, seller leads, the masked email relay and
// matchmaking. It owns the enquiries tables and imports accounts, catalog, messaging and privacy.
// It must never hand one party's email or phone to the other before the buyer shares them:
// contact details reach a seller only through sharedContactOf, which reads the active share.

// The tables stay inside the module (test/module-boundaries.test.ts); their value lists and types are public.
export {
  abuseReportStatuses,
  callbackStatuses,
  enquiryStatusValues,
  interestKinds,
  leadStatusValues,
  messageAuthors,
  messageChannelsVia,
  requirementStatusValues,
} from './enquiries.tables.ts'
export type { MessageAuthor, QuoteTerms } from './enquiries.tables.ts'
/** What the composition root hands every enquiry flow; the relay key comes from SECRET_KEY. */
export { type EnquiryContext, relayKeyFromSecrets } from './enquiry-context.ts'
/** The ways a person's data leaves through enquiries, each written to the disclosure ledger. */
export {
  buyerPhoneToCallProviderPath,
  enquiryToSellerPath,
  outboundPaths,
  requirementToSellerPath,
  sellerPhoneToCallProviderPath,
} from './outbound-paths.ts'
export {
  EnquiryInput,
  CallbackInput,
  MESSAGE_MAX,
  NoteInput,
  QuoteInput,
  ReasonInput,
} from './enquiry-schemas.ts'
export { enquiryLimits } from './enquiry-limits.ts'
/** Erasing an account: contact shares end, open requirements close, threads tell the other party. */
export { eraseSubject } from './erasure.ts'
/** Buyer → seller enquiry with profile, limit and block checks; queues the seller's notification. */
export { createEnquiry } from './enquiries.ts'
/** The product or seller an enquiry form is for; throws not_found like createEnquiry. */
export { type EnquiryTarget, findEnquiryTarget } from './enquiries.ts'
export { assertCanEnquire, openLead, type NewLead, postMessage } from './enquiries.ts'
export { findForParty, type Party } from './enquiry-records.ts'
export {
  addLeadNote,
  blockBuyer,
  countUnreadLeads,
  declineLead,
  getLead,
  type LeadFilters,
  type LeadSummary,
  listLeads,
  reportSpam,
  type SellerActor,
  sendQuote,
  setLeadStatus,
  unblockBuyer,
} from './leads.ts'
export { revokeContact, shareContact, sharedContactOf } from './contact-sharing.ts'
export { type ExportedLead, exportLeads, leadsToCsv } from './lead-export.ts'
export {
  type EnquirySummary,
  getBuyerEnquiry,
  listBuyerEnquiries,
  setEnquiryStatus,
} from './buyer-enquiries.ts'
export type { ThreadEntry } from './thread.ts'
export type { BuyerCard } from './leads.ts'
export { type CallMaskingProvider, createDevCallMasking } from './call-masking.ts'
export { requestCallback } from './callbacks.ts'
export {
  recomputeAllResponsiveness,
  recomputeResponsiveness,
  responsivenessFor,
} from './responsiveness-store.ts'

/** Whether a seller lead may move from one status to another; never throws. */
export { canTransition } from './lead-status.ts'
/** Throws conflict('invalid_transition') with a readable message when the lead move is not allowed. */
export { assertTransition } from './lead-status.ts'
/** Statuses a lead may move to next, for building the seller's action menu. */
export { nextLeadStatuses } from './lead-status.ts'
/** Whether a buyer's enquiry may move from one status to another; never throws. */
export { canTransitionEnquiry } from './lead-status.ts'
/** Throws conflict('invalid_transition') when the enquiry move is not allowed (e.g. reopening an expired one). */
export { assertEnquiryTransition } from './lead-status.ts'
export { type EnquiryStatus, type LeadStatus, leadStatuses } from './lead-status.ts'

/** Lists emails, Indian phone numbers, links and WhatsApp links in a message; [] for trade talk. */
export { findContactDetails } from './contact-detection.ts'
/** True when findContactDetails finds anything; used to flag messages sent before sharing. */
export { hasContactDetails } from './contact-detection.ts'
export type { ContactKind, ContactMatch } from './contact-detection.ts'

/** Mints the signed relay address for one party of an enquiry; throws invalid() for a non-UUID id or weak key. */
export { relayAddress } from './relay-address.ts'
/** Verifies and decodes a relay address; returns null for anything forged, altered, foreign or malformed. */
export { parseRelayAddress } from './relay-address.ts'
export type { RelayAddressKey, RelayParty } from './relay-address.ts'

/** Returns only the new text of an inbound email, without quoted history or signature; may be ''. */
export { extractReply } from './reply-text.ts'
/** Replaces the parties' known emails and phone numbers, in any formatting, with a placeholder. */
export { redactContactDetails } from './reply-text.ts'
export { type KnownContacts, REDACTED } from './reply-text.ts'

/** Ranks at most `limit` sellers for a buy requirement with reasons; throws invalid('invalid_limit') outside 1..10. */
export { rankSellersForRequirement } from './matchmaking.ts'
/** A seller's 0..1 responsiveness, shrunk towards a neutral prior when they have little history. */
export { responsivenessScore } from './matchmaking.ts'
export {
  type BuyRequirement,
  MAX_MATCHED_SELLERS,
  type MatchComponent,
  type MatchReason,
  matchWeights,
  type SellerCandidate,
  type SellerMatch,
} from './matchmaking.ts'

/** Reply share and median first-reply time over the last 90 days, ignoring enquiries still in their grace period. */
export { responsivenessOf } from './responsiveness.ts'
/** Buyer-facing lines such as "Usually replies within 3 hours"; says so when there is too little data. */
export { describeResponsiveness } from './responsiveness.ts'
export {
  MIN_ENQUIRIES_FOR_FIGURES,
  PENDING_GRACE_HOURS,
  RESPONSIVENESS_WINDOW_DAYS,
  type Responsiveness,
} from './responsiveness.ts'

// ── Buy requirements (RFQ) and "suppliers you may need" ─────────────────────────────────────────
/** Posts a requirement and sends it to at most maxSuppliers matched sellers as leads, in one transaction. */
export {
  closeRequirement,
  expireRequirements,
  getRequirement,
  listRequirements,
  postRequirement,
} from './requirements.ts'
export type { RequirementRecipient, RequirementRow } from './requirements.ts'
export {
  DEFAULT_REQUIREMENT_DAYS,
  MAX_REQUIREMENT_DAYS,
  REQUIREMENT_DETAILS_MAX,
  RequirementInput,
} from './requirement-schemas.ts'
/** Consent-gated interest signals and the suggestions built from them; nothing is stored without consent. */
export {
  forgetInterests,
  type Interest,
  pruneInterests,
  recordInterest,
  type SupplierSuggestion,
  suppliersYouMayNeed,
} from './recommendations.ts'

/** The inbound-SMTP handler for relay addresses: checks the sender, cleans the reply, stores and forwards it. */
export { createRelayInboundHandler } from './relay-inbound.ts'
export type { RelayInboundDeps } from './relay-inbound.ts'

/** A buyer's quote as plain facts for accepting it, and the thread's note (and won lead) once it is accepted. */
export { type BuyerQuote, quoteForBuyer, recordQuoteAccepted } from './quote-acceptance.ts'
