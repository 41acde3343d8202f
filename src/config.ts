import { generateKeyPairSync, randomBytes } from 'node:crypto'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { z } from 'zod'

// The only reader of process.env. Every variable is listed, with a comment, in .env.example.
const Env = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  PUBLIC_URL: z.url().optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  // PostgreSQL cancels a statement that runs (or waits on a lock) longer than this; 0 switches it off.
  DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(0).max(3_600_000).default(5000),
  SECRET_KEY: z.string().min(32, 'must be at least 32 characters').optional(),
  // Earlier SECRET_KEYs, comma-separated, after a rotation: relay addresses in mail already sent keep working.
  PREVIOUS_SECRET_KEYS: z
    .string()
    .default('')
    .transform((v) =>
      v
        .split(',')
        .map((k) => k.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().min(32, 'each previous key must be at least 32 characters'))),
  CONSENT_RECEIPT_KEY: z
    .string()
    .refine((v) => v.includes('BEGIN PRIVATE KEY'), 'must be an Ed25519 private key in PKCS#8 PEM form')
    .optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TRUST_PROXY: z.stringbool().default(false),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(600),
  SEED_PRODUCTS: z.coerce.number().int().min(0).default(2000),
  WORKER_HEARTBEAT_CRON: z.string().default('* * * * *'),
  PAGE_CACHE_SECONDS: z.coerce.number().int().min(0).default(60),
  // Bearer token for /metrics; in production /metrics is not served on PORT without it.
  METRICS_TOKEN: z.string().min(32, 'must be at least 32 characters').optional(),
  // Serve /metrics on its own listener (and not on PORT).
  METRICS_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  METRICS_HOST: z.string().min(1).default('127.0.0.1'),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional(),
  MAIL_FROM: z.string().min(3).default('Mandi <no-reply@mandi.localhost>'),
  SMS_PROVIDER_URL: z.url().optional(),
  SMS_API_KEY: z.string().min(1).optional(),
  SMS_SENDER_ID: z.string().min(3).max(11).default('MANDIX'),
  SMS_DLT_ENTITY_ID: z
    .string()
    .regex(/^\d{10,25}$/, 'must be the 10–25 digit DLT principal entity id')
    .optional(),
  SMS_DLT_TEMPLATES: z.string().default(''),
  INBOUND_SMTP_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  INBOUND_SMTP_HOST: z.string().min(1).default('127.0.0.1'),
  INBOUND_SMTP_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(10 * 1024 * 1024),
  RELAY_DOMAIN: z
    .string()
    .regex(/^[a-z0-9.-]+\.[a-z]{2,}$/i, 'must be a domain name such as relay.example.in')
    .default('relay.mandi.localhost'),
  // The gateway new payments go through; only the bundled sandbox (test payments, no real money) exists so far.
  PAYMENT_GATEWAY: z.enum(['sandbox']).default('sandbox'),
  // Signs the sandbox gateway's webhooks (HMAC-SHA256); generated per DATA_DIR when unset.
  SANDBOX_WEBHOOK_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  OPERATOR_NAME: z.string().min(1).default('Mandi Marketplace (self-hosted)'),
  GRIEVANCE_OFFICER_NAME: z.string().min(1).default('Grievance Officer'),
  GRIEVANCE_OFFICER_EMAIL: z.email().default('grievance@mandi.localhost'),
  GRIEVANCE_OFFICER_ADDRESS: z
    .string()
    .min(1)
    .default('Address not configured (set GRIEVANCE_OFFICER_ADDRESS)'),
})

export type Env = z.infer<typeof Env>

export function loadConfig(env: Record<string, string | undefined> = process.env) {
  // `NAME=` (as .env.example lists every variable) means unset, not an empty value (nor port 0).
  const given = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value.trim() !== ''),
  )
  const parsed = Env.safeParse(given)
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`)
    throw new Error(`Invalid environment:\n${lines.join('\n')}`)
  }
  const e = parsed.data
  if (e.METRICS_PORT !== undefined && e.METRICS_PORT !== 0 && e.METRICS_PORT === e.PORT) {
    throw new Error('Invalid environment:\n  METRICS_PORT: must differ from PORT')
  }
  if (e.SMS_PROVIDER_URL && !e.SMS_API_KEY) {
    throw new Error('Invalid environment:\n  SMS_API_KEY: required when SMS_PROVIDER_URL is set')
  }
  const dataDir = path.resolve(e.DATA_DIR)
  if (e.NODE_ENV === 'production') {
    const missing = [
      !e.SECRET_KEY && '  SECRET_KEY: required in production (at least 32 characters)',
      !e.CONSENT_RECEIPT_KEY && '  CONSENT_RECEIPT_KEY: required in production (Ed25519 private key, PEM)',
    ].filter(Boolean)
    if (missing.length) throw new Error(`Invalid environment:\n${missing.join('\n')}`)
  }
  return Object.freeze({
    env: e.NODE_ENV,
    isProduction: e.NODE_ENV === 'production',
    host: e.HOST,
    port: e.PORT,
    publicUrl: (e.PUBLIC_URL ?? `http://${e.HOST === '0.0.0.0' ? 'localhost' : e.HOST}:${e.PORT}`).replace(
      /\/$/,
      '',
    ),
    dataDir,
    database: Object.freeze({
      url: e.DATABASE_URL,
      poolSize: e.DATABASE_POOL_SIZE,
      statementTimeoutMs: e.DATABASE_STATEMENT_TIMEOUT_MS,
      // Without DATABASE_URL the embedded PGlite keeps its files here.
      pgliteDir: path.join(dataDir, 'pglite'),
    }),
    secretKey: e.SECRET_KEY ?? developmentSecret(dataDir),
    previousSecretKeys: Object.freeze(e.PREVIOUS_SECRET_KEYS),
    consentReceiptKey: e.CONSENT_RECEIPT_KEY ?? developmentReceiptKey(dataDir),
    logLevel: e.LOG_LEVEL,
    trustProxy: e.TRUST_PROXY,
    rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE,
    seedProducts: e.SEED_PRODUCTS,
    workerHeartbeatCron: e.WORKER_HEARTBEAT_CRON,
    pageCacheSeconds: e.PAGE_CACHE_SECONDS,
    metrics: Object.freeze({
      token: e.METRICS_TOKEN,
      // Set: /metrics is served on this port (and host) only, never on PORT.
      port: e.METRICS_PORT,
      host: e.METRICS_HOST,
    }),
    messaging: Object.freeze({
      smtpUrl: e.SMTP_URL,
      mailFrom: e.MAIL_FROM,
      sms:
        e.SMS_PROVIDER_URL && e.SMS_API_KEY
          ? Object.freeze({
              url: e.SMS_PROVIDER_URL,
              apiKey: e.SMS_API_KEY,
              senderId: e.SMS_SENDER_ID,
              dltEntityId: e.SMS_DLT_ENTITY_ID,
            })
          : undefined,
      smsSenderId: e.SMS_SENDER_ID,
      dltTemplates: e.SMS_DLT_TEMPLATES,
      relayDomain: e.RELAY_DOMAIN.toLowerCase(),
      // The inbound receiver starts only when a port is configured.
      inbound:
        e.INBOUND_SMTP_PORT === undefined
          ? undefined
          : Object.freeze({
              host: e.INBOUND_SMTP_HOST,
              port: e.INBOUND_SMTP_PORT,
              domains: [e.RELAY_DOMAIN.toLowerCase()],
              maxBytes: e.INBOUND_SMTP_MAX_BYTES,
            }),
    }),
    payments: Object.freeze({
      gateway: e.PAYMENT_GATEWAY,
      sandboxWebhookSecret: e.SANDBOX_WEBHOOK_SECRET ?? developmentSecret(dataDir, '.sandbox-webhook-secret'),
      // The bundled sandbox takes test payments only: off in production, like the dev mailbox.
      sandboxEnabled: e.NODE_ENV !== 'production',
    }),
    operator: Object.freeze({
      name: e.OPERATOR_NAME,
      grievanceOfficer: Object.freeze({
        name: e.GRIEVANCE_OFFICER_NAME,
        email: e.GRIEVANCE_OFFICER_EMAIL,
        address: e.GRIEVANCE_OFFICER_ADDRESS,
      }),
    }),
  })
}

export type Config = ReturnType<typeof loadConfig>

/** Settings the test helpers need; read here so that config.ts stays the one reader of process.env. */
export function loadTestSettings(env: Record<string, string | undefined> = process.env) {
  return Object.freeze({
    databaseUrl: env.TEST_DATABASE_URL || undefined,
    chromiumPath: env.CHROMIUM_PATH || '/usr/bin/chromium',
  })
}

// Outside production the keys are generated once per data directory, so a fresh
// checkout works with no setup and restarts keep signed cookies valid.
function developmentSecret(dataDir: string, name = '.secret-key'): string {
  const file = path.join(dataDir, name)
  try {
    return readFileSync(file, 'utf8').trim()
  } catch {
    mkdirSync(dataDir, { recursive: true })
    const key = randomBytes(32).toString('base64url')
    writeFileSync(file, key, { mode: 0o600 })
    return key
  }
}

function developmentReceiptKey(dataDir: string): string {
  const file = path.join(dataDir, '.consent-receipt-key.pem')
  try {
    return readFileSync(file, 'utf8')
  } catch {
    mkdirSync(dataDir, { recursive: true })
    const pem = generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString()
    writeFileSync(file, pem, { mode: 0o600 })
    return pem
  }
}
