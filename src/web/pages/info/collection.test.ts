import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { dataInventory } from '#src/inventory.ts'
import * as accounts from '#src/modules/accounts/index.ts'
import { useTestApp } from '#test/setup.ts'
import { registrationCollection } from './collection.ts'

// The privacy notices say a piece of data is required exactly where registration requires it.
// "Required" is worked out here independently: a valid registration with the field left out is refused
// with an issue on that field.

const validRegistration = {
  email: 'meera@shakti-pumps.example',
  password: 'copper valve monsoon 42',
  name: 'Meera Iyer',
  phone: '98450 12345',
  dateOfBirth: '1990-04-01',
  gender: 'female',
  isAdultBusinessUser: true,
  consents: { marketing_email: false },
}

function requiredByRegistration(field: string): boolean {
  const { [field]: _, ...rest } = validRegistration as Record<string, unknown>
  const result = accounts.RegisterInput.safeParse(rest)
  return !result.success && result.error.issues.some((i) => i.path[0] === field)
}

const decode = (html: string) => html.replace(/&#39;|&#x27;/g, "'").replace(/&amp;/g, '&')

describe('the privacy notice and registration agree on what is mandatory', () => {
  const ctx = useTestApp()

  it('the valid registration used here is accepted whole', () => {
    assert.equal(accounts.RegisterInput.safeParse(validRegistration).success, true)
  })

  it('maps every registration field, each with the collection the schema enforces', () => {
    assert.deepEqual(
      registrationCollection.fields.map((f) => f.field).sort(),
      Object.keys(accounts.RegisterInput.shape).sort(),
    )
    for (const f of registrationCollection.fields) {
      assert.equal(f.collection, requiredByRegistration(f.field) ? 'required' : 'optional', f.field)
    }
    assert.equal(registrationCollection.byColumn.get('users.phone'), 'required')
  })

  it('/privacy/data-we-hold says "must you give it?" for each registration field as registration does', async () => {
    const res = await ctx.server.inject('/privacy/data-we-hold')
    assert.equal(res.statusCode, 200)
    const body = decode(res.body)
    for (const field of Object.keys(accounts.RegisterInput.shape)) {
      const column = registrationCollection.fields.find((f) => f.field === field)?.column
      if (!column) continue
      const [table, name] = column.split('.')
      const entry = dataInventory
        .find((t) => t.table === table)
        ?.columns.find((c) => c.column === name)?.entry
      if (!entry?.personal) continue
      const expected = requiredByRegistration(field) ? 'required' : 'optional'
      const cell = new RegExp(`data-column="${column}" data-collection="([a-z]+)">([^<]*)<`).exec(body)
      assert.ok(cell, `the notice states whether ${column} must be given`)
      assert.equal(cell[1], expected, column)
      assert.equal(cell[2], expected === 'required' ? 'Yes, to register' : 'No (optional)', column)
      // A description that calls itself optional must not describe something registration requires.
      if (expected === 'required') assert.doesNotMatch(entry.description, /optional/i, column)
    }
  })

  it('/privacy says the mobile number must be given to register, as registration requires', async () => {
    const body = decode((await ctx.server.inject('/privacy')).body)
    assert.equal(requiredByRegistration('phone'), true)
    assert.match(
      body,
      /<td>Your mobile number<\/td><td>When you create an account<\/td><td>Yes, to register<\/td>/,
    )
    assert.match(
      body,
      /<td>Your date of birth<\/td><td>When you create an account<\/td><td>No \(optional\)<\/td>/,
    )
    assert.match(body, /Legal name, GSTIN and address: yes/)
  })
})
