import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { Locator, Page } from 'playwright-core'
import * as accounts from '#src/modules/accounts/index.ts'
import * as enquiries from '#src/modules/enquiries/index.ts'
import { buildBusiness, buildCategory, buildProduct, buildUser } from '#test/factories.ts'
import { screenshot, useLiveServer } from '../browser.ts'

// Long button labels wrap inside their card instead of running out of it or being cut off, on a
// phone (390 px) and a desktop (1280 px). Measured with getBoundingClientRect.

const widths = [390, 1280] as const

describe('layout: long button labels stay inside their container', () => {
  const ids = {} as { buyer: string; productId: number; enquiryId: string; sellerSlug: string }
  const live = useLiveServer(async (app) => {
    const buyer = await buildUser(app.db, {
      name: 'Meera Joshi',
      phone: '+919123456780',
      city: 'Nagpur',
      emailVerifiedAt: new Date(),
    })
    const owner = await buildUser(app.db, { emailVerifiedAt: new Date(), phone: '+919000011111' })
    // A long trade name, as real ones are: the enquiry button says "Send an enquiry to <name>".
    const business = await buildBusiness(app.db, {
      ownerUserId: owner.id,
      tradeName: 'Sundaram Pumps and Industrial Engineering Works',
    })
    const top = await buildCategory(app.db, { name: 'Pumps' })
    const category = await buildCategory(app.db, { parentId: top.id, name: 'Monoblock pumps' })
    const product = await buildProduct(app.db, { businessId: business.id, categoryId: category.id })
    const enquiry = await enquiries.createEnquiry(app.db, app.enquiryContext, buyer.id, {
      productId: String(product.id),
      quantity: '40',
      unit: 'piece',
      message: 'Forty 1 HP monoblock pumps for our dyeing unit. Please quote with freight.',
      deliveryCity: 'Nagpur',
    })
    Object.assign(ids, {
      buyer: buyer.id,
      productId: product.id,
      enquiryId: enquiry.id,
      sellerSlug: business.slug,
    })
  })

  async function pageAs(userId: string | null, width: number): Promise<Page> {
    await live.browser.clearCookies()
    if (userId) {
      const session = await accounts.createSession(live.app.db, { userId, sharedDevice: false })
      await live.browser.addCookies([
        { name: 'mandi_session', value: session.token, url: live.url, httpOnly: true, sameSite: 'Lax' },
      ])
    }
    const page = await live.browser.newPage()
    await page.setViewportSize({ width, height: 900 })
    return page
  }

  /** The element's box against its container's and the viewport's, and whether its text is clipped. */
  async function fits(element: Locator, container: string) {
    return element.evaluate((el, selector) => {
      const box = el.getBoundingClientRect()
      const outer = el.closest(selector)
      if (!outer) throw new Error(`no ${selector} around the element`)
      const card = outer.getBoundingClientRect()
      return {
        right: Math.round(box.right),
        cardRight: Math.round(card.right),
        left: Math.round(box.left),
        cardLeft: Math.round(card.left),
        viewport: document.documentElement.clientWidth,
        clipped: el.scrollWidth > el.clientWidth + 1,
        pageScrolls: document.documentElement.scrollWidth > document.documentElement.clientWidth,
      }
    }, container)
  }

  function assertFits(m: Awaited<ReturnType<typeof fits>>, what: string) {
    assert.ok(m.right <= m.cardRight, `${what}: right edge ${m.right} past its card's ${m.cardRight}`)
    assert.ok(m.left >= m.cardLeft, `${what}: left edge ${m.left} before its card's ${m.cardLeft}`)
    assert.ok(m.right <= m.viewport, `${what}: right edge ${m.right} past the viewport's ${m.viewport}`)
    assert.equal(m.clipped, false, `${what}: its label is cut off`)
    assert.equal(m.pageScrolls, false, `${what}: the page scrolls sideways`)
  }

  for (const width of widths) {
    it(`the product page's "Send an enquiry to …" button fits at ${width} px`, async () => {
      const page = await pageAs(null, width)
      await page.goto(`${live.url}/p/${ids.productId}`)
      const button = page.getByRole('link', {
        name: 'Send an enquiry to Sundaram Pumps and Industrial Engineering Works',
      })
      assertFits(await fits(button, '.card'), `enquiry button at ${width} px`)
      await button.scrollIntoViewIfNeeded()
      await screenshot(page, `layout-product-enquire-${width}`)
      await page.close()
    })

    it(`the buyer's "Share my contact details with this seller" button fits at ${width} px`, async () => {
      const page = await pageAs(ids.buyer, width)
      await page.goto(`${live.url}/account/enquiries/${ids.enquiryId}`)
      const button = page.getByRole('button', { name: 'Share my contact details with this seller' })
      assertFits(await fits(button, '.card, section, main'), `share button at ${width} px`)
      await screenshot(page, `layout-share-contact-${width}`)
      await page.close()
    })
  }

  it('writes the storefront\'s place as "City, State", the comma right after the city', async () => {
    const page = await pageAs(null, 1280)
    await page.goto(`${live.url}/s/${ids.sellerSlug}`)
    const place = page.locator('.storefront-place')
    const gap = await place.evaluate((p) => {
      const link = p.querySelector('a')!
      const comma = [...p.childNodes].find(
        (n) => n.nodeType === Node.TEXT_NODE && n.textContent!.startsWith(','),
      )!
      const range = document.createRange()
      range.selectNodeContents(comma)
      return range.getBoundingClientRect().left - link.getBoundingClientRect().right
    })
    assert.ok(gap < 1, `${gap} px between the city and its comma`)
    await page.close()
  })
})
