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
  foldCategoryCounts,
  findSellerBySlug,
  listFeaturedSellers,
  loadCategoryTree,
  type ProductDetail,
  type SellerCard,
  type SellerProfile,
} from './catalog.queries.ts'
export {
  FILTERED_SEARCH_WINDOW,
  MAX_PAGE,
  PageQuery,
  PRODUCTS_PER_PAGE,
  ProductListQuery,
  SEARCH_WINDOW,
  type ProductSort,
  productSorts,
} from './catalog.schemas.ts'
export {
  type BrowseResult,
  browseProducts,
  listProducts,
  type ProductFacets,
  type ProductFilter,
  type ProductPage,
  type ProductSummary,
} from './catalog.search.ts'
export {
  type CityCatalogue,
  citySlug,
  listCityCategories,
  listSellerCards,
  listSupplierCities,
  loadCityCatalogue,
  type SupplierCity,
} from './supplier-cities.ts'
export { MAX_SUGGESTIONS, type Suggestion, suggest } from './search-suggest.ts'
export { refreshSearchTerms } from './search-terms.ts'
export { announceCatalogChange, CATALOG_CHANNEL } from './catalog.events.ts'
export {
  SITEMAP_CHUNK,
  sitemapCategories,
  sitemapChunkCounts,
  sitemapProducts,
  sitemapSellers,
} from './catalog.sitemap.ts'
export type { ProductSpec } from './catalog.tables.ts'
export { eraseSubject } from './erasure.ts'
// What other modules read about the catalogue: products by id, and the whole-catalogue queries
// (matching a buy requirement, sellers listing in a category) that only the catalogue can rank.
export {
  type MatchedProduct,
  type ProductRef,
  productSummaries,
  productsMatchingWords,
  sellersListingIn,
  sellersWithPublishedProducts,
} from './catalog.reads.ts'

// ── Seller side: a seller's own listings, photos, CSV imports and API keys ──────────────────────
export {
  addProductImage,
  deleteProductImage,
  isStoredProductImagePath,
  listProductPhotos,
  makeMainProductImage,
  prepareProductImage,
  productImageRules,
  productImageTooLarge,
  productImageUrls,
  removeImageFiles,
} from './product-images.ts'
export {
  getProductImport,
  type ImportColumn,
  type ImportRowError,
  type ImportSummary,
  importColumns,
  importRules,
  importTemplate,
  listProductImports,
  runImportJob,
  startProductImport,
} from './product-import.ts'
export { gstRates, MAX_SPECS, ProductInput, ProductPatch, parseRupees, slugFromTitle } from './product-schemas.ts'
export {
  type ApiKeySummary,
  authenticateApiKey,
  createApiKey,
  issueApiKey,
  listApiKeys,
  revokeApiKey,
} from './seller-api-keys.ts'
export {
  createProduct,
  deleteProduct,
  getOwnProduct,
  listOwnProducts,
  listOwnProductsPage,
  listSubcategoryChoices,
  type OwnProduct,
  type OwnProductPage,
  type OwnProductImage,
  type OwnProductRow,
  publishProduct,
  type SellerActor,
  sellerForUser,
  unpublishProduct,
  updateProduct,
} from './seller-products.ts'
/** What ordering reads from a product, and its stock taken or put back in one statement each. */
export { type OrderableProduct, productsForOrder, releaseStock, reserveStock } from './stock.ts'
