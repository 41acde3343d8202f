import type { products } from './catalog.tables.ts'
import { toCsvLine } from './product-csv.ts'
import { ProductInput, slugFromTitle } from './product-schemas.ts'

// The rows of a CSV import: the documented columns (docs/csv-import.md), the header check, and the
// check of one row into a product or a list of errors a person can fix. No I/O.

export interface ImportColumn {
  name: string
  required: boolean
  description: string
  example: string
}

/** The columns of an import file, in the template's order. Header names are matched without regard to case. */
export const importColumns: ImportColumn[] = [
  {
    name: 'title',
    required: true,
    description: 'Product name buyers search for, 5–150 characters.',
    example: 'Cast iron monoblock pump 1 HP',
  },
  {
    name: 'category',
    required: true,
    description: 'Subcategory, by its short name (slug) or its name as shown on Mandi.',
    // Filled in from the categories that exist (importColumnsFor); never a made-up one.
    example: '',
  },
  { name: 'unit', required: true, description: 'What one unit is: piece, kg, metre, set…', example: 'piece' },
  {
    name: 'price',
    required: false,
    description: 'Price per unit in rupees, like 4250 or 4,250.50. Leave empty for "Price on request".',
    example: '4250',
  },
  {
    name: 'moq',
    required: false,
    description: 'Minimum order quantity, a whole number (1 if empty).',
    example: '10',
  },
  {
    name: 'stock',
    required: false,
    description: 'Units in stock, a whole number; leave empty if you do not say.',
    example: '120',
  },
  {
    name: 'description',
    required: false,
    description: 'Longer description, up to 5,000 characters.',
    example: 'Self-priming pump for domestic and farm use.',
  },
  {
    name: 'specs',
    required: false,
    description: 'Specifications as "Name: value" pairs separated by semicolons.',
    example: 'Power: 1 HP; Head: 30 m; Outlet: 25 mm',
  },
  { name: 'status', required: false, description: '"draft" (the default) or "published".', example: 'draft' },
]

/** The columns with `exampleCategory` (the slug of a real subcategory) as the category's example. */
export function importColumnsFor(exampleCategory: string): ImportColumn[] {
  return importColumns.map((c) => (c.name === 'category' ? { ...c, example: exampleCategory } : c))
}

/**
 * The subcategory the template's example row uses, from the subcategories that exist (in the
 * picker's order): a pump one, as the example row is a pump, or else the first. '' when there are none.
 */
export function chooseExampleCategory(subcategories: { slug: string }[]): string {
  const pump =
    subcategories.find((c) => /monoblock/.test(c.slug)) ?? subcategories.find((c) => /pump/.test(c.slug))
  return (pump ?? subcategories[0])?.slug ?? ''
}

/** The downloadable template: the header and one example row, in `exampleCategory`. */
export function importTemplateCsv(exampleCategory: string): string {
  const columns = importColumnsFor(exampleCategory)
  return `${toCsvLine(columns.map((c) => c.name))}\r\n${toCsvLine(columns.map((c) => c.example))}\r\n`
}

export interface ImportRowError {
  row: number
  field: string
  message: string
}

/** A problem with the file as a whole: nothing is imported and the message says why. */
export class FileFailure extends Error {}

export type ColumnIndex = Map<string, number>

export function checkHeader(header: string[]): ColumnIndex {
  const known = new Set(importColumns.map((c) => c.name))
  const index: ColumnIndex = new Map()
  for (const [i, raw] of header.entries()) {
    const name = raw.trim().toLowerCase()
    if (name === '') continue
    if (!known.has(name)) {
      throw new FileFailure(
        `The first row must name the columns; "${raw.trim().slice(0, 40)}" is not one of them. The columns are: ${importColumns.map((c) => c.name).join(', ')}. Download the template to start from.`,
      )
    }
    if (index.has(name))
      throw new FileFailure(`The column "${name}" appears twice in the first row. Keep one.`)
    index.set(name, i)
  }
  const missing = importColumns.filter((c) => c.required && !index.has(c.name)).map((c) => c.name)
  if (missing.length) {
    throw new FileFailure(
      `The first row must name the columns, and ${missing.map((m) => `"${m}"`).join(', ')} ${missing.length === 1 ? 'is' : 'are'} missing. Download the template to start from.`,
    )
  }
  return index
}

// Field names of ProductInput → the CSV column a person sees.
const columnOfField: Record<string, string> = {
  categoryId: 'category',
  price: 'price',
  moq: 'moq',
  stock: 'stock',
  unit: 'unit',
  title: 'title',
  description: 'description',
  specs: 'specs',
}

export function checkRow(
  row: number,
  cells: string[],
  columns: ColumnIndex,
  categoryIds: Map<string, number>,
): { value: Omit<typeof products.$inferInsert, 'businessId'> } | { errors: ImportRowError[] } {
  const cell = (name: string) => {
    const i = columns.get(name)
    return i === undefined ? '' : (cells[i] ?? '').trim()
  }
  const errors: ImportRowError[] = []
  const category = cell('category')
  const categoryId = categoryIds.get(category.toLowerCase())
  if (!categoryId) {
    errors.push({
      row,
      field: 'category',
      message: category
        ? `"${category.slice(0, 60)}" is not a subcategory on Mandi. Use a name from the list on the import page.`
        : 'Enter the subcategory.',
    })
  }
  const specs = parseSpecs(cell('specs'))
  if (typeof specs === 'string') errors.push({ row, field: 'specs', message: specs })
  const status = cell('status').toLowerCase() || 'draft'
  if (status !== 'draft' && status !== 'published') {
    errors.push({
      row,
      field: 'status',
      message: 'Write "draft" or "published", or leave it empty for draft.',
    })
  }
  const parsed = ProductInput.safeParse({
    title: cell('title'),
    categoryId: categoryId ?? 1,
    unit: cell('unit'),
    price: cell('price'),
    moq: cell('moq') || undefined,
    stock: cell('stock'),
    description: cell('description'),
    specs: typeof specs === 'string' ? [] : specs,
  })
  if (!parsed.success) {
    const seen = new Set<string>()
    for (const issue of parsed.error.issues) {
      const field = columnOfField[String(issue.path[0])] ?? String(issue.path[0])
      if (seen.has(field)) continue
      seen.add(field)
      const message =
        field === 'price' && issue.code === 'invalid_type'
          ? 'Write the price in rupees, like 1250 or 1,250.50, or leave the cell empty for "Price on request".'
          : issue.message
      errors.push({ row, field, message })
    }
  }
  if (errors.length || !parsed.success || !categoryId) return { errors }
  const data = parsed.data
  return {
    value: {
      categoryId,
      slug: slugFromTitle(data.title),
      title: data.title,
      description: data.description,
      specs: data.specs,
      unit: data.unit,
      moq: data.moq,
      pricePaise: data.price,
      stock: data.stock,
      status: status as 'draft' | 'published',
      publishedAt: status === 'published' ? new Date() : null,
    },
  }
}

/** "Power: 1 HP; Head: 30 m" → specs, or a message saying what is wrong. */
export function parseSpecs(text: string): { name: string; value: string }[] | string {
  if (text === '') return []
  const specs = []
  for (const part of text.split(';')) {
    if (part.trim() === '') continue
    const colon = part.indexOf(':')
    const name = colon > 0 ? part.slice(0, colon).trim() : ''
    const value = colon > 0 ? part.slice(colon + 1).trim() : ''
    if (!name || !value)
      return `Write each specification as "Name: value", separated by semicolons — "${part.trim().slice(0, 40)}" is not.`
    if (name.length > 80 || value.length > 200)
      return 'A specification name may have 80 characters and a value 200.'
    specs.push({ name, value })
  }
  if (specs.length > 30) return 'List at most 30 specifications.'
  return specs
}
