import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { eq } from 'drizzle-orm'
import * as accounts from '#src/modules/accounts/index.ts'
import * as enquiries from '#src/modules/enquiries/index.ts'
import { buildBusiness, buildProduct, buildUser } from '#test/factories.ts'
import { useTestApp } from '#test/setup.ts'
import { TestBrowser, visibleText } from '../account/account-pages.test-support.ts'
import { assertLabelledForms } from './markup.test-support.ts'
import { enquiries as enquiriesTable } from '#src/modules/enquiries/enquiries.tables.ts'

// The buyer's side: the enquiry form, the list and the thread with its actions.

describe('enquiry pages (buyer)', () => {
  const ctx = useTestApp()

  async function signedIn(overrides: Parameters<typeof buildUser>[1] = {}) {
    const user = await buildUser(ctx.db, {
      name: 'Meera Joshi',
      emailVerifiedAt: new Date(),
      phone: '+919123456780',
      city: 'Nagpur',
      ...overrides,
    })
    const session = await accounts.createSession(ctx.db, { userId: user.id, sharedDevice: false })
    const browser = new TestBrowser(ctx.server)
    browser.cookies.set('mandi_session', session.token)
    return { user, browser }
  }

  async function productOfNewSeller() {
    const business = await buildBusiness(ctx.db, { tradeName: 'Sundaram Pumps Pvt. Ltd.' })
    const product = await buildProduct(ctx.db, { businessId: business.id, unit: 'piece', moq: 5 })
    return { business, product }
  }

  it('sends a signed-out visitor to sign in and back to the form', async () => {
    const { product } = await productOfNewSeller()
    const res = await new TestBrowser(ctx.server).get(`/enquire?productId=${product.id}`)
    assert.equal(res.statusCode, 303)
    assert.equal(
      res.headers.location,
      `/account/sign-in?next=${encodeURIComponent(`/enquire?productId=${product.id}`)}`,
    )
  })

  it('prefills the unit and city, says what the seller sees, and has labelled fields', async () => {
    const { product } = await productOfNewSeller()
    const { browser } = await signedIn()
    const res = await browser.get(`/enquire?productId=${product.id}`)
    assert.equal(res.statusCode, 200)
    assert.match(res.body, /name="unit"[^>]*value="piece"|value="piece"[^>]*name="unit"/)
    assert.match(res.body, /value="Nagpur"/)
    const text = visibleText(res.body)
    assert.match(text, /What Sundaram Pumps Pvt\. Ltd\. will see/)
    assert.match(text, /email address and phone number stay private/)
    assertLabelledForms(res.body)
  })

  it('keeps what was typed and shows errors next to the fields', async () => {
    const { product } = await productOfNewSeller()
    const { browser } = await signedIn()
    await browser.get(`/enquire?productId=${product.id}`)
    const res = await browser.post('/enquire', {
      productId: String(product.id),
      quantity: 'lots',
      unit: 'piece',
      message: 'Need <b>pumps</b>',
      requiredBy: '',
      deliveryCity: 'Wardha',
    })
    assert.equal(res.statusCode, 400)
    assert.match(res.body, /class="field-error" id="quantity-error"/)
    assert.match(res.body, /value="lots"/)
    assert.match(res.body, /value="Wardha"/)
    assert.match(res.body, /Need &lt;b>pumps&lt;\/b>|Need &lt;b&gt;pumps&lt;\/b&gt;/)
    assertLabelledForms(res.body)
  })

  it('reports every problem in one answer, a past date with the fields, and keeps every value', async () => {
    const { product } = await productOfNewSeller()
    const { browser } = await signedIn()
    await browser.get(`/enquire?productId=${product.id}`)
    const res = await browser.post('/enquire', {
      productId: String(product.id),
      quantity: '0',
      unit: '',
      message: 'Pumps?',
      requiredBy: '2020-01-31',
      deliveryCity: 'Wardha',
    })
    assert.equal(res.statusCode, 400)
    for (const field of ['quantity', 'unit', 'message', 'requiredBy']) {
      assert.match(res.body, new RegExp(`id="${field}-error"`), `${field} has its error in the same answer`)
    }
    assert.match(res.body, /id="requiredBy-error"[^>]*>.*today or a later date/)
    for (const typed of ['value="0"', 'value="2020-01-31"', 'value="Wardha"', '>Pumps?</textarea>']) {
      assert.ok(res.body.includes(typed), `${typed} is kept`)
    }
  })

  it('shows what to complete, with links, when the profile is incomplete, and keeps the input', async () => {
    const { product } = await productOfNewSeller()
    const { browser } = await signedIn({ emailVerifiedAt: null, phone: null })
    const page = await browser.get(`/enquire?productId=${product.id}`)
    assert.match(page.body, /Complete your profile to send enquiries/)
    const res = await browser.post('/enquire', {
      productId: String(product.id),
      quantity: '40',
      unit: 'piece',
      message: 'Forty monoblock pumps for a housing society, delivered to Nagpur.',
      requiredBy: '2030-01-15',
      deliveryCity: 'Nagpur',
    })
    assert.equal(res.statusCode, 403)
    assert.match(res.body, /href="\/account\/profile#email"/)
    assert.match(res.body, /href="\/account\/profile#phone"/)
    assert.match(res.body, /Forty monoblock pumps for a housing society/)
    assert.match(res.body, /value="2030-01-15"/)
    assert.match(res.body, /value="40"/)
  })

  it('sends the enquiry, lands on the thread with a notice, and lists it', async () => {
    const { product, business } = await productOfNewSeller()
    const { browser } = await signedIn()
    await browser.get(`/enquire?productId=${product.id}`)
    const res = await browser.post('/enquire', {
      productId: String(product.id),
      quantity: '12',
      unit: 'piece',
      message: 'Twelve pumps for our dyeing unit; please quote with freight to Nagpur.',
      requiredBy: '2030-02-01',
      deliveryCity: 'Nagpur',
    })
    assert.equal(res.statusCode, 303, res.body.slice(0, 500))
    const location = String(res.headers.location)
    assert.match(location, /^\/account\/enquiries\/[0-9a-f-]{36}$/)
    const thread = await browser.get(location)
    assert.equal(thread.statusCode, 200)
    const text = visibleText(thread.body)
    // A name that ends in a full stop ends the sentence too: no "Ltd..".
    assert.match(text, /Your enquiry is on its way to Sundaram Pumps Pvt\. Ltd\. You will see/)
    assert.match(text, /Twelve pumps for our dyeing unit/)
    assert.match(text, /Share my contact details with this seller/)
    assertLabelledForms(thread.body)

    const list = await browser.get('/account/enquiries')
    assert.equal(list.statusCode, 200)
    assert.match(list.body, new RegExp(`href="/account/enquiries/${location.split('/').pop()}"`))
    assert.match(
      visibleText(list.body),
      new RegExp(`${product.title}.*Sundaram Pumps Pvt\\. Ltd\\., ${business.city}`),
    )
    assert.match(list.body, /href="\/account\/enquiries" aria-current="page"/)
  })

  it('shows the rate-limit message and keeps the input', async () => {
    const { product } = await productOfNewSeller()
    const { user, browser } = await signedIn()
    for (let i = 0; i < enquiries.enquiryLimits.newAccountEnquiriesPerDay; i++) {
      await enquiries.createEnquiry(ctx.db, ctx.app.enquiryContext, user.id, {
        productId: product.id,
        quantity: 1,
        unit: 'piece',
        message: `Enquiry number ${i} about these pumps.`,
      })
    }
    await browser.get(`/enquire?productId=${product.id}`)
    const res = await browser.post('/enquire', {
      productId: String(product.id),
      quantity: '3',
      unit: 'piece',
      message: 'One more enquiry that should be refused today.',
    })
    assert.equal(res.statusCode, 429)
    assert.ok(res.headers['retry-after'])
    assert.match(visibleText(res.body), /Please try again tomorrow|wait a while/)
    assert.match(res.body, /One more enquiry that should be refused today/)
  })

  it('replies, shares and stops sharing contact details, asks for a call, and closes and reopens', async () => {
    const { product } = await productOfNewSeller()
    const { user, browser } = await signedIn()
    const { id } = await enquiries.createEnquiry(ctx.db, ctx.app.enquiryContext, user.id, {
      productId: product.id,
      quantity: 8,
      unit: 'piece',
      message: 'Eight pumps, stainless impeller please.',
    })
    const path = `/account/enquiries/${id}`
    await browser.get(path)

    const empty = await browser.post(`${path}/messages`, { body: '   ' })
    assert.equal(empty.statusCode, 400)
    assert.match(empty.body, /id="reply-body-error"/)

    const replied = await browser.post(`${path}/messages`, { body: 'Can you also send the pump curve?' })
    assert.equal(replied.statusCode, 303)

    await browser.get(path)
    const shared = await browser.post(`${path}/share-contact`, {})
    assert.equal(shared.statusCode, 303)
    let page = await browser.get(path)
    assert.match(visibleText(page.body), /can see your email address and phone number/)
    assert.match(page.body, /Stop sharing/)

    const stopped = await browser.post(`${path}/stop-sharing`, {})
    assert.equal(stopped.statusCode, 303)
    page = await browser.get(path)
    const text = visibleText(page.body)
    assert.match(text, /Email address and phone number: shared on \d+ \w+ \d{4}, stopped on \d+ \w+ \d{4}/)
    assert.match(text, /Share my contact details with this seller/)

    const callback = await browser.post(`${path}/callback`, {
      preferredTime: 'weekdays after 4 pm',
      reveal: 'mask',
    })
    assert.equal(callback.statusCode, 303)
    page = await browser.get(path)
    assert.match(visibleText(page.body), /weekdays after 4 pm/)

    const closed = await browser.post(`${path}/status`, { to: 'closed', reason: 'Bought locally' })
    assert.equal(closed.statusCode, 303)
    page = await browser.get(path)
    assert.match(visibleText(page.body), /The buyer closed this enquiry: Bought locally/)
    assert.match(page.body, /Reopen enquiry/)
    const reopened = await browser.post(`${path}/status`, { to: 'open', reason: '' })
    assert.equal(reopened.statusCode, 303)

    const [row] = await ctx.db.select().from(enquiriesTable).where(eq(enquiriesTable.id, id))
    assert.equal(row!.status, 'open')
  })

  it("does not show another buyer's enquiry", async () => {
    const { product } = await productOfNewSeller()
    const { user } = await signedIn()
    const { id } = await enquiries.createEnquiry(ctx.db, ctx.app.enquiryContext, user.id, {
      productId: product.id,
      quantity: 2,
      unit: 'piece',
      message: 'Two pumps for a trial order.',
    })
    const other = await signedIn({ name: 'Someone Else' })
    const res = await other.browser.get(`/account/enquiries/${id}`)
    assert.equal(res.statusCode, 404)
    await other.browser.get('/account/enquiries')
    const post = await other.browser.post(`/account/enquiries/${id}/share-contact`, {})
    assert.equal(post.statusCode, 404)
  })
})
