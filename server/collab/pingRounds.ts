/** What a ping round needs of a connection: its number, whether it was heard from, and the two actions. */
export interface Pingable {
  readonly id: number
  /** Set whenever anything arrives from the peer (a frame or a pong); each turn of the round clears it. */
  heard: boolean
  ping(): void
  terminate(reason: string): void
}

/**
 * Each connection's turns are spread over this many ticks. Pinging a thousand sockets in one timer
 * callback held the event loop for about 18 ms (a write system call each), and every keystroke
 * arriving meanwhile waited: the many-rooms bench's p99 came from it.
 */
export const PING_SLICES = 40

/**
 * Keeps watch over the connections: each gets a turn every half `periodMs`, a slice of them at a
 * time (by connection number). A connection heard from since its last turn is alive and is not
 * pinged: a frame proves it as well as a pong does, and a typing client sends several a second, so
 * only quiet connections cost a ping (one per period). A quiet one is pinged, and dropped at its
 * next turn unless it answered. A socket that goes silent is therefore dropped at most 1.5 periods
 * after the last thing it sent. Returns a stop function.
 */
export function startPingRounds(connections: Iterable<Pingable>, periodMs: number): () => void {
  const pinged = new WeakSet<Pingable>()
  let tick = 0
  const timer = setInterval(
    () => {
      const slice = tick++ % PING_SLICES
      for (const conn of connections) {
        if (conn.id % PING_SLICES !== slice) continue
        if (conn.heard) {
          conn.heard = false
          pinged.delete(conn)
        } else if (pinged.has(conn)) {
          conn.terminate('no answer to ping')
        } else {
          pinged.add(conn)
          conn.ping()
        }
      }
    },
    Math.max(1, periodMs / 2 / PING_SLICES),
  )
  timer.unref()
  return () => clearInterval(timer)
}
