import { FailureLimiter, type FailureLimit } from './failureLimiter.ts'
import { RetryLater, secondsToWait } from './retryLater.ts'

/** Limits on wrong passwords, per account name and per client address. */
export interface PasswordLimits {
  name: FailureLimit
  address: FailureLimit
}

/** 5 wrong passwords lock a name for 1 min; 30 from one address within 15 min lock it for 5 min. */
export const DEFAULT_PASSWORD_LIMITS: PasswordLimits = {
  name: { maxFailures: 5, lockMs: 60_000, windowMs: 15 * 60_000, forgetOnSuccess: true },
  address: { maxFailures: 30, lockMs: 5 * 60_000, windowMs: 15 * 60_000, forgetOnSuccess: false },
}

/**
 * Every password check (sign-in, changing one's own password) goes through here: refused with 429
 * before any hashing when the name or the address is locked, and counted per name and per address
 * atomically. Callers log each wrong password with name and address (never the password).
 */
export class PasswordGuard {
  private readonly names: FailureLimiter
  private readonly addresses: FailureLimiter

  constructor(limits: PasswordLimits = DEFAULT_PASSWORD_LIMITS) {
    this.names = new FailureLimiter(limits.name)
    this.addresses = new FailureLimiter(limits.address)
  }

  /**
   * Runs `check` (which verifies the password and returns undefined when it is wrong) unless the
   * name or the address must wait; AppError 429 with a Chinese message then.
   */
  async attempt<T>(name: string, address: string, check: () => Promise<T | undefined>): Promise<T | undefined> {
    const nameKey = name.slice(0, 64)
    // Check both and reserve both in one synchronous step: no other request runs in between.
    const nameWait = this.names.waitFor(nameKey)
    const addressWait = this.addresses.waitFor(address)
    if (nameWait > 0) throw new RetryLater(`密码错误次数过多，请 ${secondsToWait(nameWait)} 秒后再试`, secondsToWait(nameWait))
    if (addressWait > 0) throw new RetryLater(`此网络地址的密码错误次数过多，请 ${secondsToWait(addressWait)} 秒后再试`, secondsToWait(addressWait))
    this.names.reserve(nameKey)
    this.addresses.reserve(address)
    let result: T | undefined
    try {
      result = await check()
    } catch (err) {
      // Not a wrong password (bad new password, storage error): the attempt does not count.
      this.names.settle(nameKey, 'void')
      this.addresses.settle(address, 'void')
      throw err
    }
    const failed = result === undefined
    this.names.settle(nameKey, failed ? 'failed' : 'succeeded')
    this.addresses.settle(address, failed ? 'failed' : 'succeeded')
    return result
  }
}
