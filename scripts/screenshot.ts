// Refreshes docs/screenshot-home.png, the README's picture: the home page with the demo catalogue,
// in headless Debian Chromium. Usage: node --import tsx scripts/screenshot.ts
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { chromium } from 'playwright-core'
import { createApp } from '#src/app.ts'
import { loadTestSettings } from '#src/config.ts'
import { seedDemo } from '#src/demo/seed.ts'
import { createServer } from '#src/web/server.ts'
import { openTestDatabase, testConfig } from '#test/setup.ts'

const app = await createApp(testConfig({ PAGE_CACHE_SECONDS: '0' }), { database: await openTestDatabase() })
await seedDemo(app.database, { products: 600 })
const server = await createServer(app)
await server.listen({ host: '127.0.0.1', port: 0 })
const address = server.server.address()
if (!address || typeof address !== 'object') throw new Error('no address')
const browser = await chromium.launchPersistentContext(mkdtempSync(path.join(tmpdir(), 'mandi-shot-')), {
  executablePath: loadTestSettings().chromiumPath,
  headless: true,
  viewport: { width: 1280, height: 900 },
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
})
const page = await browser.newPage()
await page.goto(`http://127.0.0.1:${address.port}/`)
const file = path.resolve(import.meta.dirname, '..', 'docs', 'screenshot-home.png')
await page.screenshot({ path: file })
console.log(`Wrote ${file}`)
await browser.close()
await server.close()
await app.close()
