import type * as enquiries from '../../../modules/enquiries/index.ts'
import { formatDate, formatQuantity } from '../../../shared/format.ts'
import {
  AccountShell,
  CsrfField,
  DateTime,
  ErrorSummary,
  type FlashMessage,
  InputField,
} from '../../views/account-components.tsx'
import { Icon } from '../../views/icons.tsx'
import type { PageContext } from '../../views/page-context.ts'
import { Pagination } from '../../views/pagination.tsx'
import { Badge, Button, ButtonLink, Card, EmptyState, GstVerifiedBadge } from '../../views/ui.tsx'
import { sellerPath, withQuery } from '../../views/urls.ts'
import {
  ReplyForm as SharedReplyForm,
  enquiryStatusLabels,
  NeedSummary,
  QuoteCard,
  Thread,
} from './thread-view.tsx'

type BuyerEnquiry = Awaited<ReturnType<typeof enquiries.getBuyerEnquiry>>
type BuyerEnquiries = Awaited<ReturnType<typeof enquiries.listBuyerEnquiries>>

/** A thread form that came back with mistakes: which form, what was typed, and the messages. */
export interface ThreadForm {
  form: 'reply' | 'share' | 'callback' | 'status'
  values: Record<string, string>
  errors: Record<string, string>
}

export function BuyerEnquiryList(props: {
  ctx: PageContext
  flash: FlashMessage | null
  result: BuyerEnquiries
}) {
  const { result } = props
  const pageCount = Math.max(1, Math.ceil(result.total / result.pageSize))
  return (
    <AccountShell
      ctx={props.ctx}
      title="Enquiries"
      section="enquiries"
      flash={props.flash}
      lead="Enquiries you sent to sellers, newest activity first. Sellers see your name, company and city — not your email or phone unless you share them."
    >
      {result.items.length === 0 ? (
        <EmptyState title={result.page > 1 ? 'No more enquiries' : 'No enquiries yet'} icon="box">
          <p>
            Find a product and press <strong>Send enquiry</strong> on its page to ask the seller for a price.
          </p>
          <ButtonLink href="/search">Browse products</ButtonLink>
        </EmptyState>
      ) : (
        <ul class="enquiry-list">
          {result.items.map((e) => (
            <li key={e.id} class={e.unread ? 'enquiry-row is-unread' : 'enquiry-row'}>
              <div class="enquiry-row-main">
                <a class="enquiry-row-subject" href={`/account/enquiries/${e.id}`}>
                  {e.subject}
                </a>
                <p class="enquiry-row-meta">
                  {e.seller.name}, {e.seller.city} · {formatQuantity(e.quantity, e.unit)}
                  {e.requirementId ? ' · from your buy requirement' : ''}
                </p>
              </div>
              <div class="enquiry-row-marks">
                {e.unread ? <Badge tone="brand">New reply</Badge> : null}
                {e.contactShared ? <Badge tone="verified">Contact shared</Badge> : null}
                <span class={`status-pill status-${e.status}`}>{enquiryStatusLabels[e.status]}</span>
                <span class="enquiry-row-time">
                  <DateTime date={e.lastMessageAt} />
                </span>
              </div>
            </li>
          ))}
        </ul>
      )}
      <Pagination
        page={result.page}
        pageCount={pageCount}
        href={(page) => withQuery('/account/enquiries', { page: page > 1 ? page : undefined })}
        label="Enquiry pages"
      />
    </AccountShell>
  )
}

export function BuyerEnquiryPage(props: {
  ctx: PageContext
  csrf: string
  flash: FlashMessage | null
  enquiry: BuyerEnquiry
  buyerName: string
  form: ThreadForm | null
  maskingAvailable: boolean
  hasPhone: boolean
}) {
  const { enquiry: e, form } = props
  const errorsFor = (name: ThreadForm['form']) => (form?.form === name ? form.errors : {})
  const valuesFor = (name: ThreadForm['form']) => (form?.form === name ? form.values : {})
  return (
    <AccountShell ctx={props.ctx} title={e.subject} section="enquiries" flash={props.flash}>
      <div class="enquiry-head">
        <p class="enquiry-seller">
          To <a href={sellerPath(e.seller)}>{e.seller.name}</a>
          <span class="muted">
            {' '}
            · {e.seller.city}, {e.seller.state}
          </span>{' '}
          {e.seller.verified ? <GstVerifiedBadge /> : null}
        </p>
        <span class={`status-pill status-${e.status}`}>{enquiryStatusLabels[e.status]}</span>
      </div>
      {e.sellerDeclined ? (
        <p class="flash flash-info">
          <Icon name="info" />
          <span>The seller is not able to help with this one: {e.sellerDeclined}</span>
        </p>
      ) : null}
      <div class="enquiry-layout">
        <div class="enquiry-main">
          <Card title="Your need">
            <NeedSummary {...e} />
          </Card>
          {e.latestQuote ? (
            <section class="card" aria-labelledby="latest-quote-title">
              <h2 class="card-title" id="latest-quote-title">
                Latest quote
              </h2>
              <QuoteCard quote={e.latestQuote} title={`From ${e.seller.name}`} />
            </section>
          ) : null}
          <section class="card" aria-labelledby="conversation-title">
            <h2 class="card-title" id="conversation-title">
              Conversation
            </h2>
            <Thread
              entries={e.thread}
              viewer="buyer"
              sellerName={e.seller.name}
              buyerName={props.buyerName}
            />
            <ReplyForm {...props} errors={errorsFor('reply')} values={valuesFor('reply')} />
          </section>
        </div>
        <div class="enquiry-side">
          <ContactCard {...props} errors={errorsFor('share')} />
          <CallbackCard {...props} errors={errorsFor('callback')} values={valuesFor('callback')} />
          <StatusCard {...props} errors={errorsFor('status')} values={valuesFor('status')} />
        </div>
      </div>
    </AccountShell>
  )
}

type PartProps = Parameters<typeof BuyerEnquiryPage>[0] & {
  errors: Record<string, string>
  values?: Record<string, string>
}

function ReplyForm(props: PartProps) {
  const { enquiry: e } = props
  if (e.status !== 'open') {
    return (
      <p class="muted thread-closed" id="reply">
        {e.status === 'closed'
          ? 'This enquiry is closed. Reopen it to write to the seller.'
          : 'This enquiry has expired. Send a new enquiry to reach the seller again.'}
      </p>
    )
  }
  return (
    <SharedReplyForm
      action={`/account/enquiries/${e.id}/messages`}
      csrf={props.csrf}
      errors={props.errors}
      values={props.values}
      label="Write to the seller"
      hint="The seller reads this here and by email, without seeing your address."
      button="Send message"
    />
  )
}

function ContactCard(props: PartProps) {
  const { enquiry: e } = props
  const action = (path: string) => `/account/enquiries/${e.id}/${path}`
  const active = e.shares.find((s) => s.revokedAt === null)
  return (
    <section class="card contact-card" id="contact" aria-labelledby="contact-title">
      <h2 class="card-title" id="contact-title">
        Your contact details
      </h2>
      <ErrorSummary errors={props.errors} labels={{}} />
      {active ? (
        <>
          <p class="contact-state is-shared">
            <Icon name="eye" />
            <span>
              {e.seller.name} can see your {fieldsLabel(active.fields)}.
            </span>
          </p>
          <form method="post" action={action('stop-sharing')}>
            <CsrfField token={props.csrf} />
            <p class="form-note">
              Stopping hides them from the lead page and exports, and new messages go through the relay again.
              What the seller has already seen cannot be taken back.
            </p>
            <Button variant="secondary">Stop sharing</Button>
          </form>
        </>
      ) : (
        <>
          <p class="contact-state">
            <Icon name="lock" />
            <span>Private: the seller sees your name, company and city only.</span>
          </p>
          <form method="post" action={action('share-contact')}>
            <CsrfField token={props.csrf} />
            <p class="form-note">
              Sharing shows {e.seller.name} your email address and phone number on this enquiry, so they can
              reach you directly. It is recorded in your <a href="/account/privacy">privacy centre</a>, and
              you can stop at any time.
            </p>
            <Button>Share my contact details with this seller</Button>
          </form>
        </>
      )}
      {e.shares.length ? (
        <div class="share-history">
          <h3>Sharing history</h3>
          <ul class="plain-list">
            {e.shares.map((s) => (
              <li key={s.sharedAt.toISOString()}>
                {capitalise(fieldsLabel(s.fields))}: shared on {formatDate(s.sharedAt)}
                {s.revokedAt ? `, stopped on ${formatDate(s.revokedAt)}` : ' — still shared'}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  )
}

function CallbackCard(props: PartProps) {
  const { enquiry: e } = props
  const values = props.values ?? {}
  const reveal = values.reveal ?? (props.maskingAvailable ? 'mask' : 'show')
  return (
    <section class="card" id="callback" aria-labelledby="callback-title">
      <h2 class="card-title" id="callback-title">
        Call me back
      </h2>
      {e.callbacks.length ? (
        <ul class="plain-list callback-list">
          {e.callbacks.map((c) => (
            <li key={c.id}>
              Asked on <DateTime date={c.createdAt} />
              {c.preferredTime ? ` · ${c.preferredTime}` : ''}
            </li>
          ))}
        </ul>
      ) : null}
      {e.status !== 'open' ? (
        <p class="muted">Reopen the enquiry to ask for a call.</p>
      ) : !props.hasPhone ? (
        <p>
          Add your mobile number in your <a href="/account/profile#phone">profile</a> so the seller can call
          you.
        </p>
      ) : (
        <form method="post" action={`/account/enquiries/${e.id}/callback`} novalidate>
          <CsrfField token={props.csrf} />
          <ErrorSummary errors={props.errors} labels={{ preferredTime: 'Best time to call' }} />
          <InputField
            name="preferredTime"
            label="Best time to call"
            value={values.preferredTime}
            error={props.errors.preferredTime}
            maxlength={100}
            hint='For example "weekdays after 4 pm".'
          />
          <fieldset class="choice-group">
            <legend>Which number the seller gets</legend>
            <div class="check">
              <input
                type="radio"
                id="reveal-mask"
                name="reveal"
                value="mask"
                checked={reveal === 'mask'}
                disabled={!props.maskingAvailable}
              />
              <label for="reveal-mask">
                A masked number — the call is connected to you without the seller seeing your number
                {props.maskingAvailable ? '' : ' (not available on this marketplace)'}
              </label>
            </div>
            <div class="check">
              <input type="radio" id="reveal-show" name="reveal" value="show" checked={reveal === 'show'} />
              <label for="reveal-show">
                Show my number to this seller (recorded as a share; you can stop it)
              </label>
            </div>
          </fieldset>
          <Button variant="secondary">Ask for a call back</Button>
        </form>
      )}
    </section>
  )
}

function StatusCard(props: PartProps) {
  const { enquiry: e } = props
  if (e.status === 'expired') return null
  const action = `/account/enquiries/${e.id}/status`
  return (
    <section class="card" id="status" aria-labelledby="status-title">
      <h2 class="card-title" id="status-title">
        {e.status === 'open' ? 'Close this enquiry' : 'Reopen this enquiry'}
      </h2>
      <ErrorSummary errors={props.errors} labels={{ reason: 'Reason' }} />
      <form method="post" action={action} novalidate>
        <CsrfField token={props.csrf} />
        {e.status === 'open' ? (
          <>
            <input type="hidden" name="to" value="closed" />
            <InputField
              name="reason"
              label="Reason"
              value={props.values?.reason}
              error={props.errors.reason}
              maxlength={500}
              hint="The seller sees it, for example “bought elsewhere”."
            />
            <Button variant="secondary">Close enquiry</Button>
          </>
        ) : (
          <>
            <input type="hidden" name="to" value="open" />
            {e.notInterestedReason ? <p class="muted">You closed it: {e.notInterestedReason}</p> : null}
            <Button variant="secondary">Reopen enquiry</Button>
          </>
        )}
      </form>
    </section>
  )
}

function fieldsLabel(fields: readonly string[]): string {
  if (fields.includes('email') && fields.includes('phone')) return 'email address and phone number'
  return fields.includes('phone') ? 'phone number' : 'email address'
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1)
}
