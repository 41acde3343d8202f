import { after, before } from 'node:test'
import type { FastifyInstance } from 'fastify'
import { type App, createApp } from '#src/app.ts'
import type { Db } from '#src/db/database.ts'
import * as accounts from '#src/modules/accounts/index.ts'
import { buildBusiness, buildCategory, buildUser } from '#test/factories.ts'
import { openTestDatabase, testConfig } from '#test/setup.ts'
import { createApiRegistry } from '../../api/api-registry.ts'
import { sellerRoutes } from '../../api/seller.routes.ts'
import { createServer } from '../../server.ts'
import { TestBrowser } from '../account/account-pages.test-support.ts'
import { sellerCentrePages } from './seller.pages.tsx'

// Shared by the seller tests: a server with the seller centre and the seller API (registered here
// until server.ts registers them), and signed-in sellers.

export interface SellerTestContext {
  app: App
  server: FastifyInstance
}

export function useSellerServer() {
  const ctx = {} as SellerTestContext
  before(async () => {
    ctx.app = await createApp(testConfig(), { database: await openTestDatabase() })
    ctx.server = await createServer(ctx.app)
    if (!ctx.server.hasRoute({ method: 'GET', url: '/seller' })) sellerCentrePages(ctx.server, ctx.app)
    if (!ctx.server.hasRoute({ method: 'GET', url: '/api/v1/seller/products' }))
      sellerRoutes(createApiRegistry(ctx.server), ctx.app)
    await ctx.server.ready()
  })
  after(async () => {
    await ctx.server?.close()
    await ctx.app?.close()
  })
  return ctx
}

/** A seller with a confirmed email and a business profile, signed in in a test browser. */
export async function signedInSeller(ctx: SellerTestContext) {
  const user = await buildUser(ctx.app.db, { roles: ['buyer', 'seller'], emailVerifiedAt: new Date() })
  const business = await buildBusiness(ctx.app.db, { ownerUserId: user.id })
  const browser = await browserFor(ctx, user.id)
  return { user, business, browser, seller: { userId: user.id, businessId: business.id } }
}

export async function browserFor(ctx: SellerTestContext, userId: string) {
  const session = await accounts.createSession(ctx.app.db, { userId, sharedDevice: false })
  const browser = new TestBrowser(ctx.server)
  browser.cookies.set('mandi_session', session.token)
  return browser
}

/** A top category with one subcategory (products are listed in subcategories). */
export async function buildSubcategory(db: Db, name = 'Monoblock pumps') {
  const top = await buildCategory(db)
  return buildCategory(db, { parentId: top.id, name })
}
