/**
 * The grievance officer the DPDP Rules and the IT Rules require an operator to name: a person,
 * an email address and a postal address. The configuration ships with placeholders so a fresh
 * checkout runs; this says which of them are still placeholders, for `mandi doctor` and for the
 * notice admins see on /grievance. The public page never shows a placeholder notice.
 */
export interface GrievanceOfficer {
  name: string
  email: string
  address: string
}

export interface GrievanceGap {
  /** The environment variable that sets it. */
  variable: 'GRIEVANCE_OFFICER_NAME' | 'GRIEVANCE_OFFICER_EMAIL' | 'GRIEVANCE_OFFICER_ADDRESS'
  problem: string
}

/** The placeholders config.ts falls back to, recognised by what they say, not by being defaults. */
export function grievanceOfficerGaps(officer: GrievanceOfficer): GrievanceGap[] {
  const gaps: GrievanceGap[] = []
  if (/^grievance officer$/i.test(officer.name.trim())) {
    gaps.push({ variable: 'GRIEVANCE_OFFICER_NAME', problem: 'is a job title, not the name of a person' })
  }
  if (/\.(localhost|example|invalid|test)$/i.test(officer.email.split('@')[1] ?? '')) {
    gaps.push({ variable: 'GRIEVANCE_OFFICER_EMAIL', problem: `${officer.email} cannot receive mail` })
  }
  if (/not configured/i.test(officer.address)) {
    gaps.push({ variable: 'GRIEVANCE_OFFICER_ADDRESS', problem: 'is not set' })
  }
  return gaps
}

/** The postal address to publish, or null while it is still the "not configured" placeholder. */
export function publishedGrievanceAddress(officer: GrievanceOfficer): string | null {
  return grievanceOfficerGaps(officer).some((g) => g.variable === 'GRIEVANCE_OFFICER_ADDRESS')
    ? null
    : officer.address
}
