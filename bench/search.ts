// npm run bench -- search [--rounds N] [--baseline-rounds N] [--http-rounds N]
//
// Times the catalogue search function itself (listProducts, as the pages and the API call it)
// on the benchmark database, per class of query, beside the naive search it replaced (ts_rank
// over every match, ORDER BY … LIMIT 24 and an exact count(*)) run in the same process on the
// same queries; then the same on PGlite with the 2,000-product demo; then, over HTTP, the JSON
// API (GET /api/v1/products and /api/v1/search/suggest) of a `mandi web` pinned to CPU 0.
import { generateKeyPairSync } from 'node:crypto'
import { parseArgs } from 'node:util'
import { sql } from 'drizzle-orm'
import { type Db, openDatabase, queryRows } from '../src/db/database.ts'
import { migrate } from '../src/db/migrate.ts'
import { seedDemo } from '../src/demo/seed.ts'
import * as catalog from '../src/modules/catalog/index.ts'
import { ensureDatabase, machine, startPinned, stop, waitForUrl, writeResult } from './lib.ts'

const { values } = parseArgs({
  allowPositionals: true,
  options: {
    rounds: { type: 'string', default: '20' },
    'baseline-rounds': { type: 'string', default: '3' },
    'http-rounds': { type: 'string', default: '10' },
    products: { type: 'string', default: '1000000' },
    seconds: { type: 'string' },
    connections: { type: 'string' },
  },
})
const rounds = Number(values.rounds)
const baselineRounds = Number(values['baseline-rounds'])
const httpRounds = Number(values['http-rounds'])
const databaseUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/mandi_bench'
const suggestQueries = ['va', 'val', 'ball va', 'bea', 'pum', 'stainless st', 'hydr', 'x']
const TARGET_MS = { postgres: 50, pglite: 100 }
const NOTES = `## Notes

**Why it is bounded.** Every keyword search reads at most ${catalog.SEARCH_WINDOW} + 1 matching rows in whatever
order the GIN index (rare words) or a sequential scan that stops early (common words) yields them;
ts_rank, the total and the facet counts are computed over that window only (migration 0007–0012:
\`search_terms\` lexicon, \`category_counts\`, \`search_sellers\`, two price indexes).
- The word still being typed is expanded through the lexicon to whole words (\`valv\` → valv | valve)
  instead of a \`valv:*\` prefix, which made GIN read every lexeme it covers (3× slower).
- Typos: when nothing matches, each word unknown to the lexicon is replaced by a swapped-letter variant
  that is in it ("vlave" → valve, "bearnig" → bearing), else its nearest word by trigrams ("stainles" →
  stainless), and the corrected words go through the same fast path. No product has every word →
  any-word matching ranked by ts_rank. The old trigram scan over a million titles (\`title %> q\`) is
  left only for unfiltered queries whose words the lexicon cannot place.
- Seller filters (city, state, verified) semi-join \`search_sellers\` (four narrow columns kept in step
  by a trigger on businesses) instead of the wide businesses rows.
- With a seller, price or MOQ filter the window is ${catalog.FILTERED_SEARCH_WINDOW} + 1 rows: such filters keep a small share of
  a word's matches, so the rows read to fill a window are mostly rows that fail them; a window half the
  size reads about half as many (in one warm measurement, "pump" + Pune + verified read 1,001 rows in
  ~135 ms and 501 in ~7–15 ms, because the smaller window is filled before the city's sellers run out).

**What is exact and what is not.** Totals are exact up to ${catalog.SEARCH_WINDOW} (${catalog.FILTERED_SEARCH_WINDOW} with seller, price or MOQ
filters); beyond that the API says \`totalCapped: true\` and pages say "1,000+ products" ("500+"). Facet counts are exact under the cap and counted
over the first ${catalog.SEARCH_WINDOW} matches otherwise (the page says so). Category pages show the exact
count from \`category_counts\` when unfiltered. Paging is hard-capped: only the first ${catalog.SEARCH_WINDOW}
matches (42 pages of 24; 21 with filters) can be reached, for search and browse alike; no keyset pagination yet.
Relevance is exact ranking *within* the window: for a common word it ranks the first 1,000 matches
found, not the best 1,000 of 120,000.

**Misses and next steps.**
- Tails (p95/p99) come from I/O, not CPU: the server runs with the default \`shared_buffers = 128MB\`
  while \`products\` is 1.3 GB, so windows are read from the OS page cache, and anything else running
  (the naive searches, other engineers' tests) evicts them. A production server with shared_buffers
  at ~25% of RAM should cut the tails; the p50 column is the fairer figure on this machine.
- Ranking quality for common words: add a static score (a \`rank_hint\` from title match, seller
  verification and freshness) with a btree, and take the window in that order instead of physical order.
- A filter that keeps under 1% of a common word's matches (e.g. pump + Pune + verified) still scans
  thousands of rows to fill even the smaller window; a per-city or verified partial index would bound it.
- The lexicon's counts and words of unpublished products, and the category count changes, are
  brought up to date by \`catalog.refreshSearchTerms\` and \`catalog.foldCategoryCounts\`, which need a
  scheduled job (not registered by this change).
`

await ensureDatabase(databaseUrl)
const database = await openDatabase({ url: databaseUrl, poolSize: 2 })
const productCount = await countProducts(database.db)
if (productCount < 100_000) {
  console.error(
    `The benchmark database has ${productCount} products; run "npm run bench -- pages" first to seed it.`,
  )
  process.exit(2)
}
console.log(`PostgreSQL, ${productCount.toLocaleString('en-IN')} products`)
const pgRun = await measure(database.db, rounds, baselineRounds, 1)
await database.close()

// The embedded default: PGlite in memory with the 2,000-product demo catalogue that npm start seeds.
const lite = await openDatabase({})
await migrate(lite.db)
await seedDemo(lite, { products: 2000 })
console.log('PGlite, 2,000 demo products')
const liteRun = await measure(lite.db, rounds, baselineRounds, 100)
await lite.close()

// Over HTTP: the JSON API of a real server on CPU 0, requests one at a time from this process.
const port = 3211
const env = {
  DATABASE_URL: databaseUrl,
  NODE_ENV: 'production',
  SECRET_KEY: 'bench-secret-key-bench-secret-key-0123',
  CONSENT_RECEIPT_KEY: generateKeyPairSync('ed25519')
    .privateKey.export({ format: 'pem', type: 'pkcs8' })
    .toString(),
  LOG_LEVEL: 'warn',
  RATE_LIMIT_PER_MINUTE: '100000000',
  PORT: String(port),
  HOST: '127.0.0.1',
}
const server = startPinned(['--import', 'tsx', 'src/cli.ts', 'web'], env)
const http: { name: string; times: number[] }[] = []
try {
  await waitForUrl(`http://127.0.0.1:${port}/readyz`)
  const httpClasses = [
    ...pgRun.results.slice(0, 4).map((k, i) => ({
      name: `GET /api/v1/products, ${k.name}`,
      urls: pgRun.queries[i]!.map((c) => `/api/v1/products?q=${encodeURIComponent(c.q!)}`),
    })),
    {
      name: 'GET /api/v1/search/suggest',
      urls: suggestQueries.map((q) => `/api/v1/search/suggest?q=${encodeURIComponent(q)}`),
    },
  ]
  for (const k of httpClasses) for (const url of k.urls) await get(url)
  for (const k of httpClasses) {
    const times: number[] = []
    for (let r = 0; r < httpRounds; r++) for (const url of k.urls) times.push(await time(() => get(url)))
    http.push({ name: k.name, times })
    console.log(`${k.name}: ${summary(times)}`)
  }
} finally {
  await stop(server)
}

const date = new Date().toISOString().slice(0, 10)
const row = (name: string, t: number[], extra = '') =>
  `| ${name} | ${t.length} | ${ms(pct(t, 0.5))} | ${ms(pct(t, 0.95))} | ${ms(pct(t, 0.99))} | ${ms(Math.max(...t))} |${extra}`
const classTable = (
  run: Measured,
  target: number,
) => `| query class | samples | p50 | p95 | p99 | max | p99 ≤ ${target} ms? | naive samples | naive p50 | naive p95 | naive p99 |
|---|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|
${run.results
  .map((r) => {
    const p99 = pct(r.fast, 0.99)
    const verdict = p99 <= target ? ' met |' : ` **missed by ${ms(p99 - target)} ms** |`
    const naive = r.naive.length
      ? ` ${r.naive.length} | ${ms(pct(r.naive, 0.5))} | ${ms(pct(r.naive, 0.95))} | ${ms(pct(r.naive, 0.99))} |`
      : ' – | – | – | – |'
    return row(r.name, r.fast, verdict + naive)
  })
  .join('\n')}

Queries per class:
${run.results.map((r) => `- ${r.name}: ${r.examples}`).join('\n')}

| other read | samples | p50 | p95 | p99 | max |
|---|---:|---:|---:|---:|---:|
${row(`catalog.suggest (${suggestQueries.map((q) => `"${q}"`).join(', ')})`, run.suggestTimes)}
${row('countPublishedByCategory (category_counts + changes)', run.countTimes)}
${row('naive: GROUP BY category over published products', run.naiveCountTimes)}`

const markdown = `# Benchmark: search

Generated by \`npm run bench -- search --rounds ${rounds} --baseline-rounds ${baselineRounds} --http-rounds ${httpRounds}\`
on ${date} (bench/search.ts). How the search stays bounded, what is exact and what is not, and the
next steps are under "Notes" at the end.

- Machine: ${machine()}; shared with other work, so absolute times are noisy: compare columns of the same run.
- **Search** is \`catalog.listProducts\` end to end, as pages and the API call it: lexicon prefix expansion, a
  window of ${catalog.SEARCH_WINDOW} + 1 matches (${catalog.FILTERED_SEARCH_WINDOW} + 1 with seller, price or MOQ filters) for ranking, totals and facets, then the page of 24 with seller and category;
  on no exact match, lexicon spelling correction, then any-word matching. Queries one at a time.
- **Naive** is the search it replaced, in the same run on the same queries: \`ts_rank\` + category boost over every
  match, \`ORDER BY … LIMIT 24\`, and an exact \`count(*)\`; when nothing matches, its trigram fallback (\`title %> q\`).

## PostgreSQL 15, ${productCount.toLocaleString('en-IN')} products (ms)

${classTable(pgRun, TARGET_MS.postgres)}

## PGlite (in memory), the 2,000-product demo (ms)

${classTable(liteRun, TARGET_MS.pglite)}

## Over HTTP on PostgreSQL (ms, one request at a time, \`mandi web\` pinned to CPU 0, NODE_ENV=production)

| request | samples | p50 | p95 | p99 | max |
|---|---:|---:|---:|---:|---:|
${http.map((h) => row(h.name, h.times)).join('\n')}

${NOTES}`
console.log(`\n${markdown}`)
console.log(`Written to ${writeResult('search', markdown)}`)
// The search as it was before: rank every match, then count every match.
async function naiveSearch(db: Db, q: string) {
  const text = q.trim()
  const exact = sql`websearch_to_tsquery('english', ${text})`
  const rows = await queryRows<{ id: number }>(
    db,
    sql`select p.id from products p join businesses b on b.id = p.business_id
      join categories c on c.id = p.category_id left join categories pc on pc.id = c.parent_id
      where p.status = 'published' and p.search_vector @@ ${exact}
      order by ts_rank(p.search_vector, ${exact}) + (case when to_tsvector('english', coalesce(pc.name, '') || ' ' || c.name) @@ ${exact} then 1 else 0 end) desc,
        p.published_at desc nulls last, p.id desc
      limit 24`,
  )
  await db.execute(
    sql`select count(*) from products p where p.status = 'published' and p.search_vector @@ ${exact}`,
  )
  if (rows.length > 0) return
  await db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('pg_trgm.word_similarity_threshold', '0.45', true)`)
    await tx.execute(
      sql`select p.id from products p join businesses b on b.id = p.business_id
        where p.status = 'published' and p.title %> ${text}
        order by word_similarity(${text}, p.title) desc limit 24`,
    )
    await tx.execute(sql`select count(*) from products p where p.status = 'published' and p.title %> ${text}`)
  })
}

async function get(url: string) {
  const res = await fetch(`http://127.0.0.1:${port}${url}`)
  if (!res.ok) throw new Error(`${url} answered ${res.status}`)
  await res.arrayBuffer()
}

async function time(fn: () => Promise<unknown>): Promise<number> {
  const started = performance.now()
  await fn()
  return performance.now() - started
}

function pct(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!
}

function ms(value: number): string {
  return Number.isFinite(value) ? value.toFixed(value < 10 ? 1 : 0) : '–'
}

function summary(t: number[]): string {
  return `p50 ${ms(pct(t, 0.5))} p95 ${ms(pct(t, 0.95))} p99 ${ms(pct(t, 0.99))} ms (${t.length})`
}

interface Case {
  q?: string
  filter?: Partial<catalog.ProductFilter>
}

interface ClassResult {
  name: string
  fast: number[]
  naive: number[]
  examples: string
}

interface Measured {
  results: ClassResult[]
  suggestTimes: number[]
  countTimes: number[]
  naiveCountTimes: number[]
  queries: Case[][]
}

async function countProducts(db: Db): Promise<number> {
  return Number((await queryRows<{ n: string }>(db, sql`select count(*) as n from products`))[0]?.n ?? 0)
}

/** Every class of query, `rounds` times, with the naive search beside it for `baselineRounds`. */
async function measure(
  db: Db,
  rounds: number,
  baselineRounds: number,
  samplePercent: number,
): Promise<Measured> {
  // Rare words: the least frequent lexemes of a sample (model numbers and sizes in the demo
  // catalogue, a few hundred matches each at a million products), picked deterministically.
  const sample = samplePercent < 100 ? `tablesample system (${samplePercent}) repeatable (7)` : ''
  const rare = (
    await queryRows<{ word: string }>(
      db,
      sql`select word from ts_stat(${`select search_vector from products ${sample}`})
        where ndoc <= 8 and word ~ '^[a-z0-9]+$' order by ndoc, word limit 6`,
    )
  ).map((r) => r.word)
  const tree = await catalog.loadCategoryTree(db)
  const someCategory = tree.roots[0]!
  const classes: { name: string; cases: Case[]; baseline: boolean }[] = [
    {
      name: 'common word',
      baseline: true,
      cases: ['pump', 'valve', 'steel', 'bearing', 'motor', 'oil'].map((q) => ({ q })),
    },
    { name: 'rare word', baseline: true, cases: rare.map((q) => ({ q })) },
    {
      name: 'multi-word',
      baseline: true,
      cases: [
        'stainless steel ball valve',
        'gear pump 2 hp',
        'ball valv',
        '3 phase induction motor',
        'taper roller bearing 30205',
        'hydraulic oil 20 litre',
      ].map((q) => ({ q })),
    },
    {
      name: 'typo',
      baseline: true,
      cases: ['vlave', 'bearnig', 'pmup', 'stainles steel pipe', 'moter', 'vavle 2 inch'].map((q) => ({ q })),
    },
    {
      name: 'word + filters / sort',
      baseline: false,
      cases: [
        { q: 'pump', filter: { city: 'Pune', verified: true } },
        { q: 'valve', filter: { minPricePaise: 100_000, maxPricePaise: 500_000, maxMoq: 10 } },
        { q: 'bearing', filter: { state: 'Gujarat' } },
        { q: 'valve', filter: { sort: 'price_asc' } },
        { q: 'pump', filter: { sort: 'newest' } },
        { q: 'motor', filter: { page: 20 } },
      ],
    },
    {
      name: 'browse, no words',
      baseline: false,
      cases: [
        { filter: {} },
        { filter: { sort: 'price_asc' } },
        { filter: { city: 'Rajkot' } },
        { filter: { verified: true, sort: 'price_desc' } },
        { filter: { categoryIds: catalog.categoryAndDescendantIds(someCategory) } },
      ],
    },
  ]
  const run = (c: Case) => catalog.listProducts(db, { page: 1, ...c.filter, q: c.q })
  const describe = (c: Case) => {
    const filter = Object.entries(c.filter ?? {})
      .filter(([key]) => key !== 'categoryIds')
      .map(([key, value]) => `${key}=${value}`)
    if (c.filter?.categoryIds) filter.push(`category=${someCategory.slug}`)
    return `${c.q ? `"${c.q}"` : '(no words)'}${filter.length ? ` [${filter.join(' ')}]` : ''}`
  }

  console.log('Warming up…')
  for (const c of classes.flatMap((k) => k.cases)) await run(c)
  // The naive search runs after, not between: its scans of 100,000+ rows evict from the small
  // shared buffers (128 MB here) the pages the bounded search would otherwise find there.
  const results: ClassResult[] = []
  for (const k of classes) {
    const fast: number[] = []
    for (let r = 0; r < rounds; r++) for (const c of k.cases) fast.push(await time(() => run(c)))
    results.push({ name: k.name, fast, naive: [], examples: k.cases.map(describe).join(', ') })
    console.log(`${k.name}: ${summary(fast)}`)
  }
  for (const [i, k] of classes.entries()) {
    if (!k.baseline) continue
    const naive = results[i]!.naive
    for (let r = 0; r < baselineRounds; r++)
      for (const c of k.cases) naive.push(await time(() => naiveSearch(db, c.q!)))
    console.log(`${k.name}, naive: ${summary(naive)}`)
  }

  const suggestTimes: number[] = []
  for (let r = 0; r < rounds; r++) {
    for (const q of suggestQueries) suggestTimes.push(await time(() => catalog.suggest(db, q)))
  }
  console.log(`suggest: ${summary(suggestTimes)}`)
  const countTimes: number[] = []
  for (let r = 0; r < rounds; r++)
    countTimes.push(await time(() => catalog.countPublishedByCategory(db, tree)))
  const naiveCountTimes: number[] = []
  for (let r = 0; r < baselineRounds; r++) {
    naiveCountTimes.push(
      await time(() =>
        db.execute(
          sql`select category_id, count(*) from products where status = 'published' group by category_id`,
        ),
      ),
    )
  }
  console.log(`category counts: ${summary(countTimes)} | naive GROUP BY ${summary(naiveCountTimes)}`)
  return { results, suggestTimes, countTimes, naiveCountTimes, queries: classes.map((k) => k.cases) }
}
