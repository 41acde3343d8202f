import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { renderToString } from 'preact-render-to-string'
import { Pagination, pageWindow } from './pagination.tsx'
import { Field, Price } from './ui.tsx'

describe('Price', () => {
  it('shows Indian grouping and the unit', () => {
    const html = renderToString(<Price paise={12_500_000} unit="piece" />)
    assert.match(html, /₹1,25,000/)
    assert.match(html, /\/ piece/)
  })

  it('says "Price on request" without a price', () => {
    assert.match(renderToString(<Price paise={null} unit="piece" />), /Price on request/)
  })
})

describe('Field', () => {
  it('keeps what was typed and ties the error to the input', () => {
    const html = renderToString(
      <Field
        id="gstin"
        name="gstin"
        label="GSTIN"
        value="27AAB"
        error="A GSTIN has 15 characters"
        hint="On your GST certificate"
      />,
    )
    assert.match(html, /value="27AAB"/)
    assert.match(html, /aria-invalid="true"/)
    assert.match(html, /aria-describedby="gstin-hint gstin-error"/)
    assert.match(html, /id="gstin-error"[^>]*>.*A GSTIN has 15 characters/)
  })

  it('links "why we ask" to the privacy notice', () => {
    const html = renderToString(
      <Field id="phone" name="phone" label="Mobile" whyWeAsk="Sellers call you back." />,
    )
    assert.match(html, /Why we ask: Sellers call you back\./)
    assert.match(html, /href="\/privacy"/)
    assert.match(html, /\(optional\)/)
    assert.doesNotMatch(html, /aria-invalid/)
  })
})

describe('Pagination', () => {
  it('shows the first, the last and the pages around the current one', () => {
    assert.deepEqual(pageWindow(5, 20), [1, null, 4, 5, 6, null, 20])
    assert.deepEqual(pageWindow(1, 3), [1, 2, 3])
    assert.deepEqual(pageWindow(2, 4), [1, 2, 3, 4])
  })

  it('renders plain links with aria-current on the current page', () => {
    const html = renderToString(
      <Pagination page={2} pageCount={3} href={(n) => `/search?q=valve&page=${n}`} />,
    )
    assert.match(html, /<a class="page-number" href="\/search\?q=valve&amp;page=2" aria-current="page"/)
    assert.match(html, /rel="prev"/)
    assert.match(html, /rel="next"/)
  })

  it('renders nothing for a single page', () => {
    assert.equal(renderToString(<Pagination page={1} pageCount={1} href={String} />), '')
  })
})
