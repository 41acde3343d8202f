// RFC 4180 CSV for files people open in a spreadsheet (lead exports, the data export).

/**
 * One cell: a cell that a spreadsheet would run as a formula (starting with = + - @, a tab or a
 * carriage return) is prefixed with a quote, and quotes, commas and line breaks are quoted.
 */
export function csvCell(value: unknown): string {
  let text = value === null || value === undefined ? '' : String(value)
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

/** A header line and one line per row, CRLF-terminated. */
export function toCsv(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  const lines = [header.map(csvCell).join(','), ...rows.map((row) => row.map(csvCell).join(','))]
  return `${lines.join('\r\n')}\r\n`
}
