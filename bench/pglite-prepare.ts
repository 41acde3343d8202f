// For `npm run bench -- pages --pglite`: PGlite allows one process at a time, so before the app
// opens the data directory this adds the bench session for the demo buyer and prints (as JSON on
// the last line) what the scenarios need. Usage: node --import tsx bench/pglite-prepare.ts <DATA_DIR> <token-hash>
import path from 'node:path'
import { sql } from 'drizzle-orm'
import { openDatabase, queryRows } from '../src/db/database.ts'

const [dataDir = '', tokenHash = ''] = process.argv.slice(2)
if (!dataDir || !/^[0-9a-f]{64}$/.test(tokenHash))
  throw new Error('usage: pglite-prepare.ts <DATA_DIR> <sha256 hex>')
const database = await openDatabase({ pgliteDir: path.join(path.resolve(dataDir), 'pglite') })
try {
  const { db } = database
  await db.execute(sql`insert into sessions (user_id, token_hash, idle_expires_at, expires_at)
    select id, ${tokenHash}, now() + interval '1 day', now() + interval '1 day'
    from users where email = 'buyer@demo.mandi.example'`)
  const [facts] = await queryRows<{ products: number; category: string; city: string }>(
    db,
    sql`select (select count(*)::int from products) as products,
      (select slug from categories where parent_id is null order by position, id limit 1) as category,
      (select lower(regexp_replace(s.city, '[^A-Za-z0-9]+', '-', 'g')) from products p
        join search_sellers s on s.business_id = p.business_id join categories c on c.id = p.category_id
        left join categories up on up.id = c.parent_id
        where p.status = 'published'
          and (select slug from categories where parent_id is null order by position, id limit 1) in (c.slug, up.slug)
        group by 1 order by count(*) desc limit 1) as city`,
  )
  console.log(
    JSON.stringify({
      productCount: Number(facts!.products),
      categorySlug: facts!.category,
      citySlug: facts!.city,
    }),
  )
} finally {
  await database.close()
}
