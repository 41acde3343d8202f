// Amounts in words as Indian invoices write them, with thousand, lakh and crore:
// 1,23,45,678.50 → "Rupees One Crore Twenty-Three Lakh Forty-Five Thousand Six Hundred
// Seventy-Eight and Fifty Paise Only". Figures with lakh and crore grouping: formatNumber and
// formatRupees in format.ts.

const ONES = [
  'Zero',
  'One',
  'Two',
  'Three',
  'Four',
  'Five',
  'Six',
  'Seven',
  'Eight',
  'Nine',
  'Ten',
  'Eleven',
  'Twelve',
  'Thirteen',
  'Fourteen',
  'Fifteen',
  'Sixteen',
  'Seventeen',
  'Eighteen',
  'Nineteen',
]
const TENS = ['', '', 'Twenty', 'Thirty', 'Forty', 'Fifty', 'Sixty', 'Seventy', 'Eighty', 'Ninety']

/** Integer paise → "Rupees … and … Paise Only". Throws RangeError on negative or fractional paise. */
export function amountInWords(paise: number): string {
  if (!Number.isSafeInteger(paise) || paise < 0)
    throw new RangeError(`Money must be whole paise of at least 0, got ${paise}`)
  const rupees = Math.floor(paise / 100)
  const rest = paise % 100
  if (rupees === 0 && rest > 0) return `${paiseInWords(rest)} Only`
  const rupeePart = `Rupees ${numberInWords(rupees)}`
  return rest === 0 ? `${rupeePart} Only` : `${rupeePart} and ${paiseInWords(rest)} Only`
}

/** A whole number in Indian-system words: 150000 → "One Lakh Fifty Thousand". */
export function numberInWords(value: number): string {
  if (!Number.isSafeInteger(value) || value < 0)
    throw new RangeError(`Expected a whole number of at least 0, got ${value}`)
  if (value === 0) return ONES[0]!
  const words: string[] = []
  // Above 99 crore the crore count is itself read in lakh and thousand: "One Lakh Crore".
  const crore = Math.floor(value / 10_000_000)
  if (crore > 0) words.push(numberInWords(crore), 'Crore')
  const lakh = Math.floor((value % 10_000_000) / 100_000)
  if (lakh > 0) words.push(belowHundred(lakh), 'Lakh')
  const thousand = Math.floor((value % 100_000) / 1_000)
  if (thousand > 0) words.push(belowHundred(thousand), 'Thousand')
  const hundred = Math.floor((value % 1_000) / 100)
  if (hundred > 0) words.push(ONES[hundred]!, 'Hundred')
  const last = value % 100
  if (last > 0) words.push(belowHundred(last))
  return words.join(' ')
}

function paiseInWords(paise: number): string {
  return `${belowHundred(paise)} ${paise === 1 ? 'Paisa' : 'Paise'}`
}

function belowHundred(n: number): string {
  if (n < 20) return ONES[n]!
  const unit = n % 10
  return unit === 0 ? TENS[Math.floor(n / 10)]! : `${TENS[Math.floor(n / 10)]}-${ONES[unit]}`
}
