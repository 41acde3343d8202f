import { z } from 'zod'
import type { App } from '../../app.ts'
import * as flows from '../../flows/index.ts'
import * as privacy from '../../modules/privacy/index.ts'
import { uuidId } from '../../shared/validation.ts'
import { requireSession } from '../session.ts'
import type { ApiRegistry } from './api-registry.ts'

const DataItem = z.object({
  field: z.string().describe('Where the value is kept, as table.column'),
  description: z.string().describe('What the value is, in words'),
  value: z.string().describe('The value as a person reads it; secrets say "held (not shown)"'),
  purposes: z.array(z.string()).describe('Why we hold it'),
  retention: z.string().describe('How long we keep it'),
})
const DataSummaryBody = z.object({
  categories: z.array(
    z.object({
      category: z.string(),
      title: z.string().describe('The category in words: "How to reach you"'),
      items: z.array(DataItem),
    }),
  ),
  recipients: z.array(
    z.object({
      recipient: z.string(),
      fields: z.array(z.string()),
      purpose: z.string(),
      at: z.string().describe('ISO 8601'),
    }),
  ),
})
const ExportBody = z.object({
  export: z.object({
    id: z.string(),
    status: z.enum(['pending', 'ready', 'expired']),
    downloadUrl: z.string().optional().describe('While ready: the download (needs the signed-in session)'),
    expiresAt: z.string().optional().describe('While ready: when the file is deleted (ISO 8601)'),
  }),
})

function presentExport(e: flows.DataExportState) {
  return {
    export: {
      id: e.id,
      status: e.status,
      ...(e.downloadUrl ? { downloadUrl: e.downloadUrl } : {}),
      ...(e.expiresAt ? { expiresAt: e.expiresAt.toISOString() } : {}),
    },
  }
}

/** The person's rights over their data: the summary of what is held and the copy to download. */
export function rightsRoutes(api: ApiRegistry, app: App) {
  api.route(
    {
      method: 'GET',
      url: '/api/v1/me/data',
      summary:
        'Every personal value held about the signed-in person, by category, with why and how long, and everyone it was shared with',
      tag: 'Privacy',
      responses: { 200: { description: 'The data summary', schema: DataSummaryBody } },
    },
    async ({ request }) => {
      const summary = await flows.dataSummary(app.db, requireSession(request).user.id)
      return {
        categories: summary.categories,
        recipients: summary.recipients.map((r) => ({ ...r, at: r.at.toISOString() })),
      }
    },
  )

  api.route(
    {
      method: 'POST',
      url: '/api/v1/me/exports',
      summary: `Ask for a copy of all your data as a ZIP (data.json, one CSV per table, README); built in the background, emailed as a link that works for ${privacy.dataExportLifetimeDays} days. While one is being built, asking again returns it.`,
      tag: 'Privacy',
      responses: { 202: { description: 'The export, pending until it is built', schema: ExportBody } },
    },
    async ({ request, reply }) => {
      const { user } = requireSession(request)
      const requested = await flows.requestExport(app.db, app.config, user.id)
      if (requested.created)
        await request.server.jobs.send('privacy.build-export', { exportId: requested.export.id })
      reply.status(202)
      return presentExport(requested.export)
    },
  )

  api.route(
    {
      method: 'GET',
      url: '/api/v1/me/exports/:id',
      summary:
        'Where one of your exports stands: pending, ready (with its download link and expiry) or expired',
      tag: 'Privacy',
      params: z.object({ id: uuidId('Not a valid export id.') }),
      responses: {
        200: { description: 'The export', schema: ExportBody },
        404: { description: 'No such export in your account (export_not_found)' },
      },
    },
    async ({ request, params }) => {
      const { user } = requireSession(request)
      const row = await privacy.getDataExport(app.db, user.id, params.id)
      return presentExport(flows.describeDataExport(row, app.config))
    },
  )
}
