import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import * as accounts from '#src/modules/accounts/index.ts'
import * as privacy from '#src/modules/privacy/index.ts'
import { buildUser } from '#test/factories.ts'
import { useTestApp } from '#test/setup.ts'

describe('privacy, terms and grievance pages', () => {
  const ctx = useTestApp({
    config: {
      OPERATOR_NAME: 'Shakti Trade Networks Pvt Ltd',
      GRIEVANCE_OFFICER_NAME: 'Meera Iyer',
      GRIEVANCE_OFFICER_EMAIL: 'grievance@shakti.example',
      GRIEVANCE_OFFICER_ADDRESS: '4th Floor, Tower B, Lower Parel, Mumbai 400013',
    },
  })

  const get = async (url: string) => {
    const res = await ctx.server.inject(url)
    assert.equal(res.statusCode, 200, url)
    return res.body
  }

  it('explains what is collected, who receives it and the DPDP rights, with a version', async () => {
    const body = await get('/privacy')
    assert.match(body, /<h1>Privacy notice<\/h1>/)
    assert.match(body, /Shakti Trade Networks Pvt Ltd/)
    assert.match(body, /Version [\w-]+, published \d{1,2} [A-Z][a-z]{2} \d{4}/)
    assert.match(body, /disclosure ledger/)
    assert.match(body, /payment gateway/i)
    assert.match(body, /href="\/account\/privacy\/nominee"/)
    assert.doesNotMatch(body, /Name a nominee<\/strong> \(coming\)/)
    assert.match(body, /Withdraw consent/)
    assert.match(body, /Digital Personal Data Protection Act, 2023/)
    assert.match(body, /href="\/privacy\/data-we-hold"/)
    assert.match(body, /href="\/grievance"/)
  })

  it('names the grievance officer from the configuration and the deadline for an answer', async () => {
    const body = await get('/grievance')
    assert.match(body, /Meera Iyer/)
    assert.match(body, /href="mailto:grievance@shakti.example"/)
    assert.match(body, /Lower Parel, Mumbai 400013/)
    assert.match(body, /Within 48 hours/)
    assert.match(body, /Within 30 days/)
  })

  it('publishes terms of use', async () => {
    const body = await get('/terms')
    assert.match(body, /<h1>Terms of use<\/h1>/)
    assert.match(body, /Shakti Trade Networks Pvt Ltd/)
    assert.match(body, /laws of India/)
  })

  it('links the privacy notice, terms, grievance officer and API docs from every page footer', async () => {
    const body = await get('/terms')
    for (const href of ['/privacy', '/terms', '/grievance', '/api/docs'])
      assert.match(body, new RegExp(`href="${href}"`))
  })
})

describe('the grievance page before the operator has named an officer', () => {
  // No GRIEVANCE_OFFICER_* settings: the placeholders a fresh checkout runs with.
  const ctx = useTestApp()

  const session = async (roles: string[]) => {
    const user = await buildUser(ctx.db, { roles })
    const { token } = await accounts.createSession(ctx.db, { userId: user.id, sharedDevice: false })
    return `mandi_session=${token}`
  }

  it('shows the public no "not configured" notice and no placeholder address', async () => {
    for (const cookie of [undefined, await session(['buyer'])]) {
      const res = await ctx.server.inject({ url: '/grievance', headers: cookie ? { cookie } : {} })
      assert.equal(res.statusCode, 200)
      assert.doesNotMatch(res.body, /not configured|not fully configured|GRIEVANCE_OFFICER/i)
      assert.match(res.body, /Within 30 days/)
    }
  })

  it('tells an admin what is missing and how to set it', async () => {
    const res = await ctx.server.inject({ url: '/grievance', headers: { cookie: await session(['admin']) } })
    assert.equal(res.statusCode, 200)
    assert.match(res.body, /The grievance officer is not fully configured/)
    assert.match(res.body, /Only admins see this/)
    assert.match(res.body, /<code>GRIEVANCE_OFFICER_ADDRESS<\/code>/)
    assert.doesNotMatch(res.body, /Address not configured/)
  })
})

describe('grievance officer checks', () => {
  it('names each placeholder still in the configuration, and nothing once all are set', () => {
    const gaps = privacy.grievanceOfficerGaps({
      name: 'Grievance Officer',
      email: 'grievance@mandi.localhost',
      address: 'Address not configured (set GRIEVANCE_OFFICER_ADDRESS)',
    })
    assert.deepEqual(
      gaps.map((g) => g.variable),
      ['GRIEVANCE_OFFICER_NAME', 'GRIEVANCE_OFFICER_EMAIL', 'GRIEVANCE_OFFICER_ADDRESS'],
    )
    assert.deepEqual(
      privacy.grievanceOfficerGaps({
        name: 'Meera Iyer',
        email: 'grievance@shakti.in',
        address: 'Lower Parel, Mumbai 400013',
      }),
      [],
    )
  })
})
