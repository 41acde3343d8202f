import type {
  CategoryNode,
  CategoryTree,
  ProductDetail,
  ProductFacets,
  ProductSummary,
  Suggestion,
} from '#src/modules/catalog/index.ts'
import * as catalog from '#src/modules/catalog/index.ts'
import { categoryPath, productPath, withQuery } from '../views/urls.ts'

// The public JSON of the catalogue. A column added to a table reaches the API only through here.

export function presentCategory(node: CategoryNode): PresentedCategory {
  return { id: node.id, slug: node.slug, name: node.name, children: node.children.map(presentCategory) }
}

export interface PresentedCategory {
  id: number
  slug: string
  name: string
  children: PresentedCategory[]
}

export function presentProductSummary(product: ProductSummary) {
  return {
    id: product.id,
    slug: product.slug,
    title: product.title,
    pricePaise: product.pricePaise,
    unit: product.unit,
    moq: product.moq,
    seller: { id: product.seller.id, name: product.seller.name, city: product.seller.city },
  }
}

export function presentProduct(
  product: ProductDetail,
  photos: Parameters<typeof catalog.productImageUrls>[0][] = [],
  publicUrl = '',
) {
  return {
    id: product.id,
    slug: product.slug,
    title: product.title,
    description: product.description,
    pricePaise: product.pricePaise,
    unit: product.unit,
    moq: product.moq,
    category: { slug: product.category.slug, name: product.category.name },
    specs: product.specs.map((spec) => ({ name: spec.name, value: spec.value })),
    // Absolute URLs, largest first in `srcset` terms: each photo at every stored width.
    images: photos.map((photo) => {
      const urls = catalog.productImageUrls(photo)
      return {
        url: `${publicUrl}${urls.src}`,
        alt: urls.alt,
        width: urls.width,
        height: urls.height,
        sizes: urls.srcset.split(', ').map((entry) => {
          const [path, width] = entry.split(' ')
          return { url: `${publicUrl}${path}`, width: Number.parseInt(width ?? '0', 10) }
        }),
      }
    }),
    seller: {
      id: product.seller.id,
      slug: product.seller.slug,
      name: product.seller.name,
      city: product.seller.city,
      state: product.seller.state,
      gstVerified: product.seller.gstVerifiedAt !== null,
    },
  }
}

/**
 * Facet counts with names: each category counts its own products, and a top-level category
 * also those of its subcategories. Categories with no match are left out.
 */
export function presentFacets(facets: ProductFacets, tree: CategoryTree) {
  const byId = new Map([...tree.bySlug.values()].map((node) => [node.id, node]))
  const totals = new Map<number, number>()
  for (const { categoryId, count } of facets.categories) {
    const node = byId.get(categoryId)
    if (!node) continue
    totals.set(node.id, (totals.get(node.id) ?? 0) + count)
    if (node.parent) totals.set(node.parent.id, (totals.get(node.parent.id) ?? 0) + count)
  }
  const categories = [...totals]
    .flatMap(([id, count]) => {
      const node = byId.get(id)
      return node ? [{ slug: node.slug, name: node.name, parent: node.parent?.slug ?? null, count }] : []
    })
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name))
  return { categories, cities: facets.cities, verified: facets.verified }
}

export type PresentedFacets = ReturnType<typeof presentFacets>

/** A suggestion with the address it leads to: a search, a category or a product page. */
export function presentSuggestion(suggestion: Suggestion) {
  switch (suggestion.kind) {
    case 'query':
      return {
        kind: suggestion.kind,
        text: suggestion.text,
        url: withQuery('/search', { q: suggestion.text }),
      }
    case 'category':
      return { kind: suggestion.kind, text: suggestion.text, url: categoryPath(suggestion) }
    case 'product':
      return { kind: suggestion.kind, text: suggestion.text, url: productPath(suggestion) }
  }
}
