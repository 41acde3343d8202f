import { mkdirSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { after, before } from 'node:test'
import { AxeBuilder } from '@axe-core/playwright'
import { type BrowserContext, chromium, type Page } from 'playwright-core'
import { type App, createApp } from '#src/app.ts'
import { loadTestSettings } from '#src/config.ts'
import { createServer } from '#src/web/server.ts'
import { openTestDatabase, testConfig } from './setup.ts'

const settings = loadTestSettings()
export const screenshotDir = path.resolve(import.meta.dirname, '..', '.tmp', 'screenshots')

export interface LiveContext {
  app: App
  url: string
  browser: BrowserContext
}

/**
 * Inside a describe(): a real server on 127.0.0.1 with a fresh database (filled by `fill`), and a
 * headless Debian Chromium driven by playwright-core. Never downloads a browser.
 */
export function useLiveServer(fill: (app: App) => Promise<void>) {
  const ctx = {} as LiveContext
  let close = async () => {}
  before(async () => {
    const app = await createApp(testConfig(), { database: await openTestDatabase() })
    await fill(app)
    const server = await createServer(app)
    await server.listen({ host: '127.0.0.1', port: 0 })
    const address = server.server.address()
    if (!address || typeof address !== 'object') throw new Error('server did not bind')
    const browser = await chromium.launchPersistentContext(mkdtempSync(path.join(tmpdir(), 'mandi-chromium-')), {
      executablePath: settings.chromiumPath,
      headless: true,
      viewport: { width: 1280, height: 900 },
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    })
    Object.assign(ctx, { app, url: `http://127.0.0.1:${address.port}`, browser })
    close = async () => {
      await browser.close()
      await server.close()
      await app.close()
    }
  })
  after(() => close())
  return ctx
}

/**
 * Serious and critical accessibility violations on the page as it is now (axe-core). A caller
 * that leaves a rule out must check what it covers itself and say why.
 */
export async function seriousAxeViolations(page: Page, withoutRules: string[] = []) {
  const results = await new AxeBuilder({ page }).disableRules(withoutRules).analyze()
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`)
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(screenshotDir, { recursive: true })
  const file = path.join(screenshotDir, `${name}.png`)
  await page.screenshot({ path: file, fullPage: true })
  return file
}
