import type { ProductSpec, ProductStatus } from '#src/modules/catalog/catalog.tables.ts'
import { type CompiledSpec, type CompiledSubcategory, type CompiledTemplate, KIND } from './catalogue.ts'
import { createRandom, type Random } from './random.ts'
import type { BusinessType } from './sellers.ts'
import { article, isPlural, lowerKind, slugify } from './text.ts'

/** One product row as inserted (COPY or INSERT); timestamps as epoch milliseconds. */
export interface DemoProduct {
  businessId: number
  categoryId: number
  slug: string
  title: string
  description: string
  specs: ProductSpec[]
  unit: string
  moq: number
  pricePaise: number | null
  stock: number | null
  status: ProductStatus
  createdAt: number
  updatedAt: number
  publishedAt: number | null
}

/** What the product generator needs to know about a seller already in the database. */
export interface SellerForProducts {
  id: number
  city: string
  businessType: BusinessType
  sells: readonly string[]
  weight: number
}

export type CategoryIds = ReadonlyMap<string, number>

const DAY = 86_400_000
const TWO_YEARS = 730 * DAY

/**
 * An endless, deterministic stream of products for the given sellers: call `next()` as often as
 * needed, holding only one product at a time. `offset` (products already generated for this seed)
 * moves the stream on, so a second seed run adds different listings.
 */
export function createProductStream(options: {
  seed: number
  offset: number
  sellers: readonly SellerForProducts[]
  subcategories: readonly CompiledSubcategory[]
  categoryIds: CategoryIds
  now: Date
}): { next(): DemoProduct } {
  const { sellers, categoryIds } = options
  if (sellers.length === 0) throw new Error('Products need at least one seller')
  const rng = createRandom(options.seed, 'products', options.offset)
  const now = options.now.getTime()
  const bySlug = new Map(options.subcategories.map((s) => [s.slug, s]))
  const sellerSubs = sellers.map((s) =>
    s.sells.map((slug) => {
      const sub = bySlug.get(slug)
      const id = categoryIds.get(slug)
      if (!sub || id === undefined) throw new Error(`Unknown demo subcategory ${slug}`)
      return { sub, id }
    }),
  )
  const cumulative = new Float64Array(sellers.length)
  let total = 0
  for (let i = 0; i < sellers.length; i++) {
    total += sellers[i]!.weight
    cumulative[i] = total
  }

  return {
    next() {
      const sellerIndex = pickCumulative(cumulative, rng.next() * total)
      const seller = sellers[sellerIndex]!
      const { sub, id } = rng.pick(sellerSubs[sellerIndex]!)
      const template = rng.pick(sub.templates)
      return composeProduct(rng, template, seller, id, now)
    },
  }
}

function composeProduct(
  rng: Random,
  template: CompiledTemplate,
  seller: SellerForProducts,
  categoryId: number,
  now: number,
): DemoProduct {
  const kind = rng.pick(template.kinds)
  const titlePattern = rng.pick(template.titleParts)

  // Choose a value for every spec; show the required ones, those in the title and ~60% of the rest.
  let fraction = rng.next()
  const chosen: number[] = []
  for (const spec of template.specs) {
    const n = spec.values.length
    let index: number
    if (spec.size) {
      index = Math.floor(n * rng.next() ** 1.3)
      fraction = n > 1 ? index / (n - 1) : 0
    } else if (spec.follows) {
      index = Math.min(n - 1, Math.max(0, Math.round(fraction * (n - 1) + (rng.next() - 0.5) * 1.6)))
    } else {
      index = Math.floor(n * rng.next())
    }
    chosen.push(index)
  }
  // A value of "None" (no pressure tank, no reflective tape) is a thing the product does not have:
  // it is not listed, and a title that would name it ("… with None Tank") gives way to one that does not.
  const absent = (s: number) => isAbsent(template.specs[s]!.values[chosen[s]!]!)
  const pattern = [...titlePattern.uses].some(absent)
    ? (template.titleParts.find((t) => ![...t.uses].some(absent)) ?? {
        parts: [KIND],
        uses: new Set<number>(),
      })
    : titlePattern

  let factor = 1
  const specs: ProductSpec[] = []
  const shown: boolean[] = []
  for (let s = 0; s < template.specs.length; s++) {
    const spec = template.specs[s]!
    const show = !spec.optional || pattern.uses.has(s) || rng.chance(0.6)
    shown.push(show)
    if (!show) continue
    factor *= spec.factors[chosen[s]!]!
    if (absent(s)) continue
    const columns = spec.values[chosen[s]!]!
    for (let c = 0; c < spec.names.length; c++) specs.push({ name: spec.names[c]!, value: columns[c]! })
  }

  let title = ''
  for (const part of pattern.parts) {
    title += typeof part === 'string' ? part : part === KIND ? kind : specValue(template.specs, chosen, part)
  }
  title = withoutRepeatedWords(title)

  const [unit, moqChoices, unitFactor] = rng.weighted(template.units, template.unitWeights)
  const moq = rng.pick(moqChoices)
  const onRequest = rng.chance(template.priceOnRequest ?? 0.08)
  const rupees =
    Math.exp(template.logMin + template.logSpan * fraction) * factor * unitFactor * (0.88 + rng.next() * 0.27)
  const pricePaise = onRequest ? null : roundPrice(rupees)
  const stock = rng.chance(0.3) ? null : template.warranty ? rng.int(0, 40) : moq * rng.int(2, 400)

  const published = rng.chance(0.97)
  let createdAt: number
  let publishedAt: number | null = null
  let updatedAt: number
  if (published) {
    publishedAt = now - Math.floor(TWO_YEARS * rng.next() ** 1.15)
    createdAt = publishedAt - rng.int(0, 5 * DAY)
    updatedAt = publishedAt + Math.floor((now - publishedAt) * rng.next() ** 3)
  } else {
    createdAt = now - rng.int(1, 120) * DAY
    updatedAt = createdAt + Math.floor((now - createdAt) * rng.next() ** 2)
  }

  return {
    businessId: seller.id,
    categoryId,
    slug: slugify(title),
    title,
    description: describe(rng, template, seller, kind, specs, pricePaise !== null),
    specs,
    unit,
    moq,
    pricePaise,
    stock,
    status: published ? 'published' : 'draft',
    createdAt,
    updatedAt,
    publishedAt,
  }
}

function describe(
  rng: Random,
  template: CompiledTemplate,
  seller: SellerForProducts,
  kind: string,
  specs: readonly ProductSpec[],
  priced: boolean,
): string {
  const item = lowerKind(kind)
  const plural = isPlural(kind)
  const phrase = plural ? item : `${article(item)} ${item}`
  const use = rng.pick(template.uses)
  const city = seller.city
  let opening: string
  switch (seller.businessType) {
    case 'manufacturer':
      opening = rng.pick([
        `We manufacture ${phrase} for ${use}.`,
        `Made at our ${city} works, ${plural ? 'these' : 'this'} ${item} ${plural ? 'are' : 'is'} suited to ${use}.`,
        `${capitalise(phrase)} designed and built in-house for ${use}.`,
      ])
      break
    case 'exporter':
      opening = rng.pick([
        `Export-quality ${item} for ${use}, also supplied to buyers across India.`,
        `We manufacture and export ${phrase} for ${use}.`,
      ])
      break
    default:
      opening = rng.pick([
        `We supply ${phrase} for ${use}.`,
        `${capitalise(item)} available from ready stock, widely used for ${use}.`,
        `${capitalise(phrase)} suitable for ${use}, supplied from our ${city} ${rng.pick(['warehouse', 'godown', 'store'])}.`,
      ])
  }

  const sentences = [opening]
  const extra = rng.int(1, 3)
  if (extra >= 2 || rng.chance(0.5)) sentences.push(rng.pick(template.features))
  if (extra >= 2 && specs.length >= 2) {
    const [first, second] = rng.sample(specs, 2)
    sentences.push(
      rng.chance(0.5)
        ? `Key specifications: ${first!.name} ${first!.value}, ${second!.name} ${second!.value}.`
        : `${first!.name}: ${first!.value}; ${second!.name.toLowerCase()}: ${second!.value}.`,
    )
  }
  if (sentences.length < 4 && (extra === 3 || sentences.length === 1)) {
    sentences.push(commercialLine(rng, template, seller, priced))
  }
  return sentences.join(' ')
}

function commercialLine(
  rng: Random,
  template: CompiledTemplate,
  seller: SellerForProducts,
  priced: boolean,
): string {
  const lines = [
    'Supplied with GST invoice and test certificate.',
    `Dispatch within ${rng.pick([2, 3, 5, 7])} working days of order confirmation.`,
    'Bulk orders and annual rate contracts welcome.',
    'We deliver across India through reputed transporters.',
    'Export packing available on request.',
  ]
  if (priced) lines.push(`Price is ex-works ${seller.city}; GST and freight extra.`)
  else lines.push('Send an enquiry with quantity and delivery location for our best rate.')
  if (template.warranty)
    lines.push(`Warranty of ${rng.pick([12, 18, 24])} months against manufacturing defects.`)
  if (seller.businessType === 'manufacturer') lines.push('Custom sizes and OEM requirements can be taken up.')
  return rng.pick(lines)
}

/** Indian listing prices: paise under ₹100, whole rupees under ₹1,000, then tens and hundreds. */
export function roundPrice(rupees: number): number {
  if (rupees < 100) return Math.max(50, Math.round(rupees * 2) * 50)
  if (rupees < 1000) return Math.round(rupees) * 100
  if (rupees < 20_000) return Math.round(rupees / 10) * 1000
  return Math.round(rupees / 100) * 10_000
}

function pickCumulative(cumulative: Float64Array, target: number): number {
  let lo = 0
  let hi = cumulative.length - 1
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (cumulative[mid]! > target) hi = mid
    else lo = mid + 1
  }
  return lo
}

function specValue(specs: readonly CompiledSpec[], chosen: readonly number[], part: number): string {
  const spec = specs[part >> 4]!
  return spec.values[chosen[part >> 4]!]![part & 15]!
}

/** Whether a chosen spec value says the product has none of it. */
function isAbsent(columns: readonly string[]): boolean {
  return columns.every((value) => value === 'None')
}

/**
 * A word a title part ends with and the next begins with, said once: "48 V DC" + "DC Shunt Motor"
 * is "48 V DC Shunt Motor", "Natural Rubber" + "Rubber Gloves" is "Natural Rubber Gloves".
 */
export function withoutRepeatedWords(text: string): string {
  return text.replace(/(?<![\p{L}\p{N}])(\p{L}[\p{L}-]*)(?:\s+\1)+(?![\p{L}\p{N}])/giu, '$1')
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}
