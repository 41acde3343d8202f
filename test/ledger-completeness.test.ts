import assert from 'node:assert/strict'
import { readdirSync } from 'node:fs'
import { describe, it } from 'node:test'
import * as privacy from '#src/modules/privacy/index.ts'
import { outboundRegister } from '#src/outbound.ts'
import type { LedgerScenario } from '#test/ledger/scenario.ts'
import { testDatabaseKind, useTestApp } from '#test/setup.ts'

// Every way personal data leaves Mandi is declared (src/outbound.ts gathers the declarations), and
// every declared path must write the disclosure ledger when it happens. For each path this test runs
// the scenario of the same id from test/ledger/*.scenarios.ts — real code, real providers' stand-ins
// — and fails unless the person's ledger then holds an entry of the path's recipient kind naming
// exactly its fields. A path without a scenario fails: the register cannot grow untested.

const scenarios = await loadScenarios()

async function loadScenarios(): Promise<Map<string, LedgerScenario>> {
  const dir = new URL('./ledger/', import.meta.url)
  const found = new Map<string, LedgerScenario>()
  for (const file of readdirSync(dir)
    .filter((name) => name.endsWith('.scenarios.ts'))
    .sort()) {
    const module = (await import(new URL(file, dir).href)) as Record<string, unknown>
    for (const group of Object.values(module)) {
      if (!group || typeof group !== 'object') continue
      for (const [id, scenario] of Object.entries(group as Record<string, unknown>)) {
        if (typeof scenario !== 'function') continue
        assert.ok(!found.has(id), `scenario "${id}" is defined twice (again in ${file})`)
        found.set(id, scenario as LedgerScenario)
      }
    }
  }
  return found
}

describe(`the outbound register (${testDatabaseKind})`, () => {
  it('names each path once, with a declared recipient kind and at least one field', () => {
    const ids = outboundRegister.map((path) => path.id)
    assert.deepEqual(ids, [...new Set(ids)])
    for (const path of outboundRegister) {
      assert.match(path.id, /^[a-z]+\.[a-z0-9-]+$/, `path id "${path.id}" is module.path`)
      assert.ok(
        Object.hasOwn(privacy.recipientDeclarations, path.recipientKind),
        `path ${path.id}: recipient kind "${path.recipientKind}" has no entry in privacy.recipientDeclarations`,
      )
      assert.ok(Object.hasOwn(privacy.purposes, path.purpose), `path ${path.id}: unknown purpose`)
      assert.ok(path.fields.length > 0 && path.description.length > 20, `path ${path.id} says what leaves`)
    }
  })

  it('has no scenario for a path that is not in the register', () => {
    const ids = new Set(outboundRegister.map((path) => path.id))
    const stale = [...scenarios.keys()].filter((id) => !ids.has(id))
    assert.deepEqual(stale, [], 'these scenarios test no declared path: remove them or declare the path')
  })
})

describe(`every outbound path writes the disclosure ledger (${testDatabaseKind})`, () => {
  const ctx = useTestApp()

  for (const path of outboundRegister) {
    it(`${path.id}: ${path.recipientKind} receives ${path.fields.join(', ')}`, async () => {
      const scenario = scenarios.get(path.id)
      assert.ok(scenario, `path ${path.id} has no scenario: add one to test/ledger/<module>.scenarios.ts`)
      const { subjectUserId, reference } = await scenario({ app: ctx.app, server: ctx.server })
      const ledger = await privacy.listDisclosures(ctx.app.db, subjectUserId)
      const entries = ledger.filter(
        (entry) =>
          entry.recipientKind === path.recipientKind &&
          (reference === undefined || entry.reference === reference),
      )
      assert.ok(
        entries.length > 0,
        `path ${path.id}: no "${path.recipientKind}" entry in the subject's ledger${reference ? ` with reference ${reference}` : ''}`,
      )
      const exact = entries.filter((entry) => sameFields(entry.fields, path.fields))
      assert.ok(
        reference === undefined ? exact.length > 0 : exact.length === entries.length,
        `path ${path.id}: the ledger names ${JSON.stringify(entries.map((e) => e.fields))}, not exactly ${JSON.stringify(path.fields)}`,
      )
    })
  }
})

function sameFields(recorded: readonly string[], declared: readonly string[]): boolean {
  return recorded.length === declared.length && recorded.every((field, i) => field === declared[i])
}
