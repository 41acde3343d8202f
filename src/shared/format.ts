// Numbers, money and dates as Indian buyers read them: ₹1,25,000 and 25 Nov 2026.

const wholeRupees = new Intl.NumberFormat('en-IN', {
  style: 'currency',
  currency: 'INR',
  maximumFractionDigits: 0,
})
const rupeesAndPaise = new Intl.NumberFormat('en-IN', {
  style: 'currency',
  currency: 'INR',
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
})
const grouped = new Intl.NumberFormat('en-IN')

/** Integer paise → "₹1,25,000", or "₹7,850.50" when there are paise. */
export function formatRupees(paise: number): string {
  if (!Number.isInteger(paise)) throw new RangeError(`Money must be whole paise, got ${paise}`)
  return paise % 100 === 0 ? wholeRupees.format(paise / 100) : rupeesAndPaise.format(paise / 100)
}

/** 1234567 → "12,34,567" (lakh and crore grouping). */
export function formatNumber(value: number): string {
  return grouped.format(value)
}

// Fixed abbreviations: ICU spells September "Sept" in some English locales and "Sep" in others.
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const istParts = new Intl.DateTimeFormat('en-IN', {
  timeZone: 'Asia/Kolkata',
  day: 'numeric',
  month: 'numeric',
  year: 'numeric',
})

/** A date as "25 Nov 2026", in Indian Standard Time. */
export function formatDate(date: Date): string {
  const parts = Object.fromEntries(istParts.formatToParts(date).map((p) => [p.type, p.value]))
  return `${parts.day} ${MONTHS[Number(parts.month) - 1]} ${parts.year}`
}

/** Ends a sentence after a name: "Kaveri Pumps." but "Kaveri Pumps Pvt. Ltd." (never "Ltd.."). */
export function withFullStop(text: string): string {
  const trimmed = text.trimEnd()
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`
}

/** "2 pieces", "500 kg", "1 set": a count with its unit, pluralised only for spelled-out units. */
export function formatQuantity(count: number, unit: string): string {
  return `${formatNumber(count)} ${count === 1 ? unit : pluralUnit(unit)}`
}

// Spelled-out units take a plural; abbreviations (kg, pcs, nos, sq ft) read the same either way.
const PLURALS: Record<string, string> = Object.fromEntries(
  [
    'piece',
    'set',
    'pair',
    'unit',
    'roll',
    'metre',
    'meter',
    'litre',
    'liter',
    'drum',
    'bag',
    'packet',
    'pack',
    'carton',
    'coil',
    'tonne',
    'ton',
    'bottle',
    'can',
    'sheet',
    'bundle',
    'length',
    'kit',
    'reel',
    'tin',
    'pail',
    'barrel',
    'pallet',
    'case',
    'jar',
    'tube',
    'spool',
    'sack',
    'card',
    'strip',
  ]
    .map((u) => [u, `${u}s`])
    .concat([
      ['box', 'boxes'],
      ['batch', 'batches'],
      ['inch', 'inches'],
      ['foot', 'feet'],
    ]),
)

function pluralUnit(unit: string): string {
  // "box of 10" → "boxes of 10": the packing word takes the plural, its contents do not.
  const [, word = unit, rest = ''] = /^(\S+)( of .+)$/.exec(unit) ?? []
  const plural = PLURALS[word.toLowerCase()]
  return plural ? `${plural}${rest}` : unit
}
