import { conflict } from '../../shared/errors.ts'

/** Where a seller stands with one enquiry or buy requirement that reached them. */
export type LeadStatus = 'new' | 'contacted' | 'quoted' | 'won' | 'lost' | 'spam'

export const leadStatuses: readonly LeadStatus[] = ['new', 'contacted', 'quoted', 'won', 'lost', 'spam']

// quoted → quoted is a revised quote, which is a real event worth recording.
// spam → new lets a seller undo a mis-click; won and lost are final because they feed
// the seller's own reports, and reopening them would quietly rewrite history.
const leadTransitions: Readonly<Record<LeadStatus, readonly LeadStatus[]>> = {
  new: ['contacted', 'quoted', 'lost', 'spam'],
  contacted: ['quoted', 'won', 'lost', 'spam'],
  quoted: ['quoted', 'won', 'lost'],
  won: [],
  lost: [],
  spam: ['new'],
}

const leadLabels: Record<LeadStatus, string> = {
  new: 'new',
  contacted: 'contacted',
  quoted: 'quoted',
  won: 'won',
  lost: 'lost',
  spam: 'marked as spam',
}

export function nextLeadStatuses(from: LeadStatus): readonly LeadStatus[] {
  return leadTransitions[from]
}

export function canTransition(from: LeadStatus, to: LeadStatus): boolean {
  return leadTransitions[from].includes(to)
}

export function assertTransition(from: LeadStatus, to: LeadStatus): void {
  if (canTransition(from, to)) return
  const allowed = leadTransitions[from]
  const hint =
    allowed.length === 0
      ? `A lead that is ${leadLabels[from]} can no longer change.`
      : `From ${leadLabels[from]} it can become ${allowed.map((s) => leadLabels[s]).join(', ')}.`
  throw conflict(
    'invalid_transition',
    `This lead can't be moved from ${leadLabels[from]} to ${leadLabels[to]}. ${hint}`,
  )
}

/** The buyer's side: an enquiry is open until the buyer closes it or it goes quiet for too long. */
export type EnquiryStatus = 'open' | 'closed' | 'expired'

const enquiryTransitions: Readonly<Record<EnquiryStatus, readonly EnquiryStatus[]>> = {
  // A buyer may reopen a closed enquiry (the deal fell through); an expired one asks them
  // to send a fresh enquiry so sellers see a current need rather than a stale one.
  open: ['closed', 'expired'],
  closed: ['open'],
  expired: [],
}

export function canTransitionEnquiry(from: EnquiryStatus, to: EnquiryStatus): boolean {
  return enquiryTransitions[from].includes(to)
}

export function assertEnquiryTransition(from: EnquiryStatus, to: EnquiryStatus): void {
  if (canTransitionEnquiry(from, to)) return
  throw conflict(
    'invalid_transition',
    from === 'expired'
      ? 'This enquiry has expired. Please send a new enquiry instead.'
      : `This enquiry is already ${from} and can't become ${to}.`,
  )
}
