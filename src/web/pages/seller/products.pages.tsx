import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import path from 'node:path'
import fastifyMultipart from '@fastify/multipart'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { App } from '../../../app.ts'
import * as catalog from '../../../modules/catalog/index.ts'
import { AppError } from '../../../shared/errors.ts'
import { formatDate, formatRupees } from '../../../shared/format.ts'
import { sendPage } from '../../render.tsx'
import { uploadsDir } from '../../uploads.ts'
import {
  CsrfField,
  ErrorSummary,
  type FlashMessage,
  fieldId,
  InputField,
} from '../../views/account-components.tsx'
import { csrfToken, type PageContext, pageContext } from '../../views/page-context.ts'
import { Button, ButtonLink, Card, classes, EmptyState, Price, Table } from '../../views/ui.tsx'
import { productPath } from '../../views/urls.ts'
import {
  type FormBody,
  formBody,
  formProblem,
  noStore,
  redirectWithFlash,
  takeFlash,
  text,
} from '../account/account-frame.ts'
import { multipartCsrfPassed, mustBeSeller, productIdParam, SellerShell, sellerOf } from './seller-frame.tsx'

// The seller's products: the dashboard table, the add and edit forms, publishing, photos.

const BLANK_SPEC_ROWS = 3

const labels: Record<string, string> = {
  title: 'Product title',
  categoryId: 'Category',
  description: 'Description',
  specs: 'Specifications',
  unit: 'Unit',
  moq: 'Minimum order quantity',
  price: 'Price per unit (₹)',
  stock: 'In stock',
  image: 'Photo',
}

interface ProductForm {
  title: string
  categoryId: string
  description: string
  specs: { name: string; value: string }[]
  unit: string
  moq: string
  price: string
  priceOnRequest: boolean
  stock: string
}

type Errors = Record<string, string>

export function sellerProductPages(server: FastifyInstance, app: App) {
  const guard = { preHandler: mustBeSeller(app) }

  server.get('/seller', guard, async (request, reply) => {
    const rows = await catalog.listOwnProducts(app.db, sellerOf(request))
    noStore(reply)
    return sendPage(
      reply,
      <Dashboard
        ctx={pageContext(request)}
        csrf={csrfToken(reply)}
        rows={rows}
        flash={takeFlash(request, reply, app)}
      />,
    )
  })

  server.get('/seller/products/new', guard, async (request, reply) => {
    return showForm(app, request, reply, null, emptyForm(), {})
  })

  server.post('/seller/products/new', guard, async (request, reply) => {
    const form = formFromBody(formBody(request))
    const errors = priceErrors(form)
    try {
      if (Object.keys(errors).length)
        throw new AppError('invalid', 'invalid_input', 'Please check the form.', { fields: errors })
      const product = await catalog.createProduct(app.db, sellerOf(request), inputFromForm(form))
      return redirectWithFlash(reply, app, `/seller/products/${product.id}/edit`, {
        kind: 'success',
        text: 'Your product is saved as a draft. Add photos, then publish it when it is ready for buyers.',
      })
    } catch (error) {
      const problem = formProblem(error)
      return showForm(
        app,
        request,
        reply,
        null,
        form,
        { ...errors, ...fieldErrors(problem.fields) },
        problem.status,
      )
    }
  })

  server.get<{ Params: { id: string } }>('/seller/products/:id/edit', guard, async (request, reply) => {
    const product = await catalog.getOwnProduct(app.db, sellerOf(request), productIdParam(request.params.id))
    return showForm(
      app,
      request,
      reply,
      product,
      formFromProduct(product),
      {},
      200,
      takeFlash(request, reply, app),
    )
  })

  server.post<{ Params: { id: string } }>('/seller/products/:id/edit', guard, async (request, reply) => {
    const seller = sellerOf(request)
    const id = productIdParam(request.params.id)
    const form = formFromBody(formBody(request))
    const errors = priceErrors(form)
    try {
      if (Object.keys(errors).length) {
        await catalog.getOwnProduct(app.db, seller, id)
        throw new AppError('invalid', 'invalid_input', 'Please check the form.', { fields: errors })
      }
      const product = await catalog.updateProduct(app.db, seller, id, inputFromForm(form))
      return redirectWithFlash(reply, app, `/seller/products/${id}/edit`, {
        kind: 'success',
        text: product.status === 'published' ? 'Saved. Buyers see the changes now.' : 'Saved.',
      })
    } catch (error) {
      const problem = formProblem(error)
      if (problem.status === 404) throw error
      const product = await catalog.getOwnProduct(app.db, seller, id)
      return showForm(
        app,
        request,
        reply,
        product,
        form,
        { ...errors, ...fieldErrors(problem.fields) },
        problem.status,
      )
    }
  })

  server.post<{ Params: { id: string } }>('/seller/products/:id/publish', guard, async (request, reply) => {
    const id = productIdParam(request.params.id)
    const publish = text(formBody(request), 'action') !== 'unpublish'
    try {
      if (publish) await catalog.publishProduct(app.db, sellerOf(request), id)
      else await catalog.unpublishProduct(app.db, sellerOf(request), id)
    } catch (error) {
      const problem = formProblem(error)
      if (problem.status === 404) throw error
      return redirectWithFlash(reply, app, `/seller/products/${id}/edit`, {
        kind: 'error',
        text: problem.message,
      })
    }
    return redirectWithFlash(reply, app, `/seller/products/${id}/edit`, {
      kind: 'success',
      text: publish
        ? 'Published. Buyers can find this product now.'
        : 'Unpublished. The product is a draft again and hidden from buyers.',
    })
  })

  server.post<{ Params: { id: string } }>('/seller/products/:id/delete', guard, async (request, reply) => {
    const pathBases = await catalog.deleteProduct(
      app.db,
      sellerOf(request),
      productIdParam(request.params.id),
    )
    await catalog.removeImageFiles(uploadsDir(app), pathBases)
    return redirectWithFlash(reply, app, '/seller', {
      kind: 'success',
      text: 'The product and its photos are deleted.',
    })
  })

  server.post<{ Params: { id: string; imageId: string } }>(
    '/seller/products/:id/images/:imageId/delete',
    guard,
    async (request, reply) => {
      const id = productIdParam(request.params.id)
      await catalog.deleteProductImage(
        app.db,
        uploadsDir(app),
        sellerOf(request),
        id,
        productIdParam(request.params.imageId),
      )
      return redirectWithFlash(reply, app, `/seller/products/${id}/edit#photos`, {
        kind: 'success',
        text: 'The photo is deleted.',
      })
    },
  )

  server.post<{ Params: { id: string; imageId: string } }>(
    '/seller/products/:id/images/:imageId/main',
    guard,
    async (request, reply) => {
      const id = productIdParam(request.params.id)
      await catalog.makeMainProductImage(
        app.db,
        sellerOf(request),
        id,
        productIdParam(request.params.imageId),
      )
      return redirectWithFlash(reply, app, `/seller/products/${id}/edit#photos`, {
        kind: 'success',
        text: 'This is now the main photo buyers see first.',
      })
    },
  )

  // Multipart parsing is switched on for the photo upload alone.
  server.register(async (scope) => {
    await scope.register(fastifyMultipart, {
      limits: { fileSize: catalog.productImageRules.maxBytes, files: 1, fields: 3, fieldSize: 500, parts: 4 },
      throwFileSizeLimit: false,
    })
    scope.post<{ Params: { id: string } }>('/seller/products/:id/images', guard, async (request, reply) => {
      const seller = sellerOf(request)
      const id = productIdParam(request.params.id)
      const upload = await readImageUpload(request)
      if (!multipartCsrfPassed(scope, request, reply, upload.csrf)) return reply
      try {
        if (upload.truncated) throw catalog.productImageTooLarge()
        await catalog.addProductImage(
          app.db,
          uploadsDir(app),
          seller,
          id,
          upload.bytes ?? Buffer.alloc(0),
          upload.alt,
        )
      } catch (error) {
        const problem = formProblem(error)
        if (problem.status === 404) throw error
        const product = await catalog.getOwnProduct(app.db, seller, id)
        const imageError = problem.fields.image ?? problem.message
        return showForm(
          app,
          request,
          reply,
          product,
          formFromProduct(product),
          {},
          problem.status,
          null,
          imageError,
        )
      }
      return redirectWithFlash(reply, app, `/seller/products/${id}/edit#photos`, {
        kind: 'success',
        text: 'The photo is added.',
      })
    })
  })

  // Product photos are served from here rather than by the /uploads/ static route, whose list of
  // allowed paths belongs to the logo upload. Names carry a content hash: cacheable for a year.
  server.get<{ Params: { productId: string; file: string } }>(
    '/uploads/products/:productId/:file',
    async (request, reply) => {
      const relative = `products/${request.params.productId}/${request.params.file}`
      if (!catalog.isStoredProductImagePath(relative))
        throw new AppError('not_found', 'not_found', 'There is nothing at this address.')
      const file = path.join(uploadsDir(app), relative)
      const info = await stat(file).catch(() => null)
      if (!info?.isFile()) throw new AppError('not_found', 'not_found', 'There is nothing at this address.')
      return reply
        .type('image/webp')
        .header('content-length', String(info.size))
        .header('cache-control', 'public, max-age=31536000, immutable')
        .send(createReadStream(file))
    },
  )
}

async function readImageUpload(request: FastifyRequest) {
  if (!request.isMultipart())
    throw new AppError('invalid', 'not_multipart', 'Upload photos with the form on the product page.')
  const upload = { csrf: '', alt: '', bytes: null as Buffer | null, truncated: false }
  for await (const part of request.parts()) {
    if (part.type === 'file') {
      const bytes = await part.toBuffer()
      if (part.fieldname === 'image' && !upload.bytes) {
        upload.bytes = bytes
        upload.truncated = part.file.truncated
      }
    } else if (typeof part.value === 'string') {
      if (part.fieldname === '_csrf') upload.csrf = part.value
      if (part.fieldname === 'alt') upload.alt = part.value
    }
  }
  return upload
}

function emptyForm(): ProductForm {
  return {
    title: '',
    categoryId: '',
    description: '',
    specs: [],
    unit: 'piece',
    moq: '1',
    price: '',
    priceOnRequest: false,
    stock: '',
  }
}

function formFromProduct(p: catalog.OwnProduct): ProductForm {
  return {
    title: p.title,
    categoryId: String(p.categoryId),
    description: p.description,
    specs: p.specs,
    unit: p.unit,
    moq: String(p.moq),
    price: p.pricePaise === null ? '' : formatRupees(p.pricePaise).replace('₹', ''),
    priceOnRequest: p.pricePaise === null,
    stock: p.stock === null ? '' : String(p.stock),
  }
}

function all(body: FormBody, name: string): string[] {
  const value = body[name]
  return value === undefined ? [] : Array.isArray(value) ? value : [value]
}

function formFromBody(body: FormBody): ProductForm {
  const names = all(body, 'specName')
  const values = all(body, 'specValue')
  const specs = names
    .map((name, i) => ({ name: name.trim(), value: (values[i] ?? '').trim() }))
    .filter((s) => s.name !== '' || s.value !== '')
  return {
    title: text(body, 'title'),
    categoryId: text(body, 'categoryId'),
    description: text(body, 'description'),
    specs,
    unit: text(body, 'unit'),
    moq: text(body, 'moq'),
    price: text(body, 'price'),
    priceOnRequest: text(body, 'priceOnRequest') !== '',
    stock: text(body, 'stock'),
  }
}

/**
 * A blank price is only allowed with "Price on request" ticked, which the module cannot know. When
 * it is missing, the other fields are checked here too, so the form shows every mistake at once.
 */
function priceErrors(form: ProductForm): Errors {
  if (form.priceOnRequest || form.price.trim() !== '') return {}
  const others = catalog.ProductInput.safeParse({ ...inputFromForm(form), price: null })
  const fields: Errors = {}
  for (const issue of others.success ? [] : others.error.issues)
    fields[issue.path.join('.') || '_'] ??= issue.message
  return { ...fieldErrors(fields), price: 'Enter the price per unit in rupees, or tick "Price on request".' }
}

function inputFromForm(form: ProductForm) {
  return {
    title: form.title,
    categoryId: form.categoryId,
    description: form.description,
    specs: form.specs,
    unit: form.unit,
    moq: form.moq,
    price: form.priceOnRequest ? null : form.price,
    stock: form.stock,
  }
}

/** Module field paths ("specs.2.value") → this form's fields. */
function fieldErrors(fields: Errors): Errors {
  const out: Errors = {}
  for (const [key, message] of Object.entries(fields)) {
    const field = key.startsWith('specs') ? 'specs' : key
    out[field] ??= key.startsWith('specs.') ? `Row ${Number(key.split('.')[1]) + 1}: ${message}` : message
  }
  return out
}

async function showForm(
  app: App,
  request: FastifyRequest,
  reply: FastifyReply,
  product: catalog.OwnProduct | null,
  form: ProductForm,
  errors: Errors,
  status = 200,
  flash: FlashMessage | null = null,
  imageError?: string,
) {
  const categories = await catalog.listSubcategoryChoices(app.db)
  noStore(reply)
  return sendPage(
    reply,
    <ProductPage
      ctx={pageContext(request)}
      csrf={csrfToken(reply)}
      product={product}
      form={form}
      errors={errors}
      categories={categories}
      flash={flash}
      imageError={imageError}
    />,
    status,
  )
}

const statusLabels: Record<catalog.OwnProduct['status'], string> = {
  draft: 'Draft',
  published: 'Published',
  suspended: 'Taken down',
}

function StatusBadge(props: { status: catalog.OwnProduct['status'] }) {
  return <span class={`status-badge status-${props.status}`}>{statusLabels[props.status]}</span>
}

function Dashboard(props: {
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

function ProductPage(props: {
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
