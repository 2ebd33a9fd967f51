/** What a ping round needs of a connection: its number, whether it answered, and the two actions. */
export interface Pingable {
  readonly id: number
  alive: boolean
  ping(): void
  terminate(reason: string): void
}

/**
 * Each connection's ping round is spread over this many ticks of one period. Pinging a thousand
 * sockets in one timer callback held the event loop for about 18 ms (a write system call each),
 * and every keystroke arriving meanwhile waited: the many-rooms bench's p99 came from it.
 */
export const PING_SLICES = 40

/**
 * Pings every connection once per `periodMs`, a slice of them at a time (by connection number),
 * and drops one that did not answer its previous ping. Returns a stop function.
 */
export function startPingRounds(connections: Iterable<Pingable>, periodMs: number): () => void {
  let tick = 0
  const timer = setInterval(
    () => {
      const slice = tick++ % PING_SLICES
      for (const conn of connections) {
        if (conn.id % PING_SLICES !== slice) continue
        if (!conn.alive) {
          conn.terminate('no answer to ping')
          continue
        }
        conn.alive = false
        conn.ping()
      }
    },
    Math.max(1, periodMs / PING_SLICES),
  )
  timer.unref()
  return () => clearInterval(timer)
}
