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

/** The rate limiters of one server, one pair (account, address) per limit name. */
export class RouteRates {
  private readonly limiters: Record<RateLimitName, { account: RateLimiter; address: RateLimiter }>

  constructor(options: RateOptions) {
    const make = (name: RateLimitName) => ({ account: new RateLimiter(options[name].account), address: new RateLimiter(options[name].address) })
    this.limiters = { 'create-document': make('create-document') }
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
