import * as accounts from '../../../modules/accounts/index.ts'
import * as privacy from '../../../modules/privacy/index.ts'

/**
 * What registration asks for, read from the schema registration validates with
 * (accounts.RegisterInput): the privacy notices say "required" exactly where registration does.
 * Every field of the form must be mapped here, so a new field cannot go unmentioned.
 */
export const registrationCollection = privacy.formCollection('register', accounts.RegisterInput, {
  email: 'users.email',
  password: 'users.password_hash',
  name: 'users.name',
  phone: 'users.phone',
  dateOfBirth: 'users.date_of_birth',
  gender: 'users.gender',
  // A declaration and choices, not personal data of their own (consents go to the consent ledger).
  isAdultBusinessUser: null,
  consents: null,
})

/** What the business profile form asks for, read from accounts.BusinessInput in the same way. */
export const businessCollection = privacy.formCollection(
  'create a business profile',
  accounts.BusinessInput,
  {
    legalName: 'businesses.legal_name',
    tradeName: 'businesses.trade_name',
    gstin: 'businesses.gstin',
    businessType: 'businesses.business_type',
    yearEstablished: 'businesses.year_established',
    description: 'businesses.description',
    address: 'businesses.address_line1',
    categories: 'businesses.category_ids',
  },
)

/** The forms whose schemas the notices read "must you give it?" from. */
export const declaredForms: readonly privacy.FormCollection[] = [registrationCollection, businessCollection]

/** "legal name, GSTIN and address: yes; trade name: optional", for a form's fields named in `labels`. */
export function formSummary(form: privacy.FormCollection, labels: Record<string, string>): string {
  const named = form.fields.filter((f) => labels[f.field])
  const list = (c: privacy.Collection) =>
    joinAnd(named.filter((f) => f.collection === c).map((f) => labels[f.field]!))
  const required = list('required')
  const optional = list('optional')
  return [required && `${required}: yes`, optional && `${optional}: optional`].filter(Boolean).join('; ')
}

function joinAnd(words: string[]): string {
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`
}

/** "Yes, to register" or "No (optional)", from the form that collects the column. */
export function mustGiveWords(collection: privacy.NoticeItem['collection']): string {
  if (!collection) return 'Only when you use the feature it is for'
  return collection.collection === 'required' ? `Yes, to ${collection.form}` : 'No (optional)'
}

/** The same words for one inventory column, e.g. "users.phone". */
export function mustGive(column: privacy.ColumnRef): string {
  for (const form of declaredForms) {
    const collection = form.byColumn.get(column)
    if (collection) return mustGiveWords({ form: form.form, collection })
  }
  return mustGiveWords(null)
}
