import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { csvCell, toCsv } from './csv.ts'

describe('csv', () => {
  it('defuses cells a spreadsheet would run as formulas', () => {
    for (const formula of ['=HYPERLINK("x")', '+91 98450', '-2+3', '@SUM(A1)', '\tx', '\rx']) {
      assert.ok(csvCell(formula).replace(/^"/, '').startsWith("'"), formula)
    }
    assert.equal(csvCell('Pune'), 'Pune')
  })

  it('quotes commas, quotes and line breaks, and ends every line with CRLF', () => {
    assert.equal(
      toCsv(
        ['name', 'note'],
        [
          ['Asha, Pune', 'said "hi"\nthen left'],
          [null, 5],
        ],
      ),
      'name,note\r\n"Asha, Pune","said ""hi""\nthen left"\r\n,5\r\n',
    )
  })
})
