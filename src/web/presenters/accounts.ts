import type * as accounts from '../../modules/accounts/index.ts'
import type { Business, Profile } from '../../modules/accounts/index.ts'

/** The signed-in person as the API shows them to themselves. */
export function presentMe(profile: Profile) {
  return {
    id: profile.id,
    email: profile.email,
    emailVerified: profile.emailVerifiedAt !== null,
    name: profile.name,
    phone: profile.phone,
    phoneVerified: profile.phoneVerifiedAt !== null,
    roles: profile.roles,
    profile: presentProfile(profile),
  }
}

export function presentProfile(profile: Profile) {
  return {
    version: profile.version,
    name: profile.name,
    phone: profile.phone,
    dateOfBirth: profile.dateOfBirth,
    gender: profile.gender,
    address: {
      line1: profile.addressLine1,
      line2: profile.addressLine2,
      city: profile.city,
      state: profile.state,
      pin: profile.pin,
    },
  }
}

export function presentHistory(versions: Awaited<ReturnType<typeof accounts.listProfileHistory>>) {
  return {
    versions: versions.map((v) => ({
      version: v.version,
      changedAt: v.changedAt.toISOString(),
      changes: v.changes.map((c) => ({ field: c.field, from: c.from, to: c.to })),
    })),
  }
}

export function presentSessions(
  list: Awaited<ReturnType<typeof accounts.listActiveSessions>>,
  currentSessionId: string,
  describe: (userAgent: string | null) => string,
) {
  return {
    sessions: list.map((s) => ({
      id: s.id,
      current: s.id === currentSessionId,
      device: describe(s.userAgent),
      network: s.ipPrefix,
      sharedDevice: s.sharedDevice,
      signedInAt: s.createdAt.toISOString(),
      lastSeenAt: s.lastSeenAt.toISOString(),
      expiresAt: s.expiresAt.toISOString(),
    })),
  }
}

export function presentBusiness(business: Business) {
  return {
    id: business.id,
    slug: business.slug,
    legalName: business.legalName,
    tradeName: business.tradeName,
    gstin: business.gstin,
    gstVerifiedAt: business.gstinVerifiedAt?.toISOString() ?? null,
    pan: business.pan,
    businessType: business.businessType,
    yearEstablished: business.yearEstablished,
    description: business.description,
    address: { line1: business.addressLine1, city: business.city, state: business.state, pin: business.pin },
    categories: business.categoryIds,
    logoPath: business.logoPath,
  }
}
