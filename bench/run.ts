// npm run bench -- <name> [options]
//   pages   the home page and a category page on PostgreSQL with a generated catalogue,
//           each beside a bare node:http server returning the same bytes in the same run.
//   search  the search function, suggestions and the JSON API beside the naive search (bench/search.ts).
// Options: --products N (catalogue size, default 1000000) --seconds S (default 10)
//          --connections C (default 32). Database: BENCH_DATABASE_URL
//          (default postgres://postgres@127.0.0.1:5432/mandi_bench); it is seeded on first use.
import { spawnSync } from 'node:child_process'
import { createHash, generateKeyPairSync, randomBytes } from 'node:crypto'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { ensureDatabase, type LoadResult, load, machine, root, scalar, startPinned, stop, waitForUrl, writeResult } from './lib.ts'

// Benchmarks with options of their own run from their own file.
if (process.argv[2] === 'search') {
  await import('./search.ts')
  process.exit(0)
}

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    products: { type: 'string', default: '1000000' },
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '32' },
  },
})
const name = positionals[0] ?? 'pages'
const products = Number(values.products)
const seconds = Number(values.seconds)
const connections = Number(values.connections)
const databaseUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/mandi_bench'

if (name !== 'pages') {
  console.error(`Unknown benchmark "${name}". Available: pages, search`)
  process.exit(2)
}

await ensureDatabase(databaseUrl)
const env = {
  DATABASE_URL: databaseUrl,
  NODE_ENV: 'production',
  SECRET_KEY: 'bench-secret-key-bench-secret-key-0123',
  CONSENT_RECEIPT_KEY: generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
  LOG_LEVEL: 'warn',
  RATE_LIMIT_PER_MINUTE: '100000000',
}
const mandi = (args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], { cwd: root, env: { ...process.env, ...env }, stdio: 'inherit' })

mandi(['migrate'])
const existing = Number((await scalar<string>(databaseUrl, 'select count(*) from products')) ?? 0)
if (existing < products) {
  console.log(`Catalogue has ${existing} products; adding ${products - existing}…`)
  mandi(['seed', '--products', String(products - existing)])
}
const productCount = Number(await scalar<string>(databaseUrl, 'select count(*) from products'))
const categorySlug = await scalar<string>(
  databaseUrl,
  `select c.slug from categories c where c.parent_id is null order by c.position, c.id limit 1`,
)

const port = 3201
const app = startPinned(['--import', 'tsx', 'src/cli.ts', 'web'], { ...env, PORT: String(port), HOST: '127.0.0.1' })
await waitForUrl(`http://127.0.0.1:${port}/readyz`)

// A real session for the demo buyer, so signed-in pages are measured as people get them (never cached).
const sessionToken = randomBytes(32).toString('base64url')
await scalar(
  databaseUrl,
  `insert into sessions (user_id, token_hash, idle_expires_at, expires_at)
   select id, '${createHash('sha256').update(sessionToken).digest('hex')}', now() + interval '1 day', now() + interval '1 day'
   from users where email = 'buyer@demo.mandi.example' returning id`,
)
const signedIn = { cookie: `mandi_session=${sessionToken}` }

const scenarios: { label: string; path: string; headers?: Record<string, string> }[] = [
  { label: 'home page', path: '/' },
  { label: `category page (/c/${categorySlug})`, path: `/c/${categorySlug}` },
  { label: 'home page, signed in', path: '/', headers: signedIn },
  { label: `category page, signed in`, path: `/c/${categorySlug}`, headers: signedIn },
]
const rows: { label: string; bytes: number; app: LoadResult; bare: LoadResult }[] = []
const scratch = mkdtempSync(path.join(tmpdir(), 'mandi-bench-'))
for (const [i, scenario] of scenarios.entries()) {
  const response = await fetch(`http://127.0.0.1:${port}${scenario.path}`, { headers: scenario.headers ?? {} })
  if (!response.ok) throw new Error(`${scenario.path} answered ${response.status}`)
  const body = Buffer.from(await response.arrayBuffer())
  if (scenario.headers && !body.includes('Sign out')) throw new Error(`${scenario.label}: the page did not come back signed in`)
  const file = path.join(scratch, `page-${i}.html`)
  writeFileSync(file, body)

  console.log(`\n${scenario.label}: ${body.length} bytes — app`)
  const appResult = await load(`http://127.0.0.1:${port}${scenario.path}`, {
    seconds,
    connections,
    ...(scenario.headers ? { headers: scenario.headers } : {}),
  })
  const barePort = port + 1 + i
  const bare = startPinned(['bench/bare-server.ts', String(barePort), file, response.headers.get('content-type') ?? 'text/html'])
  await waitForUrl(`http://127.0.0.1:${barePort}/`)
  console.log(`${scenario.label} — bare node:http`)
  const bareResult = await load(`http://127.0.0.1:${barePort}/`, { seconds, connections })
  await stop(bare)
  rows.push({ label: scenario.label, bytes: body.length, app: appResult, bare: bareResult })
}
await stop(app)

const date = new Date().toISOString().slice(0, 10)
const table = rows
  .map((r) => {
    const ratio = ((r.app.requestsPerSecond / r.bare.requestsPerSecond) * 100).toFixed(1)
    return `| ${r.label} | ${r.bytes.toLocaleString('en-IN')} | ${Math.round(r.app.requestsPerSecond).toLocaleString('en-IN')} | ${r.app.p50} / ${r.app.p99} | ${Math.round(r.bare.requestsPerSecond).toLocaleString('en-IN')} | ${r.bare.p50} / ${r.bare.p99} | **${ratio}%** | ${r.app.errors + r.app.non2xx} |`
  })
  .join('\n')
const markdown = `# Benchmark: pages

Run on ${date}: \`npm run bench -- pages --products ${products} --seconds ${seconds} --connections ${connections}\`

- Machine: ${machine()}. Server pinned to CPU 0 (\`taskset\`), load generator (autocannon, in the bench process) on the other core.
- Database: PostgreSQL at 127.0.0.1 with ${productCount.toLocaleString('en-IN')} products (demo generator).
- App: \`mandi web\` with NODE_ENV=production. Baseline: \`bench/bare-server.ts\`, a bare \`node:http\` server
  returning the very bytes the app returned for the same page, measured in the same run.
- ${seconds} s per measurement after a 2 s warm-up, ${connections} connections. Anonymous pages may come from the
  page cache; signed-in pages (a real session of the demo buyer) are rendered for every request.

| page | bytes | app req/s | app p50 / p99 ms | bare req/s | bare p50 / p99 ms | app ÷ bare | app errors |
|---|---:|---:|---:|---:|---:|---:|---:|
${table}
`
console.log(`\n${markdown}`)
console.log(`Written to ${writeResult('pages', markdown)}`)
