import assert from 'node:assert/strict'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, it } from 'node:test'
import { loadConfig } from './config.ts'

const dataDir = () => mkdtempSync(path.join(tmpdir(), 'mandi-config-'))

describe('configuration from the environment', () => {
  it('runs with no variables at all: embedded database, port 3000 on 127.0.0.1', () => {
    const config = loadConfig({ DATA_DIR: dataDir() })
    assert.equal(config.port, 3000)
    assert.equal(config.host, '127.0.0.1')
    assert.equal(config.database.url, undefined)
    assert.match(config.database.pgliteDir, /pglite$/)
    assert.equal(config.publicUrl, 'http://127.0.0.1:3000')
  })

  it('keeps the generated development secret across restarts', () => {
    const dir = dataDir()
    assert.equal(loadConfig({ DATA_DIR: dir }).secretKey, loadConfig({ DATA_DIR: dir }).secretKey)
    assert.ok(loadConfig({ DATA_DIR: dir }).secretKey.length >= 32)
  })

  it('names every bad variable and what is wrong with it', () => {
    assert.throws(
      () => loadConfig({ DATA_DIR: dataDir(), PORT: 'eighty', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud' }),
      (error: Error) =>
        /PORT/.test(error.message) &&
        /DATABASE_URL: must start with postgres:\/\//.test(error.message) &&
        /LOG_LEVEL/.test(error.message),
    )
  })

  it('refuses to start in production without a SECRET_KEY', () => {
    assert.throws(
      () => loadConfig({ NODE_ENV: 'production', DATA_DIR: dataDir() }),
      /SECRET_KEY: required in production[\s\S]*CONSENT_RECEIPT_KEY: required in production/,
    )
  })

  it('starts from .env.example copied as it is: a blank NAME= means unset', () => {
    const example = Object.fromEntries(
      readFileSync(path.join(import.meta.dirname, '..', '.env.example'), 'utf8')
        .split('\n')
        .filter((line) => /^[A-Z][A-Z0-9_]*=/.test(line))
        .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
    )
    assert.ok(Object.keys(example).length > 20, 'read the variables of .env.example')
    assert.ok(Object.values(example).includes(''), '.env.example leaves some variables blank')
    const config = loadConfig({ ...example, DATA_DIR: dataDir() })
    assert.equal(config.port, 3000)
    assert.equal(config.database.url, undefined)
  })

  it('reads TRUST_PROXY as a boolean word', () => {
    assert.equal(loadConfig({ DATA_DIR: dataDir(), TRUST_PROXY: 'true' }).trustProxy, true)
    assert.equal(loadConfig({ DATA_DIR: dataDir(), TRUST_PROXY: 'false' }).trustProxy, false)
  })

  it('gives statements 5 s by default, and reads DATABASE_STATEMENT_TIMEOUT_MS (0: off)', () => {
    assert.equal(loadConfig({ DATA_DIR: dataDir() }).database.statementTimeoutMs, 5000)
    assert.equal(
      loadConfig({ DATA_DIR: dataDir(), DATABASE_STATEMENT_TIMEOUT_MS: '' }).database.statementTimeoutMs,
      5000,
    )
    assert.equal(
      loadConfig({ DATA_DIR: dataDir(), DATABASE_STATEMENT_TIMEOUT_MS: '250' }).database.statementTimeoutMs,
      250,
    )
    assert.equal(
      loadConfig({ DATA_DIR: dataDir(), DATABASE_STATEMENT_TIMEOUT_MS: '0' }).database.statementTimeoutMs,
      0,
    )
    assert.throws(
      () => loadConfig({ DATA_DIR: dataDir(), DATABASE_STATEMENT_TIMEOUT_MS: '-1' }),
      /DATABASE_STATEMENT_TIMEOUT_MS/,
    )
    assert.throws(
      () => loadConfig({ DATA_DIR: dataDir(), DATABASE_STATEMENT_TIMEOUT_MS: 'soon' }),
      /DATABASE_STATEMENT_TIMEOUT_MS/,
    )
  })

  it('reads the metrics settings: a long token, a separate port on 127.0.0.1 by default', () => {
    const none = loadConfig({ DATA_DIR: dataDir(), METRICS_TOKEN: '', METRICS_PORT: '' })
    assert.deepEqual({ ...none.metrics }, { token: undefined, port: undefined, host: '127.0.0.1' })
    const token = 'a'.repeat(32)
    const set = loadConfig({ DATA_DIR: dataDir(), METRICS_TOKEN: token, METRICS_PORT: '9464' })
    assert.deepEqual({ ...set.metrics }, { token, port: 9464, host: '127.0.0.1' })
    assert.throws(
      () => loadConfig({ DATA_DIR: dataDir(), METRICS_TOKEN: 'short' }),
      /METRICS_TOKEN: must be at least 32/,
    )
    assert.throws(() => loadConfig({ DATA_DIR: dataDir(), METRICS_PORT: '70000' }), /METRICS_PORT/)
    assert.throws(
      () => loadConfig({ DATA_DIR: dataDir(), PORT: '8080', METRICS_PORT: '8080' }),
      /METRICS_PORT: must differ from PORT/,
    )
  })
})
