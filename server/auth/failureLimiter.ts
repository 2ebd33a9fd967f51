/** How many wrong passwords a key (a name, an address) may send before it waits. */
export interface FailureLimit {
  /** Wrong passwords that lock the key. */
  maxFailures: number
  /** How long a locked key waits. */
  lockMs: number
  /** Failures older than this (since the key's last attempt) are forgotten. */
  windowMs: number
  /** Whether a correct password forgets the key's failures (yes for a name, no for an address). */
  forgetOnSuccess: boolean
}

interface Entry {
  failures: number
  /** Attempts reserved and not yet decided: they count against the limit while the hash runs. */
  pending: number
  lockedUntil: number
  lastAt: number
}

/** Most keys remembered; past it the least recently used key is forgotten (never the whole table). */
export const DEFAULT_MAX_KEYS = 50_000

/**
 * Counts wrong passwords per key. An attempt is reserved before its password is checked, so that
 * parallel requests cannot all pass the limit while the slow hash runs: failures plus attempts in
 * flight never exceed `maxFailures`. Memory is bounded: entries expire, and past `maxKeys` the
 * least recently used one is dropped (filling the table takes tens of thousands of failures, which
 * the per-address limit spreads over many addresses).
 */
export class FailureLimiter {
  private readonly entries = new Map<string, Entry>()

  constructor(
    readonly limit: FailureLimit,
    private readonly maxKeys = DEFAULT_MAX_KEYS,
  ) {}

  /** Milliseconds the key must wait before it may try (0 when it may try now). */
  waitFor(key: string, now = Date.now()): number {
    const entry = this.current(key, now)
    if (!entry) return 0
    // Asking keeps the key recent: a name under attack is the last one forgotten when the table is full.
    this.touch(key, entry)
    if (entry.lockedUntil > now) return entry.lockedUntil - now
    // Full of attempts in flight: the next decision comes within a hash's time.
    return entry.failures + entry.pending >= this.limit.maxFailures ? 1000 : 0
  }

  /** Counts an attempt as in flight; call only after waitFor() said 0, in the same turn. */
  reserve(key: string, now = Date.now()): void {
    const entry = this.current(key, now) ?? { failures: 0, pending: 0, lockedUntil: 0, lastAt: now }
    entry.pending++
    entry.lastAt = now
    this.touch(key, entry)
  }

  /** Settles a reserved attempt (`void`: it decided nothing, e.g. storage failed); true when this failure locked the key. */
  settle(key: string, outcome: 'failed' | 'succeeded' | 'void', now = Date.now()): boolean {
    const entry = this.entries.get(key)
    if (!entry) return false // forgotten meanwhile (table full): nothing to settle
    entry.pending = Math.max(0, entry.pending - 1)
    entry.lastAt = now
    let locked = false
    if (outcome === 'failed') {
      entry.failures++
      if (entry.failures >= this.limit.maxFailures) {
        entry.failures = 0
        entry.lockedUntil = now + this.limit.lockMs
        locked = true
      }
    } else if (outcome === 'succeeded' && this.limit.forgetOnSuccess) entry.failures = 0
    if (entry.failures === 0 && entry.pending === 0 && entry.lockedUntil <= now) this.entries.delete(key)
    else this.touch(key, entry)
    return locked
  }

  /** Keys remembered now (for tests and the health report). */
  get size(): number {
    return this.entries.size
  }

  private current(key: string, now: number): Entry | undefined {
    const entry = this.entries.get(key)
    if (!entry) return undefined
    const stale = entry.pending === 0 && entry.lockedUntil <= now && now - entry.lastAt > this.limit.windowMs
    if (stale) {
      this.entries.delete(key)
      return undefined
    }
    return entry
  }

  private touch(key: string, entry: Entry): void {
    // Re-inserting moves the key to the end of the Map's order: the first key is the least recent.
    this.entries.delete(key)
    this.entries.set(key, entry)
    while (this.entries.size > this.maxKeys) {
      const oldest = this.entries.keys().next().value
      if (oldest === undefined) break
      this.entries.delete(oldest)
    }
  }
}
