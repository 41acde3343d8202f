import type * as enquiries from '../../../modules/enquiries/index.ts'
import { formatDate, formatQuantity, formatRupees } from '../../../shared/format.ts'
import { CsrfField, DateTime, ErrorSummary, InputField } from '../../views/account-components.tsx'
import { Icon } from '../../views/icons.tsx'
import { Badge, Button, classes } from '../../views/ui.tsx'

// What the buyer's enquiry page and the seller's lead page share: the conversation (messages,
// system events and quote cards), the need at the top of it, and the status wording.

export const leadStatusLabels: Record<enquiries.LeadStatus, string> = {
  new: 'New',
  contacted: 'Contacted',
  quoted: 'Quoted',
  won: 'Won',
  lost: 'Lost',
  spam: 'Spam',
}

export const enquiryStatusLabels: Record<enquiries.EnquiryStatus, string> = {
  open: 'Open',
  closed: 'Closed',
  expired: 'Expired',
}

/** A calendar date stored as 'YYYY-MM-DD' → "31 Dec 2026". */
export function formatIsoDate(iso: string): string {
  const date = new Date(`${iso}T12:00:00Z`)
  return Number.isNaN(date.getTime()) ? iso : formatDate(date)
}

// A message is empty only once its author erased their account (the erasure clears their words).
const erasedWords = 'Removed when its author erased their Mandi account.'

/** The need as the buyer stated it: quantity, required-by date, delivery city and the first message. */
export function NeedSummary(props: {
  quantity: number
  unit: string
  requiredBy: string | null
  deliveryCity: string | null
  message: string
  createdAt: Date
}) {
  return (
    <div class="need">
      <dl class="need-facts">
        <div>
          <dt>Quantity</dt>
          <dd>{formatQuantity(props.quantity, props.unit)}</dd>
        </div>
        <div>
          <dt>Needed by</dt>
          <dd>
            {props.requiredBy ? formatIsoDate(props.requiredBy) : <span class="muted">Not stated</span>}
          </dd>
        </div>
        <div>
          <dt>Deliver to</dt>
          <dd>{props.deliveryCity ?? <span class="muted">Not stated</span>}</dd>
        </div>
        <div>
          <dt>Sent</dt>
          <dd>
            <DateTime date={props.createdAt} />
          </dd>
        </div>
      </dl>
      <p class={props.message ? 'need-message' : 'need-message muted'}>{props.message || erasedWords}</p>
    </div>
  )
}

/**
 * The conversation, oldest first. `viewer` decides which side is "you"; flagged messages (an
 * email or phone number typed before the buyer shared their details) are marked for both sides.
 */
export function Thread(props: {
  entries: readonly enquiries.ThreadEntry[]
  viewer: 'buyer' | 'seller'
  sellerName: string
  buyerName: string
}) {
  if (props.entries.length === 0) {
    return <p class="muted thread-empty">No messages yet.</p>
  }
  const who = (author: 'buyer' | 'seller') =>
    author === props.viewer ? 'You' : author === 'seller' ? props.sellerName : props.buyerName
  return (
    <ol class="thread">
      {props.entries.map((entry) =>
        entry.author === 'system' ? (
          <li key={entry.id} class="thread-event">
            <Icon name="info" />
            <span>{entry.body}</span>
            <span class="thread-time">
              <DateTime date={entry.createdAt} />
            </span>
          </li>
        ) : (
          <li
            key={entry.id}
            class={classes('thread-message', entry.author === props.viewer ? 'thread-mine' : 'thread-theirs')}
          >
            <article aria-label={`Message from ${who(entry.author)}`}>
              <header class="thread-head">
                <strong>{who(entry.author)}</strong>
                <span class="thread-time">
                  <DateTime date={entry.createdAt} />
                  {entry.via === 'email' ? ' · by email' : ''}
                </span>
              </header>
              {entry.quote ? (
                <QuoteCard quote={entry.quote} />
              ) : entry.body ? (
                <p class="thread-body">{entry.body}</p>
              ) : (
                <p class="thread-body muted">{erasedWords}</p>
              )}
              {entry.flaggedContact ? (
                <p class="thread-flag">
                  <Icon name="alert" />
                  Contains contact details. Mandi keeps addresses private until the buyer chooses to share
                  them.
                </p>
              ) : null}
            </article>
          </li>
        ),
      )}
    </ol>
  )
}

export function QuoteCard(props: { quote: enquiries.QuoteTerms; title?: string }) {
  const { quote } = props
  const total = Math.round(quote.pricePaisePerUnit * quote.quantity)
  const expired = Date.parse(`${quote.validUntil}T23:59:59+05:30`) < Date.now()
  return (
    <div class="quote-card">
      <p class="quote-card-title">
        <Icon name="check" />
        {props.title ?? 'Quote'}
        {expired ? <Badge>Expired</Badge> : null}
      </p>
      <dl class="quote-facts">
        <div>
          <dt>Price</dt>
          <dd>
            <strong>{formatRupees(quote.pricePaisePerUnit)}</strong> per {quote.unit}
          </dd>
        </div>
        <div>
          <dt>Quantity</dt>
          <dd>{formatQuantity(quote.quantity, quote.unit)}</dd>
        </div>
        <div>
          <dt>Total</dt>
          <dd>{Number.isInteger(total) ? formatRupees(total) : '—'}</dd>
        </div>
        <div>
          <dt>Valid until</dt>
          <dd>{formatIsoDate(quote.validUntil)}</dd>
        </div>
      </dl>
      {quote.terms ? <p class="quote-terms">{quote.terms}</p> : null}
    </div>
  )
}

/** The reply box under a thread, for either side; posts `body` to `action`. */
export function ReplyForm(props: {
  action: string
  csrf: string
  errors: Record<string, string>
  values: Record<string, string> | undefined
  label: string
  hint: string
  button: string
}) {
  return (
    <form method="post" action={props.action} class="reply-form" id="reply" novalidate>
      <CsrfField token={props.csrf} />
      <ErrorSummary errors={props.errors} labels={{ body: props.label }} />
      <InputField
        name="body"
        id="reply-body"
        label={props.label}
        value={props.values?.body}
        error={props.errors.body}
        required
        multiline
        hint={props.hint}
      />
      <Button>{props.button}</Button>
    </form>
  )
}
