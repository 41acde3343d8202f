
import * as catalog from '../../../modules/catalog/index.ts'
import {
  CsrfField,
  ErrorSummary,
  type FlashMessage,
  fieldId,
  InputField,
  SelectField,
} from '../../views/account-components.tsx'
import type { PageContext, } from '../../views/page-context.ts'
import { Button, Card, classes, } from '../../views/ui.tsx'
import { productPath } from '../../views/urls.ts'
import { SellerShell, } from './seller-frame.tsx'

// The seller's products: the dashboard table, the add and edit forms, publishing, photos.
import { StatusBadge } from './dashboard-view.tsx'

// The product form: details, specifications, status and photos.

export const BLANK_SPEC_ROWS = 3

export const labels: Record<string, string> = {
  title: 'Product title',
  categoryId: 'Category',
  description: 'Description',
  specs: 'Specifications',
  unit: 'Unit',
  moq: 'Minimum order quantity',
  price: 'Price per unit (₹)',
  stock: 'In stock',
  hsnCode: 'HSN code',
  gstRatePercent: 'GST rate',
  image: 'Photo',
}

export interface ProductForm {
  title: string
  categoryId: string
  description: string
  specs: { name: string; value: string }[]
  unit: string
  moq: string
  price: string
  priceOnRequest: boolean
  stock: string
  hsnCode: string
  gstRatePercent: string
}

export type Errors = Record<string, string>

export function ProductPage(props: {
  ctx: PageContext
  csrf: string
  product: catalog.OwnProduct | null
  form: ProductForm
  errors: Errors
  categories: { group: string; id: number; name: string }[]
  flash: FlashMessage | null
  imageError?: string | undefined
}) {
  const { product, form, errors } = props
  const action = product ? `/seller/products/${product.id}/edit` : '/seller/products/new'
  return (
    <SellerShell
      ctx={props.ctx}
      title={product ? `Edit: ${product.title}` : 'Add a product'}
      section={product ? 'products' : 'new'}
      crumbs={product ? [] : undefined}
      flash={props.flash}
      lead={product ? undefined : 'New products are saved as drafts: only you see them until you publish.'}
    >
      {product ? <StatusCard csrf={props.csrf} product={product} /> : null}
      <Card title="Product details">
        <ErrorSummary errors={errors} labels={labels} />
        <form method="post" action={action} novalidate class="product-form">
          <CsrfField token={props.csrf} />
          <InputField
            name="title"
            label={labels.title!}
            value={form.title}
            error={errors.title}
            required
            maxlength={150}
            hint="What buyers search for: type, size and rating, like “Cast iron monoblock pump 1 HP”."
          />
          <CategorySelect categories={props.categories} value={form.categoryId} error={errors.categoryId} />
          <InputField
            name="description"
            label={labels.description!}
            value={form.description}
            error={errors.description}
            multiline
            maxlength={5000}
            hint="Materials, uses, standards met, packing and delivery."
          />
          <SpecRows specs={form.specs} error={errors.specs} />
          <fieldset class="form-section">
            <legend>Price and quantity</legend>
            <div class="form-row">
              <InputField
                name="price"
                label={labels.price!}
                value={form.price}
                error={errors.price}
                required
                inputmode="text"
                maxlength={20}
                hint="In rupees, like 4250 or 4,250.50."
              />
              <InputField
                name="unit"
                label={labels.unit!}
                value={form.unit}
                error={errors.unit}
                required
                maxlength={30}
                hint="piece, kg, metre, set…"
              />
            </div>
            <div class="check">
              <input
                type="checkbox"
                id="priceOnRequest"
                name="priceOnRequest"
                value="1"
                checked={form.priceOnRequest}
              />
              <label for="priceOnRequest">Price on request (buyers ask you for a quote)</label>
            </div>
            <div class="form-row">
              <InputField
                name="moq"
                label={labels.moq!}
                value={form.moq}
                error={errors.moq}
                required
                inputmode="numeric"
                maxlength={10}
                hint="The fewest units you sell in one order."
              />
              <InputField
                name="stock"
                label={labels.stock!}
                value={form.stock}
                error={errors.stock}
                inputmode="numeric"
                maxlength={10}
                hint="Leave empty if you make to order."
              />
            </div>
            <div class="form-row">
              <InputField
                name="hsnCode"
                label={labels.hsnCode!}
                value={form.hsnCode}
                error={errors.hsnCode}
                inputmode="numeric"
                maxlength={10}
                hint="4, 6 or 8 digits, as on your GST invoices, like 8413."
              />
              <SelectField
                name="gstRatePercent"
                label={labels.gstRatePercent!}
                value={form.gstRatePercent}
                error={errors.gstRatePercent}
                options={[
                  { value: '', label: 'Not set yet' },
                  ...catalog.gstRates.map((rate) => ({ value: String(rate), label: `${rate}%` })),
                ]}
              />
            </div>
          </fieldset>
          <Button>{product ? 'Save changes' : 'Save as draft'}</Button>
        </form>
      </Card>
      {product ? <PhotosCard csrf={props.csrf} product={product} error={props.imageError} /> : null}
      {product ? (
        <Card title="Delete this product" headingLevel={2}>
          <p>
            Deleting removes the product and its photos for good. To hide it for a while, unpublish it
            instead.
          </p>
          <form method="post" action={`/seller/products/${product.id}/delete`}>
            <CsrfField token={props.csrf} />
            <Button variant="secondary" class="btn-danger">
              Delete product
            </Button>
          </form>
        </Card>
      ) : null}
    </SellerShell>
  )
}

function StatusCard(props: { csrf: string; product: catalog.OwnProduct }) {
  const { product } = props
  return (
    <Card class="seller-status">
      <div class="seller-status-row">
        <p>
          Status: <StatusBadge status={product.status} />{' '}
          {product.status === 'published' ? (
            <a href={productPath(product)}>See it as buyers do</a>
          ) : product.status === 'draft' ? (
            <span class="muted">Only you can see this draft.</span>
          ) : (
            <span class="muted">Moderation took this product down; it cannot be published again.</span>
          )}
        </p>
        {product.status === 'suspended' ? null : (
          <form method="post" action={`/seller/products/${product.id}/publish`} class="inline-form">
            <CsrfField token={props.csrf} />
            <input
              type="hidden"
              name="action"
              value={product.status === 'published' ? 'unpublish' : 'publish'}
            />
            <Button variant={product.status === 'published' ? 'secondary' : 'primary'}>
              {product.status === 'published' ? 'Unpublish' : 'Publish'}
            </Button>
          </form>
        )}
      </div>
    </Card>
  )
}

function CategorySelect(props: {
  categories: { group: string; id: number; name: string }[]
  value: string
  error: string | undefined
}) {
  const id = fieldId('categoryId')
  const groups = new Map<string, { id: number; name: string }[]>()
  for (const c of props.categories) groups.set(c.group, [...(groups.get(c.group) ?? []), c])
  return (
    <div class={classes('field', props.error && 'field-invalid')}>
      <label class="field-label" for={id}>
        {labels.categoryId}
      </label>
      <p class="field-hint" id={`${id}-hint`}>
        The most specific category that fits; buyers browse by these.
      </p>
      {props.error ? (
        <p class="field-error" id={`${id}-error`}>
          <span class="visually-hidden">Error: </span>
          {props.error}
        </p>
      ) : null}
      <select
        id={id}
        name="categoryId"
        class="input"
        required
        aria-describedby={props.error ? `${id}-hint ${id}-error` : `${id}-hint`}
        aria-invalid={props.error ? 'true' : undefined}
      >
        <option value="">Choose a category</option>
        {[...groups].map(([group, items]) => (
          <optgroup key={group} label={group}>
            {items.map((c) => (
              <option key={c.id} value={String(c.id)} selected={String(c.id) === props.value}>
                {c.name}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </div>
  )
}

function SpecRows(props: { specs: { name: string; value: string }[]; error: string | undefined }) {
  const rows = [
    ...props.specs,
    ...Array.from({ length: BLANK_SPEC_ROWS }, () => ({ name: '', value: '' })),
  ].slice(0, catalog.MAX_SPECS)
  return (
    <fieldset
      class={classes('form-section', 'spec-rows', props.error && 'field-invalid')}
      id="specs"
      aria-describedby="specs-hint"
    >
      <legend>{labels.specs}</legend>
      <p class="field-hint" id="specs-hint">
        Name and value, one per row, like “Power” — “1 HP”. Leave rows empty that you do not need; save to get
        more rows.
      </p>
      {props.error ? (
        <p class="field-error">
          <span class="visually-hidden">Error: </span>
          {props.error}
        </p>
      ) : null}
      <table class="spec-table">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Value</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((spec, i) => (
            <tr key={i}>
              <td>
                <input
                  class="input"
                  name="specName"
                  value={spec.name}
                  maxlength={80}
                  aria-label={`Specification ${i + 1} name`}
                />
              </td>
              <td>
                <input
                  class="input"
                  name="specValue"
                  value={spec.value}
                  maxlength={200}
                  aria-label={`Specification ${i + 1} value`}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </fieldset>
  )
}

function PhotosCard(props: { csrf: string; product: catalog.OwnProduct; error: string | undefined }) {
  const { product } = props
  const rules = catalog.productImageRules
  return (
    <Card title="Photos" id="photos">
      {product.images.length ? (
        <ul class="seller-photos">
          {product.images.map((image, i) => {
            const urls = catalog.productImageUrls(image)
            return (
              <li key={image.id}>
                <img
                  src={urls.thumbnail}
                  alt={image.alt || `Photo ${i + 1} of ${product.title}`}
                  width={160}
                  height={Math.round((160 * image.height) / image.width)}
                  loading="lazy"
                />
                <div class="seller-photo-actions">
                  {i === 0 ? (
                    <span class="status-badge">Main photo</span>
                  ) : (
                    <form method="post" action={`/seller/products/${product.id}/images/${image.id}/main`}>
                      <CsrfField token={props.csrf} />
                      <button type="submit" class="btn btn-secondary btn-small">
                        Make main<span class="visually-hidden"> photo: photo {i + 1}</span>
                      </button>
                    </form>
                  )}
                  <form method="post" action={`/seller/products/${product.id}/images/${image.id}/delete`}>
                    <CsrfField token={props.csrf} />
                    <button type="submit" class="btn btn-secondary btn-small">
                      Delete<span class="visually-hidden"> photo {i + 1}</span>
                    </button>
                  </form>
                </div>
              </li>
            )
          })}
        </ul>
      ) : (
        <p class="muted">No photos yet. Products with clear photos get more enquiries.</p>
      )}
      {product.images.length < rules.maxImages ? (
        <form
          method="post"
          action={`/seller/products/${product.id}/images`}
          enctype="multipart/form-data"
          class="seller-photo-form"
        >
          <CsrfField token={props.csrf} />
          <div class={classes('field', props.error && 'field-invalid')}>
            <label class="field-label" for="image">
              Add a photo
            </label>
            <p class="field-hint" id="image-hint">
              PNG, JPEG or WebP, up to 8 MB and 40 megapixels. We turn it upright, remove hidden details such
              as camera and location data, and make smaller copies for phones.
            </p>
            {props.error ? (
              <p class="field-error" id="image-error">
                <span class="visually-hidden">Error: </span>
                {props.error}
              </p>
            ) : null}
            <input
              type="file"
              id="image"
              name="image"
              accept="image/png,image/jpeg,image/webp"
              required
              class="input-file"
              aria-describedby={props.error ? 'image-hint image-error' : 'image-hint'}
              aria-invalid={props.error ? 'true' : undefined}
            />
          </div>
          <InputField
            name="alt"
            label="Describe the photo"
            maxlength={200}
            hint="For buyers who cannot see it, like “Pump, side view”."
          />
          <Button variant="secondary">Upload photo</Button>
        </form>
      ) : (
        <p class="muted">
          This product has the most photos allowed ({rules.maxImages}). Delete one to add another.
        </p>
      )}
    </Card>
  )
}
