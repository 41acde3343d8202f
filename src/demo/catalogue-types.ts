// The shapes the demo vocabularies are written in. Kept apart from catalogue.ts, which imports
// the vocabularies, so that the vocabularies need not import it back.

export interface TopCategoryDef {
  slug: string
  name: string
  description: string
  /** Words that fit a seller specialising here: "Shree Ganesh {Pumps}". */
  sellerWords: readonly string[]
  subcategories: readonly SubcategoryDef[]
}

export interface SubcategoryDef {
  slug: string
  name: string
  description: string
  templates: readonly ProductTemplate[]
}

export interface ProductTemplate {
  /** What the item is called in a title: "Centrifugal Monoblock Pump". */
  kinds: readonly string[]
  specs: readonly SpecDef[]
  /** Title patterns: `{kind}` and `{Spec name}` placeholders. */
  titles: readonly string[]
  /** [unit, MOQ choices, price factor against the base unit]. */
  units: readonly (readonly [unit: string, moq: readonly number[], factor: number])[]
  /** Rupees per base unit, for the smallest and the largest size. */
  price: readonly [min: number, max: number]
  /** Sentences about construction or quality, each complete. */
  features: readonly string[]
  /** Noun phrases that finish "suitable for …". */
  uses: readonly string[]
  /** Machines carry a warranty line; consumables do not. */
  warranty?: boolean
  /** Share of listings without a price (big machines are usually quoted). Default 0.08. */
  priceOnRequest?: number
}

export interface SpecDef {
  name: string | readonly string[]
  values: readonly string[]
  /** The chosen position along `values` sets where the price falls in the template's range. */
  size?: boolean
  /** Shown on about 60% of listings, so listings carry 3 to 6 specs. */
  optional?: boolean
  /** Ordered values that grow with the size spec (a bigger pump has a bigger flow), with some noise. */
  follows?: boolean
}
