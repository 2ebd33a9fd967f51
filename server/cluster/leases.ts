import type { createClient } from 'redis'

/** A connected node-redis client. */
export type Redis = ReturnType<typeof createClient>

/** Redis key of a document's lease; its value is the owning process's node id. */
export const leaseKey = (docId: string): string => `plan:lease:${docId}`

/** Extends the lease only while this process still holds it (1), else 0. */
const RENEW = "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) else return 0 end"
/** Deletes the lease only while this process still holds it. */
const RELEASE = "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end"

/** Takes a document's lease for `ms` if nobody holds it; true when this node holds it afterwards. */
export async function takeLease(redis: Redis, docId: string, node: string, ms: number): Promise<boolean> {
  if ((await redis.set(leaseKey(docId), node, { NX: true, PX: ms })) === 'OK') return true
  return await renewLease(redis, docId, node, ms)
}

/** Extends this node's lease by `ms`; false when it no longer holds it. */
export async function renewLease(redis: Redis, docId: string, node: string, ms: number): Promise<boolean> {
  return Number(await redis.eval(RENEW, { keys: [leaseKey(docId)], arguments: [node, String(ms)] })) === 1
}

/** Gives the lease back if this node holds it. */
export async function dropLease(redis: Redis, docId: string, node: string): Promise<void> {
  await redis.eval(RELEASE, { keys: [leaseKey(docId)], arguments: [node] })
}

/** The node holding a document's lease, or null. */
export async function leaseHolder(redis: Redis, docId: string): Promise<string | null> {
  return redis.get(leaseKey(docId))
}

/** The node holding a document's lease and the milliseconds left on it (0 when nobody holds it). */
export async function leaseState(redis: Redis, docId: string): Promise<{ holder: string | null; ttlMs: number }> {
  const [holder, ttl] = await Promise.all([redis.get(leaseKey(docId)), redis.pTTL(leaseKey(docId))])
  return { holder, ttlMs: Math.max(0, Number(ttl)) }
}
