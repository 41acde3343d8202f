import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { after, before } from 'node:test'
import { and, desc, eq } from 'drizzle-orm'
import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import { type App, createApp } from '#src/app.ts'
import type { Db } from '#src/db/database.ts'
import { outboxMessages } from '#src/modules/messaging/messaging.tables.ts'
import { openTestDatabase, testConfig } from '#test/setup.ts'
import { createServer } from '../../server.ts'
import { accountPages } from './account.pages.tsx'

// Shared by the account page tests: a server with the account pages, and a small "browser" that
// keeps cookies and posts forms with the CSRF token of the page it last loaded.

export interface AccountTestContext {
  app: App
  server: FastifyInstance
}

export function useAccountServer(config: Record<string, string> = {}) {
  const ctx = {} as AccountTestContext
  before(async () => {
    ctx.app = await createApp(testConfig(config), { database: await openTestDatabase() })
    ctx.server = await createServer(ctx.app)
    // server.ts may already register these pages; register them here only if it does not.
    if (!ctx.server.hasRoute({ method: 'GET', url: '/account' })) accountPages(ctx.server, ctx.app)
    await ctx.server.ready()
  })
  after(async () => {
    await ctx.server?.close()
    await ctx.app?.close()
  })
  return ctx
}

let people = 0

/** Registration form fields for a new person (all required fields, valid). */
export function newPerson(overrides: Record<string, string> = {}) {
  const id = `${++people}${randomBytes(3).toString('hex')}`
  return {
    name: 'Priya Raghavan',
    email: `priya.${id}@sundaram-pumps.example`,
    phone: '98450 12345',
    password: 'copper valve monsoon 42',
    isAdultBusinessUser: 'yes',
    ...overrides,
  }
}

export class TestBrowser {
  readonly cookies = new Map<string, string>()
  /** The CSRF token on the last page loaded. */
  token = ''
  private readonly server: FastifyInstance
  private readonly remoteAddress: string
  private readonly userAgent: string
  constructor(
    server: FastifyInstance,
    remoteAddress = '127.0.0.1',
    userAgent = 'Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0',
  ) {
    this.server = server
    this.remoteAddress = remoteAddress
    this.userAgent = userAgent
  }

  private keep(res: LightMyRequestResponse) {
    for (const c of res.cookies as { name: string; value: string; expires?: Date; maxAge?: number }[]) {
      const cleared = c.value === '' || c.maxAge === 0 || (c.expires && c.expires.getTime() < Date.now())
      if (cleared) this.cookies.delete(c.name)
      else this.cookies.set(c.name, c.value)
    }
    const token = /name="_csrf" value="([^"]+)"/.exec(res.body)
    if (token) this.token = token[1]!
    return res
  }

  async get(url: string) {
    return this.keep(
      await this.server.inject({
        method: 'GET',
        url,
        headers: { 'user-agent': this.userAgent },
        cookies: Object.fromEntries(this.cookies),
        remoteAddress: this.remoteAddress,
      }),
    )
  }

  /** Posts a form as a browser would, with the token of the last page (or none when `csrf` is false). */
  async post(
    url: string,
    fields: Record<string, string | string[]>,
    options: { csrf?: boolean | string } = {},
  ) {
    const body = new URLSearchParams()
    const token =
      typeof options.csrf === 'string' ? options.csrf : options.csrf === false ? undefined : this.token
    if (token) body.append('_csrf', token)
    for (const [name, value] of Object.entries(fields)) {
      for (const v of Array.isArray(value) ? value : [value]) body.append(name, v)
    }
    return this.keep(
      await this.server.inject({
        method: 'POST',
        url,
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'user-agent': this.userAgent },
        cookies: Object.fromEntries(this.cookies),
        payload: body.toString(),
        remoteAddress: this.remoteAddress,
      }),
    )
  }

  /** Posts a multipart form with one file, the CSRF field first as a browser sends it. */
  async upload(
    url: string,
    file: { field: string; filename: string; type: string; data: Buffer },
    options: { csrf?: boolean } = {},
  ) {
    const boundary = `----mandi-test-${randomBytes(8).toString('hex')}`
    const chunks: Buffer[] = []
    if (options.csrf !== false) {
      chunks.push(
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${this.token}\r\n`),
      )
    }
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${file.field}"; filename="${file.filename}"\r\nContent-Type: ${file.type}\r\n\r\n`,
      ),
      file.data,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    )
    return this.keep(
      await this.server.inject({
        method: 'POST',
        url,
        headers: {
          'content-type': `multipart/form-data; boundary=${boundary}`,
          'user-agent': this.userAgent,
        },
        cookies: Object.fromEntries(this.cookies),
        payload: Buffer.concat(chunks),
        remoteAddress: this.remoteAddress,
      }),
    )
  }

  /** GETs the page first (for its token), then posts the form. */
  async submit(page: string, action: string, fields: Record<string, string | string[]>) {
    await this.get(page)
    return this.post(action, fields)
  }

  get signedIn() {
    return this.cookies.has('mandi_session')
  }
}

/** Registers through the form and returns a signed-in browser with the person's details and id. */
export async function registerThroughForm(ctx: AccountTestContext, overrides: Record<string, string> = {}) {
  const browser = new TestBrowser(ctx.server)
  const person = newPerson(overrides)
  const res = await browser.submit('/account/register', '/account/register', person)
  assert.equal(res.statusCode, 303, res.body.slice(0, 2000))
  assert.equal(res.headers.location, '/account')
  const { users } = await import('#src/modules/accounts/accounts.tables.ts')
  const [user] = await ctx.app.db.select({ id: users.id }).from(users).where(eq(users.email, person.email))
  return { browser, person, userId: user!.id }
}

/** The token in the newest emailed link of a kind for a person (what they would click). */
export async function emailedToken(db: Db, userId: string, kind: 'email-verification' | 'password-reset') {
  const [message] = await db
    .select({ data: outboxMessages.data })
    .from(outboxMessages)
    .where(and(eq(outboxMessages.recipientUserId, userId), eq(outboxMessages.kind, kind)))
    .orderBy(desc(outboxMessages.createdAt), desc(outboxMessages.id))
    .limit(1)
  const url = String(message?.data.verifyUrl ?? message?.data.resetUrl)
  return new URL(url).searchParams.get('token')!
}

/** The text of a page without tags, for assertions about what a person reads. */
export function visibleText(html: string): string {
  return html
    .replace(/<(script|style)[\s\S]*?<\/\1>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/\s+/g, ' ')
}
