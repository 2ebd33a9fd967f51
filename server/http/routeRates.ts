import { RetryLater, secondsToWait } from '../auth/retryLater.ts'
import type { RateLimitName } from './route.ts'
import { RateLimiter, type Rate } from './rateLimiter.ts'

/** A named limit's rate per account and per address. */
export type RateOptions = Record<RateLimitName, { account: Rate; address: Rate }>

/**
 * Creating documents (imports above all: each reads up to 16 MB and parses a file): 30 at once,
 * then one every 4 s per account (15 a minute); 60 at once, then one every 2 s per address.
 */
export const DEFAULT_RATES: RateOptions = {
  'create-document': { account: { burst: 30, everyMs: 4000 }, address: { burst: 60, everyMs: 2000 } },
}

/**
 * DEFAULT_RATES, with PLAN_RATE_CREATE_DOCUMENT=<burst>/<ms> overriding how many documents an
 * account may create at once and how often after that (an address gets twice the burst at twice
 * the pace). Benches and bulk set-ups raise it; a bad value stops the server with its name.
 */
export function rateOptions(env: NodeJS.ProcessEnv = process.env): RateOptions {
  const raw = env.PLAN_RATE_CREATE_DOCUMENT
  if (raw === undefined || raw.trim() === '') return DEFAULT_RATES
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(raw)
  const burst = Number(m?.[1])
  const everyMs = Number(m?.[2])
  if (!m || burst < 1 || everyMs < 1) throw new Error(`PLAN_RATE_CREATE_DOCUMENT=${raw}: expected <burst>/<milliseconds>, e.g. 30/4000`)
  return { 'create-document': { account: { burst, everyMs }, address: { burst: burst * 2, everyMs: Math.max(1, Math.round(everyMs / 2)) } } }
}

/** How long a refused request is held before its 429 (ms), and how many are held at once at most. */
export interface HoldOptions {
  holdMs: number
  maxHeld: number
}

/**
 * A client over its rate waits a second for its 429 (with at most 32 held at once; beyond that they
 * are answered at once). A script that retries as soon as it is refused then sends one request a
 * second instead of hundreds, each of which cost the server's event loop about 1 ms of socket work
 * (the soak bench's attacker: 800 refused imports in 12 rounds). The held request's body is not read.
 */
export const DEFAULT_HOLD: HoldOptions = { holdMs: 1000, maxHeld: 32 }

/** DEFAULT_HOLD, with PLAN_RATE_HOLD_MS=<ms> changing how long a refusal is held (0: answered at once); a bad value stops the server. */
export function holdOptions(env: NodeJS.ProcessEnv = process.env): HoldOptions {
  const raw = env.PLAN_RATE_HOLD_MS
  if (raw === undefined || raw.trim() === '') return DEFAULT_HOLD
  if (!/^\s*\d{1,6}\s*$/.test(raw)) throw new Error(`PLAN_RATE_HOLD_MS=${raw}: expected milliseconds, e.g. 1000 (0 answers at once)`)
  return { ...DEFAULT_HOLD, holdMs: Number(raw) }
}

/** The rate limiters of one server, one pair (account, address) per limit name. */
export class RouteRates {
  private readonly limiters: Record<RateLimitName, { account: RateLimiter; address: RateLimiter }>
  private held = 0

  constructor(
    options: RateOptions,
    private readonly hold: HoldOptions = DEFAULT_HOLD,
  ) {
    const make = (name: RateLimitName) => ({ account: new RateLimiter(options[name].account), address: new RateLimiter(options[name].address) })
    this.limiters = { 'create-document': make('create-document') }
  }

  /** Like take, but a refusal is held for a while first (DEFAULT_HOLD says why); `pause` stops reading the body meanwhile. */
  async takeOrHold(name: RateLimitName, accountId: string, address: string, pause: () => void): Promise<void> {
    try {
      this.take(name, accountId, address)
    } catch (err) {
      if (err instanceof RetryLater && this.hold.holdMs > 0 && this.held < this.hold.maxHeld) {
        this.held++
        pause()
        await new Promise((resolve) => setTimeout(resolve, this.hold.holdMs))
        this.held--
      }
      throw err
    }
  }

  /** Requests being held before their 429 right now. */
  get holding(): number {
    return this.held
  }

  /** Counts one request of the account from the address; RetryLater (429) when either is over its rate. */
  take(name: RateLimitName, accountId: string, address: string): void {
    const { account, address: byAddress } = this.limiters[name]
    const wait = Math.max(account.waitFor(accountId), byAddress.waitFor(address))
    if (wait > 0) throw new RetryLater(`操作过于频繁，请 ${secondsToWait(wait)} 秒后再试`, secondsToWait(wait), 'rate-limited')
    account.take(accountId)
    byAddress.take(address)
  }
}
