import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import path from 'node:path'
import fastifyMultipart from '@fastify/multipart'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { App } from '../../../app.ts'
import * as catalog from '../../../modules/catalog/index.ts'
import { AppError } from '../../../shared/errors.ts'
import { formatRupees } from '../../../shared/format.ts'
import { sendPage } from '../../render.tsx'
import { uploadsDir } from '../../uploads.ts'
import type { FlashMessage } from '../../views/account-components.tsx'
import { csrfToken, pageContext } from '../../views/page-context.ts'
import {
  type FormBody,
  formBody,
  formProblem,
  noStore,
  redirectWithFlash,
  takeFlash,
  text,
} from '../account/account-frame.ts'
import { pageNumber } from '../page-frame.ts'
import { multipartCsrfPassed, mustBeSeller, productIdParam, sellerOf } from './seller-frame.tsx'

// The seller's products: the dashboard table, the add and edit forms, publishing, photos.
import { Dashboard } from './dashboard-view.tsx'
import { type Errors, ProductPage, type ProductForm } from './product-form-view.tsx'

/** Rows of the seller's product table per page. */
export const productsPerPage = 50

export function sellerProductPages(server: FastifyInstance, app: App) {
  const guard = { preHandler: mustBeSeller(app) }

  server.get<{ Querystring: { page?: string } }>('/seller', guard, async (request, reply) => {
    const list = await catalog.listOwnProductsPage(app.db, sellerOf(request), {
      page: pageNumber(request.query.page, 100_000),
      pageSize: productsPerPage,
    })
    noStore(reply)
    return sendPage(
      reply,
      <Dashboard
        ctx={pageContext(request)}
        csrf={csrfToken(reply)}
        list={list}
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
    hsnCode: '',
    gstRatePercent: '',
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
    hsnCode: p.hsnCode ?? '',
    gstRatePercent: p.gstRatePercent === null ? '' : String(p.gstRatePercent),
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
    hsnCode: text(body, 'hsnCode'),
    gstRatePercent: text(body, 'gstRatePercent'),
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
    hsnCode: form.hsnCode,
    gstRatePercent: form.gstRatePercent,
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
