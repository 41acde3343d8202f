import * as enquiries from '../../../modules/enquiries/index.ts'
import { formatNumber, formatQuantity } from '../../../shared/format.ts'
import { DateTime, type FlashMessage } from '../../views/account-components.tsx'
import { Icon } from '../../views/icons.tsx'
import type { PageContext } from '../../views/page-context.ts'
import { Pagination } from '../../views/pagination.tsx'
import { Badge, Button, EmptyState, Flash } from '../../views/ui.tsx'
import { withQuery } from '../../views/urls.ts'
import { leadStatusLabels } from '../enquiries/thread-view.tsx'
import { SellerShell } from './seller-frame.tsx'

export interface LeadListQuery {
  status: enquiries.LeadStatus | undefined
  kind: 'enquiry' | 'requirement' | undefined
  q: string | undefined
  unread: boolean
  page: number
}

type LeadList = Awaited<ReturnType<typeof enquiries.listLeads>>

/** The seller's leads: status tabs with counts, filters, the list, and exports. */
export function LeadListPage(props: {
  ctx: PageContext
  flash: FlashMessage | null
  query: LeadListQuery
  result: LeadList
}) {
  const { query, result } = props
  const link = (over: Partial<LeadListQuery>) => {
    const q = { ...query, page: 1, ...over }
    return withQuery('/seller/leads', {
      status: q.status,
      kind: q.kind,
      q: q.q,
      unread: q.unread ? 1 : undefined,
      page: q.page > 1 ? q.page : undefined,
    })
  }
  const active = enquiries.leadStatuses.filter((s) => s !== 'spam').reduce((n, s) => n + result.counts[s], 0)
  const tabs: { status: enquiries.LeadStatus | undefined; label: string; count: number }[] = [
    { status: undefined, label: 'All', count: active },
    ...enquiries.leadStatuses.map((s) => ({
      status: s,
      label: leadStatusLabels[s],
      count: result.counts[s],
    })),
  ]
  const pageCount = Math.max(1, Math.ceil(result.total / result.pageSize))
  const filtered = Boolean(query.q || query.kind || query.unread)
  return (
    <SellerShell
      ctx={props.ctx}
      title="Leads"
      section="leads"
      flash={props.flash}
      lead="Enquiries and matched buy requirements from buyers. You see each buyer's name, company and city; their email and phone appear only if they choose to share them."
    >
      <UnreachableNotice channels={result.unreachable} />
      <nav class="lead-tabs" aria-label="Lead status">
        <ul>
          {tabs.map((t) => (
            <li key={t.label}>
              <a
                href={link({ status: t.status })}
                aria-current={t.status === query.status ? 'page' : undefined}
              >
                {t.label} <span class="lead-tab-count">{formatNumber(t.count)}</span>
              </a>
            </li>
          ))}
        </ul>
      </nav>

      <div class="lead-toolbar">
        <form method="get" action="/seller/leads" class="lead-filters" aria-label="Filter leads">
          {query.status ? <input type="hidden" name="status" value={query.status} /> : null}
          <div class="field">
            <label class="field-label" for="lead-q">
              Search leads
            </label>
            <input
              id="lead-q"
              class="input"
              type="search"
              name="q"
              value={query.q ?? ''}
              placeholder="Product, buyer or words in the message"
            />
          </div>
          <div class="field">
            <label class="field-label" for="lead-kind">
              Kind
            </label>
            <select id="lead-kind" name="kind" class="input">
              <option value="" selected={!query.kind}>
                All kinds
              </option>
              <option value="enquiry" selected={query.kind === 'enquiry'}>
                Enquiries
              </option>
              <option value="requirement" selected={query.kind === 'requirement'}>
                Buy requirements
              </option>
            </select>
          </div>
          <div class="check lead-unread-check">
            <input type="checkbox" id="lead-unread" name="unread" value="1" checked={query.unread} />
            <label for="lead-unread">Unread only</label>
          </div>
          <Button variant="secondary">Apply</Button>
          {filtered ? (
            <a href={link({ q: undefined, kind: undefined, unread: false })} class="link-quiet">
              Clear filters
            </a>
          ) : null}
        </form>
        <div class="lead-export">
          <p class="lead-unread-summary">
            {result.unread > 0 ? (
              <a href={link({ unread: true, status: undefined })}>
                <strong>{formatNumber(result.unread)}</strong> unread
              </a>
            ) : (
              'All read'
            )}
          </p>
          <p class="lead-export-links">
            Export:{' '}
            <a href="/seller/leads/export.csv" download>
              CSV
            </a>{' '}
            ·{' '}
            <a href="/seller/leads/export.json" download>
              JSON
            </a>
          </p>
        </div>
      </div>

      {result.items.length === 0 ? (
        <EmptyState title={filtered || query.status ? 'No leads match' : 'No leads yet'} icon="box">
          <p>
            {filtered || query.status
              ? 'Try another tab or clear the filters.'
              : 'When buyers send enquiries about your products, or your business matches a buy requirement, they appear here.'}
          </p>
        </EmptyState>
      ) : (
        <ul class="lead-list" aria-label="Leads">
          {result.items.map((lead) => (
            <li key={lead.id} class={lead.unread ? 'lead-row is-unread' : 'lead-row'}>
              <span class="lead-dot" aria-hidden="true" />
              <div class="lead-row-main">
                {lead.unread ? <span class="visually-hidden">Unread: </span> : null}
                <a href={`/seller/leads/${lead.id}`} class="lead-row-subject">
                  {lead.subject}
                </a>
                <p class="lead-row-buyer">
                  {lead.buyer.name}
                  {lead.buyer.company ? `, ${lead.buyer.company}` : ''}
                  {lead.buyer.city ? (
                    <span class="muted">
                      {' '}
                      · <Icon name="pin" />
                      {lead.buyer.city}
                    </span>
                  ) : null}
                </p>
              </div>
              <div class="lead-row-need">{formatQuantity(lead.quantity, lead.unit)}</div>
              <div class="lead-row-marks">
                {lead.kind === 'requirement' ? <Badge tone="brand">Buy requirement</Badge> : null}
                {lead.contactShared ? <Badge tone="verified">Contact shared</Badge> : null}
                <span class={`status-pill lead-status-${lead.status}`}>{leadStatusLabels[lead.status]}</span>
              </div>
              <div class="lead-row-time">
                <DateTime date={lead.lastMessageAt} />
              </div>
            </li>
          ))}
        </ul>
      )}
      <Pagination
        page={result.page}
        pageCount={pageCount}
        href={(page) => link({ page })}
        label="Lead pages"
      />
    </SellerShell>
  )
}

/**
 * Shown while the latest lead alert on a channel could not be sent (recorded as skipped in the
 * outbox): leads still arrive here and by the other channel, but the seller should fix the address.
 */
function UnreachableNotice(props: { channels: LeadList['unreachable'] }) {
  const sms = props.channels.find((c) => c.channel === 'sms')
  const email = props.channels.find((c) => c.channel === 'email')
  if (!sms && !email) return null
  return (
    <div class="lead-alert-notice">
      {sms ? (
        <Flash kind="error" title="We could not text you about new leads">
          <p>
            {sms.reason} Leads still reach you here and by email. To get a text message for each new lead,{' '}
            <a href="/account/profile">add a mobile number to your profile</a>.
          </p>
        </Flash>
      ) : null}
      {email ? (
        <Flash kind="error" title="We could not email you about new leads">
          <p>
            {email.reason} Leads still reach you here.{' '}
            <a href="/account">Check the email address on your account</a>.
          </p>
        </Flash>
      ) : null}
    </div>
  )
}
