import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
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
    assert.match(body, /Name a nominee<\/strong> \(coming\)/)
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
    assert.match(body, /Within 15 days/)
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
