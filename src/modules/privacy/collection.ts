/**
 * Whether a person must give a piece of personal data, read from the form schema that collects
 * it, so the privacy notice says "required" exactly where the form requires it. The privacy module
 * imports no other module: the caller passes the schema (e.g. accounts.RegisterInput) and says
 * which inventory column each field fills.
 */
export type Collection = 'required' | 'optional'

/** "users.phone": an inventory table and its database column. */
export type ColumnRef = `${string}.${string}`

/** The least a zod object schema offers that this needs (kept structural: no zod import here). */
interface ObjectSchemaLike<
  Shape extends Record<string, { safeParse(value: unknown): { success: boolean } }>,
> {
  shape: Shape
}

export interface FormCollection {
  /** The form, for the notice: "registration". */
  form: string
  /** Every field of the form: the column it fills (null when it stores no personal data) and whether it must be given. */
  fields: { field: string; column: ColumnRef | null; collection: Collection }[]
  /** By column, for the notice. */
  byColumn: ReadonlyMap<ColumnRef, Collection>
}

/**
 * Derives, per field of a form schema, whether it is required: a field is optional exactly when
 * the schema accepts it left out. `columns` must name every field of the schema (a new field is a
 * compile error until someone says which column it fills).
 */
export function formCollection<
  Shape extends Record<string, { safeParse(value: unknown): { success: boolean } }>,
>(
  form: string,
  schema: ObjectSchemaLike<Shape>,
  columns: { [K in keyof Shape]: ColumnRef | null },
): FormCollection {
  const fields = Object.entries(schema.shape).map(([field, fieldSchema]) => ({
    field,
    column: (columns as Record<string, ColumnRef | null>)[field] ?? null,
    collection: (fieldSchema.safeParse(undefined).success ? 'optional' : 'required') as Collection,
  }))
  const byColumn = new Map<ColumnRef, Collection>()
  for (const f of fields) if (f.column) byColumn.set(f.column, f.collection)
  return { form, fields, byColumn }
}
