import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type pg from 'pg'
import { from as copyFrom } from 'pg-copy-streams'
import type { DemoProduct } from './products.ts'

const COLUMNS =
  'business_id, category_id, slug, title, description, specs, unit, moq, price_paise, stock, status, created_at, updated_at, published_at'

/** Rows per write to the COPY stream (about 275 KB): large enough to amortise the stream overhead. */
const ROWS_PER_WRITE = 500
/**
 * Rows per COPY statement. Foreign-key checks of a COPY run when it ends, so chunks keep the
 * server's queue of pending checks small and let progress follow what the server has stored.
 */
const ROWS_PER_COPY = 100_000

/**
 * Streams `count` products into `COPY products … FROM STDIN` (text format) statements, generating
 * each row just before it is written, so memory stays flat whatever the count. Backpressure from
 * the socket pauses generation; `onRows` is called after every write with the rows written so far.
 */
export async function copyProducts(
  client: pg.PoolClient,
  next: () => DemoProduct,
  count: number,
  onRows: (written: number) => void,
): Promise<void> {
  let written = 0
  function* lines(end: number) {
    while (written < end) {
      const rows = Math.min(ROWS_PER_WRITE, end - written)
      let chunk = ''
      for (let i = 0; i < rows; i++) chunk += copyLine(next())
      written += rows
      yield chunk
      onRows(written)
    }
  }
  while (written < count) {
    const end = Math.min(count, written + ROWS_PER_COPY)
    await pipeline(
      Readable.from(lines(end), { objectMode: false }),
      client.query(copyFrom(`COPY products (${COLUMNS}) FROM STDIN`)),
    )
  }
}

export function copyLine(p: DemoProduct): string {
  return `${p.businessId}\t${p.categoryId}\t${text(p.slug)}\t${text(p.title)}\t${text(p.description)}\t${text(
    JSON.stringify(p.specs),
  )}\t${text(p.unit)}\t${p.moq}\t${p.pricePaise ?? '\\N'}\t${p.stock ?? '\\N'}\t${p.status}\t${timestamp(
    p.createdAt,
  )}\t${timestamp(p.updatedAt)}\t${p.publishedAt === null ? '\\N' : timestamp(p.publishedAt)}\n`
}

// COPY text format: backslash, tab, newline and carriage return must be escaped (JSON for specs
// like 1/2" carries backslashes).
const SPECIAL = /[\\\t\n\r]/
function text(value: string): string {
  if (!SPECIAL.test(value)) return value
  return value.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r')
}

function timestamp(ms: number): string {
  return new Date(ms).toISOString()
}
