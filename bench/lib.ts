import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { cpus, totalmem } from 'node:os'
import path from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import autocannon from 'autocannon'
import pg from 'pg'

export const root = path.resolve(import.meta.dirname, '..')

export interface LoadResult {
  requestsPerSecond: number
  p50: number
  p99: number
  errors: number
  non2xx: number
  requests: number
  /** CPU time the server process spent per request during the measurement (µs), when its pid was given. */
  cpuMicrosPerRequest?: number | undefined
}

/** Drives load at a URL from this process for `seconds`, after a short warm-up. */
export async function load(
  url: string,
  options: {
    seconds: number
    connections: number
    headers?: Record<string, string>
    pid?: number | undefined
  },
): Promise<LoadResult> {
  const headers = options.headers ?? {}
  await autocannon({ url, connections: options.connections, duration: 2, headers })
  const cpuBefore = options.pid ? cpuSeconds(options.pid) : undefined
  const result = await autocannon({
    url,
    connections: options.connections,
    duration: options.seconds,
    headers,
  })
  const cpuAfter = options.pid ? cpuSeconds(options.pid) : undefined
  return {
    cpuMicrosPerRequest:
      cpuBefore !== undefined && cpuAfter !== undefined && result.requests.total > 0
        ? ((cpuAfter - cpuBefore) * 1e6) / result.requests.total
        : undefined,
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    requests: result.requests.total,
  }
}

/**
 * User + system CPU seconds a process has used (Linux /proc). Unlike requests per second, CPU
 * per request does not change when other work on the machine takes turns on the same core.
 */
export function cpuSeconds(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return (Number(fields[11]) + Number(fields[12])) / clockTicks
  } catch {
    return undefined
  }
}

const clockTicks = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100
  } catch {
    return 100
  }
})()

const hasTaskset = (() => {
  try {
    execFileSync('taskset', ['-V'], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
})()

/** Starts a Node process pinned to CPU 0 (the load generator gets the other core). */
export function startPinned(args: string[], env: NodeJS.ProcessEnv = {}): ChildProcess {
  const command = hasTaskset ? 'taskset' : process.execPath
  const full = hasTaskset ? ['-c', '0', process.execPath, ...args] : args
  const child = spawn(command, full, {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  child.stdout!.resume()
  return child
}

export async function waitForUrl(url: string, ms = 60_000) {
  const started = Date.now()
  for (;;) {
    try {
      const res = await fetch(url)
      if (res.ok) return
    } catch {}
    if (Date.now() - started > ms) throw new Error(`${url} did not answer within ${ms} ms`)
    await sleep(200)
  }
}

export async function stop(child: ChildProcess) {
  if (child.exitCode !== null) return
  const exited = new Promise((resolve) => child.once('exit', resolve))
  child.kill('SIGTERM')
  await Promise.race([exited, sleep(15_000)])
  if (child.exitCode === null) child.kill('SIGKILL')
}

/** Creates the benchmark database if it does not exist; returns its URL. */
export async function ensureDatabase(url: string): Promise<string> {
  const target = new URL(url)
  const name = target.pathname.slice(1)
  const admin = new URL(url)
  admin.pathname = '/postgres'
  const client = new pg.Client({ connectionString: admin.toString() })
  await client.connect()
  const exists = await client.query('select 1 from pg_database where datname = $1', [name])
  if (exists.rowCount === 0) await client.query(`create database "${name.replace(/"/g, '')}"`)
  await client.end()
  return url
}

export async function scalar<T>(url: string, text: string): Promise<T> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    const result = await client.query(text)
    return Object.values(result.rows[0] ?? {})[0] as T
  } catch {
    return undefined as T
  } finally {
    await client.end()
  }
}

export function machine(): string {
  return `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`
}

export function writeResult(name: string, markdown: string) {
  const file = path.join(root, 'bench', 'results', `${name}.md`)
  writeFileSync(file, markdown)
  return file
}

/** Drops and creates a scratch database on the PostgreSQL at `adminUrl`; returns its URL. */
export async function recreateDatabase(adminUrl: string, name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: adminUrl })
  await admin.connect()
  await admin.query(`drop database if exists ${name} with (force)`)
  await admin.query(`create database ${name}`)
  await admin.end()
  const target = new URL(adminUrl)
  target.pathname = `/${name}`
  return target.toString()
}

/** The server's version number, e.g. "15.20". */
export async function serverVersion(databaseUrl: string): Promise<string> {
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  const result = await client.query('show server_version')
  await client.end()
  return String(result.rows[0]?.server_version ?? '?').split(' ')[0]!
}
