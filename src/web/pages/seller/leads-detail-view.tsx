import type { ComponentChildren } from 'preact'
import type * as enquiries from '../../../modules/enquiries/index.ts'
import {
  CsrfField,
  DateTime,
  ErrorSummary,
  type FlashMessage,
  InputField,
} from '../../views/account-components.tsx'
import { Icon } from '../../views/icons.tsx'
import type { PageContext } from '../../views/page-context.ts'
import { Badge, Button, Card } from '../../views/ui.tsx'
import { productPath } from '../../views/urls.ts'
import {
  ReplyForm as SharedReplyForm,
  enquiryStatusLabels,
  leadStatusLabels,
  NeedSummary,
  Thread,
} from '../enquiries/thread-view.tsx'
import { SellerShell } from './seller-frame.tsx'

type Lead = Awaited<ReturnType<typeof enquiries.getLead>>

/** A lead form that came back with mistakes (also the anchor of the form on the page). */
export interface LeadForm {
  form: 'reply' | 'quote' | 'notes' | 'status' | 'decline' | 'spam' | 'block'
  values: Record<string, string>
  errors: Record<string, string>
}

interface Props {
  ctx: PageContext
  csrf: string
  flash: FlashMessage | null
  lead: Lead
  sellerName: string
  nextStatuses: readonly enquiries.LeadStatus[]
  form: LeadForm | null
}

const quoteLabels = {
  price: 'Price per unit (₹)',
  quantity: 'Quantity',
  unit: 'Unit',
  validUntil: 'Valid until',
  terms: 'Terms',
}

/** One lead as its seller works it: the need, the buyer, the thread and every action. */
export function LeadPage(props: Props) {
  const { lead } = props
  const part = (name: LeadForm['form']) => ({
    errors: props.form?.form === name ? props.form.errors : {},
    values: props.form?.form === name ? props.form.values : {},
  })
  const open = lead.enquiryStatus === 'open' && lead.status !== 'spam'
  return (
    <SellerShell
      ctx={props.ctx}
      title={lead.subject}
      section="leads"
      crumbs={[{ label: 'Leads', href: '/seller/leads' }]}
      flash={props.flash}
    >
      <div class="lead-head">
        <span class={`status-pill lead-status-${lead.status}`}>{leadStatusLabels[lead.status]}</span>
        {lead.kind === 'requirement' ? <Badge tone="brand">Buy requirement</Badge> : <Badge>Enquiry</Badge>}
        {lead.enquiryStatus !== 'open' ? (
          <Badge>Buyer's enquiry is {enquiryStatusLabels[lead.enquiryStatus].toLowerCase()}</Badge>
        ) : null}
        {lead.product ? (
          <a href={productPath(lead.product)} class="lead-product-link">
            Your product: {lead.product.title}
          </a>
        ) : null}
      </div>
      <div class="enquiry-layout">
        <div class="enquiry-main">
          <Card title="The buyer's need">
            <NeedSummary {...lead} />
            {lead.matchReasons.length ? (
              <div class="match-reasons">
                <h3>Why this buy requirement reached you</h3>
                <ul>
                  {lead.matchReasons.map((r) => (
                    <li key={r.component}>
                      <Icon name="check" />
                      {r.text}
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
          </Card>
          <section class="card" aria-labelledby="conversation-title">
            <h2 class="card-title" id="conversation-title">
              Conversation
            </h2>
            <Thread
              entries={lead.thread}
              viewer="seller"
              sellerName={props.sellerName}
              buyerName={lead.buyer.name}
            />
            {open ? (
              <ReplyForm {...props} {...part('reply')} />
            ) : (
              <p class="muted thread-closed">
                {lead.status === 'spam'
                  ? 'You marked this lead as spam. Move it back to new to reply.'
                  : 'The buyer has closed this enquiry; you can read it but not reply.'}
              </p>
            )}
          </section>
          {open && props.nextStatuses.includes('quoted') ? <QuoteForm {...props} {...part('quote')} /> : null}
        </div>
        <div class="enquiry-side">
          <BuyerCard lead={lead} />
          <StatusForm {...props} {...part('status')} />
          <Callbacks lead={lead} />
          <Notes {...props} {...part('notes')} />
          <AbuseForms {...props} part={part} />
        </div>
      </div>
    </SellerShell>
  )
}

function BuyerCard(props: { lead: Lead }) {
  const { buyer, contact } = props.lead
  return (
    <section class="card buyer-card" aria-labelledby="buyer-title">
      <h2 class="card-title" id="buyer-title">
        The buyer
      </h2>
      <p class="buyer-name">{buyer.name}</p>
      <dl class="buyer-facts">
        <div>
          <dt>Company</dt>
          <dd>{buyer.company ?? <span class="muted">Not a registered business</span>}</dd>
        </div>
        <div>
          <dt>City</dt>
          <dd>{buyer.city ?? <span class="muted">Not stated</span>}</dd>
        </div>
        {contact?.email ? (
          <div>
            <dt>Email</dt>
            <dd>
              <a href={`mailto:${contact.email}`}>{contact.email}</a>
            </dd>
          </div>
        ) : null}
        {contact?.phone ? (
          <div>
            <dt>Phone</dt>
            <dd>
              <a href={`tel:${contact.phone.replace(/\s/g, '')}`}>{contact.phone}</a>
            </dd>
          </div>
        ) : null}
      </dl>
      {contact ? (
        <p class="contact-state is-shared">
          <Icon name="eye" />
          <span>The buyer shares these with you. They can stop sharing at any time.</span>
        </p>
      ) : (
        <p class="contact-state">
          <Icon name="lock" />
          <span>
            Email and phone are private until the buyer shares them. Replies here reach them by email through
            Mandi's relay.
          </span>
        </p>
      )}
      {props.lead.buyerBlocked ? (
        <p class="field-error">
          <Icon name="alert" />
          You have blocked this buyer.
        </p>
      ) : null}
    </section>
  )
}

type PartProps = Props & { errors: Record<string, string>; values: Record<string, string> }

function ReplyForm(props: PartProps) {
  return (
    <SharedReplyForm
      action={`/seller/leads/${props.lead.id}/messages`}
      csrf={props.csrf}
      errors={props.errors}
      values={props.values}
      label="Reply to the buyer"
      hint="Sent to the buyer here and by email, from a relay address; your own address stays private too."
      button="Send reply"
    />
  )
}

function QuoteForm(props: PartProps) {
  const { lead } = props
  const v = props.values
  return (
    <section class="card" aria-labelledby="quote-title" id="quote">
      <h2 class="card-title" id="quote-title">
        Send a quote
      </h2>
      <ErrorSummary errors={props.errors} labels={quoteLabels} />
      <form method="post" action={`/seller/leads/${lead.id}/quote`} novalidate class="quote-form">
        <CsrfField token={props.csrf} />
        <div class="form-row">
          <InputField
            name="price"
            label={quoteLabels.price}
            value={v.price}
            error={props.errors.price ?? props.errors.pricePaisePerUnit}
            required
            inputmode="numeric"
            hint="In rupees, like 1,250.50"
          />
          <InputField
            name="quantity"
            label={quoteLabels.quantity}
            value={v.quantity ?? String(lead.quantity)}
            error={props.errors.quantity}
            required
            inputmode="numeric"
          />
          <InputField
            name="unit"
            label={quoteLabels.unit}
            value={v.unit ?? lead.unit}
            error={props.errors.unit}
            required
            maxlength={30}
          />
        </div>
        <InputField
          name="validUntil"
          type="date"
          label={quoteLabels.validUntil}
          value={v.validUntil}
          error={props.errors.validUntil}
          required
          class="field-date"
        />
        <InputField
          name="terms"
          label={quoteLabels.terms}
          value={v.terms}
          error={props.errors.terms}
          multiline
          maxlength={2000}
          hint="Taxes, freight, payment and delivery time."
        />
        <Button>Send quote</Button>
      </form>
    </section>
  )
}

function StatusForm(props: PartProps) {
  const { lead, nextStatuses } = props
  const choices = nextStatuses.filter((s) => s !== lead.status)
  return (
    <section class="card" aria-labelledby="status-title" id="status">
      <h2 class="card-title" id="status-title">
        Status
      </h2>
      <p>
        Now: <span class={`status-pill lead-status-${lead.status}`}>{leadStatusLabels[lead.status]}</span>
      </p>
      <ErrorSummary errors={props.errors} labels={{ status: 'New status' }} />
      {choices.length === 0 ? (
        <p class="muted">A lead that is {leadStatusLabels[lead.status].toLowerCase()} is final.</p>
      ) : (
        <form method="post" action={`/seller/leads/${lead.id}/status`} class="inline-form" novalidate>
          <CsrfField token={props.csrf} />
          <div class="field">
            <label class="field-label" for="status-select">
              Move to
            </label>
            <select id="status-select" name="status" class="input">
              {choices.map((s) => (
                <option key={s} value={s} selected={props.values.status === s}>
                  {leadStatusLabels[s]}
                </option>
              ))}
            </select>
          </div>
          <Button variant="secondary">Update</Button>
        </form>
      )}
      {lead.notInterestedReason ? <p class="muted">You declined: {lead.notInterestedReason}</p> : null}
    </section>
  )
}

function Callbacks(props: { lead: Lead }) {
  if (props.lead.callbacks.length === 0) return null
  return (
    <section class="card" aria-labelledby="callbacks-title" id="callbacks">
      <h2 class="card-title" id="callbacks-title">
        Call-back requests
      </h2>
      <ul class="plain-list callback-list">
        {props.lead.callbacks.map((c) => (
          <li key={c.id}>
            <p>
              Asked <DateTime date={c.createdAt} />
              {c.preferredTime ? <> · best time: {c.preferredTime}</> : null}
            </p>
            {c.number ? (
              <p>
                <strong>{c.number}</strong>{' '}
                {c.numberIsMasked ? (
                  <span class="muted">masked number: the call is connected to the buyer</span>
                ) : (
                  <span class="muted">the buyer's own number, shared with you</span>
                )}
              </p>
            ) : (
              <p class="muted">The buyer stopped sharing their number. Reply in the conversation instead.</p>
            )}
          </li>
        ))}
      </ul>
    </section>
  )
}

function Notes(props: PartProps) {
  const { lead } = props
  return (
    <section class="card" aria-labelledby="notes-title" id="notes">
      <h2 class="card-title" id="notes-title">
        Private notes
      </h2>
      {lead.notes.length ? (
        <ul class="plain-list note-list">
          {lead.notes.map((n) => (
            <li key={n.id}>
              <p class="note-body">{n.body}</p>
              <p class="muted">
                <DateTime date={n.createdAt} />
              </p>
            </li>
          ))}
        </ul>
      ) : null}
      <form method="post" action={`/seller/leads/${lead.id}/notes`} novalidate>
        <CsrfField token={props.csrf} />
        <InputField
          name="body"
          id="note-body"
          label="Add a note"
          value={props.values.body}
          error={props.errors.body}
          required
          multiline
          maxlength={2000}
          hint="Only your business sees notes; the buyer never does."
        />
        <Button variant="secondary">Save note</Button>
      </form>
    </section>
  )
}

function AbuseForms(
  props: Props & {
    part: (name: LeadForm['form']) => { errors: Record<string, string>; values: Record<string, string> }
  },
) {
  const { lead } = props
  const reasonForm = (
    name: 'decline' | 'spam' | 'block',
    path: string,
    label: string,
    button: string,
    note: ComponentChildren,
  ) => {
    const { errors, values } = props.part(name)
    return (
      <form
        method="post"
        action={`/seller/leads/${lead.id}/${path}`}
        id={name}
        novalidate
        class="reason-form"
      >
        <CsrfField token={props.csrf} />
        <InputField
          name="reason"
          id={`${name}-reason`}
          label={label}
          value={values.reason}
          error={errors.reason ?? errors._}
          required
          maxlength={500}
          hint={note}
        />
        <Button variant="secondary">{button}</Button>
      </form>
    )
  }
  return (
    <section class="card" aria-labelledby="manage-title">
      <h2 class="card-title" id="manage-title">
        Not a fit?
      </h2>
      {props.nextStatuses.includes('lost')
        ? reasonForm(
            'decline',
            'decline',
            'Reason for not being interested',
            'Not interested',
            'The buyer sees this reason.',
          )
        : null}
      {lead.status !== 'spam' && props.nextStatuses.includes('spam')
        ? reasonForm(
            'spam',
            'spam',
            'Why is this spam?',
            'Report spam',
            'Sent to Mandi moderators, not to the buyer.',
          )
        : null}
      {lead.buyerBlocked ? (
        <form method="post" action={`/seller/leads/${lead.id}/unblock`} id="block">
          <CsrfField token={props.csrf} />
          <p class="form-note">This buyer cannot send your business enquiries.</p>
          <Button variant="secondary">Unblock buyer</Button>
        </form>
      ) : (
        reasonForm(
          'block',
          'block',
          'Reason for blocking',
          'Block this buyer',
          'They will not be able to send your business enquiries or buy requirements.',
        )
      )}
    </section>
  )
}
