/**
 * Lower-case, hyphenated ASCII for URLs: `1/2" SS 316 Ball Valve – Café` → `1-2-inch-ss-316-ball-valve-cafe`.
 * Returns `fallback` when nothing usable is left (a title of only symbols).
 */
export function slugify(text: string, options: { maxLength?: number; fallback?: string } = {}): string {
  let slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/"/g, ' inch ')
    .replace(/&/g, ' and ')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
  if (options.maxLength) slug = slug.slice(0, options.maxLength).replace(/-+$/, '')
  return slug || (options.fallback ?? '')
}
