import fastifyMultipart from '@fastify/multipart'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { App } from '../../../app.ts'
import * as catalog from '../../../modules/catalog/index.ts'
import { AppError } from '../../../shared/errors.ts'
import { formatNumber } from '../../../shared/format.ts'
import { sendPage } from '../../render.tsx'
import { CsrfField, DateTime, type FlashMessage } from '../../views/account-components.tsx'
import { csrfToken, type PageContext, pageContext } from '../../views/page-context.ts'
import { Button, ButtonLink, Card, classes, Flash, Table } from '../../views/ui.tsx'
import { formProblem, noStore, redirectWithFlash, takeFlash } from '../account/account-frame.ts'
import { multipartCsrfPassed, mustBeSeller, SellerShell, sellerOf } from './seller-frame.tsx'

// CSV bulk import: the upload form with the column list, the template, and a progress page that
// reloads itself (a refresh <meta>, no JavaScript) until the job has finished.

export function sellerImportPages(server: FastifyInstance, app: App) {
  const guard = { preHandler: mustBeSeller(app) }

  server.get('/seller/import/template.csv', async (_request, reply) => {
    const template = await catalog.importTemplate(app.db)
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="mandi-products-template.csv"')
      .send(template.csv)
  })

  server.get('/seller/import', guard, async (request, reply) => {
    return showImportForm(app, request, reply, takeFlash(request, reply, app))
  })

  server.get<{ Params: { id: string } }>('/seller/import/:id', guard, async (request, reply) => {
    const summary = await catalog.getProductImport(app.db, sellerOf(request), request.params.id)
    noStore(reply)
    return sendPage(
      reply,
      <ProgressPage ctx={pageContext(request)} summary={summary} flash={takeFlash(request, reply, app)} />,
    )
  })

  server.register(async (scope) => {
    await scope.register(fastifyMultipart, {
      limits: { fileSize: catalog.importRules.maxBytes, files: 1, fields: 2, fieldSize: 200, parts: 3 },
      throwFileSizeLimit: false,
    })
    scope.post('/seller/import', guard, async (request, reply) => {
      const seller = sellerOf(request)
      const upload = await readCsvUpload(request)
      if (!multipartCsrfPassed(scope, request, reply, upload.csrf)) return reply
      try {
        const id = await catalog.startProductImport(app.db, app.config.dataDir, seller, {
          filename: upload.filename,
          bytes: upload.bytes ?? Buffer.alloc(0),
          truncated: upload.truncated,
        })
        await request.server.jobs.send('catalog.import', { importId: id })
        return redirectWithFlash(reply, app, `/seller/import/${id}`, {
          kind: 'info',
          text: 'Your file is uploaded. We check every row; this page updates by itself.',
        })
      } catch (error) {
        const problem = formProblem(error)
        return showImportForm(
          app,
          request,
          reply,
          null,
          problem.fields.file ?? problem.message,
          problem.status,
        )
      }
    })
  })
}

async function readCsvUpload(request: FastifyRequest) {
  if (!request.isMultipart())
    throw new AppError('invalid', 'not_multipart', 'Upload the file with the form on the import page.')
  const upload = { csrf: '', filename: '', bytes: null as Buffer | null, truncated: false }
  for await (const part of request.parts()) {
    if (part.type === 'file') {
      const bytes = await part.toBuffer()
      if (part.fieldname === 'file' && !upload.bytes) {
        upload.bytes = bytes
        upload.filename = part.filename
        upload.truncated = part.file.truncated
      }
    } else if (part.fieldname === '_csrf' && typeof part.value === 'string') {
      upload.csrf = part.value
    }
  }
  return upload
}

async function showImportForm(
  app: App,
  request: FastifyRequest,
  reply: FastifyReply,
  flash: FlashMessage | null,
  error?: string,
  status = 200,
) {
  const seller = sellerOf(request)
  const [recent, categories, template] = await Promise.all([
    catalog.listProductImports(app.db, seller, 5),
    catalog.listSubcategoryChoices(app.db),
    catalog.importTemplate(app.db),
  ])
  noStore(reply)
  return sendPage(
    reply,
    <ImportPage
      ctx={pageContext(request)}
      csrf={csrfToken(reply)}
      flash={flash}
      error={error}
      recent={recent}
      categories={categories}
      columns={template.columns}
    />,
    status,
  )
}

const statusText: Record<catalog.ImportSummary['status'], string> = {
  queued: 'Waiting to start',
  running: 'Checking rows',
  done: 'Finished',
  failed: 'Not imported',
}

function ImportPage(props: {
  ctx: PageContext
  csrf: string
  flash: FlashMessage | null
  error: string | undefined
  recent: catalog.ImportSummary[]
  categories: { group: string; id: number; name: string }[]
  columns: catalog.ImportColumn[]
}) {
  const rules = catalog.importRules
  return (
    <SellerShell
      ctx={props.ctx}
      title="Import products from CSV"
      section="import"
      flash={props.flash}
      lead="Add many products at once from a spreadsheet. Rows with mistakes are listed for you to fix; the others are imported as you marked them."
    >
      <Card title="1. Prepare your file">
        <p>
          Start from the <a href="/seller/import/template.csv">CSV template</a> (one example row). In Excel or
          Google Sheets, save it as <strong>CSV UTF-8</strong>. One file may have up to{' '}
          {formatNumber(rules.maxRows)} products and 5 MB. The first row names the columns, in any order:
        </p>
        <Table
          caption="Columns"
          head={['Column', 'Required', 'What to write', 'Example']}
          rows={props.columns.map((c) => [
            <code key="n">{c.name}</code>,
            c.required ? 'Yes' : 'No',
            c.description,
            <span key="e" class="muted">
              {c.example}
            </span>,
          ])}
        />
        <details class="seller-category-list">
          <summary>Category names you can use ({props.categories.length})</summary>
          <ul class="plain-list">
            {props.categories.map((c) => (
              <li key={c.id}>
                {c.name} <span class="muted">({c.group})</span>
              </li>
            ))}
          </ul>
        </details>
      </Card>
      <Card title="2. Upload it">
        <form method="post" action="/seller/import" enctype="multipart/form-data">
          <CsrfField token={props.csrf} />
          <div class={classes('field', props.error && 'field-invalid')}>
            <label class="field-label" for="file">
              CSV file
            </label>
            <p class="field-hint" id="file-hint">
              If the file as a whole cannot be read (for example a missing column), nothing is imported and we
              say why.
            </p>
            {props.error ? (
              <p class="field-error" id="file-error">
                <span class="visually-hidden">Error: </span>
                {props.error}
              </p>
            ) : null}
            <input
              type="file"
              id="file"
              name="file"
              accept=".csv,text/csv"
              required
              class="input-file"
              aria-describedby={props.error ? 'file-hint file-error' : 'file-hint'}
              aria-invalid={props.error ? 'true' : undefined}
            />
          </div>
          <Button>Upload and check</Button>
        </form>
      </Card>
      {props.recent.length ? (
        <Card title="Recent imports">
          <Table
            caption="Recent imports"
            head={['File', 'Uploaded', 'Status', 'Imported', 'With mistakes']}
            numeric={[3, 4]}
            rows={props.recent.map((r) => [
              <a key="f" href={`/seller/import/${r.id}`}>
                {r.filename}
              </a>,
              <DateTime key="d" date={r.createdAt} />,
              statusText[r.status],
              formatNumber(r.acceptedRows),
              formatNumber(r.rejectedRows),
            ])}
          />
        </Card>
      ) : null}
    </SellerShell>
  )
}

function ProgressPage(props: {
  ctx: PageContext
  summary: catalog.ImportSummary
  flash: FlashMessage | null
}) {
  const s = props.summary
  const busy = s.status === 'queued' || s.status === 'running'
  const percent = s.totalRows ? Math.min(100, Math.round((s.processedRows / s.totalRows) * 100)) : 0
  return (
    <SellerShell
      ctx={props.ctx}
      title={`Import of ${s.filename}`}
      section="import"
      crumbs={[{ label: 'Import from CSV', href: '/seller/import' }]}
      flash={props.flash}
      refreshSeconds={busy ? 3 : undefined}
    >
      {busy ? (
        <Card>
          <p role="status">
            {s.status === 'queued'
              ? 'Waiting to start — usually within a minute. This page reloads every few seconds.'
              : `Checked ${formatNumber(s.processedRows)} of ${formatNumber(s.totalRows)} rows. This page reloads every few seconds.`}
          </p>
          <progress class="seller-progress" max={100} value={percent} aria-label="Rows checked">
            {percent}%
          </progress>
        </Card>
      ) : null}
      {s.status === 'failed' ? (
        <Flash kind="error" title="Nothing was imported">
          <p>{s.failureReason}</p>
          <p>
            <a href="/seller/import">Fix the file and upload it again</a>.
          </p>
        </Flash>
      ) : null}
      {s.status === 'done' ? (
        <Flash kind={s.rejectedRows ? 'info' : 'success'} title="Import finished">
          <p>
            {formatNumber(s.acceptedRows)} {s.acceptedRows === 1 ? 'product' : 'products'} imported
            {s.rejectedRows
              ? `; ${formatNumber(s.rejectedRows)} ${s.rejectedRows === 1 ? 'row has' : 'rows have'} mistakes and ${s.rejectedRows === 1 ? 'was' : 'were'} left out.`
              : '.'}
          </p>
          <p>
            <a href="/seller">See your products</a>
          </p>
        </Flash>
      ) : null}
      {s.errors.length ? (
        <Card title="Rows to fix">
          <p>
            Correct these rows in your spreadsheet and import just them again. Row numbers are as your
            spreadsheet shows them (the column names are row 1).
          </p>
          <Table
            caption="Rows to fix"
            head={['Row', 'Column', 'What to change']}
            numeric={[0]}
            rows={s.errors.map((e) => [String(e.row), <code key="c">{e.field}</code>, e.message])}
          />
          {s.rejectedRows > 0 && s.errors.length >= catalog.importRules.maxReportedErrors ? (
            <p class="muted">
              Only the first {formatNumber(catalog.importRules.maxReportedErrors)} mistakes are listed.
            </p>
          ) : null}
        </Card>
      ) : null}
      {busy ? null : (
        <p>
          <ButtonLink href="/seller/import" variant="secondary">
            Import another file
          </ButtonLink>
        </p>
      )}
    </SellerShell>
  )
}
