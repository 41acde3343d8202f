import type { FastifyInstance } from 'fastify'
import type { App } from '../../../app.ts'
import * as flows from '../../../flows/index.ts'
import { formatNumber } from '../../../shared/format.ts'
import { sendPage } from '../../render.tsx'
import { AccountShell, DateTime } from '../../views/account-components.tsx'
import { type PageContext, pageContext } from '../../views/page-context.ts'
import { ButtonLink, EmptyState } from '../../views/ui.tsx'
import { mustSignIn, noStore, sessionOf } from './account-frame.ts'

/** A busy account (a seller with thousands of leads) lists this many rows of each table; the export holds all. */
export const rowsPerTableOnPage = 20
/** Longer values (messages) are cut here on the page, with the full length said; the export holds them whole. */
export const longValueOnPage = 300

/** "Your data": every personal value we hold about the person, by category, and who received it. */
export function privacyDataPages(server: FastifyInstance, app: App) {
  server.get('/account/privacy/data', { preHandler: mustSignIn }, async (request, reply) => {
    const { user } = sessionOf(request)
    const summary = await flows.dataSummary(app.db, user.id, { rowsPerTable: rowsPerTableOnPage })
    noStore(reply)
    return sendPage(reply, <YourDataPage ctx={pageContext(request)} summary={summary} />)
  })
}

function shortened(value: string) {
  if (value.length <= longValueOnPage) return value
  return (
    <>
      {value.slice(0, longValueOnPage).trimEnd()}…{' '}
      <span class="muted">
        ({formatNumber(value.length)} characters in all; the full text is in your download)
      </span>
    </>
  )
}

function YourDataPage(props: { ctx: PageContext; summary: flows.DataSummary }) {
  const { summary } = props
  const limited = summary.tables.filter((t) => t.shown < t.rows)
  return (
    <AccountShell
      ctx={props.ctx}
      title="Your data"
      section="privacy"
      lead={
        <>
          Every piece of personal data we hold about you, why we hold it and for how long, and everyone we
          have passed it to. This page is built from the same inventory as{' '}
          <a href="/privacy/data-we-hold">the personal data we hold</a>, so it cannot leave anything out.
        </>
      }
    >
      <p class="actions">
        <ButtonLink href="/account/privacy/export">Download a copy of everything</ButtonLink>{' '}
        <a href="/account/privacy">Back to your privacy centre</a>
      </p>

      {summary.categories.length === 0 ? (
        <EmptyState title="Nothing yet" icon="box">
          <p>We hold no personal data about you.</p>
        </EmptyState>
      ) : (
        summary.categories.map((c) => (
          <section class="card" aria-labelledby={`data-${c.category}`} key={c.category}>
            <h2 class="card-title" id={`data-${c.category}`}>
              {c.title}
            </h2>
            <section class="table-scroll" aria-label={c.title} tabindex={0}>
              <table class="table data-table">
                <caption class="visually-hidden">{c.title}: what we hold, why and for how long</caption>
                <thead>
                  <tr>
                    <th scope="col">What</th>
                    <th scope="col">What we hold</th>
                    <th scope="col">Why we hold it</th>
                    <th scope="col">How long</th>
                  </tr>
                </thead>
                <tbody>
                  {c.items.map((item, i) => (
                    <tr key={`${item.field}-${i}`}>
                      <th scope="row" data-label="What">
                        {item.description}
                      </th>
                      <td data-label="Value" class="data-value">
                        {shortened(item.value)}
                      </td>
                      <td data-label="Why">{item.purposes.join('; ')}</td>
                      <td data-label="How long">{item.retention}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          </section>
        ))
      )}

      <section class="card" aria-labelledby="records-title">
        <h2 class="card-title" id="records-title">
          Records linked to you
        </h2>
        <p class="muted">
          How many records of each kind are about you or belong to you.
          {limited.length > 0
            ? ` Where there are more than ${rowsPerTableOnPage}, this page shows the first ${rowsPerTableOnPage}; your download has them all.`
            : ''}
        </p>
        <section class="table-scroll" aria-label="Records linked to you" tabindex={0}>
          <table class="table">
            <caption class="visually-hidden">Records linked to you, by kind</caption>
            <thead>
              <tr>
                <th scope="col">Kind of record</th>
                <th scope="col" class="num">
                  Records
                </th>
                <th scope="col">On this page</th>
              </tr>
            </thead>
            <tbody>
              {summary.tables.map((t) => (
                <tr key={t.table}>
                  <th scope="row">{t.description}</th>
                  <td class="num">{formatNumber(t.rows)}</td>
                  <td>
                    {t.shown === t.rows
                      ? 'All shown above'
                      : t.shown === 0
                        ? 'No personal data in them; in your download'
                        : `First ${formatNumber(t.shown)} shown; all ${formatNumber(t.rows)} in your download`}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </section>

      {summary.withheld.length > 0 ? (
        <section class="card" aria-labelledby="withheld-title">
          <h2 class="card-title" id="withheld-title">
            Records about you that we do not show
          </h2>
          <ul>
            {summary.withheld.map((w) => (
              <li key={w.table}>
                {w.description}: {formatNumber(w.rows)} {w.rows === 1 ? 'record' : 'records'}.{' '}
                {w.reasons.join(' ')}.
              </li>
            ))}
          </ul>
          <p class="muted">
            If you think one of them is wrong or unfair,{' '}
            <a href="/grievance">write to our grievance officer</a>.
          </p>
        </section>
      ) : null}

      <section class="card" aria-labelledby="recipients-title">
        <h2 class="card-title" id="recipients-title">
          Who received it
        </h2>
        {summary.recipients.length === 0 ? (
          <EmptyState title="No one yet" icon="box">
            <p>Your data has not been passed to anyone outside Mandi.</p>
          </EmptyState>
        ) : (
          <table class="table ledger-table">
            <caption>Everyone who received your data, newest first</caption>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Who received it</th>
                <th scope="col">Which details</th>
                <th scope="col">Why</th>
              </tr>
            </thead>
            <tbody>
              {summary.recipients.map((r, i) => (
                <tr key={i}>
                  <td data-label="When">
                    <DateTime date={r.at} />
                  </td>
                  <td data-label="Who">{r.recipient}</td>
                  <td data-label="Details">{r.fields.join(', ')}</td>
                  <td data-label="Why">{r.purpose}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </AccountShell>
  )
}
