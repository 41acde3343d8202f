import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import type { FastifyInstance, FastifyReply } from 'fastify'
import type { App } from '../../../app.ts'
import * as flows from '../../../flows/index.ts'
import * as privacy from '../../../modules/privacy/index.ts'
import { conflict } from '../../../shared/errors.ts'
import { formatDate } from '../../../shared/format.ts'
import { sendPage } from '../../render.tsx'
import { AccountShell, CsrfField, DateTime, type FlashMessage } from '../../views/account-components.tsx'
import { csrfToken, type PageContext, pageContext } from '../../views/page-context.ts'
import { Button, ButtonLink, Flash } from '../../views/ui.tsx'
import { mustSignIn, noStore, redirectWithFlash, sessionOf, takeFlash } from './account-frame.ts'

/**
 * While a copy is being prepared the page reloads itself this often (a meta refresh, no script),
 * unless the person stopped it (?refresh=off), which then offers "Check again" instead.
 */
export const exportRefreshSeconds = 5

/**
 * "Download a copy of your data": ask for one, watch it being prepared, download it while the
 * link lasts. The download needs the owner's session; anyone else's export is "not found".
 */
export function privacyExportPages(server: FastifyInstance, app: App) {
  server.get<{ Querystring: { refresh?: string } }>(
    '/account/privacy/export',
    { preHandler: mustSignIn },
    async (request, reply) => {
      const { user } = sessionOf(request)
      const now = new Date()
      const exports = (await privacy.listDataExports(app.db, user.id)).map((e) =>
        flows.describeDataExport(e, app.config, now),
      )
      noStore(reply)
      return sendPage(
        reply,
        <ExportPage
          ctx={pageContext(request)}
          csrf={csrfToken(reply)}
          flash={takeFlash(request, reply, app)}
          exports={exports}
          autoRefresh={request.query.refresh !== 'off'}
        />,
      )
    },
  )

  server.post('/account/privacy/export', { preHandler: mustSignIn }, async (request, reply) => {
    const { user } = sessionOf(request)
    const requested = await flows.requestExport(app.db, app.config, user.id)
    if (requested.created) {
      await request.server.jobs.send('privacy.build-export', { exportId: requested.export.id })
    }
    return redirectWithFlash(reply, app, '/account/privacy/export', {
      kind: 'success',
      text: requested.created
        ? 'We are preparing your copy. It usually takes a minute; we will also email you the link.'
        : 'Your copy is already being prepared. We will email you the link when it is ready.',
    })
  })

  server.get<{ Params: { id: string } }>(
    '/account/privacy/exports/:id/download',
    { preHandler: mustSignIn },
    async (request, reply) => {
      const { user } = sessionOf(request)
      const download = await flows.findExportDownload(app.db, app.config, user.id, request.params.id)
      noStore(reply)
      if (download.status === 'pending') {
        throw conflict(
          'export_not_ready',
          'Your copy is still being prepared. Try again in a minute, or wait for our email.',
        )
      }
      const size = download.status === 'ready' ? await stat(download.file).catch(() => null) : null
      if (download.status === 'expired' || !size) return sendExpired(reply, pageContext(request))
      return reply
        .header('content-disposition', `attachment; filename="${download.fileName}"`)
        .header('content-length', String(size.size))
        .type('application/zip')
        .send(createReadStream(download.file))
    },
  )
}

function sendExpired(reply: FastifyReply, ctx: PageContext) {
  return sendPage(
    reply,
    <AccountShell ctx={ctx} title="This download has expired" section="privacy">
      <Flash kind="error" title="This link no longer works">
        A copy of your data can be downloaded for {privacy.dataExportLifetimeDays} days; after that we delete
        the file. You can ask for a new copy at any time.
      </Flash>
      <p class="actions">
        <ButtonLink href="/account/privacy/export">Ask for a new copy</ButtonLink>
      </p>
    </AccountShell>,
    410,
  )
}

const statusWords = { pending: 'Being prepared', ready: 'Ready to download', expired: 'Expired' } as const

function ExportPage(props: {
  ctx: PageContext
  csrf: string
  flash: FlashMessage | null
  exports: flows.DataExportState[]
  /** The person may stop the automatic reloading (WCAG 2.2.1: a timed refresh can be turned off). */
  autoRefresh: boolean
}) {
  const pending = props.exports.some((e) => e.status === 'pending')
  return (
    <AccountShell
      ctx={props.ctx}
      title="Download a copy of your data"
      section="privacy"
      flash={props.flash}
      refreshSeconds={pending && props.autoRefresh ? exportRefreshSeconds : undefined}
      lead={
        <>
          A ZIP file with everything we hold about you: <code>data.json</code> with all of it (and{' '}
          <a href="/account/privacy/data">the summary you can read here</a>), one spreadsheet (CSV) per kind
          of record, and a README that explains them. The link works for {privacy.dataExportLifetimeDays}{' '}
          days, only when you are signed in; then we delete the file.
        </>
      }
    >
      <section class="card" aria-labelledby="exports-title">
        <h2 class="card-title" id="exports-title">
          Your copies
        </h2>
        {props.exports.length === 0 ? (
          <p>You have not asked for a copy yet.</p>
        ) : (
          <ul class="export-list">
            {props.exports.map((e) => (
              <li key={e.id} class="export-item" id={`export-${e.id}`}>
                <p>
                  <strong>{statusWords[e.status]}</strong> · asked for <DateTime date={e.requestedAt} />
                </p>
                {e.status === 'pending' ? (
                  <p class="muted" role="status">
                    We are putting it together, and we will email you when it is ready.{' '}
                    {props.autoRefresh ? (
                      <>
                        This page checks again every {exportRefreshSeconds} seconds.{' '}
                        <a href="/account/privacy/export?refresh=off">Stop checking automatically</a>
                      </>
                    ) : (
                      <a href="/account/privacy/export?refresh=off">Check again</a>
                    )}
                  </p>
                ) : e.status === 'ready' && e.expiresAt ? (
                  <p>
                    <ButtonLink href={flows.exportDownloadPath(e.id)}>Download your data (ZIP)</ButtonLink>{' '}
                    <span class="muted">
                      Works until <time datetime={e.expiresAt.toISOString()}>{formatDate(e.expiresAt)}</time>
                    </span>
                  </p>
                ) : (
                  <p class="muted">The file has been deleted. Ask for a new copy if you need one.</p>
                )}
              </li>
            ))}
          </ul>
        )}
        {pending ? null : (
          <form method="post" action="/account/privacy/export">
            <CsrfField token={props.csrf} />
            <Button>Prepare a new copy</Button>
          </form>
        )}
      </section>
    </AccountShell>
  )
}
