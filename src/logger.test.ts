import assert from 'node:assert/strict'
import { Writable } from 'node:stream'
import { describe, it } from 'node:test'
import { sql } from 'drizzle-orm'
import { users } from '#src/modules/accounts/accounts.tables.ts'
import { testDatabaseKind, useTestDb } from '#test/setup.ts'
import { dataInventory } from './inventory.ts'
import { createLogger, truncateIp } from './logger.ts'
import { personalFieldNames } from './modules/privacy/index.ts'

const person = {
  name: 'Kavya Raghunathan',
  email: 'kavya.r@fabrication-works.example',
  phone: '+919812345678',
  gstin: '33AAPFK4821M1Z7',
  addressLine1: '14 Sidco Industrial Estate',
}

function capture() {
  const lines: string[] = []
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk))
      done()
    },
  })
  const logger = createLogger({ logLevel: 'info' }, sink, personalFieldNames(dataInventory))
  return { logger, text: () => lines.join('') }
}

function assertNoPersonalValues(text: string) {
  for (const value of [...Object.values(person), '98123 45678', '9812345678']) {
    assert.ok(!text.includes(value), `log contains ${value}:\n${text}`)
  }
}

describe('log redaction', () => {
  it('redacts every personal field named in the data inventory, at any depth', () => {
    const { logger, text } = capture()
    logger.info({ user: person, enquiry: { buyer: { contact: person } }, legal_name: 'K R Fabricators' }, 'profile updated')
    assertNoPersonalValues(text())
    assert.ok(!text().includes('K R Fabricators'))
    assert.match(text(), /"email":"\[redacted\]"/)
  })

  it('masks email addresses and phone numbers inside messages and free text', () => {
    const { logger, text } = capture()
    logger.info(`mail to ${person.email} bounced`)
    logger.warn({ note: `buyer said: call me on 98123 45678 or ${person.phone}` }, 'flagged message')
    assertNoPersonalValues(text())
    assert.match(text(), /\[email\]/)
    assert.match(text(), /\[phone\]/)
  })

  it('keeps ids, counts and truncated addresses readable', () => {
    const { logger, text } = capture()
    logger.info({ requestId: '3f2a1c4e-9b8d-4e7f-a6b5-c4d3e2f1a0b9', ms: 12.5, ip: truncateIp('203.0.113.77') }, 'request')
    assert.match(text(), /3f2a1c4e-9b8d-4e7f-a6b5-c4d3e2f1a0b9/)
    assert.match(text(), /"ip":"203.0.113.0"/)
  })

  it('truncates IPv4 to /24 and IPv6 to /48', () => {
    assert.equal(truncateIp('::ffff:192.0.2.33'), '192.0.2.0')
    assert.equal(truncateIp('2001:db8:abcd:12:1:2:3:4'), '2001:db8:abcd::')
  })
})

describe(`database errors in logs (${testDatabaseKind})`, () => {
  const ctx = useTestDb()

  it('never carry the values PostgreSQL and Drizzle quote in them', async () => {
    const { logger, text } = capture()
    await ctx.db.insert(users).values({ email: person.email, name: person.name, phone: person.phone })
    const duplicate = await ctx.db
      .insert(users)
      .values({ email: person.email, name: person.name, phone: person.phone })
      .catch((e: unknown) => e)
    const badUuid = await ctx.db.execute(sql`select * from users where id = ${person.name}`).catch((e: unknown) => e)
    assert.ok(duplicate instanceof Error && badUuid instanceof Error)
    logger.error({ err: duplicate }, 'insert failed')
    logger.error({ err: badUuid }, 'select failed')
    assertNoPersonalValues(text())
    assert.match(text(), /users_email_unique/, 'the constraint name is kept for diagnosis')
  })
})
