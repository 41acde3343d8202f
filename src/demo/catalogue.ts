import type { ProductTemplate, TopCategoryDef } from './catalogue-types.ts'
import { electricalCategories } from './vocabulary-electrical.ts'
import { mechanicalCategories } from './vocabulary-mechanical.ts'
import { suppliesCategories } from './vocabulary-supplies.ts'

/**
 * The demo catalogue is written as data: top-level categories, their subcategories, and for each
 * subcategory one or more product templates from which listings are composed.
 *
 * Spec values are strings with two small conventions, so the vocabulary stays readable:
 * - `"SS 316*1.9"`: the part after `*` multiplies the price (a dearer material or rating);
 * - `"6205|25 mm|52 mm|15 mm"` for a spec with several names: one value per name, kept together
 *   (a bearing number fixes its bore, outer diameter and width).
 */
export type { ProductTemplate, SpecDef, SubcategoryDef, TopCategoryDef } from './catalogue-types.ts'

export const catalogue: readonly TopCategoryDef[] = [
  ...mechanicalCategories,
  ...electricalCategories,
  ...suppliesCategories,
]

// Compiled forms, parsed once so the product loop does no string parsing.

export interface CompiledSpec {
  names: readonly string[]
  values: readonly (readonly string[])[]
  factors: readonly number[]
  size: boolean
  optional: boolean
  follows: boolean
}

/** A title part: literal text, the item name (KIND), or spec index * 16 + column. */
export type TitlePart = string | number
export const KIND = -1

export interface CompiledTemplate extends Omit<ProductTemplate, 'specs'> {
  specs: readonly CompiledSpec[]
  titleParts: readonly { parts: readonly TitlePart[]; uses: ReadonlySet<number> }[]
  unitWeights: readonly number[]
  logMin: number
  logSpan: number
}

export interface CompiledSubcategory {
  topSlug: string
  slug: string
  name: string
  templates: readonly CompiledTemplate[]
}

export function compileCatalogue(defs: readonly TopCategoryDef[] = catalogue): CompiledSubcategory[] {
  return defs.flatMap((top) =>
    top.subcategories.map((sub) => ({
      topSlug: top.slug,
      slug: sub.slug,
      name: sub.name,
      templates: sub.templates.map(compileTemplate),
    })),
  )
}

function compileTemplate(template: ProductTemplate): CompiledTemplate {
  const specs = template.specs.map((spec) => {
    const names = typeof spec.name === 'string' ? [spec.name] : spec.name
    const parsed = spec.values.map((raw) => {
      const star = raw.lastIndexOf('*')
      const factor = star > 0 ? Number(raw.slice(star + 1)) : 1
      const text = star > 0 ? raw.slice(0, star) : raw
      const columns = names.length > 1 ? text.split('|') : [text]
      if (columns.length !== names.length || !Number.isFinite(factor)) {
        throw new Error(`Bad spec value "${raw}" for ${names.join('/')}`)
      }
      return { columns, factor }
    })
    return {
      names,
      values: parsed.map((p) => p.columns),
      factors: parsed.map((p) => p.factor),
      size: spec.size ?? false,
      optional: spec.optional ?? false,
      follows: spec.follows ?? false,
    }
  })
  return {
    ...template,
    specs,
    titleParts: template.titles.map((title) => compileTitle(title, specs)),
    // The first unit is the usual one; the others appear on about a quarter of listings.
    unitWeights: template.units.map((_, i) => (i === 0 ? 3 : 1 / Math.max(1, template.units.length - 1))),
    logMin: Math.log(template.price[0]),
    logSpan: Math.log(template.price[1]) - Math.log(template.price[0]),
  }
}

function compileTitle(title: string, specs: readonly CompiledSpec[]) {
  const parts: TitlePart[] = []
  const uses = new Set<number>()
  for (const piece of title.split(/(\{[^}]+\})/)) {
    if (!piece.startsWith('{')) {
      if (piece) parts.push(piece)
      continue
    }
    const name = piece.slice(1, -1)
    if (name === 'kind') {
      parts.push(KIND)
      continue
    }
    const index = specs.findIndex((s) => s.names.includes(name))
    if (index < 0) throw new Error(`Title "${title}" names an unknown spec "${name}"`)
    parts.push(index * 16 + specs[index]!.names.indexOf(name))
    uses.add(index)
  }
  return { parts, uses }
}
