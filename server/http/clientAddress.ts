import type { IncomingMessage } from 'node:http'

/** Whether the server runs behind a proxy that appends the client's address to X-Forwarded-For. */
export const TRUST_PROXY = process.env.PLAN_TRUST_PROXY === '1'

/**
 * The address a request's limits count against: the peer's IPv4 address, or the /64 network of an
 * IPv6 peer (one machine commonly holds a whole /64, so single IPv6 addresses cost an attacker
 * nothing). X-Forwarded-For is read only behind a proxy the operator declared (`trustProxy`,
 * PLAN_TRUST_PROXY=1), and then only its last entry, the one that proxy wrote: anything before it
 * came from the client. Without the declaration every user behind the proxy would share one limit.
 */
export function clientAddress(req: IncomingMessage, trustProxy = TRUST_PROXY): string {
  const forwarded = trustProxy ? req.headers['x-forwarded-for'] : undefined
  const last = typeof forwarded === 'string' ? forwarded.split(',').pop()?.trim() : undefined
  return addressKey(last || (req.socket.remoteAddress ?? ''))
}

/** The limit key of a textual address (see clientAddress). */
export function addressKey(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)
  if (mapped) return mapped[1]
  if (!address.includes(':')) return address || 'unknown'
  const [head, tail = ''] = address.split('%')[0].toLowerCase().split('::')
  const left = head ? head.split(':') : []
  const right = address.includes('::') && tail ? tail.split(':') : []
  const groups = address.includes('::') ? [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right] : left
  return (
    groups
      .slice(0, 4)
      .map((g) => g.replace(/^0+(?=.)/, ''))
      .join(':') + '::/64'
  )
}
