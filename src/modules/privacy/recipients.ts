import type { DataCategory } from './inventory.ts'
import type { RecipientKind } from './privacy.tables.ts'

export interface RecipientDeclaration {
  title: string
  /** When and why they receive anything, in plain words. */
  when: string
  /** The categories of personal data they may receive; every disclosure ledger entry is one of these events. */
  categories: readonly DataCategory[]
}

/**
 * Everyone outside Mandi who may ever receive personal data. The notice at /privacy/data-we-hold is
 * generated from this list, and every disclosure ledger entry names one of these kinds.
 */
export const recipientDeclarations: Record<RecipientKind, RecipientDeclaration> = {
  seller: {
    title: 'Sellers you contact or buy from',
    when: 'A seller you enquire with, or who is matched to your buy requirement, sees your name, company, city and what you need. Your email and phone reach them only if you press "Share my contact details", and you can revoke that. When you place an order, that seller receives the delivery name, address and phone number you gave, and the GSTIN you bill to, to deliver the goods and put them on the tax invoice.',
    categories: ['identity', 'contact', 'address', 'content'],
  },
  buyer: {
    title: 'Buyers',
    when: 'Buyers see your published business profile and listings. Your own email and phone stay behind the enquiry relay unless you reply from them.',
    categories: ['identity', 'content'],
  },
  payment_gateway: {
    title: 'The payment gateway',
    when: 'When you pay online, the gateway receives your name, email, phone and the order amount. Card and bank details are entered on the gateway’s own page and never reach Mandi.',
    categories: ['identity', 'contact', 'financial'],
  },
  email_provider: {
    title: 'Our email provider',
    when: 'When this marketplace is set up with an outside mail service, that service carries the emails we send you (your address and the message).',
    categories: ['contact', 'content'],
  },
  sms_provider: {
    title: 'Our SMS provider',
    when: 'When text messages are switched on, the SMS provider carries them (your mobile number and the message).',
    categories: ['contact', 'content'],
  },
  call_provider: {
    title: 'Our call-masking provider',
    when: 'For "call me back" requests, the provider connects the call through a virtual number so neither side sees the other’s number.',
    categories: ['contact'],
  },
  authority: {
    title: 'Government authorities',
    when: 'Only when the law requires it (for example a court order or a tax demand), limited to what is required. Each disclosure is recorded in your ledger unless the law forbids telling you.',
    categories: ['identity', 'contact', 'address', 'financial', 'content', 'behavioural'],
  },
  sponsor: {
    title: 'Sponsors and advertisers',
    when: 'Only aggregated counts (for example, how many people viewed a sponsored listing). Never anything that identifies you.',
    categories: [],
  },
  acquirer: {
    title: 'A buyer of the business',
    when: 'If the marketplace is sold, your data passes to the new owner under this notice, and you are told before it happens.',
    categories: ['identity', 'contact', 'address', 'financial', 'content', 'behavioural', 'credentials'],
  },
  nominee: {
    title: 'The nominee you name',
    when: 'When you name a nominee, we write to them once to say that you did (your name and how you are related), so they know they can act for you.',
    categories: ['identity'],
  },
}
