import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import * as accounts from '#src/modules/accounts/index.ts'
import { buildUser } from '#test/factories.ts'
import { TestBrowser, useAccountServer } from './account-pages.test-support.ts'

// Every state drop-down lists the states and union territories alphabetically by name.

/** The labels of the options of the <select name="…"> in a page, in document order. */
function optionLabels(html: string, name: string): string[] {
  const select = new RegExp(`<select[^>]*name="${name.replace('.', '\\.')}"[^>]*>([\\s\\S]*?)</select>`).exec(
    html,
  )
  assert.ok(select, `a <select name="${name}"> on the page`)
  return [...select[1]!.matchAll(/<option[^>]*value="([^"]+)"[^>]*>/g)].map((m) => m[1]!)
}

const alphabetical = (names: string[]) => [...names].sort((a, b) => a.localeCompare(b, 'en-IN'))

describe('state drop-downs', () => {
  const ctx = useAccountServer()

  for (const [url, name] of [
    ['/account/business', 'address.state'],
    ['/account/profile', 'state'],
    ['/requirements/new', 'state'],
  ] as const) {
    it(`${url} lists the states alphabetically`, async () => {
      const user = await buildUser(ctx.app.db, { emailVerifiedAt: new Date() })
      const session = await accounts.createSession(ctx.app.db, { userId: user.id, sharedDevice: false })
      const browser = new TestBrowser(ctx.server)
      browser.cookies.set('mandi_session', session.token)
      const res = await browser.get(url)
      assert.equal(res.statusCode, 200, res.body.slice(0, 1000))
      const states = optionLabels(res.body, name)
      assert.equal(states.length, 36)
      assert.deepEqual(states, alphabetical(states))
      assert.equal(states[0], 'Andaman and Nicobar Islands')
      assert.equal(states.at(-1), 'West Bengal')
    })
  }
})
