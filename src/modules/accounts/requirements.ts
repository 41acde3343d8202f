import { AppError } from '../../shared/errors.ts'

/**
 * Which profile facts each capability needs: the one place that says what is mandatory for what.
 * Pages and the API answer a missing requirement with "complete your profile" and a link.
 */
export const requirementDefinitions = {
  verified_email: { message: 'confirm your email address', link: '/account/profile#email' },
  phone: { message: 'add your mobile number', link: '/account/profile#phone' },
  postal_address: { message: 'add your postal address', link: '/account/profile#address' },
  business_profile: { message: 'create your business profile with your GSTIN', link: '/account/business' },
} as const
export type Requirement = keyof typeof requirementDefinitions

/**
 * What a person can do, what each needs, and whether the feature behind it exists yet. Pages list
 * only available capabilities, so nothing shows "Ready" for something Mandi cannot do.
 */
export const capabilities = {
  send_enquiry: { needs: ['verified_email', 'phone'], available: true },
  post_requirement: { needs: ['verified_email', 'phone'], available: true },
  list_products: { needs: ['verified_email', 'business_profile'], available: true },
  // Orders are not built yet: the requirements are declared for when they are.
  place_order: { needs: ['verified_email', 'phone', 'postal_address'], available: false },
} as const satisfies Record<string, { needs: readonly Requirement[]; available: boolean }>
export type Capability = keyof typeof capabilities

export interface ProfileFacts {
  emailVerifiedAt: Date | null
  phone: string | null
  addressLine1?: string | null
  pin?: string | null
  hasBusiness?: boolean
}

export function missingRequirements(facts: ProfileFacts, capability: Capability): Requirement[] {
  const has: Record<Requirement, boolean> = {
    verified_email: facts.emailVerifiedAt != null,
    phone: Boolean(facts.phone),
    postal_address: Boolean(facts.addressLine1 && facts.pin),
    business_profile: Boolean(facts.hasBusiness),
  }
  return (capabilities[capability].needs as readonly Requirement[]).filter((r) => !has[r])
}

/** Throws forbidden('profile_incomplete') naming what to complete, with a link per missing fact. */
export function assertCapability(facts: ProfileFacts, capability: Capability): void {
  const missing = missingRequirements(facts, capability)
  if (missing.length === 0) return
  const steps = missing.map((r) => requirementDefinitions[r].message)
  const fields = Object.fromEntries(missing.map((r) => [r, requirementDefinitions[r].link]))
  throw new AppError('forbidden', 'profile_incomplete', `Complete your profile first: ${joinSteps(steps)}.`, {
    fields,
  })
}

function joinSteps(steps: string[]): string {
  return steps.length <= 1 ? (steps[0] ?? '') : `${steps.slice(0, -1).join(', ')} and ${steps.at(-1)}`
}
