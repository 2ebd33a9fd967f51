/**
 * What the checks remember per text between runs (they run whenever typing pauses, and only the
 * edited item's text is new). Every such cache is a TextCache, so clearCheckCaches reaches all of
 * them: a "cold" bench run then is really cold.
 */
const all = new Set<TextCache<unknown>>()

/** A per-text memo, bounded (emptied when full) and registered for clearCheckCaches. */
export class TextCache<V> {
  private readonly map = new Map<string, V>()

  constructor(private readonly max: number) {
    all.add(this as TextCache<unknown>)
  }

  /** The remembered value for `text`, made (and remembered) on a miss. */
  get(text: string, make: (text: string) => V): V {
    const hit = this.map.get(text)
    if (hit !== undefined) return hit
    if (this.map.size >= this.max) this.map.clear()
    const value = make(text)
    this.map.set(text, value)
    return value
  }

  /** How many texts are remembered. */
  get size(): number {
    return this.map.size
  }

  /** Forgets everything. */
  clear(): void {
    this.map.clear()
  }
}

/** Forgets what every check cache remembers, so that the next run is a cold one (benches). */
export function clearCheckCaches(): void {
  for (const cache of all) cache.clear()
}
