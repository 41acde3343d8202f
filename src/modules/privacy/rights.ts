/**
 * The data-subject rights under the DPDP Act 2023, and which of them Mandi has built. Every page
 * that tells a person what they can do with their data (home, privacy notice, grievance page)
 * reads this list, so a right is claimed only once the feature behind it exists: a right with
 * `available: true` names the pages where it is used, and a test loads each of them signed in.
 * Rights not built yet are listed as coming, with no link.
 */
export interface DataSubjectRight {
  /** A short verb phrase: "See what we hold". */
  title: string
  /** One sentence on what the right gives the person. */
  description: string
  available: boolean
  /** Where the person uses the right (empty when not available). The first is the main one. */
  links: readonly { href: string; label: string }[]
}

export const dataSubjectRights = {
  access: {
    title: 'See what we hold',
    description:
      'Get a summary of your personal data, what we do with it, and everyone we have shared it with.',
    available: true,
    links: [
      { href: '/account/privacy/data', label: 'Your data: everything we hold and who received it' },
      { href: '/account/privacy', label: 'Your privacy centre' },
      { href: '/privacy/data-we-hold', label: 'The personal data we hold' },
      { href: '/api/v1/me/data', label: 'Your data (API)' },
      { href: '/api/v1/me/disclosures', label: 'Your disclosure ledger (API)' },
    ],
  },
  correction: {
    title: 'Correct it',
    description: 'Fix anything wrong, fill in what is missing, or bring it up to date.',
    available: true,
    links: [{ href: '/account/profile', label: 'Your profile' }],
  },
  consent_withdrawal: {
    title: 'Withdraw consent',
    description:
      'Switch off anything you agreed to, in as few steps as it took to agree. It stops at once; what happened before you withdrew stays lawful.',
    available: true,
    links: [{ href: '/account/privacy', label: 'Your choices in the privacy centre' }],
  },
  grievance: {
    title: 'Complain',
    description:
      'Write to our grievance officer. If you are not satisfied with the answer, you can take the matter to the Data Protection Board of India.',
    available: true,
    links: [
      { href: '/grievance', label: 'The grievance officer' },
      { href: '/account/grievances', label: 'Your grievances' },
    ],
  },
  erasure: {
    title: 'Erase it',
    description: 'Close your account and have your data erased, apart from records the law makes us keep.',
    available: true,
    links: [{ href: '/account/privacy/erase', label: 'Erase your account' }],
  },
  nominee: {
    title: 'Name a nominee',
    description: 'Choose someone to use these rights for you if you die or can no longer act for yourself.',
    available: true,
    links: [{ href: '/account/privacy/nominee', label: 'Your nominee' }],
  },
  export: {
    title: 'Download a copy',
    description: 'Get your personal data in a file you can keep or take elsewhere.',
    available: true,
    links: [{ href: '/account/privacy/export', label: 'Download a copy of your data' }],
  },
} as const satisfies Record<string, DataSubjectRight>

export type DataSubjectRightCode = keyof typeof dataSubjectRights

function entries() {
  return Object.entries(dataSubjectRights) as [DataSubjectRightCode, DataSubjectRight][]
}

/** The rights a person can use today, in declaration order. */
export function availableRights(): [DataSubjectRightCode, DataSubjectRight][] {
  return entries().filter(([, r]) => r.available)
}

/** The rights not built yet: pages may mention them only as coming, never as something to ask for. */
export function comingRights(): [DataSubjectRightCode, DataSubjectRight][] {
  return entries().filter(([, r]) => !r.available)
}

/** "see, correct or withdraw": the available rights as one lower-case phrase, for running text. */
export function rightsPhrase(rights: readonly DataSubjectRight[], conjunction = 'and'): string {
  const words = rights.map((r) => r.title.charAt(0).toLowerCase() + r.title.slice(1))
  return words.length <= 1
    ? (words[0] ?? '')
    : `${words.slice(0, -1).join(', ')} ${conjunction} ${words.at(-1)}`
}
