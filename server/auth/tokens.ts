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

/** The claims of a token whose signature is valid, or null; expiry and revocation are the caller's checks. */
export function readToken(token: string, secret: Buffer): TokenClaims | null {
  const [version, body, sig] = token.split('.')
  if (version !== VERSION || !body || !sig || token.length > 1024) return null
  const expected = Buffer.from(mac(body, secret))
  const given = Buffer.from(sig)
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null
  try {
    const value = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Partial<TokenClaims>
    if (typeof value.sid !== 'string' || typeof value.uid !== 'string' || typeof value.exp !== 'number') return null
    return { sid: value.sid, uid: value.uid, exp: value.exp }
  } catch {
    return null
  }
}

function mac(body: string, secret: Buffer): string {
  return createHmac('sha256', secret).update(`${VERSION}.${body}`).digest('base64url')
}
