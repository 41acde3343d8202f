import { formatNumber } from '../../shared/format.ts'
import { Icon } from './icons.tsx'

/**
 * Page links that work without JavaScript. Shows the first, the last and the pages around the
 * current one, with gaps (…) between them.
 */
export function Pagination(props: {
  page: number
  pageCount: number
  href: (page: number) => string
  label?: string
}) {
  const { page, pageCount } = props
  if (pageCount <= 1) return null
  return (
    <nav class="pagination" aria-label={props.label ?? 'Pages'}>
      {page > 1 ? (
        <a class="page-step" href={props.href(page - 1)} rel="prev">
          <Icon name="chevron-left" />
          Previous<span class="visually-hidden"> page</span>
        </a>
      ) : null}
      <ol>
        {pageWindow(page, pageCount).map((n, i) =>
          n === null ? (
            <li key={`gap-${i}`} class="page-gap" aria-hidden="true">
              …
            </li>
          ) : (
            <li key={n}>
              <a
                class="page-number"
                href={props.href(n)}
                aria-current={n === page ? 'page' : undefined}
                aria-label={`Page ${formatNumber(n)}`}
              >
                {formatNumber(n)}
              </a>
            </li>
          ),
        )}
      </ol>
      {page < pageCount ? (
        <a class="page-step" href={props.href(page + 1)} rel="next">
          Next<span class="visually-hidden"> page</span>
          <Icon name="chevron-right" />
        </a>
      ) : null}
    </nav>
  )
}

/** [1, null, 4, 5, 6, null, 20] for page 5 of 20; null marks a gap. */
export function pageWindow(page: number, pageCount: number): (number | null)[] {
  const wanted = new Set([1, pageCount, page - 1, page, page + 1].filter((n) => n >= 1 && n <= pageCount))
  // Close a gap of a single page: "1 2 3" reads better than "1 … 3".
  if (wanted.has(3)) wanted.add(2)
  if (wanted.has(pageCount - 2)) wanted.add(pageCount - 1)
  const sorted = [...wanted].sort((a, b) => a - b)
  const out: (number | null)[] = []
  for (const n of sorted) {
    const previous = out.at(-1)
    if (typeof previous === 'number' && n - previous > 1) out.push(null)
    out.push(n)
  }
  return out
}
