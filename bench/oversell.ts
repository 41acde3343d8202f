// npm run bench -- oversell [--checkouts N] [--rounds R] [--pool P]
//   N simultaneous checkouts (default 1,000) of the last unit of one product on real PostgreSQL,
//   through flows.placeOrders, R rounds: exactly one order may come out of each round, and the
//   stock must end at 0. Baselines in the same rounds: the same N checkouts of a product with
//   plenty of stock (every one succeeds: the cost of a checkout without contention), and the naive
//   read-then-write reservation (SELECT stock, then UPDATE if enough) that this design avoids,
//   counting the units it would have sold.
// Database server: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres); the
// scratch database mandi_bench_oversell is created beside it, fresh each run.
import { loadavg } from 'node:os'
import { performance } from 'node:perf_hooks'
import { parseArgs } from 'node:util'
import { eq, sql } from 'drizzle-orm'
import { type Db, openDatabase, queryRows } from '../src/db/database.ts'
import { migrate } from '../src/db/migrate.ts'
import { placeOrders } from '../src/flows/checkout.ts'
import { products } from '../src/modules/catalog/catalog.tables.ts'
import { buildBusiness, buildProduct, buildUser } from '../test/factories.ts'
import { machine, recreateDatabase, serverVersion, writeResult } from './lib.ts'

const { values } = parseArgs({
  allowPositionals: true,
  options: {
    checkouts: { type: 'string', default: '1000' },
    rounds: { type: 'string', default: '3' },
    pool: { type: 'string', default: '20' },
  },
})
const checkouts = Number(values.checkouts)
const rounds = Number(values.rounds)
const poolSize = Number(values.pool)
const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'
const scratch = 'mandi_bench_oversell'

const url = await recreateDatabase(serverUrl, scratch)
const database = await openDatabase({ url, poolSize })
await migrate(database.db)
const db = database.db
const version = await serverVersion(url)

const address = {
  name: 'Ravi Kulkarni',
  line1: 'Plot 4, MIDC Chakan',
  city: 'Pune',
  state: 'Maharashtra',
  pin: '410501',
  phone: '+91 98123 45678',
}
const buyers = await Promise.all(
  Array.from({ length: 50 }, () => buildUser(db, { emailVerifiedAt: new Date() })),
)
const seller = await buildBusiness(db)

interface Round {
  ms: number
  orders: number
  refused: number
  otherErrors: number
  stockAfter: number | null
}
const lastUnit: Round[] = []
const plenty: Round[] = []
const naive: { ms: number; sold: number }[] = []
const loadBefore = loadavg()[0]!

for (let round = 1; round <= rounds; round++) {
  const last = await product(1)
  lastUnit.push(await storm(last))
  const stocked = await product(checkouts)
  plenty.push(await storm(stocked))
  naive.push(await naiveStorm(await product(1)))
  const r = lastUnit.at(-1)!
  console.log(
    `round ${round}: last unit → ${r.orders} order, ${r.refused} refused (409), stock ${r.stockAfter}, ${Math.round(r.ms)} ms; ` +
      `plenty → ${plenty.at(-1)!.orders} orders in ${Math.round(plenty.at(-1)!.ms)} ms; naive → sold ${naive.at(-1)!.sold}`,
  )
}
const loadAfter = loadavg()[0]!
await database.close()

const exact = lastUnit.every((r) => r.orders === 1 && r.stockAfter === 0 && r.otherErrors === 0)
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
const perSecond = (ms: number) => Math.round((checkouts / ms) * 1000).toLocaleString('en-IN')
const day = new Date().toISOString().slice(0, 10)
const file = writeResult(
  'oversell',
  `# Oversell: ${checkouts.toLocaleString('en-IN')} simultaneous checkouts of the last unit

Measured ${day} on ${machine()}, PostgreSQL ${version} on 127.0.0.1, one Node process with a pool
of ${poolSize} connections (the benchmark and PostgreSQL share the machine).

Command: \`npm run bench -- oversell --checkouts ${checkouts} --rounds ${rounds} --pool ${poolSize}\`

Each round starts ${checkouts.toLocaleString('en-IN')} \`flows.placeOrders\` calls at once (50 buyers, each
asking for 1 unit with a full delivery address), all for one product with **stock 1**. Each
checkout is one transaction: the product checks, one conditional
\`UPDATE products SET stock = stock - 1 WHERE id = $1 AND stock >= 1 RETURNING\`, the order, its item
and event rows, and the disclosure ledger entry; a checkout whose UPDATE finds no row rolls back whole
and answers \`409 out_of_stock\`.

**Result: ${exact ? `exactly one order in every round, stock 0 afterwards, every other checkout refused with out_of_stock` : 'FAILED — see the table'}.**

| round | orders | refused (409) | other errors | stock after | time for all ${checkouts.toLocaleString('en-IN')} |
|---|---|---|---|---|---|
${lastUnit.map((r, i) => `| ${i + 1} | ${r.orders} | ${r.refused} | ${r.otherErrors} | ${r.stockAfter} | ${Math.round(r.ms)} ms |`).join('\n')}

Baselines in the same rounds:

| what | median time | checkouts/s | outcome |
|---|---|---|---|
| last unit, conditional UPDATE (this design) | ${Math.round(median(lastUnit.map((r) => r.ms)))} ms | ${perSecond(median(lastUnit.map((r) => r.ms)))} | ${lastUnit.map((r) => r.orders).join(', ')} order(s) |
| plenty of stock, same checkouts (no contention) | ${Math.round(median(plenty.map((r) => r.ms)))} ms | ${perSecond(median(plenty.map((r) => r.ms)))} | ${plenty.map((r) => r.orders).join(', ')} orders |
| naive read-then-write on the last unit (SELECT, then UPDATE if enough; no orders written) | ${Math.round(median(naive.map((r) => r.ms)))} ms | ${perSecond(median(naive.map((r) => r.ms)))} | sold ${naive.map((r) => r.sold).join(', ')} units of 1 |

Load average (1 min): ${loadBefore.toFixed(1)} before, ${loadAfter.toFixed(1)} after; other work may have been running, so absolute
times are noisy and the rows above are the fair comparison. Refused checkouts are cheap (they stop at
the stock check, or at the UPDATE when they read the stock before the winner committed, and roll back), so the last-unit storm finishes faster than the same storm with stock for
everyone. The naive reservation shows what the single statement prevents: under the same concurrency
several transactions read "1 left" before any of them writes.
`,
)
console.log(`wrote ${file}`)
if (!exact) process.exitCode = 1

async function product(stock: number) {
  return buildProduct(db, {
    businessId: seller.id,
    moq: 1,
    pricePaise: 4_250_000,
    hsnCode: '8501',
    gstRatePercent: 18,
    stock,
    title: `Servo motor 750 W (stock ${stock})`,
  })
}

async function storm(target: { id: number }): Promise<Round> {
  const started = performance.now()
  const results = await Promise.allSettled(
    Array.from({ length: checkouts }, (_, i) =>
      placeOrders(db, {
        buyerId: buyers[i % buyers.length]!.id,
        items: [{ productId: target.id, quantity: 1 }],
        shippingAddress: address,
      }),
    ),
  )
  const ms = performance.now() - started
  const refused = results.filter((r) => r.status === 'rejected' && r.reason?.code === 'out_of_stock').length
  const orders = results.filter((r) => r.status === 'fulfilled').length
  const [row] = await db.select({ stock: products.stock }).from(products).where(eq(products.id, target.id))
  return { ms, orders, refused, otherErrors: checkouts - orders - refused, stockAfter: row?.stock ?? null }
}

/** The reservation this design avoids: read the stock, then write it, in two statements. */
async function naiveStorm(target: { id: number }) {
  const started = performance.now()
  const sold = await Promise.all(
    Array.from({ length: checkouts }, () =>
      db.transaction(async (tx: Db) => {
        const [row] = await queryRows<{ stock: number }>(
          tx,
          sql`select stock from products where id = ${target.id}`,
        )
        if (!row || row.stock < 1) return 0
        await tx.execute(sql`update products set stock = ${row.stock - 1} where id = ${target.id}`)
        return 1
      }),
    ),
  )
  return { ms: performance.now() - started, sold: sold.reduce((a: number, b: number) => a + b, 0) }
}
