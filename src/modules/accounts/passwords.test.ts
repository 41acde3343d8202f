import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { demoLogins } from '#src/demo/seed.ts'
import { passwordProblem } from './passwords.ts'

describe('password strength', () => {
  it('refuses common passwords, Indian words with a year and a name with a year, saying why', () => {
    for (const weak of [
      'password12',
      'india@2024',
      'bharat2025!',
      'rajesh2024',
      'Priya@1990',
      'Rajkot@2023',
      'mandi@12345',
    ]) {
      const problem = passwordProblem(weak)
      assert.ok(problem, `${weak} is refused`)
      assert.match(problem, /too easy to guess/)
    }
  })

  it("refuses the person's own name with a year", () => {
    const context = { email: 'ops@kovai-castings.example', name: 'Thirumalai Venkatesan' }
    assert.match(passwordProblem('thirumalai1987', context) ?? '', /too easy to guess/)
    assert.equal(passwordProblem('thirumalai1987'.replace('thirumalai', 'quokka lantern'), context), null)
  })

  it('accepts a long passphrase of unrelated words', () => {
    for (const strong of [
      'tangerine kettle orbit ladder',
      'copper valve monsoon 42',
      'Quiet harbour lantern 47',
    ]) {
      assert.equal(
        passwordProblem(strong, { email: 'priya@sundaram.example', name: 'Priya Raghavan' }),
        null,
        strong,
      )
    }
  })

  it('keeps the length and email rules', () => {
    assert.match(passwordProblem('short') ?? '', /at least 10 characters/)
    assert.match(passwordProblem('x'.repeat(201)) ?? '', /at most 200 characters/)
    assert.match(
      passwordProblem('priya.raghavan lantern orbit', { email: 'priya.raghavan@sundaram.example' }) ?? '',
      /email address/,
    )
  })

  it('accepts every demo password', () => {
    for (const login of demoLogins()) assert.equal(passwordProblem(login.password, login), null, login.email)
  })
})
