// A small RFC 4180 CSV reader: comma-separated, fields optionally in double quotes, "" for a quote
// inside one, quoted fields may span lines; CRLF or LF line ends; a UTF-8 byte order mark is ignored.
// No CSV package is installed and this is all the import needs.

export class CsvSyntaxError extends Error {
  readonly row: number

  constructor(row: number, message: string) {
    super(message)
    this.row = row
  }
}

/** Records of fields. Throws CsvSyntaxError naming the record (1-based) where a quote was left open or misplaced. */
export function parseCsv(text: string): string[][] {
  const input = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  const records: string[][] = []
  let record: string[] = []
  let field = ''
  let quoted = false
  let fieldStarted = false
  let i = 0
  while (i < input.length) {
    const c = input[i]!
    if (quoted) {
      if (c === '"') {
        if (input[i + 1] === '"') {
          field += '"'
          i += 2
          continue
        }
        quoted = false
        i++
        const next = input[i]
        if (next !== undefined && next !== ',' && next !== '\n' && next !== '\r') {
          throw new CsvSyntaxError(
            records.length + 1,
            'a closing quote is followed by more text in the same cell',
          )
        }
        continue
      }
      field += c
      i++
      continue
    }
    if (c === '"' && !fieldStarted) {
      quoted = true
      fieldStarted = true
      i++
      continue
    }
    if (c === ',') {
      record.push(field)
      field = ''
      fieldStarted = false
      i++
      continue
    }
    if (c === '\n' || c === '\r') {
      record.push(field)
      records.push(record)
      record = []
      field = ''
      fieldStarted = false
      i += c === '\r' && input[i + 1] === '\n' ? 2 : 1
      continue
    }
    if (c === '"')
      throw new CsvSyntaxError(
        records.length + 1,
        'a quote appears in the middle of a cell that does not start with one',
      )
    field += c
    fieldStarted = true
    i++
  }
  if (quoted) throw new CsvSyntaxError(records.length + 1, 'a quoted cell is never closed')
  if (fieldStarted || record.length > 0) {
    record.push(field)
    records.push(record)
  }
  return records
}

/** One CSV line from cells, quoting those that need it. */
export function toCsvLine(cells: string[]): string {
  return cells.map((c) => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')
}
