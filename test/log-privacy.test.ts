import assert from 'node:assert/strict'
import { Writable } from 'node:stream'
import { describe, it } from 'node:test'
import { dataInventory } from '#src/inventory.ts'
import { createLogger } from '#src/logger.ts'
import * as privacy from '#src/modules/privacy/index.ts'
import { useTestApp } from './setup.ts'

// A person with distinctive values, so any trace of them in the logs is unmistakable.
const person = {
  email: 'meenakshi.sundaram@kovai-castings.example',
  password: 'Kovai castings 1987!',
  name: 'Meenakshi Sundaram',
  phone: '+91 94430 12345',
  dateOfBirth: '1979-03-14',
  isAdultBusinessUser: true,
  consents: { marketing_email: true },
}
const traces = [
  'meenakshi',
  'sundaram',
  'kovai-castings',
  'Kovai castings 1987!',
  '9443012345',
  '94430 12345',
  '1979-03-14',
  'Avarampalayam',
  '641006',
  '33AAKCK',
]

const lines: string[] = []
const sink = new Writable({
  write(chunk, _encoding, done) {
    lines.push(String(chunk))
    done()
  },
})

describe('logs during a whole account flow', () => {
  const ctx = useTestApp({
    logger: createLogger({ logLevel: 'trace' }, sink, privacy.personalFieldNames(dataInventory)),
  })

  it('hold none of the person’s values, at the most verbose log level', async () => {
    const post = (url: string, payload: unknown, cookie?: string, method: 'POST' | 'PATCH' | 'PUT' = 'POST') =>
      ctx.server.inject({ method, url, payload: payload as object, headers: cookie ? { cookie } : {} })

    const registered = await post('/api/v1/auth/register', person)
    assert.equal(registered.statusCode, 201)
    const cookie = `mandi_session=${registered.cookies.find((c) => c.name === 'mandi_session')!.value}`
    assert.equal((await post('/api/v1/auth/register', person)).statusCode, 409)
    assert.equal((await post('/api/v1/auth/login', { email: person.email, password: 'wrong password 1' })).statusCode, 401)
    assert.equal((await post('/api/v1/auth/login', { email: person.email, password: person.password })).statusCode, 200)
    await post('/api/v1/me/profile', { addressLine1: '12 Avarampalayam Road', city: 'Coimbatore', state: 'Tamil Nadu', pin: '641006' }, cookie, 'PATCH')
    await post('/api/v1/me/profile', { pin: 'not-a-pin' }, cookie, 'PATCH')
    await post('/api/v1/me/business', { legalName: 'Kovai Castings', gstin: '33AAKCK0000X1Z0', address: { line1: 'Avarampalayam', city: 'Coimbatore', state: 'Tamil Nadu', pin: '641006' } }, cookie, 'PUT')
    await post('/api/v1/auth/password-reset', { email: person.email })
    await ctx.server.inject({ url: `/search?q=${encodeURIComponent(person.email)}` })
    await ctx.server.inject({ url: `/api/v1/products?q=${encodeURIComponent(person.name)}` })
    const report = await ctx.app.messaging.deliver()
    assert.ok(report.sent >= 2, 'the verification and reset emails were delivered')

    const text = lines.join('').toLowerCase()
    assert.ok(lines.length > 10, 'the flow was logged')
    for (const trace of traces) assert.ok(!text.includes(trace.toLowerCase()), `the logs contain "${trace}"`)
  })
})
