import assert from 'node:assert/strict'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, it } from 'node:test'
import { fileURLToPath } from 'node:url'

// The arrows of docs/architecture.md, checked on the source: a module is read by others only
// through its index.ts, and no two files of src/ import each other, directly or round a circle.
// Type-only imports count too: a cycle of types is the same tangle, only invisible at run time.

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

interface ImportRef {
  /** The specifier as written, e.g. '../accounts/accounts.tables.ts'. */
  specifier: string
  /** 1-based line of the import in the importing file. */
  line: number
}

/** One resolved import: both files relative to the repository root, with '/' separators. */
interface Edge {
  from: string
  to: string
  specifier: string
  line: number
}

/**
 * The static imports, re-exports and literal `import('…')` of a TypeScript source. Comments and
 * the text of template literals are blanked first, so an import written in a comment or inside a
 * SQL template is not taken for one.
 */
export function parseImports(source: string): ImportRef[] {
  const code = blankCommentsAndTemplates(source)
  const refs: ImportRef[] = []
  const lineAt = (index: number) => code.slice(0, index).split('\n').length
  const patterns = [
    // import x from '…', import { a, type B } from '…', export * from '…', export { a } from '…'
    /(?:^|[\n;])[ \t]*(?:import|export)\b[\w$\s{},*]*?\bfrom\s*(['"])([^'"\n]+)\1/g,
    // import '…' (for side effects)
    /(?:^|[\n;])[ \t]*import\s*(['"])([^'"\n]+)\1/g,
    // import('…') with a literal path
    /\bimport\s*\(\s*(['"])([^'"\n]+)\1\s*\)/g,
  ]
  for (const pattern of patterns) {
    for (const match of code.matchAll(pattern)) {
      const at = match.index + match[0].indexOf(match[1]!)
      refs.push({ specifier: match[2]!, line: lineAt(at) })
    }
  }
  return refs.sort((a, b) => a.line - b.line)
}

/** Replaces comments and template-literal text with spaces, keeping line breaks and plain strings. */
function blankCommentsAndTemplates(source: string): string {
  let out = ''
  let i = 0
  const blank = (text: string) => text.replace(/[^\n]/g, ' ')
  while (i < source.length) {
    const c = source[i]!
    const next = source[i + 1]
    if (c === '/' && next === '/') {
      const end = source.indexOf('\n', i)
      const stop = end === -1 ? source.length : end
      out += blank(source.slice(i, stop))
      i = stop
    } else if (c === '/' && next === '*') {
      const end = source.indexOf('*/', i + 2)
      const stop = end === -1 ? source.length : end + 2
      out += blank(source.slice(i, stop))
      i = stop
    } else if (c === "'" || c === '"') {
      let j = i + 1
      while (j < source.length && source[j] !== c && source[j] !== '\n') j += source[j] === '\\' ? 2 : 1
      out += source.slice(i, j + 1)
      i = j + 1
    } else if (c === '`') {
      let j = i + 1
      while (j < source.length && source[j] !== '`') j += source[j] === '\\' ? 2 : 1
      out += `\`${blank(source.slice(i + 1, j))}\``
      i = j + 1
    } else {
      out += c
      i++
    }
  }
  return out
}

/** The repository-relative file an import points at, or null for a package. */
export function resolveImport(
  fromFile: string,
  specifier: string,
  exists: (file: string) => boolean,
): string | null {
  let target: string
  if (specifier.startsWith('#src/')) target = path.posix.join('src', specifier.slice('#src/'.length))
  else if (specifier.startsWith('.')) target = path.posix.join(path.posix.dirname(fromFile), specifier)
  else return null
  if (exists(target)) return target
  for (const candidate of [
    target.replace(/\.js$/, '.ts'),
    target.replace(/\.js$/, '.tsx'),
    `${target}.ts`,
    `${target}.tsx`,
    `${target}/index.ts`,
  ]) {
    if (exists(candidate)) return candidate
  }
  return target
}

const moduleOf = (file: string) => /^src\/modules\/([^/]+)\//.exec(file)?.[1] ?? null

/**
 * Files allowed to reach into another module's tables, and why. Every other file reads a module
 * through its index.ts only.
 */
const tableImportExceptions: { file: RegExp; why: string }[] = [
  {
    file: /^src\/modules\/[^/]+\/[^/]+\.tables\.ts$/,
    why: 'a table file references the tables its foreign keys point at',
  },
  {
    file: /^src\/inventory\.ts$/,
    why: 'the data inventory gathers every table’s classification in one list',
  },
  {
    file: /^src\/modules\/catalog\/(catalog\.search|catalog\.queries|supplier-cities)\.ts$/,
    why: 'the public listings (search, category, city and storefront pages) filter and show products with their seller’s name, city and verification in one query over a million products; the seller columns belong to accounts’ businesses table, which products reference by foreign key',
  },
  {
    file: /^src\/demo\//,
    why: 'the demo seed writes a million products in bulk (COPY on PostgreSQL, multi-row inserts on PGlite), which no module function does row by row',
  },
]

/** Imports of another module's internals, as "file:line imports 'specifier'" with the rule broken. */
export function boundaryViolations(edges: readonly Edge[]): string[] {
  const problems: string[] = []
  for (const edge of edges) {
    const target = moduleOf(edge.to)
    if (!target || moduleOf(edge.from) === target) continue
    if (edge.to === `src/modules/${target}/index.ts`) continue
    if (edge.to.endsWith('.tables.ts') && tableImportExceptions.some((e) => e.file.test(edge.from))) continue
    // A table is classified next to its definition (docs/architecture.md, the privacy spine), so a
    // table file may use the inventory's classifyTable; privacy/index.ts would load the whole module.
    if (edge.to === 'src/modules/privacy/inventory.ts' && edge.from.endsWith('.tables.ts')) continue
    problems.push(
      `${edge.from}:${edge.line} imports '${edge.specifier}', an internal file of module '${target}'; import src/modules/${target}/index.ts instead`,
    )
  }
  return problems
}

/**
 * Every import cycle, each as a chain "a.ts:3 → b.ts:7 → a.ts" (the line of the import that
 * leads on). Each strongly connected group of files is reported once, by its shortest cycle from
 * its first file, followed by the other files caught in the same knot.
 */
export function importCycles(edges: readonly Edge[]): string[] {
  const graph = new Map<string, Edge[]>()
  for (const edge of edges) {
    if (!graph.has(edge.to)) graph.set(edge.to, [])
    const list = graph.get(edge.from) ?? []
    list.push(edge)
    graph.set(edge.from, list)
  }
  // Tarjan's strongly connected components, iteratively so a long chain cannot overflow the stack.
  const index = new Map<string, number>()
  const low = new Map<string, number>()
  const onStack = new Set<string>()
  const stack: string[] = []
  const components: string[][] = []
  let counter = 0
  for (const start of [...graph.keys()].sort()) {
    if (index.has(start)) continue
    const work: { node: string; next: number }[] = [{ node: start, next: 0 }]
    index.set(start, counter)
    low.set(start, counter++)
    stack.push(start)
    onStack.add(start)
    while (work.length > 0) {
      const frame = work[work.length - 1]!
      const out = graph.get(frame.node) ?? []
      if (frame.next < out.length) {
        const to = out[frame.next++]!.to
        if (!index.has(to)) {
          index.set(to, counter)
          low.set(to, counter++)
          stack.push(to)
          onStack.add(to)
          work.push({ node: to, next: 0 })
        } else if (onStack.has(to)) {
          low.set(frame.node, Math.min(low.get(frame.node)!, index.get(to)!))
        }
        continue
      }
      work.pop()
      const parent = work[work.length - 1]
      if (parent) low.set(parent.node, Math.min(low.get(parent.node)!, low.get(frame.node)!))
      if (low.get(frame.node) === index.get(frame.node)) {
        const component: string[] = []
        let member: string
        do {
          member = stack.pop()!
          onStack.delete(member)
          component.push(member)
        } while (member !== frame.node)
        const selfLoop = (graph.get(frame.node) ?? []).some((e) => e.to === frame.node)
        if (component.length > 1 || selfLoop) components.push(component.sort())
      }
    }
  }
  return components.map((component) => {
    const members = new Set(component)
    const first = component[0]!
    // Breadth-first search for the shortest way back to the first file inside the group.
    const cameFrom = new Map<string, Edge>()
    const queue = [first]
    let closing: Edge | undefined
    search: while (queue.length > 0) {
      const node = queue.shift()!
      for (const edge of graph.get(node) ?? []) {
        if (!members.has(edge.to)) continue
        if (edge.to === first) {
          closing = edge
          break search
        }
        if (!cameFrom.has(edge.to)) {
          cameFrom.set(edge.to, edge)
          queue.push(edge.to)
        }
      }
    }
    const chain: Edge[] = [closing!]
    while (chain[0]!.from !== first) chain.unshift(cameFrom.get(chain[0]!.from)!)
    const loop = `${chain.map((e) => `${e.from}:${e.line}`).join(' → ')} → ${first}`
    const others = component.filter((f) => !chain.some((e) => e.from === f))
    return others.length === 0 ? loop : `${loop} (tangled in the same knot: ${others.join(', ')})`
  })
}

/**
 * Every .ts/.tsx file under src/ except tests and their support files (`*.test-support.ts`, read
 * only by tests, may set up rows directly), and the imports between them.
 */
function sourceEdges(): Edge[] {
  const files = readdirSync(path.join(root, 'src'), { recursive: true })
    .map((f) => path.posix.join('src', String(f).split(path.sep).join('/')))
    .filter((f) => /\.tsx?$/.test(f) && !/\.test(-support)?\.tsx?$/.test(f) && !f.endsWith('.d.ts'))
    .sort()
  const exists = (file: string) => existsSync(path.join(root, file))
  const edges: Edge[] = []
  for (const file of files) {
    for (const ref of parseImports(readFileSync(path.join(root, file), 'utf8'))) {
      const to = resolveImport(file, ref.specifier, exists)
      if (to?.startsWith('src/')) edges.push({ from: file, to, specifier: ref.specifier, line: ref.line })
    }
  }
  return edges
}

describe('module boundaries', () => {
  const edges = sourceEdges()

  it('finds the imports of the source tree (a sanity check on the parser)', () => {
    assert.ok(edges.length > 200, `only ${edges.length} imports found under src/`)
    assert.ok(
      edges.some((e) => e.from === 'src/app.ts' && e.to === 'src/modules/privacy/index.ts'),
      'src/app.ts imports the privacy module',
    )
  })

  it('a module is imported by other code only through its index.ts', () => {
    const problems = boundaryViolations(edges)
    assert.deepEqual(problems, [], `\n${problems.join('\n')}\n`)
  })

  it('modules import each other only along the arrows of docs/architecture.md, and never a layer above', () => {
    // The table "module | may import" in docs/architecture.md, as data. A new module declares its arrows here.
    const arrows: Record<string, readonly string[]> = {
      privacy: [],
      system: [],
      messaging: ['privacy'],
      accounts: ['privacy', 'messaging'],
      catalog: ['accounts', 'privacy'],
      enquiries: ['accounts', 'catalog', 'messaging', 'privacy'],
      orders: ['accounts', 'catalog', 'messaging', 'privacy'],
      payments: ['privacy', 'messaging'],
    }
    const problems: string[] = []
    for (const edge of edges) {
      const from = moduleOf(edge.from)
      if (!from) continue
      const allowed = arrows[from]
      if (!allowed) {
        problems.push(`module '${from}' has no arrows declared in this test and in docs/architecture.md`)
        continue
      }
      if (/^src\/(flows|web|jobs|demo)\/|^src\/(app|cli|main)\.ts$/.test(edge.to)) {
        problems.push(
          `${edge.from}:${edge.line} imports '${edge.specifier}': a module never imports the layers above it`,
        )
        continue
      }
      const to = moduleOf(edge.to)
      if (!to || to === from || allowed.includes(to)) continue
      // Every table file classifies its columns with the privacy inventory.
      if (
        to === 'privacy' &&
        edge.to === 'src/modules/privacy/inventory.ts' &&
        edge.from.endsWith('.tables.ts')
      )
        continue
      problems.push(
        `${edge.from}:${edge.line} imports module '${to}', which '${from}' may not (allowed: ${allowed.join(', ') || 'none'})`,
      )
    }
    assert.deepEqual([...new Set(problems)], [], `\n${[...new Set(problems)].join('\n')}\n`)
  })

  it('no module hands out its tables through index.ts (other code would read them past its functions)', async () => {
    const { is, Table } = await import('drizzle-orm')
    const modulesDir = path.join(root, 'src', 'modules')
    const leaked: string[] = []
    for (const name of readdirSync(modulesDir)) {
      const index = path.join(modulesDir, name, 'index.ts')
      if (!existsSync(index)) continue
      const exports = (await import(index)) as Record<string, unknown>
      for (const [key, value] of Object.entries(exports)) if (is(value, Table)) leaked.push(`${name}.${key}`)
    }
    assert.deepEqual(leaked, [], `tables exported from a module's index.ts: ${leaked.join(', ')}`)
  })

  it('no file of src/ imports itself round a circle', () => {
    const cycles = importCycles(edges)
    assert.deepEqual(cycles, [], `\nimport cycles:\n${cycles.join('\n')}\n`)
  })
})

describe('the boundary checker itself', () => {
  const edge = (from: string, to: string, line = 1): Edge => ({
    from,
    to,
    specifier: path.posix.relative(path.posix.dirname(from), to).replace(/^(?!\.)/, './'),
    line,
  })

  it('reads static, re-exported, side-effect and literal dynamic imports, and nothing in comments or templates', () => {
    const source = [
      "import { a, type B } from './a.ts'",
      'import {',
      '  c,',
      '  d,',
      "} from '../m/c.ts'",
      "export * from './e.ts'",
      "import type { F } from './f.ts'",
      "import './side.ts'",
      "const lazy = await import('./lazy.ts')",
      "// import { no } from './comment.ts'",
      "const q = sql`select x from 'table.ts'`",
      "/* export { no } from './block.ts' */",
      "export const text = 'import from here'",
    ].join('\n')
    assert.deepEqual(parseImports(source), [
      { specifier: './a.ts', line: 1 },
      { specifier: '../m/c.ts', line: 5 },
      { specifier: './e.ts', line: 6 },
      { specifier: './f.ts', line: 7 },
      { specifier: './side.ts', line: 8 },
      { specifier: './lazy.ts', line: 9 },
    ])
  })

  it('resolves relative and #src/ imports and ignores packages', () => {
    const exists = (f: string) => f === 'src/modules/x/index.ts' || f === 'src/shared/errors.ts'
    assert.equal(resolveImport('src/web/a.ts', '../modules/x/index.ts', exists), 'src/modules/x/index.ts')
    assert.equal(resolveImport('src/web/a.ts', '#src/shared/errors.ts', exists), 'src/shared/errors.ts')
    assert.equal(resolveImport('src/web/a.ts', 'drizzle-orm', exists), null)
  })

  it('catches a planted import of another module’s internals, naming file, line and import', () => {
    const problems = boundaryViolations([
      edge('src/modules/enquiries/leads.ts', 'src/modules/accounts/accounts.tables.ts', 7),
      edge('src/modules/enquiries/leads.ts', 'src/modules/accounts/index.ts', 8),
      edge('src/modules/enquiries/leads.ts', 'src/modules/enquiries/thread.ts', 9),
      edge('src/modules/enquiries/enquiries.tables.ts', 'src/modules/accounts/accounts.tables.ts'),
      edge('src/web/pages/seller/leads.pages.tsx', 'src/modules/catalog/catalog.queries.ts', 3),
      edge('src/modules/enquiries/enquiries.tables.ts', 'src/modules/catalog/catalog.search.ts', 4),
    ])
    assert.deepEqual(problems, [
      "src/modules/enquiries/leads.ts:7 imports '../accounts/accounts.tables.ts', an internal file of module 'accounts'; import src/modules/accounts/index.ts instead",
      "src/web/pages/seller/leads.pages.tsx:3 imports '../../../modules/catalog/catalog.queries.ts', an internal file of module 'catalog'; import src/modules/catalog/index.ts instead",
      "src/modules/enquiries/enquiries.tables.ts:4 imports '../catalog/catalog.search.ts', an internal file of module 'catalog'; import src/modules/catalog/index.ts instead",
    ])
  })

  it('catches a planted cycle and reports it as a readable chain', () => {
    const cycles = importCycles([
      edge('src/modules/enquiries/enquiries.ts', 'src/modules/enquiries/relay-forward.ts', 18),
      edge('src/modules/enquiries/relay-forward.ts', 'src/modules/enquiries/contact-sharing.ts', 6),
      edge('src/modules/enquiries/contact-sharing.ts', 'src/modules/enquiries/enquiries.ts', 9),
      edge('src/modules/enquiries/contact-sharing.ts', 'src/shared/errors.ts', 3),
      edge('src/a.ts', 'src/a.ts', 2),
      edge('src/b.ts', 'src/c.ts'),
    ])
    assert.deepEqual(cycles.sort(), [
      'src/a.ts:2 → src/a.ts',
      'src/modules/enquiries/contact-sharing.ts:9 → src/modules/enquiries/enquiries.ts:18 → src/modules/enquiries/relay-forward.ts:6 → src/modules/enquiries/contact-sharing.ts',
    ])
    assert.deepEqual(importCycles([edge('src/b.ts', 'src/c.ts'), edge('src/c.ts', 'src/d.ts')]), [])
  })
})
