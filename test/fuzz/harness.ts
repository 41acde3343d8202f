import { Writable } from 'node:stream'
import fc from 'fast-check'
import sharp from 'sharp'
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify'
import { type App, createApp } from '#src/app.ts'
import { createLogger } from '#src/logger.ts'
import * as accounts from '#src/modules/accounts/index.ts'
import { createServer } from '#src/web/server.ts'
import { buildEnquiry } from '#test/enquiry-factories.ts'
import { buildBusiness, buildCategory, buildProduct, buildUser } from '#test/factories.ts'
import { openTestDatabase, testConfig } from '#test/setup.ts'
import { type Problem, responseProblems } from './checks.ts'
import { type ScrapedForm, scrapeForms } from './forms.ts'
import { apiOperations, pathParams, routePattern, routeTable } from './routes.ts'
import { type JsonSchema, schemaValue } from './schema-values.ts'
import { hostileJson, hostileString, rawUrlJunk } from './values.ts'

// The fuzz harness: builds the app in-process (no port, no mail leaves: messages stay in the
// outbox, which no worker drains here), finds every route, and sends each one generated requests
// as an anonymous visitor, a signed-in buyer and a signed-in seller.

export interface FuzzTarget {
  method: string
  url: string
  kind: 'api' | 'form' | 'page'
  params: string[]
  query: Record<string, JsonSchema>
  body?: JsonSchema
  forms: ScrapedForm[]
}

export interface Failure {
  route: string
  identity: string
  method: string
  url: string
  payload?: string
  status: number
  problems: Problem[]
  logged?: string
}

export interface FuzzReport {
  routes: number
  /** Requests sent (and answered). */
  requests: number
  /** Generated requests light-my-request could not build (an invalid header value); not sent. */
  unsent: number
  /** The first failures in detail (RunOptions.maxFailures). */
  failures: Failure[]
  /** Requests that answered 5xx. */
  serverErrors: number
  /** Responses with any problem (5xx, a leak in the body). */
  problemResponses: number
  byStatus: Record<string, number>
  durationMs: number
}

export interface FuzzHarness {
  app: App
  server: FastifyInstance
  targets: FuzzTarget[]
  /** Time to build the app, the fixtures and read the forms, in ms. */
  setupMs: number
  run(options: RunOptions): Promise<FuzzReport>
  close(): Promise<void>
}

export interface RunOptions {
  runsPerRoute: number
  seed: number
  /** Only routes whose "METHOD /path" matches. */
  only?: RegExp
  /** Called after each route with a line of progress. */
  progress?: (line: string) => void
  /** Stop collecting failure details after this many (counting goes on). */
  maxFailures?: number
  /** Requests in flight at once for a route (1: one after another). */
  concurrency?: number
}

type IdentityName = 'anonymous' | 'buyer' | 'seller' | 'staff'
// Staff (an admin) reach the /admin pages and the staff-access reason forms.
const IDENTITIES: IdentityName[] = ['anonymous', 'buyer', 'seller', 'staff']

interface Fixtures {
  buyerId: string
  sellerId: string
  staffId: string
  cookies: Record<IdentityName, string>
  /** Values a path parameter may take to reach a real record (any route, any parameter). */
  pool: string[]
}

// Query keys page routes read (the listing filters, sign-in's next, paging), tried on every page.
const PAGE_QUERY_KEYS = [
  'q',
  'page',
  'next',
  'sort',
  'category',
  'categoryId',
  'city',
  'state',
  'maxMoq',
  'minPricePaise',
  'maxPricePaise',
  'verified',
  'status',
  'productId',
  'sellerId',
  'token',
  'email',
  'back',
  'from',
  'view',
]

// Plausible values for form fields the pages do not prefill, by name.
const FIELD_EXAMPLES: Record<string, string[]> = {
  email: ['fuzz@example.test'],
  password: ['copper valve monsoon 42'],
  newPassword: ['copper valve monsoon 43'],
  phone: ['98450 12345', '+919845012345'],
  name: ['Priya Raghavan'],
  quantity: ['20', '1.5'],
  unit: ['piece', 'kg'],
  message: ['Please share your best price for 20 units, delivery to Pune.'],
  body: ['Please share your best price for 20 units, delivery to Pune.'],
  price: ['1250.50', '1,25,000'],
  moq: ['10'],
  stock: ['100'],
  title: ['Cast iron monoblock pump 1 HP'],
  description: ['Cast iron body, suitable for clean water.'],
  city: ['Pune'],
  state: ['Maharashtra'],
  pin: ['411026'],
  code: ['123456', 'abcde-fghij'],
  note: ['Called, will send a quote.'],
  token: ['x'.repeat(43)],
  reason: ['Not a fit for us.'],
  sessionId: ['00000000-0000-4000-8000-000000000000'],
}

// Fields tried on a form route no page showed (its form appears only in some states: a reset
// link, two-factor on, a blocked buyer).
const FALLBACK_FIELDS = ['password', 'newPassword', 'code', 'token', 'reason', 'email', 'sessionId']

/** Builds the app on a fresh test database and the fuzz targets from its route table. */
export async function startFuzzHarness(): Promise<FuzzHarness> {
  const setupStarted = Date.now()
  const errors: { reqId?: string; msg: string; err?: { message?: string; stack?: string; code?: string } }[] =
    []
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n')) {
        if (!line) continue
        try {
          errors.push(JSON.parse(line))
          if (errors.length > 200) errors.shift()
        } catch {}
      }
      done()
    },
  })
  const config = testConfig()
  const app = await createApp(config, {
    database: await openTestDatabase(),
    logger: createLogger({ logLevel: 'error' }, sink),
  })
  const server = await createServer(app)
  await server.ready()

  const openapi = JSON.parse((await server.inject({ url: '/api/openapi.json' })).body)
  const operations = new Map(apiOperations(openapi).map((o) => [`${o.method} ${o.url}`, o]))
  const targets: FuzzTarget[] = routeTable(server).map((entry) => {
    const operation = operations.get(`${entry.method} ${entry.url}`)
    const isApi = entry.url.startsWith('/api/')
    return {
      method: entry.method,
      url: entry.url,
      kind: isApi ? 'api' : entry.method === 'GET' ? 'page' : 'form',
      params: pathParams(entry.url),
      query: operation?.query ?? (isApi ? {} : Object.fromEntries(PAGE_QUERY_KEYS.map((k) => [k, {}]))),
      ...(operation?.body ? { body: operation.body } : {}),
      forms: [],
    }
  })
  const missing = [...operations.keys()].filter((k) => !targets.some((t) => `${t.method} ${t.url}` === k))
  if (missing.length)
    throw new Error(`OpenAPI operations missing from the route table: ${missing.join(', ')}`)

  // The CSRF secret cookie and a token for it; the token does not depend on who is signed in.
  const signIn = await server.inject({ url: '/account/sign-in' })
  const csrfCookie = signIn.cookies.find((c) => c.name === '_csrf')
  const csrfToken = /name="_csrf" value="([^"]+)"/.exec(signIn.body)?.[1]
  if (!csrfCookie || !csrfToken) throw new Error('could not get a CSRF token from /account/sign-in')
  const csrf = { cookie: `_csrf=${csrfCookie.value}`, token: csrfToken }

  let fixtures = await buildFixtures(app, server)
  await scrapeAllForms(server, targets, fixtures)
  const uploads = await uploadSamples(server, fixtures)

  async function send(options: InjectOptions): Promise<LightMyRequestResponse | Error> {
    try {
      return await server.inject(options)
    } catch (error) {
      return error as Error
    }
  }

  async function run(options: RunOptions): Promise<FuzzReport> {
    const started = Date.now()
    const report: FuzzReport = {
      routes: 0,
      requests: 0,
      unsent: 0,
      failures: [],
      serverErrors: 0,
      problemResponses: 0,
      byStatus: {},
      durationMs: 0,
    }
    const chosen = targets.filter((t) => !options.only || options.only.test(`${t.method} ${t.url}`))
    for (const [index, target] of chosen.entries()) {
      const routeStarted = Date.now()
      // A fresh buyer, seller and records for each route that changes things, so one route's
      // deletions or blocks do not leave the next with nothing to reach.
      if (target.method !== 'GET' && index > 0) fixtures = await buildFixtures(app, server)
      report.routes++
      // Routes that can end sessions get a session of their own each time (and the shared ones are renewed after).
      const risky =
        target.method !== 'GET' && /sign-out|logout|sessions|password|two-factor|security|erase/.test(target.url)
      const cases = requestCases(target, options, { csrfToken: csrf.token, uploads })
      let routeErrors = 0
      const sendCase = async (c: RequestCase, i: number) => {
        const identity = IDENTITIES[i % IDENTITIES.length]!
        let session = fixtures.cookies[identity]
        if (risky && identity !== 'anonymous') {
          const ids = { buyer: fixtures.buyerId, seller: fixtures.sellerId, staff: fixtures.staffId }
          session = await sessionCookie(app, ids[identity])
        }
        const url = c.url(fixtures.pool)
        const response = await send({
          method: target.method as InjectOptions['method'],
          url,
          headers: {
            cookie: session ? `${csrf.cookie}; ${session}` : csrf.cookie,
            ...(c.contentType ? { 'content-type': c.contentType } : {}),
            ...c.headers,
          },
          ...(c.payload !== undefined ? { payload: c.payload } : {}),
          remoteAddress: '127.0.0.1',
        })
        if (response instanceof Error) {
          // light-my-request refused to build the request (an invalid header value): nothing was sent.
          report.unsent++
          return
        }
        report.requests++
        const status = response.statusCode
        const bucket = `${Math.floor(status / 100)}xx`
        report.byStatus[bucket] = (report.byStatus[bucket] ?? 0) + 1
        if (status >= 500) {
          report.serverErrors++
          routeErrors++
        }
        const payloadText = typeof c.payload === 'string' ? c.payload : ''
        const sent = `${url}\n${safeDecode(url)}\n${payloadText}\n${safeDecode(payloadText)}`
        const problems = responseProblems(status, response.body, sent)
        if (problems.length) report.problemResponses++
        if (problems.length && report.failures.length < (options.maxFailures ?? 50)) {
          const reqId = response.headers['x-request-id']
          const logged = errors.find((e) => e.reqId === reqId && e.err)
          report.failures.push({
            route: `${target.method} ${target.url}`,
            identity,
            method: target.method,
            url,
            ...(payloadText ? { payload: payloadText.slice(0, 500) } : {}),
            status,
            problems,
            ...(logged?.err
              ? { logged: `${logged.err.code ?? ''} ${logged.err.message ?? ''}`.trim().slice(0, 300) }
              : {}),
          })
        }
      }
      const concurrency = Math.max(1, options.concurrency ?? 1)
      for (let i = 0; i < cases.length; i += concurrency) {
        await Promise.all(cases.slice(i, i + concurrency).map((c, j) => sendCase(c, i + j)))
        // A request may have signed the person out everywhere: the shared sessions are renewed.
        if (risky) {
          fixtures.cookies.buyer = await sessionCookie(app, fixtures.buyerId)
          fixtures.cookies.seller = await sessionCookie(app, fixtures.sellerId)
          fixtures.cookies.staff = await sessionCookie(app, fixtures.staffId)
        }
      }
      options.progress?.(
        `${target.method.padEnd(6)} ${target.url.padEnd(48)} ${String(cases.length).padStart(6)} requests ${String(routeErrors).padStart(4)} × 5xx ${((Date.now() - routeStarted) / 1000).toFixed(1)} s`,
      )
    }
    report.durationMs = Date.now() - started
    return report
  }

  return {
    app,
    server,
    targets,
    setupMs: Date.now() - setupStarted,
    run,
    async close() {
      await server.close()
      await app.close()
    },
  }
}

async function sessionCookie(app: App, userId: string): Promise<string> {
  const session = await accounts.createSession(app.db, { userId, sharedDevice: false })
  return `mandi_session=${session.token}`
}

let fixtureSets = 0

/** A buyer and a seller with a product, an enquiry between them and a requirement. */
async function buildFixtures(app: App, server: FastifyInstance): Promise<Fixtures> {
  const db = app.db
  const stamp = `set${++fixtureSets}`
  const top = await buildCategory(db, { name: `Valves ${stamp}` })
  const category = await buildCategory(db, { parentId: top.id, name: `Ball valves ${stamp}` })
  const seller = await buildUser(db, {
    name: 'Meena Iyer',
    email: `seller-${stamp}@fuzz.example`,
    phone: '+919443012345',
    roles: ['buyer', 'seller'],
    emailVerifiedAt: new Date(),
    city: 'Pune',
  })
  const business = await buildBusiness(db, { ownerUserId: seller.id, city: 'Pune', state: 'Maharashtra' })
  const product = await buildProduct(db, { businessId: business.id, categoryId: category.id })
  const buyer = await buildUser(db, {
    name: 'Ravi Kumar',
    email: `buyer-${stamp}@fuzz.example`,
    phone: '+919812345678',
    city: 'Pune',
    state: 'Maharashtra',
    emailVerifiedAt: new Date(),
    createdAt: new Date(Date.now() - 30 * 86_400_000),
  })
  const { enquiry } = await buildEnquiry(
    db,
    { buyer, seller: { owner: seller, business } },
    { productId: product.id },
  )
  const staff = await buildUser(db, {
    name: 'Asha Rao',
    email: `staff-${stamp}@fuzz.example`,
    roles: ['buyer', 'admin'],
    emailVerifiedAt: new Date(),
  })
  const cookies = {
    anonymous: '',
    buyer: await sessionCookie(app, buyer.id),
    seller: await sessionCookie(app, seller.id),
    staff: await sessionCookie(app, staff.id),
  }
  const grievance = await server.inject({
    method: 'POST',
    url: '/api/v1/grievances',
    headers: { cookie: cookies.buyer },
    payload: { category: 'access', subject: 'A copy of my data', message: 'Please send me what you hold about me.' },
  })
  const grievanceId = (grievance.json() as { grievance?: { id?: string } }).grievance?.id
  if (!grievanceId) throw new Error(`fuzz fixtures: could not raise a grievance: ${grievance.body}`)
  const requirement = await server.inject({
    method: 'POST',
    url: '/api/v1/requirements',
    headers: { cookie: cookies.buyer },
    payload: {
      title: 'Centrifugal monoblock pump 1 HP',
      details: 'Cast iron body, for clean water.',
      quantity: 50,
      unit: 'piece',
      maxSuppliers: 3,
      categoryId: category.id,
    },
  })
  const requirementId =
    requirement.statusCode < 300
      ? (requirement.json() as { requirement?: { id?: string } }).requirement?.id
      : undefined
  if (!requirementId) throw new Error(`fuzz fixtures: could not post a requirement: ${requirement.body}`)
  return {
    buyerId: buyer.id,
    sellerId: seller.id,
    staffId: staff.id,
    cookies,
    pool: [
      grievanceId,
      buyer.id,
      String(product.id),
      product.slug,
      enquiry.id,
      ...(requirementId ? [requirementId] : []),
      String(category.id),
      category.slug,
      business.slug,
      'pune',
      'personalisation',
      'products',
    ],
  }
}

/** A small PNG and the import template with one filled-in row. */
async function uploadSamples(server: FastifyInstance, fixtures: Fixtures): Promise<Uint8Array[]> {
  const png = await sharp({ create: { width: 24, height: 16, channels: 3, background: '#0b3d7a' } })
    .png()
    .toBuffer()
  const template = await server.inject({
    url: '/seller/import/template.csv',
    headers: { cookie: fixtures.cookies.seller },
  })
  const header =
    template.statusCode === 200 ? (template.body.split('\n')[0] ?? '') : 'title,category,unit,moq,price'
  const row = header
    .split(',')
    .map(() => '1')
    .join(',')
  return [new Uint8Array(png), new TextEncoder().encode(`${header}\n${row}\n`)]
}

/** Loads every GET page as each identity and records the forms, by the route they post to. */
async function scrapeAllForms(server: FastifyInstance, targets: FuzzTarget[], fixtures: Fixtures) {
  const posts = targets.filter((t) => t.kind === 'form').map((t) => ({ t, pattern: routePattern(t.url) }))
  const pages = targets.filter((t) => t.kind === 'page')
  for (const page of pages) {
    const urls = fill(page.url, fixtures.pool)
    if (page.url === '/enquire') urls.push(`/enquire?productId=${fixtures.pool[0]}`)
    for (const identity of IDENTITIES) {
      // The first URL that shows this person a page is enough (the same template for any record).
      for (const url of urls) {
        const response = await server.inject({ url, headers: { cookie: fixtures.cookies[identity] } })
        if (response.statusCode !== 200 || !String(response.headers['content-type']).includes('html'))
          continue
        for (const form of scrapeForms(response.body, url)) {
          for (const post of posts)
            if (post.pattern.test(form.action) && form.method === 'POST') post.t.forms.push(form)
          if (form.method === 'GET') {
            for (const name of form.fields.keys()) page.query[name] ??= {}
          }
        }
        break
      }
    }
  }
}

/** Concrete URLs for a route path, each parameter taking each pool value (capped). */
function fill(url: string, pool: string[]): string[] {
  const params = pathParams(url)
  if (!params.length) return [url.replace('*', '')]
  const out: string[] = []
  for (const value of pool) {
    let concrete = url
    for (const p of params) concrete = concrete.replace(`:${p}`, encodeURIComponent(value))
    out.push(concrete.replace('*', ''))
  }
  return out
}

interface CaseContext {
  csrfToken: string
  /** Well-formed upload files (a PNG, the import template with a row). */
  uploads: Uint8Array[]
}

interface RequestCase {
  url: (pool: string[]) => string
  contentType?: string
  headers: Record<string, string>
  payload?: string | Buffer
}

/** The generated requests for one route: fast-check values, sampled in batches with a fixed seed. */
function requestCases(target: FuzzTarget, options: RunOptions, context: CaseContext): RequestCase[] {
  const arbitrary = requestArbitrary(target, context)
  const cases: RequestCase[] = []
  const batch = 250
  let seed = options.seed ^ hash(`${target.method} ${target.url}`)
  while (cases.length < options.runsPerRoute) {
    const n = Math.min(batch, options.runsPerRoute - cases.length)
    cases.push(...fc.sample(arbitrary, { numRuns: n, seed }))
    seed = (seed + 0x9e3779b9) | 0
  }
  return cases
}

function hash(text: string): number {
  let h = 2166136261
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619)
  return h | 0
}

/** A path parameter: a real record's key (so the handler runs), hostile text, or broken encoding. */
const paramValue: fc.Arbitrary<(pool: string[]) => string> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.nat().map((n) => (pool: string[]) => encodeURIComponent(pool[n % pool.length]!)),
  },
  { weight: 4, arbitrary: hostileString.map((s) => () => encodePathText(s)) },
  { weight: 1, arbitrary: rawUrlJunk.map((s) => () => s) },
)

function encodePathText(text: string): string {
  try {
    return encodeURIComponent(text)
  } catch {
    // A lone surrogate cannot be encoded; send its UTF-16 code units as raw (invalid) percent bytes.
    return [...text]
      .map((ch) => (isLoneSurrogate(ch) ? utf8Surrogate(ch.charCodeAt(0)) : encodeURIComponent(ch)))
      .join('')
  }
}

function isLoneSurrogate(ch: string): boolean {
  const code = ch.charCodeAt(0)
  return ch.length === 1 && code >= 0xd800 && code <= 0xdfff
}

/** The three bytes a (forbidden) UTF-8 encoding of a surrogate code unit would have, percent-encoded. */
function utf8Surrogate(code: number): string {
  const bytes = [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)]
  return bytes.map((b) => `%${b.toString(16).toUpperCase()}`).join('')
}

function queryArbitrary(keys: Record<string, JsonSchema>): fc.Arbitrary<string> {
  const names = Object.keys(keys)
  const pair = (name: string) =>
    fc.oneof(
      { weight: 4, arbitrary: schemaValue(keys[name]).map((v) => queryPairs(name, v)) },
      { weight: 1, arbitrary: rawUrlJunk.map((junk) => `${encodePathText(name)}=${junk}`) },
      {
        weight: 1,
        arbitrary: hostileString.map(
          (s) => `${encodePathText(name)}[]=${encodePathText(s)}&${encodePathText(name)}[a]=1`,
        ),
      },
    )
  const known = names.length
    ? fc
        .subarray(names, { maxLength: Math.min(5, names.length) })
        .chain((chosen) => (chosen.length ? fc.tuple(...chosen.map(pair)) : fc.constant([] as string[])))
    : fc.constant([] as string[])
  return fc
    .tuple(
      known,
      fc.option(
        hostileString.map((s) => `${encodePathText(s)}=${encodePathText(s)}`),
        { freq: 8 },
      ),
    )
    .map(([pairs, extra]) => [...pairs, ...(extra ? [extra] : [])].filter(Boolean).join('&'))
}

function queryPairs(name: string, value: unknown): string {
  const key = encodePathText(name)
  if (value === undefined) return ''
  if (Array.isArray(value)) return value.map((v) => `${key}=${encodePathText(scalarText(v))}`).join('&')
  return `${key}=${encodePathText(scalarText(value))}`
}

function scalarText(value: unknown): string {
  if (typeof value === 'string') return value
  if (value === null) return ''
  if (typeof value === 'object') return JSON.stringify(value)
  return String(value)
}

function requestArbitrary(target: FuzzTarget, context: CaseContext): fc.Arbitrary<RequestCase> {
  const params = target.params.length
    ? fc.tuple(...target.params.map(() => paramValue))
    : fc.constant([] as ((pool: string[]) => string)[])
  const wildcard = target.url.includes('*')
    ? fc.oneof(hostileString.map(encodePathText), rawUrlJunk)
    : fc.constant('')
  const url = fc
    .tuple(params, wildcard, queryArbitrary(target.query))
    .map(([values, star, query]) => (pool: string[]) => {
      let path = target.url
      for (const [i, name] of target.params.entries()) path = path.replace(`:${name}`, values[i]!(pool))
      path = path.replace('*', star)
      return query ? `${path}?${query}` : path
    })
  const body =
    target.method === 'GET'
      ? fc.constant({})
      : target.kind === 'api'
        ? apiBody(target)
        : formBody(target, context)
  return fc
    .tuple(url, body, fc.option(hostileHeaders, { freq: 6 }))
    .map(([u, b, headers]) => ({ url: u, headers: headers ?? {}, ...b }))
}

/** Printable ASCII (what a header may carry) of hostile shapes. */
const headerText = fc.oneof(
  fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((n) => String.fromCharCode(n)), maxLength: 60 }),
  fc.constantFrom('', ' ', 'null', '%00', "' OR '1'='1", 'x'.repeat(4000), '../../etc/passwd', '{}'),
)

/** Headers an attacker controls: credentials, cookies, content negotiation, ranges. */
const hostileHeaders: fc.Arbitrary<Record<string, string>> = fc.oneof(
  headerText.map((t) => ({ authorization: `Bearer ${t}` })),
  headerText.map((t) => ({ authorization: `Bearer mk_${t}` })),
  headerText.map((t) => ({ authorization: t })),
  headerText.map((t) => ({ cookie: `mandi_session=${t}; _csrf=${t}; mandi_flash=${t}` })),
  headerText.map((t) => ({ accept: t, 'accept-language': t })),
  fc
    .constantFrom(
      'application/json; charset=latin1',
      'application/json; charset=utf-16',
      'application/x-www-form-urlencoded; charset=utf-16',
      'multipart/form-data',
      'multipart/form-data; boundary=',
      'text/html',
      'application/xml',
      'application/json, text/plain',
      '*/*',
    )
    .map((type) => ({ 'content-type': type })),
  fc
    .constantFrom('bytes=0-0', 'bytes=9999999999-', 'bytes=-1', 'bytes=5-1', 'bytes=0-1,2-3,4-5', 'items=0-1')
    .map((range) => ({ range })),
  headerText.map((t) => ({ 'if-none-match': t, 'if-modified-since': t })),
  headerText.map((t) => ({ 'x-request-id': t, 'x-forwarded-for': t, 'user-agent': t })),
)

type Body = { contentType?: string; payload?: string | Buffer }

function apiBody(target: FuzzTarget): fc.Arbitrary<Body> {
  return fc.oneof(
    { weight: 8, arbitrary: schemaValue(target.body ?? { type: 'object' }).map((v) => json(v)) },
    { weight: 1, arbitrary: hostileJson.map((v) => json(v)) },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom(
          '{',
          '{"a":',
          'nul',
          '\u0000',
          '{"a":"\\ud800"}',
          '{"__proto__":{"x":1}}',
          '[]',
          '',
          '{"a":1e999}',
        )
        .map((payload) => ({ contentType: 'application/json', payload })),
    },
    {
      weight: 1,
      arbitrary: hostileString.map((s) => ({
        contentType: 'application/x-www-form-urlencoded',
        payload: `a=${encodePathText(s)}`,
      })),
    },
    { weight: 1, arbitrary: hostileString.map((s) => ({ contentType: 'text/plain', payload: s })) },
  )
}

function json(value: unknown): Body {
  return { contentType: 'application/json', payload: JSON.stringify(value) ?? 'null' }
}

function formBody(target: FuzzTarget, context: CaseContext): fc.Arbitrary<Body> {
  const { csrfToken } = context
  const fields = new Map<string, Set<string>>()
  for (const form of target.forms)
    for (const [name, values] of form.fields) {
      const all = fields.get(name) ?? new Set<string>()
      for (const v of values) all.add(v)
      fields.set(name, all)
    }
  if (!fields.size) for (const name of FALLBACK_FIELDS) fields.set(name, new Set())
  const names = [...fields.keys()]
  const multipart = target.forms.some((f) => f.multipart)
  const fileFields = [...new Set(target.forms.flatMap((f) => [...f.files]))]
  const plausible = (name: string) => {
    const seen = [...(fields.get(name) ?? []), ...(FIELD_EXAMPLES[name] ?? [])]
    return seen.length ? fc.constantFrom(...seen) : fc.string({ maxLength: 20 })
  }
  const value = (name: string) =>
    fc.oneof({ weight: 3, arbitrary: plausible(name) }, { weight: 2, arbitrary: hostileString })
  const values = names.length
    ? fc
        .tuple(...names.map((n) => fc.option(value(n), { freq: 6 })))
        .map((vs) =>
          names
            .map((n, i) => [n, vs[i]] as const)
            .filter((e): e is readonly [string, string] => e[1] !== null),
        )
    : fc.array(fc.tuple(hostileString, hostileString), { maxLength: 3 })
  const token = fc.oneof(
    { weight: 19, arbitrary: fc.constant(csrfToken) },
    { weight: 1, arbitrary: hostileString },
  )
  const encoded = fc
    .tuple(values, token, fc.array(fc.constantFrom(...(names.length ? names : ['x'])), { maxLength: 2 }))
    .map(([pairs, t, repeated]) => ({
      contentType: 'application/x-www-form-urlencoded',
      payload: [
        ...pairs.map(([n, v]) => `${encodePathText(n)}=${encodePathText(v)}`),
        ...repeated.map((n) => `${encodePathText(n)}=x`),
        `_csrf=${encodePathText(t)}`,
      ].join('&'),
    }))
  // The same fields as JSON, values of any type: forms must not take what a browser cannot send.
  const asJson = fc
    .tuple(
      fc.dictionary(fc.constantFrom(...(names.length ? names : ['x'])), hostileJson, { maxKeys: 4 }),
      values,
    )
    .map(([odd, pairs]) => ({
      contentType: 'application/json',
      payload: JSON.stringify({ ...Object.fromEntries(pairs), ...odd, _csrf: csrfToken }),
    }))
  const junk = fc.oneof(
    hostileString.map((s) => ({ contentType: 'application/x-www-form-urlencoded', payload: s })),
    rawUrlJunk.map((s) => ({
      contentType: 'application/x-www-form-urlencoded',
      payload: `${s}=${s}&_csrf=${encodeURIComponent(csrfToken)}`,
    })),
    fc.constant({ contentType: 'text/plain', payload: `_csrf=${csrfToken}` }),
  )
  const arbs: fc.WeightedArbitrary<Body>[] = [
    { weight: 10, arbitrary: encoded },
    { weight: 3, arbitrary: asJson },
    { weight: 1, arbitrary: junk },
  ]
  if (multipart) arbs.push({ weight: 4, arbitrary: multipartBody(names, fileFields, value, context) })
  return fc.oneof(...arbs)
}

function multipartBody(
  names: string[],
  fileFields: string[],
  value: (name: string) => fc.Arbitrary<string>,
  context: CaseContext,
): fc.Arbitrary<Body> {
  const { csrfToken } = context
  const boundary = 'fuzzboundary7MA4YWxkTrZu0gW'
  const fileBytes = fc.oneof(
    // A real photo and a real CSV, so the code behind the file checks runs too.
    { weight: 2, arbitrary: fc.constantFrom(...context.uploads) },
    fc.uint8Array({ maxLength: 2048 }),
    fc
      .constantFrom(
        'title,category,unit,moq,price\nPump,1,piece,1,100\n',
        'title,category\n\u0000,\ud800\n',
        `title,categoryId,moq\n${'x'.repeat(200)},2147483648,99999999999\n`,
        '\uFEFF"unterminated,quote\n',
        '<svg onload=alert(1)></svg>',
      )
      .map((s) => new TextEncoder().encode(s)),
  )
  return fc
    .tuple(
      fc.tuple(...names.map((n) => fc.option(value(n), { freq: 4 }))),
      fileBytes,
      fc.constantFrom(...fileFields, ...fileFields, 'file', 'image', 'logo', 'images'),
      fc.constantFrom('a.csv', 'a.png', '../../x.webp', 'a\u0000.jpg', 'é.jpeg'),
    )
    .map(([vs, bytes, field, filename]) => {
      const parts: Buffer[] = []
      const add = (head: string, content: Buffer | string) => {
        parts.push(Buffer.from(`--${boundary}\r\n${head}\r\n\r\n`), Buffer.from(content), Buffer.from('\r\n'))
      }
      add('Content-Disposition: form-data; name="_csrf"', csrfToken)
      for (const [i, n] of names.entries())
        if (vs[i] !== null && vs[i] !== undefined) add(`Content-Disposition: form-data; name="${n}"`, vs[i]!)
      add(
        `Content-Disposition: form-data; name="${field}"; filename="${filename}"\r\nContent-Type: application/octet-stream`,
        Buffer.from(bytes),
      )
      parts.push(Buffer.from(`--${boundary}--\r\n`))
      return { contentType: `multipart/form-data; boundary=${boundary}`, payload: Buffer.concat(parts) }
    })
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '))
  } catch {
    return text
  }
}

export function describeFailure(f: Failure): string {
  const problems = f.problems
    .map((p) => `${p.kind}: ${p.detail.replace(/\s+/g, ' ').slice(0, 160)}`)
    .join(' | ')
  return `${f.route} as ${f.identity}: ${f.status} ${f.method} ${f.url.slice(0, 200)}${f.payload ? ` body=${JSON.stringify(f.payload.slice(0, 200))}` : ''}\n    ${problems}${f.logged ? `\n    logged: ${f.logged}` : ''}`
}
