import type { FastifyRequest } from 'fastify'
import { z } from 'zod'
import type { App } from '../../app.ts'
import * as catalog from '../../modules/catalog/index.ts'
import { unauthenticated } from '../../shared/errors.ts'
import { bigintId } from '../../shared/validation.ts'
import { uploadsDir } from '../uploads.ts'
import { productPath } from '../views/urls.ts'
import type { ApiRegistry } from './api-registry.ts'

// The seller API: a seller's own products, drafts included. Callers authenticate with an API key
// (Authorization: Bearer mk_…) made on /seller/api-keys, or with the owning seller's session
// cookie. Another business's product answers 404, exactly like one that does not exist.

const TAG = 'Seller'

const ImageOut = z.object({
  url: z.string(),
  srcset: z.string(),
  width: z.number().int(),
  height: z.number().int(),
  alt: z.string(),
})

const SpecOut = z.object({ name: z.string(), value: z.string() })

const SellerProductOut = z.object({
  id: z.number().int(),
  title: z.string(),
  slug: z.string(),
  status: z
    .enum(['draft', 'published', 'suspended'])
    .describe('suspended: taken down by moderation; cannot be published'),
  categoryId: z.number().int(),
  description: z.string(),
  specs: z.array(SpecOut),
  unit: z.string(),
  moq: z.number().int(),
  pricePaise: z.number().int().nullable().describe('Price per unit in paise; null means "price on request"'),
  stock: z.number().int().nullable().describe('Units in stock; null means stock is not tracked'),
  hsnCode: z.string().nullable().describe('HSN code for GST (4, 6 or 8 digits); null until set'),
  gstRatePercent: z.number().int().nullable().describe('GST rate in percent (0, 5, 12, 18 or 28); null until set'),
  url: z.string().nullable().describe('The public page, while published'),
  images: z.array(ImageOut),
  createdAt: z.string(),
  updatedAt: z.string(),
  publishedAt: z.string().nullable(),
})

const SellerProductRowOut = z.object({
  id: z.number().int(),
  title: z.string(),
  status: z.enum(['draft', 'published', 'suspended']),
  category: z.string(),
  unit: z.string(),
  pricePaise: z.number().int().nullable(),
  imageCount: z.number().int(),
  updatedAt: z.string(),
})

// Prices are sent in rupees (people's numbers) and answered in paise; the module converts. These
// bodies document that; the module validates the raw body again with the same rules.
const PriceIn = z
  .union([z.number().nonnegative(), z.string().max(20), z.null()])
  .optional()
  .refine((v) => v == null || catalog.parseRupees(typeof v === 'number' ? v.toFixed(2) : v) !== null, {
    message: 'Enter the price in rupees, like 1250 or "1,250.50", or null for "price on request".',
  })
  .describe(
    'Price per unit in RUPEES: 1250, 1250.5 or "1,250.50"; null or absent for "price on request". Responses give pricePaise.',
  )
// A field the API does not know is refused (400) and named, never silently dropped: a typo such as
// "pricePaise" or "quantity" would otherwise leave the product unchanged with a 200.
const knownFields = Object.keys(catalog.ProductInput.shape).join(', ')
const unknownFields = {
  error: (issue: { code?: string; keys?: string[] }) =>
    issue.code === 'unrecognized_keys' && issue.keys
      ? `Unknown field${issue.keys.length === 1 ? '' : 's'}: ${issue.keys.map((k) => `"${k}"`).join(', ')}. The fields are ${knownFields}.`
      : undefined,
}
const CreateBody = z.strictObject({ ...catalog.ProductInput.shape, price: PriceIn }, unknownFields)
const PatchBody = z.strictObject({ ...catalog.ProductPatch.shape, price: PriceIn }, unknownFields)

const IdParams = z.object({ id: bigintId({ coerce: true, message: 'id must be a product number' }) })

/** Presents one of the seller's products as the API's JSON contract. */
export function presentSellerProduct(p: catalog.OwnProduct): z.output<typeof SellerProductOut> {
  return {
    id: p.id,
    title: p.title,
    slug: p.slug,
    status: p.status,
    categoryId: p.categoryId,
    description: p.description,
    specs: p.specs,
    unit: p.unit,
    moq: p.moq,
    pricePaise: p.pricePaise,
    stock: p.stock,
    hsnCode: p.hsnCode,
    gstRatePercent: p.gstRatePercent,
    url: p.status === 'published' ? productPath(p) : null,
    images: p.images.map((image) => {
      const urls = catalog.productImageUrls(image)
      return { url: urls.src, srcset: urls.srcset, width: urls.width, height: urls.height, alt: urls.alt }
    }),
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
    publishedAt: p.publishedAt?.toISOString() ?? null,
  }
}

/**
 * The seller an API request acts for: the holder of a valid API key, or else the signed-in seller.
 * Throws unauthenticated for a bad or revoked key, forbidden('profile_incomplete') for a session
 * without a verified email and business profile.
 */
export async function apiSeller(app: App, request: FastifyRequest): Promise<catalog.SellerActor> {
  const header = request.headers.authorization
  if (header !== undefined) {
    const match = /^Bearer\s+(\S+)$/i.exec(header)
    const seller = match ? await catalog.authenticateApiKey(app.db, match[1]!) : null
    if (!seller)
      throw unauthenticated(
        'This API key is not valid or has been revoked. Make a new one on /seller/api-keys.',
      )
    return seller
  }
  if (!request.session) throw unauthenticated('Send an API key as "Authorization: Bearer mk_…", or sign in.')
  return catalog.sellerForUser(app.db, request.session.user)
}

export function sellerRoutes(api: ApiRegistry, app: App) {
  api.route(
    {
      method: 'GET',
      url: '/api/v1/seller/products',
      summary: "List your business's products, drafts included",
      tag: TAG,
      responses: {
        200: {
          description: 'Your products, most recently changed first',
          schema: z.object({ products: z.array(SellerProductRowOut) }),
        },
      },
    },
    async ({ request }) => {
      const seller = await apiSeller(app, request)
      const rows = await catalog.listOwnProducts(app.db, seller)
      return {
        products: rows.map((r) => ({
          id: r.id,
          title: r.title,
          status: r.status,
          category: r.categoryName,
          unit: r.unit,
          pricePaise: r.pricePaise,
          imageCount: r.imageCount,
          updatedAt: r.updatedAt.toISOString(),
        })),
      }
    },
  )

  api.route(
    {
      method: 'POST',
      url: '/api/v1/seller/products',
      summary: 'Create a product (as a draft)',
      tag: TAG,
      body: CreateBody,
      responses: { 201: { description: 'The new draft', schema: SellerProductOut } },
    },
    async ({ request, reply }) => {
      const seller = await apiSeller(app, request)
      // The module parses the raw body itself: parsing twice would read paise as rupees.
      const product = await catalog.createProduct(app.db, seller, request.body)
      reply.status(201).header('location', `/api/v1/seller/products/${product.id}`)
      return presentSellerProduct(product)
    },
  )

  api.route(
    {
      method: 'GET',
      url: '/api/v1/seller/products/:id',
      summary: 'One of your products',
      tag: TAG,
      params: IdParams,
      responses: { 200: { description: 'The product', schema: SellerProductOut } },
    },
    async ({ request, params }) => {
      const seller = await apiSeller(app, request)
      return presentSellerProduct(await catalog.getOwnProduct(app.db, seller, params.id))
    },
  )

  api.route(
    {
      method: 'PATCH',
      url: '/api/v1/seller/products/:id',
      summary: 'Change some fields of your product (a published product changes for buyers at once)',
      tag: TAG,
      params: IdParams,
      body: PatchBody,
      responses: { 200: { description: 'The product after the change', schema: SellerProductOut } },
    },
    async ({ request, params }) => {
      const seller = await apiSeller(app, request)
      return presentSellerProduct(await catalog.updateProduct(app.db, seller, params.id, request.body))
    },
  )

  api.route(
    {
      method: 'DELETE',
      url: '/api/v1/seller/products/:id',
      summary: 'Delete your product and its photos',
      tag: TAG,
      params: IdParams,
      responses: { 204: { description: 'Deleted' } },
    },
    async ({ request, params }) => {
      const seller = await apiSeller(app, request)
      const pathBases = await catalog.deleteProduct(app.db, seller, params.id)
      await catalog.removeImageFiles(uploadsDir(app), pathBases)
      return undefined
    },
  )

  api.route(
    {
      method: 'POST',
      url: '/api/v1/seller/products/:id/publish',
      summary: 'Publish your product so buyers can find it',
      tag: TAG,
      params: IdParams,
      responses: { 200: { description: 'The published product', schema: SellerProductOut } },
    },
    async ({ request, params }) => {
      const seller = await apiSeller(app, request)
      return presentSellerProduct(await catalog.publishProduct(app.db, seller, params.id))
    },
  )

  api.route(
    {
      method: 'POST',
      url: '/api/v1/seller/products/:id/unpublish',
      summary: 'Take your product back to draft, hidden from buyers',
      tag: TAG,
      params: IdParams,
      responses: { 200: { description: 'The product, now a draft', schema: SellerProductOut } },
    },
    async ({ request, params }) => {
      const seller = await apiSeller(app, request)
      return presentSellerProduct(await catalog.unpublishProduct(app.db, seller, params.id))
    },
  )
}
