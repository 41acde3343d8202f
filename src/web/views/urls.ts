// Every public URL of the catalogue is built here, so a route and its links cannot disagree.
import { slugify } from '../../shared/slug.ts'

export const productPath = (p: { id: number; slug: string }) => `/p/${p.id}/${p.slug}`
export const categoryPath = (c: { slug: string }) => `/c/${c.slug}`
export const sellerPath = (s: { slug: string }) => `/s/${s.slug}`
/** A city page takes the slug of the seller's city (catalog.citySlug): "Navi Mumbai" → /suppliers/navi-mumbai. */
export const cityPath = (city: string) => `/suppliers/${slugify(city)}`
export const cityCategoryPath = (city: string, c: { slug: string }) => `${cityPath(city)}/${c.slug}`

/** path?key=value… without empty values, so links stay short and canonical. */
export function withQuery(path: string, params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams()
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value))
  }
  const text = search.toString()
  return text ? `${path}?${text}` : path
}
