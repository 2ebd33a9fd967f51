/** A token bucket: `burst` requests at once, then one more every `everyMs`. */
export interface Rate {
  burst: number
  everyMs: number
}

interface Bucket {
  tokens: number
  at: number
}

/**
 * Token buckets per key (an account, an address). A full bucket is forgotten, and past `maxKeys`
 * the least recently used key is dropped, so memory stays bounded whatever the keys.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>()

  constructor(
    readonly rate: Rate,
    private readonly maxKeys = 50_000,
  ) {}

  /** Milliseconds until the key may make one more request (0: now). */
  waitFor(key: string, now = Date.now()): number {
    const tokens = this.tokens(key, now)
    return tokens >= 1 ? 0 : Math.ceil((1 - tokens) * this.rate.everyMs)
  }

  /** Spends one request of the key; call after waitFor() said 0, in the same turn. */
  take(key: string, now = Date.now()): void {
    const bucket = { tokens: this.tokens(key, now) - 1, at: now }
    this.buckets.delete(key)
    this.buckets.set(key, bucket)
    while (this.buckets.size > this.maxKeys) {
      const oldest = this.buckets.keys().next().value
      if (oldest === undefined) break
      this.buckets.delete(oldest)
    }
  }

  private tokens(key: string, now: number): number {
    const bucket = this.buckets.get(key)
    if (!bucket) return this.rate.burst
    const tokens = Math.min(this.rate.burst, bucket.tokens + (now - bucket.at) / this.rate.everyMs)
    if (tokens >= this.rate.burst) this.buckets.delete(key)
    return tokens
  }
}
