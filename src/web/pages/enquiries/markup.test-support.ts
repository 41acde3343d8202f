import assert from 'node:assert/strict'

// Cheap markup checks for page tests, in the spirit of axe (the browser test runs axe itself):
// one h1, and every visible form control has a label tied to it by id.

export function assertLabelledForms(html: string) {
  const h1s = html.match(/<h1[\s>]/g) ?? []
  assert.equal(h1s.length, 1, 'a page has exactly one h1')
  const labelled = new Set([...html.matchAll(/<label[^>]*\sfor="([^"]+)"/g)].map((m) => m[1]))
  for (const [tag] of html.matchAll(/<(input|select|textarea)\b[^>]*>/g)) {
    if (/type="(hidden|submit|button)"/.test(tag)) continue
    const id = /\sid="([^"]+)"/.exec(tag)?.[1]
    const aria = /\saria-label="[^"]+"/.test(tag)
    assert.ok(aria || (id && labelled.has(id)), `form control without a label: ${tag}`)
  }
}
