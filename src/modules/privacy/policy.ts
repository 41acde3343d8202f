/**
 * Published versions of the privacy notice, newest first. A consent records the version it was
 * given under; publishing a new version is a code change reviewed like any other.
 */
export const policyVersions = [
  {
    version: '2026-11-25',
    publishedAt: '2026-11-25',
    summary: 'First published version of the Mandi privacy notice.',
  },
] as const

export const currentPolicyVersion: string = policyVersions[0].version
