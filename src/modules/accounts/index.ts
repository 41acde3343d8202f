// Accounts owns people (users), their profile history, sessions, sign-in throttling, emailed
// single-use links, two-factor sign-in and sellers' business profiles. It decides what each
// capability requires of a profile and which roles may do what. It imports privacy and messaging.
export {
  BusinessInput,
  businessTypes,
  genders,
  ProfileInput,
  RegisterInput,
  SignInInput,
} from './accounts.schemas.ts'
export { businesses, users } from './accounts.tables.ts'
export { findBusinessByOwner, saveBusinessProfile, setBusinessLogo } from './business.ts'
export type { Business } from './business.ts'
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
export { findProfile, isUnder18, listProfileHistory, profileFields, updateProfile } from './profile.ts'
export type { Profile, ProfileChange, ProfileField } from './profile.ts'
export { register, sendVerificationEmail } from './registration.ts'
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
  pruneSignInFailures,
  requestPasswordReset,
  resetPassword,
  signIn,
  signInLimit,
  verifyEmail,
} from './sign-in.ts'
export type { SignInContext } from './sign-in.ts'
export { totpCode } from './totp.ts'
export { confirmTwoFactor, disableTwoFactor, startTwoFactorSetup, twoFactorStatus } from './two-factor.ts'
