import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto'

const PARAMS = { N: 16384, r: 8, p: 1 }
const KEY_BYTES = 32
const COST_VAR = 'PASSWORD_SCRYPT_N'

/**
 * scrypt's cost N for new hashes: PASSWORD_SCRYPT_N, a power of two from 1,024 to 1,048,576
 * (16,384 when unset). Raising it makes guessing dearer; the tests lower it, since a hash at the
 * default costs 50 ms of CPU and the suite makes hundreds. Every hash keeps its own parameters, so
 * a change affects new passwords only.
 */
export function scryptCost(env: Readonly<Record<string, string | undefined>> = process.env): number {
  const raw = env[COST_VAR]
  if (raw === undefined || raw.trim() === '') return PARAMS.N
  const n = Number(raw)
  if (!Number.isSafeInteger(n) || n < 1024 || n > 1_048_576 || (n & (n - 1)) !== 0) throw new Error(`${COST_VAR}=${raw}：必须是 1024 到 1048576 之间的 2 的幂`)
  return n
}

function derive(password: string, salt: Buffer, opts: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, KEY_BYTES, { ...opts, maxmem: 64 * 1024 * 1024 }, (err, key) => (err ? reject(err) : resolve(key)))
  })
}

/** A scrypt hash of a password: `scrypt$N$r$p$salt$hash`, parameters kept so they can be raised later. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16)
  const params = { ...PARAMS, N: scryptCost() }
  const key = await derive(password, salt, params)
  return ['scrypt', params.N, params.r, params.p, salt.toString('base64url'), key.toString('base64url')].join('$')
}

/** True when the password matches the stored hash (constant-time comparison). */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$')
  if (scheme !== 'scrypt' || !salt || !hash) return false
  const expected = Buffer.from(hash, 'base64url')
  const key = await derive(password, Buffer.from(salt, 'base64url'), { N: Number(n), r: Number(r), p: Number(p) })
  return key.length === expected.length && timingSafeEqual(key, expected)
}

/** A random password that is easy to read aloud and type (no 0/O, 1/l/I) and keeps the rules: letters and digits both. */
export function randomPassword(length = 16): string {
  const alphabet = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789'
  for (;;) {
    let out = ''
    for (const b of randomBytes(length)) out += alphabet[b % alphabet.length]
    if (/[A-Za-z]/.test(out) && /\d/.test(out)) return out
  }
}
