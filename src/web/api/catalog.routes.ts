import { z } from 'zod'
import type { App } from '../../app.ts'
import * as catalog from '../../modules/catalog/index.ts'
import { notFound } from '../../shared/errors.ts'
import { bigintId } from '../../shared/validation.ts'
import {
  presentCategory,
  presentFacets,
  presentProduct,
  presentProductSummary,
  presentSuggestion,
} from '../presenters/catalog.ts'
import type { ApiRegistry } from './api-registry.ts'

const TAG = 'Catalogue'

/** Read-only catalogue API: categories, product listings and search, one product. */
export function catalogRoutes(api: ApiRegistry, { db, config }: App) {
  api.route(
    {
      method: 'GET',
      url: '/api/v1/categories',
      summary: 'The category tree: top-level categories with their subcategories.',
      tag: TAG,
      responses: {
        200: { description: 'All categories', schema: z.object({ categories: z.array(CategorySchema) }) },
      },
    },
    async () => {
      const tree = await catalog.loadCategoryTree(db)
      return { categories: tree.roots.map(presentCategory) }
    },
  )

  api.route(
    {
      method: 'GET',
      url: '/api/v1/products',
      summary: `Published products, ${catalog.PRODUCTS_PER_PAGE} per page: search by keywords, filter by category, seller's city or state, price, MOQ and verified sellers, sort. Totals and facets count at most ${catalog.SEARCH_WINDOW} matches (${catalog.FILTERED_SEARCH_WINDOW} with a city, state, verified, price or MOQ filter).`,
      tag: TAG,
      query: catalog.ProductListQuery,
      responses: { 200: { description: 'One page of products', schema: ProductListSchema } },
    },
    async ({ query }) => {
      const [result, tree] = await Promise.all([
        catalog.browseProducts(db, query),
        catalog.loadCategoryTree(db),
      ])
      return {
        items: result.items.map(presentProductSummary),
        total: result.total,
        totalCapped: result.totalCapped,
        page: result.page,
        pageCount: result.pageCount,
        match: result.match,
        correctedQuery: result.correctedQuery,
        facets: presentFacets(result.facets, tree),
      }
    },
  )

  api.route(
    {
      method: 'GET',
      url: '/api/v1/search/suggest',
      summary: `Up to ${catalog.MAX_SUGGESTIONS} suggestions for what a buyer has typed: searches, categories and products.`,
      tag: TAG,
      query: z.object({
        q: z
          .string()
          .max(100, 'q must be at most 100 characters')
          .default('')
          .describe('What the buyer has typed so far; a trailing space means the last word is finished'),
      }),
      responses: { 200: { description: 'Suggestions, best first', schema: SuggestionsSchema } },
    },
    async ({ query, reply }) => {
      const suggestions = await catalog.suggest(db, query.q)
      // The same few prefixes are typed over and over; a short private cache spares the server.
      reply.header('cache-control', 'private, max-age=60')
      return { suggestions: suggestions.map(presentSuggestion) }
    },
  )

  api.route(
    {
      method: 'GET',
      url: '/api/v1/products/:id',
      summary: 'One published product with its specifications and seller.',
      tag: TAG,
      params: z.object({
        id: bigintId({ coerce: true, message: 'id must be a product number' }).describe('Product id'),
      }),
      responses: {
        200: { description: 'The product', schema: z.object({ product: ProductSchema }) },
        404: { description: 'No published product has this id (code product_not_found)' },
      },
    },
    async ({ params }) => {
      const product = await catalog.findPublishedProduct(db, params.id)
      if (!product) throw notFound('product_not_found', `There is no published product with id ${params.id}.`)
      const photos = await catalog.listProductPhotos(db, product.id)
      return { product: presentProduct(product, photos, config.publicUrl) }
    },
  )
}

const CategorySchema: z.ZodType<{ id: number; slug: string; name: string; children: unknown[] }> = z.object({
  id: z.number().int(),
  slug: z.string(),
  name: z.string(),
  get children() {
    return z.array(CategorySchema)
  },
})

const Money = z
  .number()
  .int()
  .nullable()
  .describe('Price per unit in paise (₹1 = 100 paise); null means price on request')

const ProductListSchema = z.object({
  items: z.array(
    z.object({
      id: z.number().int(),
      slug: z.string(),
      title: z.string(),
      pricePaise: Money,
      unit: z.string(),
      moq: z.number().int().describe('Minimum order quantity, in units'),
      seller: z.object({ id: z.number().int(), name: z.string(), city: z.string() }),
    }),
  ),
  total: z
    .number()
    .int()
    .describe(
      `Products matching, across all pages; at most ${catalog.SEARCH_WINDOW} (${catalog.FILTERED_SEARCH_WINDOW} with a city, state, verified, price or MOQ filter)`,
    ),
  totalCapped: z
    .boolean()
    .describe('true when more products match than total (the search window): total then reads "at least"'),
  page: z.number().int(),
  pageCount: z.number().int().describe('Pages that can be requested'),
  match: z
    .enum(['all', 'exact', 'corrected', 'partial', 'similar'])
    .describe(
      'exact: every word matched; corrected: misspelt words were replaced (see correctedQuery); partial: products with some of the words; similar: titles with similar spellings',
    ),
  correctedQuery: z.string().nullable().describe('The words searched instead, when match is corrected'),
  facets: z.object({
    categories: z.array(
      z.object({
        slug: z.string(),
        name: z.string(),
        parent: z.string().nullable(),
        count: z.number().int(),
      }),
    ),
    cities: z
      .array(z.object({ city: z.string(), count: z.number().int() }))
      .describe('The twelve cities with most matches'),
    verified: z.number().int().describe('Matches from GST-verified sellers'),
  }),
})

const SuggestionsSchema = z.object({
  suggestions: z.array(
    z.object({
      kind: z.enum(['query', 'category', 'product']),
      text: z.string(),
      url: z.string().describe('Where choosing the suggestion leads'),
    }),
  ),
})

const ProductSchema = z.object({
  id: z.number().int(),
  slug: z.string(),
  title: z.string(),
  description: z.string(),
  pricePaise: Money,
  unit: z.string(),
  moq: z.number().int(),
  category: z.object({ slug: z.string(), name: z.string() }),
  specs: z.array(z.object({ name: z.string(), value: z.string() })),
  images: z.array(
    z.object({
      url: z.string(),
      alt: z.string(),
      width: z.number().int(),
      height: z.number().int(),
      sizes: z.array(z.object({ url: z.string(), width: z.number().int() })),
    }),
  ),
  seller: z.object({
    id: z.number().int(),
    slug: z.string(),
    name: z.string(),
    city: z.string(),
    state: z.string(),
    gstVerified: z.boolean().describe("Whether Mandi has verified the seller's GSTIN"),
  }),
})
