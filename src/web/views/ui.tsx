import type { ComponentChildren } from 'preact'
import { formatRupees } from '../../shared/format.ts'
import { Icon } from './icons.tsx'

// The component kit every page is built from. Styles live in public/app.css under the same names.

type ButtonVariant = 'primary' | 'secondary'

export function Button(props: {
  variant?: ButtonVariant
  type?: 'submit' | 'button' | 'reset'
  name?: string
  value?: string
  class?: string
  children: ComponentChildren
}) {
  return (
    <button
      type={props.type ?? 'submit'}
      name={props.name}
      value={props.value}
      class={classes('btn', `btn-${props.variant ?? 'primary'}`, props.class)}
    >
      {props.children}
    </button>
  )
}

/** A link that looks like a button: navigation, not a form submission. */
export function ButtonLink(props: {
  href: string
  variant?: ButtonVariant
  class?: string
  'aria-label'?: string
  children: ComponentChildren
}) {
  return (
    <a
      href={props.href}
      class={classes('btn', `btn-${props.variant ?? 'primary'}`, props.class)}
      aria-label={props['aria-label']}
    >
      {props.children}
    </a>
  )
}

export interface FieldProps {
  id: string
  name: string
  label: string
  type?: 'text' | 'email' | 'tel' | 'number' | 'search' | 'password' | 'url'
  /** What was typed: a form shown again after an error keeps it. */
  value?: string | undefined
  hint?: string
  error?: string | undefined
  required?: boolean
  autocomplete?: string
  inputmode?: string
  maxlength?: number
  multiline?: boolean
  /** One line on why this is collected, linked to the privacy notice. */
  whyWeAsk?: string
}

export function Field(props: FieldProps) {
  const hintId = props.hint ? `${props.id}-hint` : undefined
  const errorId = props.error ? `${props.id}-error` : undefined
  const whyId = props.whyWeAsk ? `${props.id}-why` : undefined
  const describedBy = [hintId, errorId, whyId].filter(Boolean).join(' ') || undefined
  const common = {
    id: props.id,
    name: props.name,
    required: props.required,
    maxlength: props.maxlength,
    autocomplete: props.autocomplete,
    'aria-describedby': describedBy,
    'aria-invalid': props.error ? ('true' as const) : undefined,
  }
  return (
    <div class={classes('field', props.error && 'field-invalid')}>
      <label class="field-label" for={props.id}>
        {props.label}
        {props.required ? null : <span class="field-optional"> (optional)</span>}
      </label>
      {props.hint ? (
        <p class="field-hint" id={hintId}>
          {props.hint}
        </p>
      ) : null}
      {props.error ? (
        <p class="field-error" id={errorId}>
          <Icon name="alert" />
          <span class="visually-hidden">Error: </span>
          {props.error}
        </p>
      ) : null}
      {props.multiline ? (
        <textarea {...common} class="input" rows={5}>
          {props.value ?? ''}
        </textarea>
      ) : (
        <input
          {...common}
          class="input"
          type={(props.type ?? 'text') as 'text'}
          value={props.value ?? ''}
          inputmode={props.inputmode}
        />
      )}
      {props.whyWeAsk ? (
        <p class="field-why" id={whyId}>
          Why we ask: {props.whyWeAsk} <a href="/privacy">How we use your data</a>
        </p>
      ) : null}
    </div>
  )
}

export function SelectField(props: {
  id: string
  name: string
  label: string
  options: { value: string; label: string }[]
  value?: string | undefined
  hint?: string
}) {
  const hintId = props.hint ? `${props.id}-hint` : undefined
  return (
    <div class="field">
      <label class="field-label" for={props.id}>
        {props.label}
      </label>
      {props.hint ? (
        <p class="field-hint" id={hintId}>
          {props.hint}
        </p>
      ) : null}
      <select id={props.id} name={props.name} class="input" aria-describedby={hintId}>
        {props.options.map((o) => (
          <option key={o.value} value={o.value} selected={o.value === (props.value ?? '')}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  )
}

export function Table(props: {
  caption?: string
  head: string[]
  rows: ComponentChildren[][]
  /** Columns (0-based) holding numbers, aligned right. */
  numeric?: number[]
}) {
  // A wide table scrolls sideways on a phone; keyboard users must be able to focus it to scroll it.
  return (
    <section class="table-scroll" aria-label={props.caption ?? 'Table'} tabindex={0}>
      <table class="table">
        {props.caption ? <caption>{props.caption}</caption> : null}
        <thead>
          <tr>
            {props.head.map((h, i) => (
              <th key={h} scope="col" class={props.numeric?.includes(i) ? 'num' : undefined}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row, r) => (
            <tr key={r}>
              {row.map((cell, i) => (
                <td key={i} class={props.numeric?.includes(i) ? 'num' : undefined}>
                  {cell}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}

/** Name–value rows, such as a product's specifications. */
export function KeyValueTable(props: {
  caption?: string
  rows: { name: string; value: ComponentChildren }[]
}) {
  return (
    <table class="table table-kv">
      {props.caption ? <caption>{props.caption}</caption> : null}
      <tbody>
        {props.rows.map((row) => (
          <tr key={row.name}>
            <th scope="row">{row.name}</th>
            <td>{row.value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

export type FlashKind = 'success' | 'error' | 'info'

export function Flash(props: { kind: FlashKind; title?: string; children: ComponentChildren }) {
  const icon = props.kind === 'success' ? 'check' : props.kind === 'error' ? 'alert' : 'info'
  return (
    <div class={`flash flash-${props.kind}`} role={props.kind === 'error' ? 'alert' : 'status'}>
      <Icon name={icon} />
      <div>
        {props.title ? <p class="flash-title">{props.title}</p> : null}
        <div class="flash-body">{props.children}</div>
      </div>
    </div>
  )
}

export function Card(props: {
  title?: string
  headingLevel?: 2 | 3
  id?: string
  class?: string
  children: ComponentChildren
}) {
  const Heading = props.headingLevel === 3 ? 'h3' : 'h2'
  return (
    <section class={classes('card', props.class)} id={props.id}>
      {props.title ? <Heading class="card-title">{props.title}</Heading> : null}
      {props.children}
    </section>
  )
}

export function Badge(props: {
  tone?: 'verified' | 'neutral' | 'brand'
  title?: string
  children: ComponentChildren
}) {
  const tone = props.tone ?? 'neutral'
  return (
    <span class={`badge badge-${tone}`} title={props.title}>
      {tone === 'verified' ? <Icon name="shield-check" /> : null}
      {props.children}
    </span>
  )
}

export function GstVerifiedBadge(props: { checkedOn?: string }) {
  return (
    <Badge tone="verified" title={props.checkedOn ? `GSTIN verified on ${props.checkedOn}` : undefined}>
      GST verified
    </Badge>
  )
}

export interface Crumb {
  label: string
  href?: string
}

export function Breadcrumbs(props: { items: Crumb[] }) {
  return (
    <nav class="breadcrumbs" aria-label="Breadcrumb">
      <ol>
        {props.items.map((item, i) => (
          <li key={item.label}>
            {item.href && i < props.items.length - 1 ? (
              <a href={item.href}>{item.label}</a>
            ) : (
              <span aria-current="page">{item.label}</span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  )
}

export function EmptyState(props: {
  title: string
  headingLevel?: 1 | 2
  icon?: 'search' | 'box'
  children?: ComponentChildren
}) {
  const Heading = props.headingLevel === 1 ? 'h1' : 'h2'
  return (
    <div class="empty-state">
      <Icon name={props.icon ?? 'search'} class="empty-icon" />
      <Heading class="empty-title">{props.title}</Heading>
      {props.children}
    </div>
  )
}

/** ₹1,25,000 / piece, or "Price on request" when the seller quotes per enquiry. */
export function Price(props: { paise: number | null; unit?: string; size?: 'large' }) {
  if (props.paise === null) {
    return (
      <span class={classes('price', 'price-on-request', props.size && `price-${props.size}`)}>
        Price on request
      </span>
    )
  }
  return (
    <span class={classes('price', props.size && `price-${props.size}`)}>
      <span class="price-amount">{formatRupees(props.paise)}</span>
      {props.unit ? <span class="price-unit"> / {props.unit}</span> : null}
    </span>
  )
}

export function classes(...names: (string | false | null | undefined)[]): string {
  return names.filter(Boolean).join(' ')
}
