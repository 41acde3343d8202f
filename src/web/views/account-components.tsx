import type { ComponentChildren } from 'preact'
import { dataInventory } from '../../inventory.ts'
import * as privacy from '../../modules/privacy/index.ts'
import { formatDate } from '../../shared/format.ts'
import { Icon } from './icons.tsx'
import { Layout } from './layout.tsx'
import type { PageContext } from './page-context.ts'
import { Breadcrumbs, classes, Flash, type FlashKind } from './ui.tsx'

// The account area's frame and form pieces. Fields use the kit's classes (.field, .input…) so they
// look like Field in ui.tsx, and add what account forms need: dates, checkboxes, grouped choices,
// and a "why we ask" line generated from the data inventory and linked to the notice.

export interface FlashMessage {
  kind: FlashKind
  text: string
}

export type AccountSection =
  | 'overview'
  | 'profile'
  | 'history'
  | 'security'
  | 'business'
  | 'enquiries'
  | 'privacy'
  | 'requirements'

const sections: { id: AccountSection; href: string; label: string }[] = [
  { id: 'overview', href: '/account', label: 'Overview' },
  { id: 'profile', href: '/account/profile', label: 'Profile' },
  { id: 'history', href: '/account/profile/history', label: 'Profile history' },
  { id: 'security', href: '/account/security', label: 'Sign-in and security' },
  { id: 'business', href: '/account/business', label: 'Business profile' },
  { id: 'enquiries', href: '/account/enquiries', label: 'Enquiries' },
  { id: 'requirements', href: '/account/requirements', label: 'Buy requirements' },
  { id: 'privacy', href: '/account/privacy', label: 'Privacy centre' },
]

/** A page inside "My account": breadcrumbs, the section menu and the page's own content. */
export function AccountShell(props: {
  ctx: PageContext
  title: string
  section: AccountSection
  lead?: ComponentChildren
  flash?: FlashMessage | null
  /** Reloads the page every so many seconds (a job in progress), without JavaScript. */
  refreshSeconds?: number | undefined
  children: ComponentChildren
}) {
  const crumbs =
    props.section === 'overview'
      ? [{ label: 'Home', href: '/' }, { label: 'My account' }]
      : [{ label: 'Home', href: '/' }, { label: 'My account', href: '/account' }, { label: props.title }]
  return (
    <SectionShell
      ctx={props.ctx}
      title={props.title}
      crumbs={crumbs}
      navLabel="My account"
      sections={sections}
      current={props.section}
      lead={props.lead}
      flash={props.flash}
      refreshSeconds={props.refreshSeconds}
    >
      {props.children}
    </SectionShell>
  )
}

/**
 * A signed-in area with its own menu beside the content (My account, Seller centre): breadcrumbs,
 * the menu with the current page marked, the heading, an optional lead and flash message.
 */
export function SectionShell(props: {
  ctx: PageContext
  title: string
  crumbs: { label: string; href?: string }[]
  navLabel: string
  sections: readonly { id: string; href: string; label: string }[]
  current: string
  lead?: ComponentChildren
  flash?: FlashMessage | null | undefined
  class?: string
  refreshSeconds?: number | undefined
  children: ComponentChildren
}) {
  return (
    <Layout
      ctx={props.ctx}
      title={props.title}
      noindex
      {...(props.refreshSeconds ? { refreshSeconds: props.refreshSeconds } : {})}
    >
      <div class={`container account-page${props.class ? ` ${props.class}` : ''}`}>
        <Breadcrumbs items={props.crumbs} />
        <div class="account-layout">
          <nav class="account-nav" aria-label={props.navLabel}>
            <ul>
              {props.sections.map((s) => {
                const count = props.ctx.navCounts?.[s.id] ?? 0
                return (
                  <li key={s.id}>
                    <a href={s.href} aria-current={s.id === props.current ? 'page' : undefined}>
                      {s.label}
                      {count > 0 ? (
                        <span class="nav-count">
                          {count}
                          <span class="visually-hidden"> unread</span>
                        </span>
                      ) : null}
                    </a>
                  </li>
                )
              })}
            </ul>
          </nav>
          <div class="account-main">
            <h1>{props.title}</h1>
            {props.lead ? <p class="lead">{props.lead}</p> : null}
            <FlashBanner flash={props.flash ?? null} />
            {props.children}
          </div>
        </div>
      </div>
    </Layout>
  )
}

/** Sign-in, registration and the emailed-link pages: one narrow column, no account menu. */
export function AuthShell(props: {
  ctx: PageContext
  title: string
  lead?: ComponentChildren
  flash?: FlashMessage | null
  wide?: boolean
  children: ComponentChildren
}) {
  return (
    <Layout ctx={props.ctx} title={props.title} noindex>
      <div class={classes('container', 'auth-page', props.wide && 'auth-page-wide')}>
        <h1>{props.title}</h1>
        {props.lead ? <p class="lead">{props.lead}</p> : null}
        <FlashBanner flash={props.flash} />
        {props.children}
      </div>
    </Layout>
  )
}

export function FlashBanner(props: { flash?: FlashMessage | null | undefined }) {
  return props.flash ? <Flash kind={props.flash.kind}>{props.flash.text}</Flash> : null
}

export function CsrfField(props: { token: string }) {
  return <input type="hidden" name="_csrf" value={props.token} />
}

/** The id of a form control for a field name ("address.line1" → "address-line1"), used by error links. */
export function fieldId(name: string): string {
  return name.replace(/[^a-zA-Z0-9_-]+/g, '-')
}

/**
 * "There is a problem" at the top of a form that came back with errors, each linking to its field.
 * `labels` names the fields; messages without a field (key "_") are listed as they are.
 */
export function ErrorSummary(props: {
  errors: Record<string, string>
  labels: Record<string, string>
  title?: string
}) {
  const entries = Object.entries(props.errors)
  if (entries.length === 0) return null
  return (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex={-1}>
      <h2 id="error-summary-title">{props.title ?? 'Please correct the following'}</h2>
      <ul>
        {entries.map(([field, message]) =>
          field === '_' || !props.labels[field] ? (
            <li key={field}>{message}</li>
          ) : (
            <li key={field}>
              <a href={`#${fieldId(field)}`}>
                {props.labels[field]}: {message}
              </a>
            </li>
          ),
        )}
      </ul>
    </div>
  )
}

export interface Why {
  text: string
  href: string
}

/**
 * "Why we ask" for a column, from its data-inventory entry: what it is and what it is used for,
 * linked to the matching section of the generated notice. Undefined for non-personal columns.
 */
export function whyWeAsk(table: string, key: string): Why | undefined {
  const entry = dataInventory.find((t) => t.table === table)?.columns.find((c) => c.key === key)?.entry
  if (!entry?.personal) return undefined
  const uses = entry.purposes.map((p) => privacy.purposes[p].title.toLowerCase())
  return {
    text: `${entry.description}. Used for ${uses.join('; ')}.`,
    href: `/privacy/data-we-hold#${entry.category}`,
  }
}

function WhyLine(props: { id: string; why: Why }) {
  return (
    <p class="field-why" id={props.id}>
      <span class="field-why-label">Why we ask:</span> {props.why.text}{' '}
      <a href={props.why.href}>What we hold and why</a>
    </p>
  )
}

function FieldMessages(props: {
  id: string
  hint?: ComponentChildren | undefined
  error?: string | undefined
}) {
  return (
    <>
      {props.hint ? (
        <p class="field-hint" id={`${props.id}-hint`}>
          {props.hint}
        </p>
      ) : null}
      {props.error ? (
        <p class="field-error" id={`${props.id}-error`}>
          <Icon name="alert" />
          <span class="visually-hidden">Error: </span>
          {props.error}
        </p>
      ) : null}
    </>
  )
}

function describedBy(
  id: string,
  parts: { hint?: unknown; error?: unknown; why?: unknown },
): string | undefined {
  const ids = [parts.hint && `${id}-hint`, parts.error && `${id}-error`, parts.why && `${id}-why`].filter(
    Boolean,
  )
  return ids.length ? ids.join(' ') : undefined
}

export interface InputProps {
  name: string
  label: string
  id?: string
  type?: 'text' | 'email' | 'tel' | 'password' | 'date' | 'number' | 'url'
  value?: string | undefined
  hint?: ComponentChildren
  error?: string | undefined
  why?: Why | undefined
  required?: boolean
  autocomplete?: string
  inputmode?: 'numeric' | 'tel' | 'email' | 'text'
  maxlength?: number
  minlength?: number
  min?: string
  max?: string
  multiline?: boolean
  autofocus?: boolean
  spellcheck?: boolean
  class?: string
  /**
   * A password input shows `value` only with this set: when a form is re-rendered in the answer to
   * its own POST, so that correcting another field does not mean typing the password again.
   */
  keepPassword?: boolean
}

/** A labelled text input (or textarea) that keeps its value and ties hint, error and "why" to it. */
export function InputField(props: InputProps) {
  const id = props.id ?? fieldId(props.name)
  const common = {
    id,
    name: props.name,
    class: 'input',
    required: props.required,
    maxlength: props.maxlength,
    autocomplete: props.autocomplete,
    autofocus: props.autofocus,
    spellcheck: props.spellcheck,
    'aria-describedby': describedBy(id, props),
    'aria-invalid': props.error ? ('true' as const) : undefined,
  }
  return (
    <div class={classes('field', props.error && 'field-invalid', props.class)}>
      <label class="field-label" for={id}>
        {props.label}
        {props.required ? null : <span class="field-optional"> (optional)</span>}
      </label>
      <FieldMessages id={id} hint={props.hint} error={props.error} />
      {props.multiline ? (
        <textarea {...common} rows={5}>
          {props.value ?? ''}
        </textarea>
      ) : (
        <input
          {...common}
          // Preact's input types are a union per type; this component checks its own prop instead.
          type={(props.type ?? 'text') as 'text'}
          value={props.type === 'password' && !props.keepPassword ? '' : (props.value ?? '')}
          inputmode={props.inputmode}
          minlength={props.minlength}
          min={props.min}
          max={props.max}
        />
      )}
      {props.why ? <WhyLine id={`${id}-why`} why={props.why} /> : null}
    </div>
  )
}

export function SelectField(props: {
  name: string
  label: string
  options: { value: string; label: string }[]
  value?: string | undefined
  id?: string
  hint?: ComponentChildren
  error?: string | undefined
  why?: Why | undefined
  required?: boolean
  autocomplete?: string
}) {
  const id = props.id ?? fieldId(props.name)
  return (
    <div class={classes('field', props.error && 'field-invalid')}>
      <label class="field-label" for={id}>
        {props.label}
        {props.required ? null : <span class="field-optional"> (optional)</span>}
      </label>
      <FieldMessages id={id} hint={props.hint} error={props.error} />
      <select
        id={id}
        name={props.name}
        class="input"
        required={props.required}
        autocomplete={props.autocomplete}
        aria-describedby={describedBy(id, props)}
        aria-invalid={props.error ? 'true' : undefined}
      >
        {props.options.map((o) => (
          <option key={o.value} value={o.value} selected={o.value === (props.value ?? '')}>
            {o.label}
          </option>
        ))}
      </select>
      {props.why ? <WhyLine id={`${id}-why`} why={props.why} /> : null}
    </div>
  )
}

/** One checkbox with its label to the right, an optional longer description and an error. */
export function CheckboxField(props: {
  name: string
  label: ComponentChildren
  id?: string
  value?: string
  checked?: boolean
  description?: ComponentChildren
  error?: string | undefined
  why?: Why | undefined
  required?: boolean
}) {
  const id = props.id ?? fieldId(props.name)
  const hint = props.description
  return (
    <div class={classes('field', 'checkbox-field', props.error && 'field-invalid')}>
      {props.error ? (
        <p class="field-error" id={`${id}-error`}>
          <Icon name="alert" />
          <span class="visually-hidden">Error: </span>
          {props.error}
        </p>
      ) : null}
      <div class="check">
        <input
          type="checkbox"
          id={id}
          name={props.name}
          value={props.value ?? 'yes'}
          checked={props.checked}
          required={props.required}
          aria-describedby={describedBy(id, { hint, error: props.error, why: props.why })}
          aria-invalid={props.error ? 'true' : undefined}
        />
        <label for={id}>{props.label}</label>
      </div>
      {hint ? (
        <p class="check-description" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {props.why ? <WhyLine id={`${id}-why`} why={props.why} /> : null}
    </div>
  )
}

// Fixed abbreviations and an explicit zone, so the time reads the same on every server.
const istTime = new Intl.DateTimeFormat('en-IN', {
  timeZone: 'Asia/Kolkata',
  hour: 'numeric',
  minute: '2-digit',
  hour12: true,
})

/** "25 Nov 2026, 3:45 pm" in Indian Standard Time. */
export function formatDateTime(date: Date): string {
  return `${formatDate(date)}, ${istTime.format(date).replace(/\s?(am|pm)$/i, (m) => ` ${m.trim().toLowerCase()}`)}`
}

export function DateTime(props: { date: Date }) {
  return <time datetime={props.date.toISOString()}>{formatDateTime(props.date)}</time>
}

/** "you" for the person's own change, otherwise who acted for Mandi. */
export function changedByLabel(changedBy: string | null, userId: string): string {
  if (changedBy === userId) return 'you'
  return changedBy ? 'Mandi staff' : 'Mandi'
}

/** The label of the second-factor box in every step-up form (security, email change, API keys). */
export const stepUpCodeLabel = 'Code from your authenticator app'

/** The second-factor box of a step-up form: a current app code or a recovery code. */
export function StepUpCodeField(props: { id?: string; error: string | undefined }) {
  return (
    <InputField
      {...(props.id ? { id: props.id } : {})}
      name="code"
      label={stepUpCodeLabel}
      hint="The 6-digit code your app shows now, or one of your recovery codes."
      error={props.error}
      required
      autocomplete="one-time-code"
      inputmode="numeric"
      maxlength={11}
      spellcheck={false}
      class="field-short"
    />
  )
}
