import { describe, expect, it } from 'vitest'
import { FailureLimiter, type FailureLimit } from '../../../server/auth/failureLimiter.ts'

const LIMIT: FailureLimit = { maxFailures: 5, lockMs: 60_000, windowMs: 15 * 60_000, forgetOnSuccess: true }

/** One whole wrong attempt at `key`, as the guard makes it. */
function fail(limiter: FailureLimiter, key: string, now: number): void {
  limiter.reserve(key, now)
  limiter.settle(key, 'failed', now)
}

describe('failure limiter', () => {
  it('locks a key after five failures and lets it try again after the lock', () => {
    const limiter = new FailureLimiter(LIMIT)
    for (let i = 0; i < 5; i++) fail(limiter, 'admin', 1000)
    expect(limiter.waitFor('admin', 1000)).toBe(60_000)
    expect(limiter.waitFor('admin', 61_001)).toBe(0)
  })

  it('counts attempts in flight, so parallel attempts cannot pass the limit', () => {
    const limiter = new FailureLimiter(LIMIT)
    let admitted = 0
    for (let i = 0; i < 200; i++) {
      if (limiter.waitFor('admin', 0) > 0) continue
      limiter.reserve('admin', 0)
      admitted++
    }
    expect(admitted).toBe(5)
  })

  it('keeps a locked name locked while 20,000 other names fail (the table is never cleared wholesale)', () => {
    const limiter = new FailureLimiter(LIMIT)
    for (let i = 0; i < 5; i++) fail(limiter, 'admin', 0)
    for (let i = 0; i < 20_000; i++) fail(limiter, `name${i}`, 1)
    expect(limiter.waitFor('admin', 2)).toBeGreaterThan(0)
  })

  it('stays bounded: past its size it forgets the least recently used keys', () => {
    const limiter = new FailureLimiter(LIMIT, 1000)
    for (let i = 0; i < 5; i++) fail(limiter, 'admin', 0)
    for (let i = 0; i < 100_000; i++) {
      fail(limiter, `name${i}`, 1)
      if (i % 500 === 0) expect(limiter.waitFor('admin', 1)).toBeGreaterThan(0) // touched, so kept
    }
    expect(limiter.size).toBeLessThanOrEqual(1000)
  })

  it('forgets failures after the window, and forgets nothing else of the table', () => {
    const limiter = new FailureLimiter(LIMIT)
    for (let i = 0; i < 4; i++) fail(limiter, 'a', 0)
    fail(limiter, 'b', 0)
    fail(limiter, 'a', LIMIT.windowMs + 1)
    expect(limiter.waitFor('a', LIMIT.windowMs + 1)).toBe(0)
    expect(limiter.size).toBe(2)
  })
})
