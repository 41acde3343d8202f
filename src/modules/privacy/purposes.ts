/**
 * Every reason Mandi processes personal data, as a closed list. A column's inventory entry may
 * only name purposes from here; the notice, consent forms and erasure rules are generated from it.
 */
export const purposes = {
  account: {
    title: 'Running your account',
    description: 'Signing you in, keeping your profile, and letting you correct or delete it.',
    basis: 'contract',
    withdrawable: false,
  },
  marketplace_listing: {
    title: 'Showing your business and products',
    description: 'Publishing your business profile and product listings so that buyers can find you.',
    basis: 'contract',
    withdrawable: false,
  },
  enquiries: {
    title: 'Enquiries and matchmaking',
    description: 'Passing your enquiries and buy requirements to suitable sellers, and their replies to you.',
    basis: 'contract',
    withdrawable: false,
  },
  orders: {
    title: 'Orders and payments',
    description: 'Taking orders, collecting payment through the payment gateway, and delivery.',
    basis: 'contract',
    withdrawable: false,
  },
  security: {
    title: 'Security and fraud prevention',
    description: 'Protecting accounts, stopping spam and abuse, and keeping the service running.',
    basis: 'legitimate_use',
    withdrawable: false,
  },
  legal_obligation: {
    title: 'Legal and tax obligations',
    description:
      'Keeping invoices and GST records as Indian tax law requires, and answering lawful requests.',
    basis: 'legal_obligation',
    withdrawable: false,
  },
  marketing_email: {
    title: 'Offers by email',
    description: 'Occasional mail about products and offers on Mandi, only if you ask for it.',
    basis: 'consent',
    withdrawable: true,
  },
  personalisation: {
    title: 'Personalised suggestions',
    description: 'Suggesting suppliers and products from what you searched, viewed and enquired about.',
    basis: 'consent',
    withdrawable: true,
  },
  analytics: {
    title: 'Site analytics',
    description: 'Counting visits and clicks to improve the site; reports never show individuals.',
    basis: 'consent',
    withdrawable: true,
  },
} as const satisfies Record<string, PurposeDefinition>

export interface PurposeDefinition {
  title: string
  description: string
  /** Why processing is lawful: the person's consent, a contract with them, a legitimate use, or the law. */
  basis: 'consent' | 'contract' | 'legitimate_use' | 'legal_obligation'
  withdrawable: boolean
}

export type Purpose = keyof typeof purposes
