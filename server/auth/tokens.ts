import { createHmac, timingSafeEqual } from 'node:crypto'

/** What a session token carries: the session (so sign-out revokes it), the user and the expiry. */
export interface TokenClaims {
  sid: string
  uid: string
  /** Expiry, milliseconds since the epoch. */
  exp: number
}

const VERSION = 'v1'

/** A signed token `v1.<claims>.<hmac>` (base64url). */
export function signToken(claims: TokenClaims, secret: Buffer): string {
  const body = Buffer.from(JSON.stringify(claims)).toString('base64url')
  return `${VERSION}.${body}.${mac(body, secret)}`
}

/**
 * The exact shape of a token: version, claims and a 43-character HMAC-SHA256, base64url without
 * padding, nothing before, between or after. A split on "." alone accepted a fourth segment.
 */
const SHAPE = /^v1\.([A-Za-z0-9_-]{1,900})\.([A-Za-z0-9_-]{43})$/

/** The claims of a token whose signature is valid, or null; expiry and revocation are the caller's checks. */
export function readToken(token: string, secret: Buffer): TokenClaims | null {
  const m = typeof token === 'string' ? SHAPE.exec(token) : null
  if (!m) return null
  const [, body, sig] = m
  const expected = Buffer.from(mac(body, secret))
  const given = Buffer.from(sig)
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null
  const bytes = Buffer.from(body, 'base64url')
  // Only the one encoding the signer writes (no stray trailing bits).
  if (bytes.toString('base64url') !== body) return null
  try {
    const value = JSON.parse(bytes.toString('utf8')) as Partial<TokenClaims>
    if (!value || typeof value !== 'object' || Object.keys(value).length !== 3) return null
    if (typeof value.sid !== 'string' || typeof value.uid !== 'string' || !Number.isSafeInteger(value.exp)) return null
    return { sid: value.sid, uid: value.uid, exp: value.exp as number }
  } catch {
    return null
  }
}

function mac(body: string, secret: Buffer): string {
  return createHmac('sha256', secret).update(`${VERSION}.${body}`).digest('base64url')
}
