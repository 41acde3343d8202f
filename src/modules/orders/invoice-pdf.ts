// Draws an InvoiceDocument as an A4 PDF with pdfkit. Only the standard PDF fonts (Helvetica),
// whose WinAnsi encoding has no rupee sign: amounts read "Rs." — no font file, no system font.

import PDFDocument from 'pdfkit'
import type { InvoiceAddress, InvoiceDocument, InvoiceLine } from './invoice-document.ts'

const MARGIN = 28
const PAGE = { width: 595.28, height: 841.89 } // A4 in points
const WIDTH = PAGE.width - 2 * MARGIN
const BOTTOM = PAGE.height - MARGIN
const PAD = 4
const CELL_PAD = 2.5
const REGULAR = 'Helvetica'
const BOLD = 'Helvetica-Bold'

type Column = { header: string; width: number; align: 'left' | 'right'; cell: (line: InvoiceLine) => string }

/** The invoice as PDF bytes. */
export function renderInvoicePdf(invoice: InvoiceDocument): Promise<Buffer> {
  const pdf = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    info: {
      Title: `Tax Invoice ${invoice.number}`,
      Author: invoice.seller.legalName,
      Subject: 'Tax Invoice',
    },
  })
  const done = new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = []
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk))
    pdf.on('end', () => resolve(Buffer.concat(chunks)))
    pdf.on('error', reject)
  })

  let y = drawTitle(pdf, invoice, MARGIN)
  y = drawTwoBoxes(pdf, y, sellerBlock(invoice), invoiceBlock(invoice))
  y = drawTwoBoxes(
    pdf,
    y,
    addressBlock('Billed to', invoice, 'billing'),
    addressBlock('Shipped to', invoice, 'shipping'),
  )
  y = drawLineTable(pdf, invoice, y + 8)
  y = drawTotals(pdf, invoice, y + 8)
  drawClosing(pdf, invoice, y + 8)

  pdf.end()
  return done
}

/** Figures with lakh/crore grouping and two decimals, from integer paise without float rounding. */
export function figures(paise: number): string {
  const sign = paise < 0 ? '-' : ''
  const abs = Math.abs(paise)
  const rupees = new Intl.NumberFormat('en-IN').format(Math.floor(abs / 100))
  return `${sign}${rupees}.${String(abs % 100).padStart(2, '0')}`
}

function drawTitle(pdf: PDFKit.PDFDocument, invoice: InvoiceDocument, y: number): number {
  pdf.font(BOLD).fontSize(16).text(invoice.title, MARGIN, y, { width: WIDTH, align: 'center' })
  pdf
    .font(REGULAR)
    .fontSize(8)
    .text(invoice.copy, MARGIN, y + 4, { width: WIDTH, align: 'right' })
  return y + 28
}

type Block = { heading: string; lines: string[]; bold?: string }

function sellerBlock(invoice: InvoiceDocument): Block {
  const { seller } = invoice
  return {
    heading: 'Seller',
    bold: seller.legalName,
    lines: [
      ...addressLines(seller.address),
      `GSTIN: ${seller.gstin}`,
      `State: ${seller.state}, Code: ${seller.stateCode}`,
    ],
  }
}

function invoiceBlock(invoice: InvoiceDocument): Block {
  const lines = [`Invoice No.: ${invoice.number}`, `Invoice Date: ${invoice.dateText}`]
  if (invoice.orderReference) lines.push(`Order: ${invoice.orderReference}`)
  if (invoice.poNumber) lines.push(`Buyer's PO No.: ${invoice.poNumber}`)
  lines.push(
    `Place of Supply: ${invoice.placeOfSupply.state} (${invoice.placeOfSupply.stateCode})`,
    `Supply: ${invoice.supply === 'intra_state' ? 'Intra-state' : 'Inter-state'}`,
    `Reverse Charge: ${invoice.reverseCharge}`,
  )
  return { heading: 'Invoice details', lines }
}

function addressBlock(heading: string, invoice: InvoiceDocument, which: 'billing' | 'shipping'): Block {
  const { buyer } = invoice
  const address = which === 'billing' ? buyer.billingAddress : buyer.shippingAddress
  const name = which === 'billing' ? buyer.name : (address.name ?? buyer.name)
  const lines = addressLines(address)
  if (which === 'billing') lines.push(`GSTIN: ${buyer.gstin ?? 'Unregistered'}`)
  lines.push(`State: ${address.state}, Code: ${address.stateCode}`)
  return { heading, bold: name, lines }
}

function addressLines(address: InvoiceAddress): string[] {
  return [address.line1, address.line2, `${address.city} ${address.pin}`].filter((l): l is string =>
    Boolean(l?.trim()),
  )
}

function drawTwoBoxes(pdf: PDFKit.PDFDocument, y: number, left: Block, right: Block): number {
  const half = WIDTH / 2
  const height = Math.max(blockHeight(pdf, left, half), blockHeight(pdf, right, half))
  for (const [block, x] of [
    [left, MARGIN],
    [right, MARGIN + half],
  ] as const) {
    pdf.lineWidth(0.5).rect(x, y, half, height).stroke()
    let ty = y + PAD
    pdf
      .font(BOLD)
      .fontSize(7)
      .fillColor('#555555')
      .text(block.heading.toUpperCase(), x + PAD, ty, { width: half - 2 * PAD })
    ty += 10
    pdf.fillColor('black')
    if (block.bold) {
      pdf
        .font(BOLD)
        .fontSize(9)
        .text(block.bold, x + PAD, ty, { width: half - 2 * PAD })
      ty += pdf.heightOfString(block.bold, { width: half - 2 * PAD }) + 1
    }
    pdf.font(REGULAR).fontSize(8.5)
    for (const line of block.lines) {
      pdf.text(line, x + PAD, ty, { width: half - 2 * PAD })
      ty += pdf.heightOfString(line, { width: half - 2 * PAD }) + 1
    }
  }
  return y + height
}

function blockHeight(pdf: PDFKit.PDFDocument, block: Block, width: number): number {
  let height = PAD + 10
  if (block.bold)
    height +=
      pdf
        .font(BOLD)
        .fontSize(9)
        .heightOfString(block.bold, { width: width - 2 * PAD }) + 1
  pdf.font(REGULAR).fontSize(8.5)
  for (const line of block.lines) height += pdf.heightOfString(line, { width: width - 2 * PAD }) + 1
  return height + PAD
}

function columnsFor(invoice: InvoiceDocument): Column[] {
  const rate = (head: { ratePercent: number } | null) => (head ? `${head.ratePercent}%` : '')
  const amount = (head: { amountPaise: number } | null) => (head ? figures(head.amountPaise) : '')
  const taxColumns: Column[] =
    invoice.supply === 'intra_state'
      ? [
          { header: 'CGST\nRate', width: 28, align: 'right', cell: (l) => rate(l.cgst) },
          { header: 'CGST\nAmount', width: 48, align: 'right', cell: (l) => amount(l.cgst) },
          { header: `${invoice.stateTaxLabel}\nRate`, width: 32, align: 'right', cell: (l) => rate(l.sgst) },
          {
            header: `${invoice.stateTaxLabel}\nAmount`,
            width: 48,
            align: 'right',
            cell: (l) => amount(l.sgst),
          },
        ]
      : [
          { header: 'IGST\nRate', width: 28, align: 'right', cell: (l) => rate(l.igst) },
          { header: 'IGST\nAmount', width: 56, align: 'right', cell: (l) => amount(l.igst) },
        ]
  const fixed: Column[] = [
    { header: '#', width: 16, align: 'right', cell: (l) => String(l.serial) },
    { header: 'Description', width: 0, align: 'left', cell: (l) => l.description },
    { header: 'HSN', width: 38, align: 'left', cell: (l) => l.hsn },
    {
      header: 'Qty',
      width: 44,
      align: 'left',
      cell: (l) => `${new Intl.NumberFormat('en-IN').format(l.quantity)} ${l.unit}`,
    },
    { header: 'Rate\n(Rs.)', width: 50, align: 'right', cell: (l) => figures(l.unitPricePaise) },
    {
      header: 'Discount\n(Rs.)',
      width: 42,
      align: 'right',
      cell: (l) => (l.discountPaise ? figures(l.discountPaise) : ''),
    },
    { header: 'Taxable\nValue (Rs.)', width: 56, align: 'right', cell: (l) => figures(l.taxablePaise) },
  ]
  const total: Column = {
    header: 'Total\n(Rs.)',
    width: 56,
    align: 'right',
    cell: (l) => figures(l.totalPaise),
  }
  const hasDiscount = invoice.lines.some((l) => l.discountPaise > 0)
  const columns = [
    ...fixed.filter((c) => hasDiscount || c.header !== 'Discount\n(Rs.)'),
    ...taxColumns,
    total,
  ]
  const used = columns.reduce((sum, c) => sum + c.width, 0)
  const description = columns.find((c) => c.header === 'Description')!
  description.width = WIDTH - used
  return columns
}

function drawLineTable(pdf: PDFKit.PDFDocument, invoice: InvoiceDocument, top: number): number {
  const columns = columnsFor(invoice)
  let y = drawRow(
    pdf,
    columns,
    columns.map((c) => c.header),
    top,
    BOLD,
    '#eeeeee',
  )
  for (const line of invoice.lines) {
    const cells = columns.map((c) => c.cell(line))
    if (y + rowHeight(pdf, columns, cells, REGULAR) > BOTTOM - 40) {
      pdf.addPage()
      y = drawRow(
        pdf,
        columns,
        columns.map((c) => c.header),
        MARGIN,
        BOLD,
        '#eeeeee',
      )
    }
    y = drawRow(pdf, columns, cells, y, REGULAR)
  }
  return y
}

function rowHeight(pdf: PDFKit.PDFDocument, columns: Column[], cells: string[], font: string): number {
  pdf.font(font).fontSize(7)
  const heights = columns.map((c, i) => pdf.heightOfString(cells[i]!, { width: c.width - 2 * CELL_PAD }))
  return Math.max(...heights) + 2 * PAD
}

function drawRow(
  pdf: PDFKit.PDFDocument,
  columns: Column[],
  cells: string[],
  y: number,
  font: string,
  fill?: string,
): number {
  const height = rowHeight(pdf, columns, cells, font)
  if (fill) pdf.rect(MARGIN, y, WIDTH, height).fill(fill).fillColor('black')
  let x = MARGIN
  pdf.font(font).fontSize(7).lineWidth(0.5)
  columns.forEach((column, i) => {
    pdf.rect(x, y, column.width, height).stroke()
    pdf.text(cells[i]!, x + CELL_PAD, y + PAD, { width: column.width - 2 * CELL_PAD, align: column.align })
    x += column.width
  })
  return y + height
}

function drawTotals(pdf: PDFKit.PDFDocument, invoice: InvoiceDocument, top: number): number {
  const { totals } = invoice
  const rows: [string, number][] = [['Total Taxable Value', totals.taxablePaise]]
  if (invoice.supply === 'intra_state') {
    rows.push(['Total CGST', totals.cgstPaise], [`Total ${invoice.stateTaxLabel}`, totals.sgstPaise])
  } else {
    rows.push(['Total IGST', totals.igstPaise])
  }
  rows.push(['Total Tax', totals.taxPaise])
  const labelWidth = 130
  const valueWidth = 130
  const x = MARGIN + WIDTH - labelWidth - valueWidth
  let y = ensureRoom(pdf, top, 18 * (rows.length + 1) + 120)
  for (const [label, paise] of rows) {
    pdf.font(REGULAR).fontSize(8.5).text(label, x, y, { width: labelWidth })
    pdf.text(`Rs. ${figures(paise)}`, x + labelWidth, y, { width: valueWidth, align: 'right' })
    y += 13
  }
  pdf
    .lineWidth(0.5)
    .moveTo(x, y)
    .lineTo(MARGIN + WIDTH, y)
    .stroke()
  y += 4
  pdf.font(BOLD).fontSize(10).text('Invoice Total', x, y, { width: labelWidth })
  pdf.text(`Rs. ${figures(totals.totalPaise)}`, x + labelWidth, y, { width: valueWidth, align: 'right' })
  return y + 18
}

function drawClosing(pdf: PDFKit.PDFDocument, invoice: InvoiceDocument, top: number): void {
  let y = ensureRoom(pdf, top, 110)
  pdf.font(BOLD).fontSize(8.5).text('Amount in words: ', MARGIN, y, { continued: true })
  pdf.font(REGULAR).text(invoice.amountInWords, { width: WIDTH })
  y = pdf.y + 6
  pdf.text(`Whether tax is payable on reverse charge: ${invoice.reverseCharge}`, MARGIN, y, { width: WIDTH })
  y = pdf.y + 24
  const x = MARGIN + WIDTH - 200
  pdf.font(BOLD).fontSize(8.5).text(`For ${invoice.seller.legalName}`, x, y, { width: 200, align: 'right' })
  y = pdf.y + 36
  pdf
    .lineWidth(0.5)
    .moveTo(x + 40, y)
    .lineTo(MARGIN + WIDTH, y)
    .stroke()
  pdf
    .font(REGULAR)
    .fontSize(8.5)
    .text('Authorised signatory', x, y + 4, { width: 200, align: 'right' })
}

function ensureRoom(pdf: PDFKit.PDFDocument, y: number, needed: number): number {
  if (y + needed <= BOTTOM) return y
  pdf.addPage()
  return MARGIN
}
