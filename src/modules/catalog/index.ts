// The catalogue: the category tree, product listings and the public face of the businesses
// that sell them (storefronts). It reads listings for buyers; it must not expose a seller's
// contact details, which only ever travel through the enquiry relay.
export {
  type CategoryNode,
  type CategoryTree,
  categoryAndDescendantIds,
  countActiveSellers,
  countPublishedByCategory,
  type FeaturedSeller,
  findPublishedProduct,
  findSellerBySlug,
  listFeaturedSellers,
  loadCategoryTree,
  type ProductDetail,
  type SellerCard,
  type SellerProfile,
} from './catalog.queries.ts'
export {
  MAX_PAGE,
  PageQuery,
  PRODUCTS_PER_PAGE,
  ProductListQuery,
  type ProductSort,
  productSorts,
} from './catalog.schemas.ts'
export {
  type BrowseResult,
  browseProducts,
  listProducts,
  type ProductFilter,
  type ProductPage,
  type ProductSummary,
} from './catalog.search.ts'
export { announceCatalogChange, CATALOG_CHANNEL } from './catalog.events.ts'
export { SITEMAP_CHUNK, sitemapCategories, sitemapChunkCounts, sitemapProducts, sitemapSellers } from './catalog.sitemap.ts'
export type { ProductSpec } from './catalog.tables.ts'
