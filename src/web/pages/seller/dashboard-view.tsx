import type * as catalog from '../../../modules/catalog/index.ts'
import { formatDate, formatNumber } from '../../../shared/format.ts'
import { CsrfField, type FlashMessage } from '../../views/account-components.tsx'
import type { PageContext } from '../../views/page-context.ts'
import { Pagination } from '../../views/pagination.tsx'
import { ButtonLink, EmptyState, Price, Table } from '../../views/ui.tsx'
import { SellerShell } from './seller-frame.tsx'

// The seller's products: the dashboard table, the add and edit forms, publishing, photos.

// The seller centre's list of the seller's own products.

const statusLabels: Record<catalog.OwnProduct['status'], string> = {
  draft: 'Draft',
  published: 'Published',
  suspended: 'Taken down',
}

export function StatusBadge(props: { status: catalog.OwnProduct['status'] }) {
  return <span class={`status-badge status-${props.status}`}>{statusLabels[props.status]}</span>
}

export function Dashboard(props: {
  ctx: PageContext
  csrf: string
  list: catalog.OwnProductPage
  flash: FlashMessage | null
}) {
  const { rows, total, published, page, pageCount, pageSize } = props.list
  const first = (page - 1) * pageSize + 1
  return (
    <SellerShell
      ctx={props.ctx}
      title="Your products"
      section="products"
      flash={props.flash}
      lead={
        total
          ? `${formatNumber(total)} ${total === 1 ? 'product' : 'products'}, ${formatNumber(published)} published. Drafts are visible only to you.`
          : undefined
      }
    >
      <div class="seller-actions">
        <ButtonLink href="/seller/products/new">Add a product</ButtonLink>
        <ButtonLink href="/seller/import" variant="secondary">
          Import from CSV
        </ButtonLink>
      </div>
      {rows.length === 0 ? (
        <EmptyState title="No products yet" icon="box">
          <p>Add your first product, or import many at once from a spreadsheet.</p>
        </EmptyState>
      ) : (
        <Table
          caption={
            pageCount > 1
              ? `Your products, ${formatNumber(first)}–${formatNumber(first + rows.length - 1)} of ${formatNumber(total)}`
              : 'Your products'
          }
          head={['Product', 'Status', 'Price', 'Photos', 'Updated', 'Action']}
          numeric={[3]}
          rows={rows.map((r) => [
            <span key="t" class="seller-product-title">
              <a href={`/seller/products/${r.id}/edit`}>{r.title}</a>
              <span class="muted">{r.categoryName}</span>
            </span>,
            <StatusBadge key="s" status={r.status} />,
            <Price key="p" paise={r.pricePaise} unit={r.unit} />,
            String(r.imageCount),
            <span key="u" class="nowrap">
              {formatDate(r.updatedAt)}
            </span>,
            r.status === 'suspended' ? (
              <span key="a" class="muted">
                —
              </span>
            ) : (
              <form key="a" method="post" action={`/seller/products/${r.id}/publish`} class="inline-form">
                <CsrfField token={props.csrf} />
                <input
                  type="hidden"
                  name="action"
                  value={r.status === 'published' ? 'unpublish' : 'publish'}
                />
                <button type="submit" class="btn btn-secondary btn-small">
                  {r.status === 'published' ? 'Unpublish' : 'Publish'}
                  <span class="visually-hidden"> {r.title}</span>
                </button>
              </form>
            ),
          ])}
        />
      )}
      <Pagination
        page={page}
        pageCount={pageCount}
        href={(n) => (n === 1 ? '/seller' : `/seller?page=${n}`)}
        label="Product pages"
      />
    </SellerShell>
  )
}
