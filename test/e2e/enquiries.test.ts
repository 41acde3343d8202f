import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { Page } from 'playwright-core'
import * as accounts from '#src/modules/accounts/index.ts'
import { buildBusiness, buildCategory, buildProduct, buildUser } from '#test/factories.ts'
import { screenshot, seriousAxeViolations, useLiveServer } from '../browser.ts'

// A buyer enquires about a product, the seller replies, the buyer shares their contact details
// and later stops sharing; the seller's lead page follows each step. Two people, one browser:
// the session cookie is swapped between them.

describe('enquiries in a real browser', () => {
  const people = {} as {
    buyer: { id: string; email: string; phone: string }
    seller: { id: string }
    product: { id: number; title: string }
  }
  const live = useLiveServer(async (app) => {
    const buyer = await buildUser(app.db, {
      name: 'Meera Joshi',
      email: 'meera@joshi-textiles.example',
      phone: '+919123456780',
      city: 'Nagpur',
      emailVerifiedAt: new Date(),
    })
    await buildBusiness(app.db, {
      ownerUserId: buyer.id,
      tradeName: 'Joshi Textiles',
      city: 'Nagpur',
      state: 'Maharashtra',
    })
    const owner = await buildUser(app.db, {
      name: 'Ravi Sundaram',
      emailVerifiedAt: new Date(),
      phone: '+919000011111',
    })
    const business = await buildBusiness(app.db, { ownerUserId: owner.id, tradeName: 'Sundaram Pumps' })
    const top = await buildCategory(app.db, { name: 'Pumps' })
    const category = await buildCategory(app.db, { parentId: top.id, name: 'Monoblock pumps' })
    const product = await buildProduct(app.db, { businessId: business.id, categoryId: category.id })
    Object.assign(people, {
      buyer: { id: buyer.id, email: buyer.email, phone: buyer.phone! },
      seller: { id: owner.id },
      product: { id: product.id, title: product.title },
    })
  })

  async function actAs(userId: string): Promise<Page> {
    const session = await accounts.createSession(live.app.db, { userId, sharedDevice: false })
    await live.browser.clearCookies()
    await live.browser.addCookies([
      { name: 'mandi_session', value: session.token, url: live.url, httpOnly: true, sameSite: 'Lax' },
    ])
    return live.browser.newPage()
  }

  it('enquire → seller replies → buyer shares contact → seller sees it → buyer stops → seller does not', async () => {
    // The buyer finds the product and sends an enquiry.
    let buyer = await actAs(people.buyer.id)
    await buyer.goto(`${live.url}/p/${people.product.id}`)
    await buyer.getByRole('link', { name: 'Send an enquiry to Sundaram Pumps' }).click()
    await buyer.waitForURL(/\/enquire\?productId=/)
    assert.equal(await buyer.getByLabel('Unit').inputValue(), 'piece')
    assert.equal(await buyer.getByLabel('Delivery city').inputValue(), 'Nagpur')
    await buyer.getByLabel('Quantity').fill('40')
    await buyer
      .getByLabel('What you need')
      .fill('Forty 1 HP monoblock pumps for our dyeing unit. Please quote with freight.')
    await buyer.getByLabel('Needed by').fill('2030-01-31')
    assert.deepEqual(await seriousAxeViolations(buyer), [])
    await screenshot(buyer, 'enquire-form-desktop')
    await buyer.getByRole('button', { name: 'Send enquiry' }).click()
    await buyer.waitForURL(/\/account\/enquiries\/[0-9a-f-]{36}$/)
    const threadUrl = buyer.url()
    const leadUrl = threadUrl.replace('/account/enquiries/', '/seller/leads/')
    assert.match((await buyer.locator('.flash').first().textContent()) ?? '', /on its way to Sundaram Pumps/)
    await buyer.close()

    // The seller sees a new, unread lead without the buyer's email or phone, and replies.
    let seller = await actAs(people.seller.id)
    await seller.goto(`${live.url}/seller/leads`)
    assert.match((await seller.locator('.account-nav').textContent()) ?? '', /Leads\s*1/)
    await seller.getByRole('link', { name: /Centrifugal Monoblock Pump/ }).click()
    await seller.waitForURL(leadUrl)
    let lead = await seller.content()
    assert.ok(lead.includes('Meera Joshi') && lead.includes('Joshi Textiles'))
    assert.ok(!lead.includes(people.buyer.email) && !lead.includes(people.buyer.phone))
    await seller
      .getByLabel('Reply to the buyer')
      .fill('Yes, we have 40 in stock. Three-phase or single-phase?')
    await seller.getByRole('button', { name: 'Send reply' }).click()
    await seller.waitForURL(`${leadUrl}#reply`)
    await seller.getByLabel('Price per unit (₹)').fill('7,450')
    await seller.getByLabel('Valid until').fill('2030-02-28')
    await seller.getByLabel('Terms').fill('Ex-works Pune. GST 18% extra. Dispatch in 7 days.')
    await seller.getByRole('button', { name: 'Send quote' }).click()
    await seller.waitForURL(`${leadUrl}#quote`)
    assert.match((await seller.locator('.thread').textContent()) ?? '', /₹7,450.+₹2,98,000/)
    await seller.close()

    // The buyer reads the reply and shares their contact details.
    buyer = await actAs(people.buyer.id)
    await buyer.goto(threadUrl)
    assert.match((await buyer.locator('.thread').textContent()) ?? '', /Three-phase or single-phase\?/)
    assert.match((await buyer.locator('.quote-card').first().textContent()) ?? '', /₹7,450 per piece/)
    await buyer.getByRole('button', { name: 'Share my contact details with this seller' }).click()
    await buyer.waitForURL(`${threadUrl}#contact`)
    assert.match(
      (await buyer.locator('#contact').textContent()) ?? '',
      /can see your email address and phone number/,
    )
    await buyer.goto(threadUrl)
    assert.deepEqual(await seriousAxeViolations(buyer), [])
    await screenshot(buyer, 'enquiry-buyer-thread-desktop')
    await buyer.close()

    // The seller now sees the email and phone.
    seller = await actAs(people.seller.id)
    await seller.goto(leadUrl)
    const card = (await seller.locator('.buyer-card').textContent()) ?? ''
    assert.ok(card.includes(people.buyer.email), 'email shown while shared')
    assert.ok(card.includes(people.buyer.phone), 'phone shown while shared')
    assert.deepEqual(await seriousAxeViolations(seller), [])
    await screenshot(seller, 'lead-seller-page-desktop')
    await seller.close()

    // The buyer stops sharing; the history says when it was shared and stopped.
    buyer = await actAs(people.buyer.id)
    await buyer.goto(threadUrl)
    await buyer.getByRole('button', { name: 'Stop sharing' }).click()
    await buyer.waitForURL(`${threadUrl}#contact`)
    assert.match((await buyer.locator('.share-history').textContent()) ?? '', /shared on .+, stopped on /)
    await buyer.close()

    // The seller no longer sees them.
    seller = await actAs(people.seller.id)
    await seller.goto(leadUrl)
    lead = await seller.content()
    assert.ok(!lead.includes(people.buyer.email) && !lead.includes(people.buyer.phone))
    await seller.goto(`${live.url}/seller/leads`)
    assert.deepEqual(await seriousAxeViolations(seller), [])
    await screenshot(seller, 'leads-list-desktop')
    await seller.setViewportSize({ width: 390, height: 844 })
    await seller.goto(leadUrl)
    assert.deepEqual(await seriousAxeViolations(seller), [])
    await screenshot(seller, 'lead-seller-page-mobile')
    await seller.close()
  })
})
