import { Icon } from './icons.tsx'

/** A product search box. GET /search?q=…, so it works without JavaScript and results have a URL. */
export function SearchForm(props: {
  id: string
  /** Names the search landmark when a page has more than one. */
  landmark: string
  label: string
  /** The header box hides its label visually; the placeholder and button say what it does. */
  hideLabel?: boolean
  value?: string
  placeholder: string
  class: string
}) {
  return (
    <search class={props.class} aria-label={props.landmark}>
      <form action="/search" method="get">
        <label for={props.id} class={props.hideLabel ? 'visually-hidden' : 'search-label'}>
          {props.label}
        </label>
        <div class="search-row">
          <input
            id={props.id}
            name="q"
            type="search"
            class="input search-input"
            value={props.value ?? ''}
            placeholder={props.placeholder}
            maxlength={200}
            autocomplete="off"
            enterkeyhint="search"
          />
          <button type="submit" class="btn btn-primary search-button">
            <Icon name="search" />
            <span class="search-button-text">Search</span>
          </button>
        </div>
      </form>
    </search>
  )
}
