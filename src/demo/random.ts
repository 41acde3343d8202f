/**
 * A small seeded PRNG (sfc32, seeded through splitmix32) so that the same seed always yields the
 * same demo data, in any Node version. Math.random is never used by the demo generator.
 */
export interface Random {
  /** A float in [0, 1). */
  next(): number
  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number
  /** True with probability p. */
  chance(p: number): boolean
  pick<T>(items: readonly T[]): T
  /** Picks by relative weights; `weights` must be as long as `items`. */
  weighted<T>(items: readonly T[], weights: readonly number[]): T
  /** k distinct items, in random order (k is capped at the number of items). */
  sample<T>(items: readonly T[], k: number): T[]
}

/** A generator for one named stream of one seed: streams do not disturb each other. */
export function createRandom(seed: number, stream: string, offset = 0): Random {
  let state = splitmix(seed >>> 0) ^ hashString(stream) ^ splitmix((offset * 2654435761) >>> 0)
  const next32 = () => {
    state = (state + 0x9e3779b9) >>> 0
    return splitmix(state)
  }
  let a = next32()
  let b = next32()
  let c = next32()
  let d = next32()

  const nextUint32 = () => {
    const t = (((a + b) >>> 0) + d) >>> 0
    d = (d + 1) >>> 0
    a = b ^ (b >>> 9)
    b = (c + (c << 3)) >>> 0
    c = ((c << 21) | (c >>> 11)) >>> 0
    c = (c + t) >>> 0
    return t
  }
  for (let i = 0; i < 12; i++) nextUint32()

  const next = () => nextUint32() / 4294967296
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1))
  return {
    next,
    int,
    chance: (p) => next() < p,
    pick: (items) => items[Math.floor(next() * items.length)]!,
    weighted(items, weights) {
      let total = 0
      for (const w of weights) total += w
      let r = next() * total
      for (let i = 0; i < items.length; i++) {
        r -= weights[i]!
        if (r < 0) return items[i]!
      }
      return items[items.length - 1]!
    },
    sample(items, k) {
      const pool = [...items]
      const count = Math.min(k, pool.length)
      for (let i = 0; i < count; i++) {
        const j = i + Math.floor(next() * (pool.length - i))
        ;[pool[i], pool[j]] = [pool[j]!, pool[i]!]
      }
      return pool.slice(0, count)
    },
  }
}

function splitmix(x: number): number {
  let z = (x + 0x9e3779b9) >>> 0
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0
  return (z ^ (z >>> 16)) >>> 0
}

function hashString(text: string): number {
  let h = 2166136261
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619)
  return h >>> 0
}
