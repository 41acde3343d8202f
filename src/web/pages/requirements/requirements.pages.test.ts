import assert from 'node:assert/strict'
import { before, describe, it } from 'node:test'
import { eq } from 'drizzle-orm'
import * as accounts from '#src/modules/accounts/index.ts'
import { buyerInterests } from '#src/modules/enquiries/enquiries.tables.ts'
import {
  buildBuyer,
  buildCategoryPair,
  buildSellerWithProduct,
  giveConsent,
  setResponsiveness,
} from '#test/requirement-factories.ts'
import { useTestApp } from '#test/setup.ts'
import { TestBrowser, visibleText } from '../account/account-pages.test-support.ts'

describe('buy requirement pages', () => {
  const t = useTestApp()
  let categoryId: number
  let sellers: Awaited<ReturnType<typeof buildSellerWithProduct>>[] = []

  before(async () => {
    const { sub } = await buildCategoryPair(t.db)
    categoryId = sub.id
    sellers = [
      await buildSellerWithProduct(t.db, { categoryId, name: 'Kulkarni Flow Controls' }),
      await buildSellerWithProduct(t.db, { categoryId, name: 'Deccan Valve Works', city: 'Mumbai' }),
    ]
  })

  async function browserFor(userId: string) {
    const session = await accounts.createSession(t.db, { userId, sharedDevice: false })
    const browser = new TestBrowser(t.server)
    browser.cookies.set('mandi_session', session.token)
    return browser
  }

  const form = (overrides: Record<string, string> = {}) => ({
    title: 'Stainless steel ball valve 2 inch',
    categoryId: String(categoryId),
    details: 'SS316 with test certificate',
    quantity: '40',
    unit: 'piece',
    budget: '4,800',
    city: 'Pune',
    state: 'Maharashtra',
    neededBy: '',
    expiresAt: '',
    maxSuppliers: '2',
    ...overrides,
  })

  it('sends a signed-out visitor to sign in and back', async () => {
    const res = await new TestBrowser(t.server).get('/requirements/new')
    assert.equal(res.statusCode, 303)
    assert.equal(res.headers.location, '/account/sign-in?next=%2Frequirements%2Fnew')
  })

  it('reports every problem in one answer, the dates with the fields, and keeps every value', async () => {
    const buyer = await buildBuyer(t.db, { city: 'Nagpur' })
    const browser = await browserFor(buyer.id)
    await browser.get('/requirements/new')
    const res = await browser.post(
      '/requirements',
      form({ title: 'Pump', quantity: '0', budget: 'lots', neededBy: '2020-01-31', expiresAt: '2099-12-31' }),
    )
    assert.equal(res.statusCode, 400)
    for (const field of ['title', 'quantity', 'budget', 'neededBy', 'expiresAt']) {
      assert.match(res.body, new RegExp(`id="${field}-error"`), `${field} has its error in the same answer`)
    }
    assert.match(res.body, /id="expiresAt-error"[^>]*>.*within 90 days/)
    for (const typed of ['Pump', '0', 'lots', '2020-01-31', '2099-12-31', 'Pune']) {
      assert.match(res.body, new RegExp(`value="${typed}"`), `${typed} is kept`)
    }
  })

  it('explains who sees what, and keeps what was typed when the form has a mistake', async () => {
    const buyer = await buildBuyer(t.db, { city: 'Nagpur' })
    const browser = await browserFor(buyer.id)
    const page = await browser.get('/requirements/new')
    assert.equal(page.statusCode, 200)
    const text = visibleText(page.body)
    assert.match(text, /your name, your company, your city and what you need/)
    assert.match(text, /do not see your email address or phone number/)
    assert.match(page.body, /name="city"[^>]*value="Nagpur"/, 'the city comes from the profile')

    const res = await browser.post(
      '/requirements',
      form({ unit: '', budget: 'about five thousand', title: 'Brass gate valve 1 inch' }),
    )
    assert.equal(res.statusCode, 400)
    assert.match(res.body, /value="Brass gate valve 1 inch"/)
    assert.match(res.body, /value="about five thousand"/)
    assert.match(res.body, /<textarea[^>]*name="details"[^>]*>SS316 with test certificate<\/textarea>/)
    const errors = visibleText(res.body)
    assert.match(errors, /Unit: Say the unit/)
    assert.match(errors, /Budget per unit: Enter the budget in rupees/)

    const noCsrf = await browser.post('/requirements', form(), { csrf: false })
    assert.equal(noCsrf.statusCode, 403)
  })

  it('posts, shows who received it and why, lists it and closes it', async () => {
    await setResponsiveness(t.db, sellers[0]!.business.id, {
      enquiries90d: 12,
      answeredShare: 1,
      medianFirstReplyHours: 2,
    })
    const buyer = await buildBuyer(t.db)
    const browser = await browserFor(buyer.id)
    await browser.get('/requirements/new')
    const posted = await browser.post('/requirements', form())
    assert.equal(posted.statusCode, 303, posted.body.slice(0, 500))
    const detailUrl = String(posted.headers.location)
    assert.match(detailUrl, /^\/account\/requirements\/[0-9a-f-]{36}$/)

    const detail = await browser.get(detailUrl)
    assert.equal(detail.statusCode, 200)
    const text = visibleText(detail.body)
    assert.match(text, /sent to 2 suppliers/)
    assert.match(text, /Who received it \(2 of at most 2\)/)
    assert.match(text, /Kulkarni Flow Controls/)
    assert.match(text, /Deccan Valve Works/)
    assert.match(text, /Based in Pune, your city/)
    assert.match(text, /Sells in the category you chose/)
    assert.match(text, /Usual price is within your budget/)
    assert.match(text, /No reply yet/)
    assert.equal((detail.body.match(/href="\/account\/enquiries\/[0-9a-f-]{36}"/g) ?? []).length, 2)
    assert.ok(
      text.indexOf('Kulkarni Flow Controls') < text.indexOf('Deccan Valve Works'),
      'the nearer, responsive one first',
    )

    const list = await browser.get('/account/requirements')
    assert.match(visibleText(list.body), /Stainless steel ball valve 2 inch/)
    assert.match(list.body, new RegExp(`href="${detailUrl}"`))

    const stranger = await browserFor((await buildBuyer(t.db)).id)
    assert.equal((await stranger.get(detailUrl)).statusCode, 404)

    const closed = await browser.post(`${detailUrl}/close`, {})
    assert.equal(closed.statusCode, 303)
    const after = visibleText((await browser.get(detailUrl)).body)
    assert.match(after, /Your requirement is closed/)
    assert.doesNotMatch(after, /Close this requirement/)
  })

  it('shows a seller’s responsiveness on their storefront', async () => {
    const slug = sellers[0]!.business.slug
    await setResponsiveness(t.db, sellers[0]!.business.id, {
      enquiries90d: 12,
      answeredShare: 1,
      medianFirstReplyHours: 2,
    })
    const res = await t.server.inject({ url: `/s/${slug}` })
    assert.equal(res.statusCode, 200)
    assert.match(
      visibleText(res.body),
      /Replies to enquiries Usually replies within 2 hours\. Replies to every enquiry/,
    )
    const quiet = await t.server.inject({ url: `/s/${sellers[1]!.business.slug}` })
    assert.match(visibleText(quiet.body), /Too few recent enquiries to show reply times yet/)
  })

  it('records product views and suggests suppliers only with consent; withdrawing in the privacy centre forgets them', async () => {
    const buyer = await buildBuyer(t.db)
    const browser = await browserFor(buyer.id)
    const productUrl = `/p/${sellers[1]!.product.id}/${sellers[1]!.product.slug}`
    const interests = async () =>
      (await t.db.select().from(buyerInterests).where(eq(buyerInterests.userId, buyer.id))).length

    assert.equal((await browser.get(productUrl)).statusCode, 200)
    assert.equal(await interests(), 0)
    assert.doesNotMatch(visibleText((await browser.get('/account')).body), /Suppliers you may need/)

    await giveConsent(t.db, buyer.id)
    assert.equal((await browser.get(productUrl)).statusCode, 200)
    assert.equal(await interests(), 1)
    const overview = visibleText((await browser.get('/account')).body)
    assert.match(overview, /Suppliers you may need/)
    assert.match(overview, /because you turned on personalised suggestions/)
    assert.match(overview, /Kulkarni Flow Controls/)
    assert.match(overview, /Turn this off/)

    await browser.get('/account/privacy')
    const withdrawn = await browser.post('/account/privacy/consents', {
      purpose: 'personalisation',
      action: 'withdraw',
    })
    assert.equal(withdrawn.statusCode, 303)
    assert.equal(await interests(), 0)
    assert.doesNotMatch(visibleText((await browser.get('/account')).body), /Suppliers you may need/)
  })
})
