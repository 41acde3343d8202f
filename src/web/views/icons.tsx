// Small line icons drawn on a 24×24 grid, inline so they follow the text colour (currentColor).
// Decorative: hidden from assistive technology; the text next to them carries the meaning.

const paths = {
  search: ['M10.5 4a6.5 6.5 0 1 0 0 13a6.5 6.5 0 1 0 0-13z', 'M15.5 15.5L20 20'],
  check: ['M5 12.5l4.5 4.5L19 7.5'],
  alert: ['M12 3.5L21.5 20h-19z', 'M12 10v4.5', 'M12 17.2v.3'],
  info: ['M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18z', 'M12 11v6', 'M12 7.6v.3'],
  'shield-check': [
    'M12 3l7.5 3v5.5c0 4.6-3.1 8.2-7.5 9.5c-4.4-1.3-7.5-4.9-7.5-9.5V6z',
    'M8.5 12l2.5 2.5L15.5 10',
  ],
  box: ['M3.5 7.5L12 3l8.5 4.5v9L12 21l-8.5-4.5z', 'M3.5 7.5L12 12l8.5-4.5', 'M12 12v9'],
  pin: [
    'M12 21s-6.5-6-6.5-11a6.5 6.5 0 0 1 13 0c0 5-6.5 11-6.5 11z',
    'M12 7.5a2.5 2.5 0 1 0 0 5a2.5 2.5 0 1 0 0-5z',
  ],
  calendar: ['M4 6h16v14H4z', 'M4 10h16', 'M8.5 3.5v4', 'M15.5 3.5v4'],
  factory: ['M3 20V10l5 3V10l5 3V5h3l1 8h4v7z', 'M7 17h2', 'M12 17h2', 'M17 17h1'],
  'arrow-right': ['M5 12h14', 'M13 6l6 6l-6 6'],
  'chevron-left': ['M15 5l-7 7l7 7'],
  'chevron-right': ['M9 5l7 7l-7 7'],
  filter: ['M4 5h16l-6 7.5V19l-4-2v-4.5z'],
  lock: ['M6 11h12v9H6z', 'M8.5 11V8a3.5 3.5 0 0 1 7 0v3'],
  mail: ['M3.5 6h17v12h-17z', 'M3.5 6.5L12 13l8.5-6.5'],
  eye: [
    'M2.5 12S6 5.5 12 5.5S21.5 12 21.5 12S18 18.5 12 18.5S2.5 12 2.5 12z',
    'M12 9.5a2.5 2.5 0 1 0 0 5a2.5 2.5 0 1 0 0-5z',
  ],
  ledger: ['M5 3.5h11l3 3v14H5z', 'M8.5 9h7', 'M8.5 12.5h7', 'M8.5 16h4'],
  undo: ['M9 7L4.5 11.5L9 16', 'M5 11.5h9.5a5 5 0 0 1 0 10H12'],
  grid: ['M4 4h7v7H4z', 'M13 4h7v7h-7z', 'M4 13h7v7H4z', 'M13 13h7v7h-7z'],
} as const

export type IconName = keyof typeof paths

export function Icon(props: { name: IconName; class?: string }) {
  return (
    <svg
      class={props.class ? `icon ${props.class}` : 'icon'}
      viewBox="0 0 24 24"
      width="20"
      height="20"
      fill="none"
      stroke="currentColor"
      stroke-width="2"
      stroke-linecap="round"
      stroke-linejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {paths[props.name].map((d) => (
        <path key={d} d={d} />
      ))}
    </svg>
  )
}

/** The Mandi mark: a stacked crate under a roof line, for a marketplace of goods. */
export function Logo(props: { class?: string }) {
  return (
    <svg
      class={props.class ?? 'logo-mark'}
      viewBox="0 0 32 32"
      width="32"
      height="32"
      aria-hidden="true"
      focusable="false"
    >
      <rect width="32" height="32" rx="7" fill="#ffffff" />
      <path
        d="M6 13L16 6l10 7"
        fill="none"
        stroke="#c2410c"
        stroke-width="3"
        stroke-linecap="round"
        stroke-linejoin="round"
      />
      <rect x="9" y="15" width="14" height="11" rx="1.5" fill="#0b3d7a" />
      <path d="M9 20.5h14M16 15v11" stroke="#ffffff" stroke-width="1.6" />
    </svg>
  )
}
