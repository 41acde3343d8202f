import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import * as accounts from '#src/modules/accounts/index.ts'
import * as privacy from '#src/modules/privacy/index.ts'
import { registerThroughForm, useAccountServer, visibleText } from '../account/account-pages.test-support.ts'

// The pages that tell a person what they can do read the same declarations the features use
// (privacy.dataSubjectRights, accounts.capabilities), so a claim cannot outlive or precede its code.

/** The page without the elements that list rights as coming. */
function withoutComing(html: string): string {
  return html.replace(/<li[^>]*data-available="false"[\s\S]*?<\/li>/g, '')
}

function rightMarkers(html: string) {
  const found = [...html.matchAll(/data-right="([a-z_]+)" data-available="(true|false)"/g)]
  return {
    available: found.filter((m) => m[2] === 'true').map((m) => m[1]),
    coming: found.filter((m) => m[2] === 'false').map((m) => m[1]),
  }
}

const availableCodes = privacy.availableRights().map(([code]) => code)
const comingCodes = privacy.comingRights().map(([code]) => code)

describe('rights and capabilities claimed on pages come from their declarations', () => {
  const ctx = useAccountServer()

  it('declares every right built (export and erasure among them), each with links', () => {
    assert.deepEqual([...comingCodes].sort(), [])
    assert.ok(availableCodes.includes('export'))
    assert.ok(availableCodes.includes('erasure'))
    for (const [code, right] of privacy.availableRights()) assert.ok(right.links.length > 0, code)
    for (const [code, right] of privacy.comingRights()) assert.equal(right.links.length, 0, code)
  })

  for (const path of ['/privacy', '/grievance']) {
    it(`${path} lists exactly the available rights, and the rest only as coming, without links`, async () => {
      const res = await ctx.server.inject(path)
      assert.equal(res.statusCode, 200)
      const markers = rightMarkers(res.body)
      assert.deepEqual(markers.available, availableCodes)
      assert.deepEqual(markers.coming, comingCodes)
      for (const code of comingCodes) {
        const item = new RegExp(`<li[^>]*data-right="${code}"[\\s\\S]*?</li>`).exec(res.body)?.[0] ?? ''
        assert.match(item, /coming/)
        assert.doesNotMatch(item, /href=/, `${code} is not linked`)
      }
      for (const [code, right] of privacy.availableRights()) {
        for (const link of right.links)
          assert.ok(res.body.includes(`href="${link.href}"`), `${code}: ${link.href}`)
      }
      const claims = visibleText(withoutComing(res.body))
      for (const [, right] of privacy.comingRights()) assert.ok(!claims.includes(right.title), right.title)
    })
  }

  it('the home page claims the available rights and none of the others', async () => {
    const res = await ctx.server.inject('/')
    assert.equal(res.statusCode, 200)
    const text = visibleText(res.body)
    assert.ok(
      text.includes(
        privacy.rightsPhrase(
          privacy.availableRights().map(([, r]) => r),
          'or',
        ),
      ),
    )
    for (const [, right] of privacy.comingRights())
      assert.ok(!text.toLowerCase().includes(right.title.toLowerCase()))
  })

  it('every link of an available right answers 200 for a signed-in person', async () => {
    const { browser } = await registerThroughForm(ctx)
    const hrefs = new Set(privacy.availableRights().flatMap(([, r]) => r.links.map((l) => l.href)))
    assert.ok(hrefs.size >= 4)
    for (const href of hrefs) {
      const res = await browser.get(href)
      assert.equal(res.statusCode, 200, href)
    }
  })

  it('the account page shows only capabilities whose feature exists: no "Place orders"', async () => {
    const { browser } = await registerThroughForm(ctx)
    const res = await browser.get('/account')
    assert.equal(res.statusCode, 200)
    const section = /<ul class="readiness">[\s\S]*?<\/section>/.exec(res.body)?.[0] ?? ''
    const items = section.match(/class="readiness-(todo|done)"/g) ?? []
    const available = (Object.keys(accounts.capabilities) as accounts.Capability[]).filter(
      (c) => accounts.capabilities[c].available,
    )
    assert.equal(accounts.capabilities.place_order.available, false)
    assert.equal(items.length, available.length)
    assert.doesNotMatch(visibleText(res.body), /Place orders/)
    assert.match(visibleText(res.body), /Send enquiries/)
  })
})
