import type { CategoryNode, ProductDetail, ProductSummary } from '#src/modules/catalog/index.ts'

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

export function presentProduct(product: ProductDetail) {
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
    // Photos arrive with product images; until then the list is empty rather than a placeholder URL.
    images: [] as { url: string; alt: string }[],
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
