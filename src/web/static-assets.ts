import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const publicDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../public')

// Content hashes are computed once at start, so a deploy changes every URL whose file changed.
const hashes = new Map<string, string>(
  readdirSync(publicDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const full = path.join(entry.parentPath, entry.name)
      const relative = path.relative(publicDir, full).split(path.sep).join('/')
      return [relative, createHash('sha256').update(readFileSync(full)).digest('hex').slice(0, 10)]
    }),
)

/** The cache-busting URL of a file in public/, e.g. asset('app.css') → '/static/app.css?v=1a2b3c4d5e'. */
export function asset(file: string): string {
  const hash = hashes.get(file)
  if (!hash) throw new Error(`Unknown static asset: ${file}`)
  return `/static/${file}?v=${hash}`
}

export const assetUrls = Object.fromEntries([...hashes.keys()].map((file) => [file, asset(file)]))
