/**
 * Values derived from the catalogue (a city's counts, the rendered body of a page) kept in this
 * process until the catalogue changes. The page cache clears it on the same 'mandi_catalog'
 * notification that drops its pages, and the same TTL bounds staleness if a notification is
 * missed. With a TTL of 0 nothing is kept: every get() loads.
 */
export interface CatalogMemo {
  /** The value under `key`, loaded once per catalogue version; concurrent callers share one load. */
  get<T>(key: string, load: () => Promise<T>): Promise<T>
  clear(): void
  size(): number
}

interface MemoEntry {
  value: Promise<unknown>
  storedAt: number
}

export function createCatalogMemo(options: { ttlSeconds: number; maxEntries?: number }): CatalogMemo {
  const entries = new Map<string, MemoEntry>()
  const maxEntries = options.maxEntries ?? 2_000
  const ttlMs = options.ttlSeconds * 1000
  let generation = 0
  return {
    get<T>(key: string, load: () => Promise<T>): Promise<T> {
      if (ttlMs <= 0) return load()
      const entry = entries.get(key)
      if (entry && Date.now() - entry.storedAt <= ttlMs) return entry.value as Promise<T>
      const started = generation
      const value = load()
      entries.set(key, { value, storedAt: Date.now() })
      value.then(
        () => {
          // Loaded from data older than a change announced meanwhile: serve it to those waiting, keep it no longer.
          if (started !== generation && entries.get(key)?.value === value) entries.delete(key)
        },
        () => {
          if (entries.get(key)?.value === value) entries.delete(key)
        },
      )
      if (entries.size > maxEntries) {
        const oldest = entries.keys().next().value
        if (oldest !== undefined) entries.delete(oldest)
      }
      return value
    },
    clear() {
      generation++
      entries.clear()
    },
    size: () => entries.size,
  }
}
