/** Largest body of an ordinary JSON route (a title, a role, a version name …). */
export const JSON_BODY_BYTES = 64 * 1024

/** Largest body of a route that needs no sign-in (name and password). */
export const PUBLIC_BODY_BYTES = 8 * 1024

/** Largest body of document creation: a 10 MB file imported as base64 is about 13.4 MB. */
export const IMPORT_BODY_BYTES = 16 * 1024 * 1024

/**
 * Bytes of request bodies the whole server holds at once. Past it a request gets 503 before its
 * body is read: three imports of the largest size fit, fifty do not.
 */
export const BODIES_IN_FLIGHT_BYTES = 48 * 1024 * 1024

/** Bytes of request bodies held right now, shared by every request of one server. */
export class BodyBudget {
  private used = 0

  constructor(readonly total = BODIES_IN_FLIGHT_BYTES) {}

  /** Takes `bytes` from the budget; false (and nothing taken) when they do not fit. */
  reserve(bytes: number): boolean {
    if (this.used + bytes > this.total) return false
    this.used += bytes
    return true
  }

  /** Whether `bytes` would fit now. */
  fits(bytes: number): boolean {
    return this.used + bytes <= this.total
  }

  /** Gives `bytes` back. */
  release(bytes: number): void {
    this.used = Math.max(0, this.used - bytes)
  }

  /** Bytes held now. */
  get inUse(): number {
    return this.used
  }
}
