export { slugify } from '../shared/slug.ts'

/** "Three Phase Induction Motor" → "three phase induction motor", keeping acronyms like TEFC and N95. */
export function lowerKind(kind: string): string {
  return kind
    .split(' ')
    .map((word) => (/[A-Z]{2}|\d|^Ex$/.test(word) ? word : word.toLowerCase()))
    .join(' ')
}

/** Whether an item name is plural ("Safety Shoes"), for choosing "a"/"this" or nothing/"these". */
export function isPlural(kind: string): boolean {
  const last = kind.split(' ').at(-1) ?? ''
  return /[^s]s$/.test(last) && !/[A-Z]{2}/.test(last)
}

/** "a"/"an" before a lowercased noun phrase; good enough for the demo vocabulary. */
export function article(phrase: string): string {
  if (/^u[A-Z]/.test(phrase)) return 'a'
  return /^[aeiou]/i.test(phrase) ||
    /^(SS|MS|FR|FRLS|HDPE|LDPE|LT|XLPE|RCCB|RCBO|MCB|MCCB|FRL|N95)\b/.test(phrase)
    ? 'an'
    : 'a'
}

/** "a, b and c". */
export function joinList(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? ''
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`
}
