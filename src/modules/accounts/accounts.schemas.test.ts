import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { dateOfBirthInput, ProfileInput } from './accounts.schemas.ts'

describe('date of birth', () => {
  it('refuses a date before 1900 and one in the future, with a clear message', () => {
    const old = dateOfBirthInput.safeParse('1850-06-01')
    assert.equal(old.success, false)
    assert.match(old.error?.issues[0]?.message ?? '', /1900 or later/)
    const future = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10)
    const ahead = ProfileInput.safeParse({ dateOfBirth: future })
    assert.equal(ahead.success, false)
    assert.match(ahead.error?.issues[0]?.message ?? '', /cannot be in the future/)
  })

  it('accepts 1900-01-01 and an ordinary adult date', () => {
    assert.equal(dateOfBirthInput.safeParse('1900-01-01').success, true)
    assert.equal(dateOfBirthInput.safeParse('1988-04-02').success, true)
  })
})
