
import type * as catalog from '../../../modules/catalog/index.ts'
import { formatDate, } from '../../../shared/format.ts'
import {
  CsrfField,
  type FlashMessage,
} from '../../views/account-components.tsx'
import type { PageContext, } from '../../views/page-context.ts'
import { ButtonLink, EmptyState, Price, Table } from '../../views/ui.tsx'
import { SellerShell, } from './seller-frame.tsx'

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
  rows: catalog.OwnProductRow[]
  flash: FlashMessage | null
}) {
  const published = props.rows.filter((r) => r.status === 'published').length
  return (
    <SellerShell
      ctx={props.ctx}
      title="Your products"
      section="products"
      flash={props.flash}
      lead={
        props.rows.length
          ? `${props.rows.length} ${props.rows.length === 1 ? 'product' : 'products'}, ${published} published. Drafts are visible only to you.`
          : undefined
      }
    >
      <div class="seller-actions">
        <ButtonLink href="/seller/products/new">Add a product</ButtonLink>
        <ButtonLink href="/seller/import" variant="secondary">
          Import from CSV
        </ButtonLink>
      </div>
      {props.rows.length === 0 ? (
        <EmptyState title="No products yet" icon="box">
          <p>Add your first product, or import many at once from a spreadsheet.</p>
        </EmptyState>
      ) : (
        <Table
          caption="Your products"
          head={['Product', 'Status', 'Price', 'Photos', 'Updated', 'Action']}
          numeric={[3]}
          rows={props.rows.map((r) => [
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
    </SellerShell>
  )
}
