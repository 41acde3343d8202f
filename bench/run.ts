// npm run bench -- <name> [options]
//   pages   the home page and a category page on PostgreSQL with a generated catalogue,
//           each beside a bare node:http server returning the same bytes in the same run.
//   search  the search function, suggestions and the JSON API beside the naive search (bench/search.ts).
//   oversell  1,000 simultaneous checkouts of the last unit → exactly one order (bench/oversell.ts).
// Options: --products N (catalogue size, default 1000000) --seconds S (default 10)
//          --connections C (default 32). Database: BENCH_DATABASE_URL
//          (default postgres://postgres@127.0.0.1:5432/mandi_bench); it is seeded on first use.
//          --pglite: the same pages on the embedded PGlite with the demo catalogue (SEED_PRODUCTS,
//          2,000), in a fresh data directory; written to the "PGlite" section of pages.md.
import { spawnSync } from 'node:child_process'
import { createHash, generateKeyPairSync, randomBytes } from 'node:crypto'
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import {
  ensureDatabase,
  type LoadResult,
  load,
  machine,
  root,
  scalar,
  startPinned,
  stop,
  waitForUrl,
  writeResult,
} from './lib.ts'

// Benchmarks with options of their own run from their own file.
if (process.argv[2] === 'search') {
  await import('./search.ts')
  process.exit(0)
}
if (process.argv[2] === 'oversell') {
  await import('./oversell.ts')
  process.exit(process.exitCode ?? 0)
}

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    products: { type: 'string', default: '1000000' },
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '32' },
    pglite: { type: 'boolean', default: false },
  },
})
const pglite = values.pglite
const name = positionals[0] ?? 'pages'
const products = Number(values.products)
const seconds = Number(values.seconds)
const connections = Number(values.connections)
const databaseUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/mandi_bench'

if (name !== 'pages') {
  console.error(`Unknown benchmark "${name}". Available: pages, search, oversell`)
  process.exit(2)
}

const env: Record<string, string> = {
  NODE_ENV: 'production',
  SECRET_KEY: 'bench-secret-key-bench-secret-key-0123',
  CONSENT_RECEIPT_KEY: generateKeyPairSync('ed25519')
    .privateKey.export({ format: 'pem', type: 'pkcs8' })
    .toString(),
  LOG_LEVEL: 'warn',
  RATE_LIMIT_PER_MINUTE: '100000000',
}
if (pglite) env.DATA_DIR = mkdtempSync(path.join(tmpdir(), 'mandi-bench-pglite-'))
else env.DATABASE_URL = await ensureDatabase(databaseUrl)
const childEnv = { ...process.env, ...env }
if (pglite) delete childEnv.DATABASE_URL
const mandi = (args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
    cwd: root,
    env: childEnv,
    stdio: 'inherit',
  })

mandi(['migrate'])
// A real session for the demo buyer, so signed-in pages are measured as people get them (never from the page cache).
const sessionToken = randomBytes(32).toString('base64url')
const sessionHash = createHash('sha256').update(sessionToken).digest('hex')
let productCount: number
let categorySlug: string
let citySlug: string
if (pglite) {
  mandi(['seed'])
  // PGlite allows one process: read what the scenarios need and add the session before the app opens it.
  const out = spawnSync(
    process.execPath,
    ['--import', 'tsx', 'bench/pglite-prepare.ts', env.DATA_DIR!, sessionHash],
    {
      cwd: root,
      env: childEnv,
      encoding: 'utf8',
    },
  )
  if (out.status !== 0) throw new Error(`bench/pglite-prepare.ts failed: ${out.stderr}`)
  ;({ productCount, categorySlug, citySlug } = JSON.parse(out.stdout.trim().split('\n').at(-1)!))
} else {
  const existing = Number((await scalar<string>(databaseUrl, 'select count(*) from products')) ?? 0)
  if (existing < products) {
    console.log(`Catalogue has ${existing} products; adding ${products - existing}…`)
    mandi(['seed', '--products', String(products - existing)])
  }
  productCount = Number(await scalar<string>(databaseUrl, 'select count(*) from products'))
  categorySlug = await scalar<string>(
    databaseUrl,
    `select c.slug from categories c where c.parent_id is null order by c.position, c.id limit 1`,
  )
  // The city with the most products in that category.
  citySlug = await scalar<string>(
    databaseUrl,
    `select lower(regexp_replace(s.city, '[^A-Za-z0-9]+', '-', 'g')) from products p
     join search_sellers s on s.business_id = p.business_id join categories c on c.id = p.category_id
     left join categories up on up.id = c.parent_id
     where p.status = 'published' and '${categorySlug}' in (c.slug, up.slug) group by 1 order by count(*) desc limit 1`,
  )
  await scalar(
    databaseUrl,
    `insert into sessions (user_id, token_hash, idle_expires_at, expires_at)
     select id, '${sessionHash}', now() + interval '1 day', now() + interval '1 day'
     from users where email = 'buyer@demo.mandi.example' returning id`,
  )
}

const port = 3201
const app = startPinned(['--import', 'tsx', 'src/cli.ts', 'web'], {
  ...childEnv,
  PORT: String(port),
  HOST: '127.0.0.1',
})
await waitForUrl(`http://127.0.0.1:${port}/readyz`)
const signedIn = { cookie: `mandi_session=${sessionToken}` }

const scenarios: { label: string; path: string; headers?: Record<string, string> }[] = [
  { label: 'home page', path: '/' },
  { label: `category page (/c/${categorySlug})`, path: `/c/${categorySlug}` },
  { label: 'home page, signed in', path: '/', headers: signedIn },
  { label: `category page, signed in`, path: `/c/${categorySlug}`, headers: signedIn },
  {
    label: `city page, signed in (/suppliers/${citySlug}/${categorySlug})`,
    path: `/suppliers/${citySlug}/${categorySlug}`,
    headers: signedIn,
  },
]
const rows: { label: string; bytes: number; app: LoadResult; bare: LoadResult }[] = []
const scratch = mkdtempSync(path.join(tmpdir(), 'mandi-bench-'))
for (const [i, scenario] of scenarios.entries()) {
  const response = await fetch(`http://127.0.0.1:${port}${scenario.path}`, {
    headers: scenario.headers ?? {},
  })
  if (!response.ok) throw new Error(`${scenario.path} answered ${response.status}`)
  const body = Buffer.from(await response.arrayBuffer())
  if (scenario.headers && !body.includes('Sign out'))
    throw new Error(`${scenario.label}: the page did not come back signed in`)
  // A browser sends back the CSRF secret cookie it was given with its first signed-in page.
  const csrfCookie = response.headers
    .getSetCookie()
    .find((c) => c.startsWith('_csrf='))
    ?.split(';')[0]
  if (scenario.headers?.cookie && csrfCookie)
    scenario.headers = { ...scenario.headers, cookie: `${scenario.headers.cookie}; ${csrfCookie}` }
  const file = path.join(scratch, `page-${i}.html`)
  writeFileSync(file, body)

  console.log(`\n${scenario.label}: ${body.length} bytes — app`)
  const appResult = await load(`http://127.0.0.1:${port}${scenario.path}`, {
    seconds,
    connections,
    pid: app.pid,
    ...(scenario.headers ? { headers: scenario.headers } : {}),
  })
  const barePort = port + 1 + i
  const bare = startPinned([
    'bench/bare-server.ts',
    String(barePort),
    file,
    response.headers.get('content-type') ?? 'text/html',
  ])
  await waitForUrl(`http://127.0.0.1:${barePort}/`)
  console.log(`${scenario.label} — bare node:http`)
  const bareResult = await load(`http://127.0.0.1:${barePort}/`, { seconds, connections, pid: bare.pid })
  await stop(bare)
  rows.push({ label: scenario.label, bytes: body.length, app: appResult, bare: bareResult })
}
await stop(app)

const date = new Date().toISOString().slice(0, 10)
const micros = (r: LoadResult) =>
  r.cpuMicrosPerRequest === undefined ? '–' : Math.round(r.cpuMicrosPerRequest).toLocaleString('en-IN')
const cpuRatio = (r: { app: LoadResult; bare: LoadResult }) =>
  r.app.cpuMicrosPerRequest && r.bare.cpuMicrosPerRequest
    ? `${((r.bare.cpuMicrosPerRequest / r.app.cpuMicrosPerRequest) * 100).toFixed(1)}%`
    : '–'
const table = rows
  .map((r) => {
    const ratio = ((r.app.requestsPerSecond / r.bare.requestsPerSecond) * 100).toFixed(1)
    return `| ${r.label} | ${r.bytes.toLocaleString('en-IN')} | ${Math.round(r.app.requestsPerSecond).toLocaleString('en-IN')} | ${r.app.p50} / ${r.app.p99} | ${Math.round(r.bare.requestsPerSecond).toLocaleString('en-IN')} | ${r.bare.p50} / ${r.bare.p99} | **${ratio}%** | ${micros(r.app)} / ${micros(r.bare)} | ${cpuRatio(r)} | ${r.app.errors + r.app.non2xx} |`
  })
  .join('\n')
const command = `npm run bench -- pages${pglite ? ' --pglite' : ` --products ${products}`} --seconds ${seconds} --connections ${connections}`
const section = `Run on ${date}: \`${command}\`

- Machine: ${machine()}. Server pinned to CPU 0 (\`taskset\`), load generator (autocannon, in the bench process) on the other core.
- Database: ${pglite ? 'the embedded PGlite (in the web process, on disk in a fresh data directory)' : 'PostgreSQL at 127.0.0.1'} with ${productCount.toLocaleString('en-IN')} products (demo generator).
- App: \`mandi web\` with NODE_ENV=production. Baseline: \`bench/bare-server.ts\`, a bare \`node:http\` server
  returning the very bytes the app returned for the same page, measured in the same run.
- ${seconds} s per measurement after a 2 s warm-up, ${connections} connections. Anonymous pages may come from the
  page cache; signed-in pages (a real session of the demo buyer) never do: their body is the shared rendering
  (see docs/decisions/011-shared-page-bodies.md), their account menu is rendered per request.
- CPU µs/req: user + system CPU time of the server process per request during the measurement (/proc). Other
  work on the machine lowers requests per second but not this, so "bare ÷ app CPU" is the steadier ratio.

| page | bytes | app req/s | app p50 / p99 ms | bare req/s | bare p50 / p99 ms | app ÷ bare | CPU µs/req app / bare | bare ÷ app CPU | app errors |
|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|
${table}
`
// One file, two sections: a PostgreSQL run keeps the PGlite section and the other way round.
const file = path.join(root, 'bench', 'results', 'pages.md')
const previous = existsSync(file) ? readFileSync(file, 'utf8') : ''
const marker = '\n## PGlite, the demo catalogue\n'
const [postgresPart, pglitePart] = previous.includes(marker) ? previous.split(marker) : [previous, undefined]
const markdown = pglite
  ? `${postgresPart!.trimEnd()}\n${marker}\n${section}`
  : `# Benchmark: pages\n\n## PostgreSQL, ${productCount.toLocaleString('en-IN')} products\n\n${section}${pglitePart ? `${marker}${pglitePart}` : ''}`
console.log(`\n${section}`)
console.log(`Written to ${writeResult('pages', markdown)}`)
