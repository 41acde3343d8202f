import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { and, eq } from 'drizzle-orm'
import * as accounts from '#src/modules/accounts/index.ts'
import * as enquiries from '#src/modules/enquiries/index.ts'
import { disclosures } from '#src/modules/privacy/privacy.tables.ts'
import { buildBusiness, buildProduct, buildUser } from '#test/factories.ts'
import { useTestApp } from '#test/setup.ts'
import { TestBrowser, visibleText } from '../account/account-pages.test-support.ts'
import { assertLabelledForms } from '../enquiries/markup.test-support.ts'

// The seller's lead manager. The privacy promise is tested on the text a seller receives: the
// lead page, the list and both exports carry the buyer's email and phone only while shared.

describe('seller lead pages', () => {
  const ctx = useTestApp()

  async function browserFor(userId: string) {
    const session = await accounts.createSession(ctx.db, { userId, sharedDevice: false })
    const browser = new TestBrowser(ctx.server)
    browser.cookies.set('mandi_session', session.token)
    return browser
  }

  async function sellerWithProduct() {
    const owner = await buildUser(ctx.db, {
      name: 'Ravi Sundaram',
      emailVerifiedAt: new Date(),
      phone: '+919000011111',
    })
    const business = await buildBusiness(ctx.db, { ownerUserId: owner.id, tradeName: 'Sundaram Pumps' })
    const product = await buildProduct(ctx.db, { businessId: business.id })
    return { owner, business, product, browser: await browserFor(owner.id) }
  }

  async function buyer() {
    const user = await buildUser(ctx.db, {
      name: 'Meera Joshi',
      email: `meera.${Math.random().toString(36).slice(2, 8)}@joshi-textiles.example`,
      emailVerifiedAt: new Date(),
      phone: '+919123456780',
      city: 'Nagpur',
    })
    await buildBusiness(ctx.db, { ownerUserId: user.id, tradeName: 'Joshi Textiles' })
    return { user, browser: await browserFor(user.id) }
  }

  async function enquiryFrom(
    buyerId: string,
    productId: number,
    message = 'Need 25 pumps for our new dyeing unit.',
  ) {
    return enquiries.createEnquiry(ctx.db, ctx.app.enquiryContext, buyerId, {
      productId,
      quantity: 25,
      unit: 'piece',
      message,
      deliveryCity: 'Nagpur',
    })
  }

  /** Everything the seller can read about their leads, as text. */
  async function whatTheSellerReads(browser: TestBrowser, id: string) {
    const pages = [
      await browser.get(`/seller/leads/${id}`),
      await browser.get('/seller/leads'),
      await browser.get('/seller/leads/export.csv'),
      await browser.get('/seller/leads/export.json'),
    ]
    for (const res of pages) assert.equal(res.statusCode, 200, res.body.slice(0, 300))
    return pages.map((r) => r.body)
  }

  it("never shows the buyer's email or phone before sharing, shows them while shared, and not after", async () => {
    const seller = await sellerWithProduct()
    const { user, browser: buyerBrowser } = await buyer()
    const { id } = await enquiryFrom(user.id, seller.product.id)
    const secrets = [user.email, user.phone!, '9123456780', '91234 56780']

    for (const body of await whatTheSellerReads(seller.browser, id)) {
      for (const secret of secrets) assert.ok(!body.includes(secret), `"${secret}" shown before sharing`)
      assert.match(body, /Meera Joshi/)
    }
    const lead = await seller.browser.get(`/seller/leads/${id}`)
    assert.match(visibleText(lead.body), /Joshi Textiles/)
    assert.match(visibleText(lead.body), /Nagpur/)

    await buyerBrowser.get(`/account/enquiries/${id}`)
    assert.equal((await buyerBrowser.post(`/account/enquiries/${id}/share-contact`, {})).statusCode, 303)
    // While shared: the lead page and both exports carry them; the list marks the lead "Contact shared".
    const [leadPage, list, csv, json] = await whatTheSellerReads(seller.browser, id)
    for (const body of [leadPage!, csv!, json!]) {
      assert.ok(body.includes(user.email), 'email shown while shared')
      assert.ok(body.includes(user.phone!), 'phone shown while shared')
    }
    assert.match(visibleText(list!), /Contact shared/)

    await buyerBrowser.get(`/account/enquiries/${id}`)
    assert.equal((await buyerBrowser.post(`/account/enquiries/${id}/stop-sharing`, {})).statusCode, 303)
    for (const body of await whatTheSellerReads(seller.browser, id)) {
      for (const secret of secrets) assert.ok(!body.includes(secret), `"${secret}" shown after revocation`)
    }
  })

  it('records a share in the disclosure ledger with the right fields', async () => {
    const seller = await sellerWithProduct()
    const { user, browser } = await buyer()
    const { id } = await enquiryFrom(user.id, seller.product.id)
    await browser.get(`/account/enquiries/${id}`)
    await browser.post(`/account/enquiries/${id}/share-contact`, {})
    const rows = await ctx.db
      .select()
      .from(disclosures)
      .where(
        and(
          eq(disclosures.subjectUserId, user.id),
          eq(disclosures.reference, `enquiry:${id}`),
          eq(disclosures.basis, 'consent'),
        ),
      )
    assert.equal(rows.length, 1)
    const [row] = rows
    assert.equal(row!.recipientKind, 'seller')
    assert.deepEqual([...row!.fields].sort(), ['email', 'phone'])
    assert.equal(row!.purpose, 'enquiries')
    assert.equal(row!.basis, 'consent')
    assert.match(row!.recipient, /Sundaram Pumps/)
  })

  it("answers 404 for another seller's lead, on the page and its forms", async () => {
    const seller = await sellerWithProduct()
    const other = await sellerWithProduct()
    const { user } = await buyer()
    const { id } = await enquiryFrom(user.id, seller.product.id)
    assert.equal((await other.browser.get(`/seller/leads/${id}`)).statusCode, 404)
    await other.browser.get('/seller/leads')
    assert.equal(
      (await other.browser.post(`/seller/leads/${id}/messages`, { body: 'Hello' })).statusCode,
      404,
    )
    assert.equal((await other.browser.post(`/seller/leads/${id}/status`, { status: 'won' })).statusCode, 404)
    const list = await other.browser.get('/seller/leads')
    assert.ok(!list.body.includes(id))
    const csv = await other.browser.get('/seller/leads/export.csv')
    assert.ok(!csv.body.includes(id))
  })

  it('renders markup in messages as inert text', async () => {
    const seller = await sellerWithProduct()
    const { user, browser } = await buyer()
    const attack = '<script>alert("lead")</script><img src=x onerror="alert(1)"> need pumps'
    const { id } = await enquiryFrom(user.id, seller.product.id, attack)
    await enquiries.postMessage(
      ctx.db,
      ctx.app.enquiryContext,
      { party: 'buyer', userId: user.id },
      id,
      attack,
    )
    for (const res of [
      await seller.browser.get(`/seller/leads/${id}`),
      await browser.get(`/account/enquiries/${id}`),
    ]) {
      assert.equal(res.statusCode, 200)
      assert.ok(!res.body.includes('<script>alert'), 'no live script')
      assert.ok(!res.body.includes('<img src=x'), 'no live image')
      assert.match(res.body, /&lt;script>alert\(&quot;lead&quot;\)&lt;\/script>|&lt;script&gt;/)
    }
  })

  it('lists leads with tabs, counts, unread and filters, and links the exports', async () => {
    const seller = await sellerWithProduct()
    const { user } = await buyer()
    const first = await enquiryFrom(user.id, seller.product.id, 'Copper winding pumps wanted for a farm.')
    await enquiryFrom(user.id, seller.product.id, 'Stainless steel pumps wanted for a dairy.')
    await enquiries.setLeadStatus(
      ctx.db,
      ctx.app.enquiryContext,
      { userId: seller.owner.id, businessId: seller.business.id },
      first.id,
      'contacted',
    )

    const all = await seller.browser.get('/seller/leads')
    assert.equal(all.statusCode, 200)
    const text = visibleText(all.body)
    assert.match(text, /All 2/)
    assert.match(text, /New 1/)
    assert.match(text, /Contacted 1/)
    assert.match(text, /2 unread/)
    assert.match(all.body, /href="\/seller\/leads\/export.csv"/)
    assert.match(all.body, /href="\/seller\/leads\/export.json"/)
    assert.match(all.body, /href="\/seller\/leads" aria-current="page">Leads<span class="nav-count">2/)
    assertLabelledForms(all.body)

    const searched = await seller.browser.get('/seller/leads?q=dairy')
    assert.match(searched.body, /Meera Joshi/)
    const contacted = await seller.browser.get('/seller/leads?status=contacted')
    assert.ok(contacted.body.includes(first.id))
    const requirementsOnly = await seller.browser.get('/seller/leads?kind=requirement')
    assert.match(visibleText(requirementsOnly.body), /No leads match/)

    await seller.browser.get(`/seller/leads/${first.id}`)
    const afterRead = await seller.browser.get('/seller/leads?unread=1')
    assert.ok(!afterRead.body.includes(`/seller/leads/${first.id}"`), 'an opened lead is no longer unread')

    const csv = await seller.browser.get('/seller/leads/export.csv')
    assert.match(String(csv.headers['content-type']), /text\/csv/)
    assert.match(
      String(csv.headers['content-disposition']),
      /attachment; filename="mandi-leads-\d{4}-\d{2}-\d{2}\.csv"/,
    )
    const json = await seller.browser.get('/seller/leads/export.json')
    assert.match(String(json.headers['content-disposition']), /attachment/)
    assert.equal(JSON.parse(json.body).leads.length, 2)
  })

  it('replies, quotes in rupees, keeps a bad quote, notes, moves status and offers only allowed ones', async () => {
    const seller = await sellerWithProduct()
    const { user, browser: buyerBrowser } = await buyer()
    const { id } = await enquiryFrom(user.id, seller.product.id)
    const path = `/seller/leads/${id}`
    const page = await seller.browser.get(path)
    assertLabelledForms(page.body)
    assert.match(page.body, /<option value="contacted"/)
    assert.ok(!page.body.includes('<option value="won"'), 'a new lead cannot jump to won')

    assert.equal(
      (await seller.browser.post(`${path}/messages`, { body: 'Yes, in stock. Which voltage?' })).statusCode,
      303,
    )
    await seller.browser.get(path)
    const bad = await seller.browser.post(`${path}/quote`, {
      price: 'twelve',
      quantity: '25',
      unit: 'piece',
      validUntil: '2030-03-31',
      terms: 'Ex-works Pune',
    })
    assert.equal(bad.statusCode, 400)
    assert.match(bad.body, /id="price-error"/)
    assert.match(bad.body, /value="twelve"/)
    assert.match(bad.body, /Ex-works Pune/)

    const quoted = await seller.browser.post(`${path}/quote`, {
      price: '1,250.50',
      quantity: '25',
      unit: 'piece',
      validUntil: '2030-03-31',
      terms: 'Ex-works Pune, GST extra',
    })
    assert.equal(quoted.statusCode, 303)
    const buyerView = visibleText((await buyerBrowser.get(`/account/enquiries/${id}`)).body)
    assert.match(buyerView, /Latest quote/)
    assert.match(buyerView, /₹1,250.50 per piece/)
    assert.match(buyerView, /₹31,262.50/)
    assert.match(buyerView, /Yes, in stock. Which voltage\?/)

    await seller.browser.get(path)
    assert.equal((await seller.browser.post(`${path}/notes`, { body: 'Call after Diwali' })).statusCode, 303)
    assert.equal((await seller.browser.post(`${path}/status`, { status: 'won' })).statusCode, 303)
    const won = await seller.browser.get(path)
    assert.match(visibleText(won.body), /Call after Diwali/)
    assert.match(visibleText(won.body), /is final/)
    const again = await seller.browser.post(`${path}/status`, { status: 'new' })
    assert.equal(again.statusCode, 409)
    assert.match(visibleText(again.body), /can no longer change/)
  })

  it('reports every problem with a quote in one answer (price, fields and a past date) and keeps them', async () => {
    const seller = await sellerWithProduct()
    const { user } = await buyer()
    const { id } = await enquiryFrom(user.id, seller.product.id)
    const path = `/seller/leads/${id}`
    await seller.browser.get(path)
    const res = await seller.browser.post(`${path}/quote`, {
      price: 'twelve',
      quantity: '-3',
      unit: '',
      validUntil: '2020-03-31',
      terms: 'Ex-works Pune',
    })
    assert.equal(res.statusCode, 400)
    for (const field of ['price', 'quantity', 'unit', 'validUntil']) {
      assert.match(res.body, new RegExp(`id="${field}-error"`), `${field} has its error in the same answer`)
    }
    assert.match(res.body, /id="validUntil-error"[^>]*>.*Choose a future date/)
    for (const typed of ['value="twelve"', 'value="-3"', 'value="2020-03-31"', 'Ex-works Pune</textarea>']) {
      assert.ok(res.body.includes(typed), `${typed} is kept`)
    }
  })

  it('marks messages with contact details, declines with a reason, reports spam and blocks', async () => {
    const seller = await sellerWithProduct()
    const { user, browser: buyerBrowser } = await buyer()
    const first = await enquiryFrom(user.id, seller.product.id)
    await enquiries.postMessage(
      ctx.db,
      ctx.app.enquiryContext,
      { party: 'buyer', userId: user.id },
      first.id,
      'Call me on 98450 12345',
    )
    const page = await seller.browser.get(`/seller/leads/${first.id}`)
    assert.match(visibleText(page.body), /Contains contact details/)

    const declined = await seller.browser.post(`/seller/leads/${first.id}/decline`, { reason: '' })
    assert.equal(declined.statusCode, 400)
    assert.match(declined.body, /id="decline-reason-error"/)
    assert.equal(
      (await seller.browser.post(`/seller/leads/${first.id}/decline`, { reason: 'We do not ship to Nagpur' }))
        .statusCode,
      303,
    )
    assert.match(
      visibleText((await buyerBrowser.get(`/account/enquiries/${first.id}`)).body),
      /We do not ship to Nagpur/,
    )

    const second = await enquiryFrom(user.id, seller.product.id, 'Another enquiry about cheap pumps.')
    await seller.browser.get(`/seller/leads/${second.id}`)
    assert.equal(
      (await seller.browser.post(`/seller/leads/${second.id}/spam`, { reason: 'Advertising' })).statusCode,
      303,
    )
    const spamTab = await seller.browser.get('/seller/leads?status=spam')
    assert.ok(spamTab.body.includes(second.id))

    await seller.browser.get(`/seller/leads/${second.id}`)
    assert.equal(
      (await seller.browser.post(`/seller/leads/${second.id}/block`, { reason: 'Repeated spam' })).statusCode,
      303,
    )
    assert.match((await seller.browser.get(`/seller/leads/${second.id}`)).body, /Unblock buyer/)
    await assert.rejects(enquiryFrom(user.id, seller.product.id, 'Trying again after being blocked.'), {
      code: 'buyer_blocked',
    })
    assert.equal((await seller.browser.post(`/seller/leads/${second.id}/unblock`, {})).statusCode, 303)
    await enquiryFrom(user.id, seller.product.id, 'Trying again after being unblocked.')
  })

  it('shows a call-back with a masked number unless the buyer reveals theirs', async () => {
    const seller = await sellerWithProduct()
    const { user, browser: buyerBrowser } = await buyer()
    const { id } = await enquiryFrom(user.id, seller.product.id)
    await buyerBrowser.get(`/account/enquiries/${id}`)
    await buyerBrowser.post(`/account/enquiries/${id}/callback`, {
      preferredTime: 'mornings',
      reveal: 'mask',
    })
    let page = await seller.browser.get(`/seller/leads/${id}`)
    assert.match(visibleText(page.body), /\+91 14000 \d{5} masked number/)
    assert.ok(!page.body.includes(user.phone!))

    await buyerBrowser.get(`/account/enquiries/${id}`)
    await buyerBrowser.post(`/account/enquiries/${id}/callback`, {
      preferredTime: 'evenings',
      reveal: 'show',
    })
    page = await seller.browser.get(`/seller/leads/${id}`)
    assert.ok(page.body.includes(user.phone!))
    assert.match(visibleText(page.body), /the buyer's own number/)
  })
})
