/** Slows down password guessing: after `maxFailures` wrong passwords for a name, that name waits `lockMs`. */
export class LoginLimiter {
  private readonly failures = new Map<string, { count: number; lockedUntil: number }>()

  constructor(
    private readonly maxFailures = 5,
    private readonly lockMs = 60_000,
  ) {}

  /** Milliseconds the name must still wait (0 when it may try). */
  waitFor(name: string, now = Date.now()): number {
    const entry = this.failures.get(name)
    return entry && entry.lockedUntil > now ? entry.lockedUntil - now : 0
  }

  /** Records a wrong password. */
  fail(name: string, now = Date.now()): void {
    const entry = this.failures.get(name) ?? { count: 0, lockedUntil: 0 }
    entry.count++
    if (entry.count >= this.maxFailures) {
      entry.count = 0
      entry.lockedUntil = now + this.lockMs
    }
    this.failures.set(name, entry)
    // Forget names in bulk rather than per entry; a bureau has few accounts.
    if (this.failures.size > 10_000) this.failures.clear()
  }

  /** Forgets the failures of a name after a successful sign-in. */
  succeed(name: string): void {
    this.failures.delete(name)
  }
}
