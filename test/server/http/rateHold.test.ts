import { afterEach, describe, expect, it, vi } from 'vitest'
import { RetryLater } from '../../../server/auth/retryLater.ts'
import { holdOptions, RouteRates } from '../../../server/http/routeRates.ts'

const ONE_AT_A_TIME = { 'create-document': { account: { burst: 1, everyMs: 60_000 }, address: { burst: 100, everyMs: 60_000 } } }

/** Whether a promise has settled by now (after pending microtasks). */
async function settled(p: Promise<unknown>): Promise<boolean> {
  let done = false
  p.then(
    () => (done = true),
    () => (done = true),
  )
  await Promise.resolve()
  await Promise.resolve()
  return done
}

afterEach(() => vi.useRealTimers())

describe('holding a refused request before its 429', () => {
  it('passes a request within the rate at once, and holds one over it for the hold time, paused, before refusing it', async () => {
    vi.useFakeTimers()
    const rates = new RouteRates(ONE_AT_A_TIME, { holdMs: 1000, maxHeld: 2 })
    await rates.takeOrHold('create-document', 'u1', '1.1.1.1', () => undefined)
    const pause = vi.fn()
    const refused = rates.takeOrHold('create-document', 'u1', '1.1.1.1', pause)
    refused.catch(() => undefined)
    expect(pause).toHaveBeenCalledOnce()
    expect(rates.holding).toBe(1)
    await vi.advanceTimersByTimeAsync(999)
    expect(await settled(refused)).toBe(false)
    await vi.advanceTimersByTimeAsync(1)
    await expect(refused).rejects.toBeInstanceOf(RetryLater)
    expect(rates.holding).toBe(0)
  })

  it('answers at once beyond the most it holds, so refused clients cannot pile up connections', async () => {
    vi.useFakeTimers()
    const rates = new RouteRates(ONE_AT_A_TIME, { holdMs: 1000, maxHeld: 2 })
    await rates.takeOrHold('create-document', 'u1', '1.1.1.1', () => undefined)
    const held = [1, 2].map(() => rates.takeOrHold('create-document', 'u1', '1.1.1.1', () => undefined))
    held.forEach((p) => p.catch(() => undefined))
    const third = rates.takeOrHold('create-document', 'u1', '1.1.1.1', () => undefined)
    third.catch(() => undefined)
    expect(await settled(third)).toBe(true)
    await expect(third).rejects.toBeInstanceOf(RetryLater)
    expect(rates.holding).toBe(2)
    await vi.advanceTimersByTimeAsync(1000)
    expect(rates.holding).toBe(0)
  })

  it('reads PLAN_RATE_HOLD_MS (0 answers at once) and refuses a value that is not milliseconds', () => {
    expect(holdOptions({}).holdMs).toBe(1000)
    expect(holdOptions({ PLAN_RATE_HOLD_MS: '0' }).holdMs).toBe(0)
    expect(() => holdOptions({ PLAN_RATE_HOLD_MS: 'soon' })).toThrow(/PLAN_RATE_HOLD_MS=soon/)
  })
})
