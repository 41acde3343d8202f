// Accounts owns people (users), their profile history, sessions, attempt limits (sign-in,
// password checks, emailed links), emailed single-use links, two-factor sign-in, the step-up
// before sensitive changes and sellers' business profiles. It decides what each capability
// requires of a profile and which roles may do what. It imports privacy and messaging.
export {
  BusinessInput,
  businessTypes,
  genders,
  ProfileInput,
  RegisterInput,
  SignInInput,
} from './accounts.schemas.ts'
export { lockAccount } from './account-lock.ts'
export {
  clearAttempts,
  describeWait,
  pruneAttemptLimits,
  refundAttempt,
  takeAttempt,
} from './attempt-limits.ts'
export type { AttemptLimit, LimitedKey } from './attempt-limits.ts'
export { findBusinessByOwner, saveBusinessProfile, setBusinessLogo } from './business.ts'
// What other modules read about people and businesses (cards, contacts), in batches by id.
export {
  type BusinessCard,
  businessCard,
  businessCards,
  businessesInIdRange,
  businessIdsOwnedBy,
  highestBusinessId,
  type PersonCard,
  type PersonContact,
  peopleNamedLike,
  personCard,
  personCards,
  personContact,
  personContacts,
  profileFactsOf,
  type SellerContact,
  sellerContact,
} from './cards.ts'
export type { Business } from './business.ts'
export { changeEmail } from './email-change.ts'
export { eraseSubject } from './erasure.ts'
export { emailLinkLimits, resendVerificationEmail } from './email-links.ts'
export { MIN_PASSWORD_LENGTH, passwordProblem } from './passwords.ts'
export {
  assertCanChangeAccount,
  canChangeAccount,
  canReadAccount,
  hasRole,
  isStaff,
  roles,
} from './policies.ts'
export type { Actor, Role } from './policies.ts'
export {
  confirmPhoneVerification,
  phoneVerificationLimits,
  sendPhoneVerificationCode,
} from './phone-verification.ts'
export { findProfile, isUnder18, listProfileHistory, profileFields, updateProfile } from './profile.ts'
export type { Profile, ProfileChange, ProfileField } from './profile.ts'
export { register, sendVerificationEmail } from './registration.ts'
export { findPeopleByContact, rolesOf } from './staff-lookup.ts'
export type { PersonMatch } from './staff-lookup.ts'
export type { AccountsDeps } from './registration.ts'
export {
  assertCapability,
  capabilities,
  missingRequirements,
  requirementDefinitions,
} from './requirements.ts'
export type { Capability, ProfileFacts, Requirement } from './requirements.ts'
export {
  createSession,
  listActiveSessions,
  pruneSessions,
  revokeAllSessions,
  revokeSession,
  SESSIONS_CHANNEL,
  sessionLifetimes,
  validateSession,
} from './sessions.ts'
export type { SessionUser, ValidSession } from './sessions.ts'
export {
  changePassword,
  requestPasswordReset,
  resetPassword,
  signIn,
  signInLimits,
  signInLockNotice,
  verifyEmail,
} from './sign-in.ts'
export type { SignInContext } from './sign-in.ts'
export { assertStepUp, stepUpLimit } from './step-up.ts'
export type { StepUpOptions, StepUpProof } from './step-up.ts'
export { totpCode } from './totp.ts'
export { confirmTwoFactor, disableTwoFactor, startTwoFactorSetup, twoFactorStatus } from './two-factor.ts'
