// The page forms, read from the HTML the server sends: where each form posts and the fields it
// carries (with their default values and choices), so the fuzz test fills in the fields the
// handlers actually read.

export interface ScrapedForm {
  /** Path the form posts to (query string dropped). */
  action: string
  method: string
  multipart: boolean
  /** Field name → values seen (value attributes, options). */
  fields: Map<string, Set<string>>
  /** Names of the file inputs. */
  files: Set<string>
}

export function scrapeForms(html: string, pageUrl: string): ScrapedForm[] {
  const forms: ScrapedForm[] = []
  for (const match of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/gi)) {
    const attrs = attributes(match[1]!)
    const action = new URL(attrs.get('action') || pageUrl, 'http://fuzz.local').pathname
    const fields = new Map<string, Set<string>>()
    const files = new Set<string>()
    const add = (name: string | undefined, value: string | undefined) => {
      if (!name || name === '_csrf') return
      const values = fields.get(name) ?? new Set<string>()
      if (value !== undefined) values.add(value)
      fields.set(name, values)
    }
    const inner = match[2]!
    for (const select of inner.matchAll(/<select\b([^>]*)>([\s\S]*?)<\/select>/gi)) {
      const name = attributes(select[1]!).get('name')
      add(name, undefined)
      for (const option of select[2]!.matchAll(/<option\b([^>]*)>/gi))
        add(name, attributes(option[1]!).get('value'))
    }
    for (const field of inner.matchAll(/<(input|textarea|button)\b([^>]*)>/gi)) {
      const a = attributes(field[2]!)
      if (a.get('type') === 'file') files.add(a.get('name') ?? '')
      else add(a.get('name'), a.get('value'))
    }
    forms.push({
      action,
      method: (attrs.get('method') ?? 'get').toUpperCase(),
      multipart: (attrs.get('enctype') ?? '').includes('multipart'),
      fields,
      files,
    })
  }
  return forms
}

function attributes(source: string): Map<string, string> {
  const out = new Map<string, string>()
  for (const m of source.matchAll(/([a-zA-Z_:-]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) {
    out.set(m[1]!.toLowerCase(), decodeEntities(m[2] ?? m[3] ?? m[4] ?? ''))
  }
  return out
}

function decodeEntities(text: string): string {
  return text
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
}
