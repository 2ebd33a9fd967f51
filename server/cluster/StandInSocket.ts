import { EventEmitter } from 'node:events'
import type { WebSocket } from 'ws'

/** What a stand-in does with what the owner's Connection sends: relays it to the process holding the real socket. */
export interface StandInOutlet {
  frame(data: Uint8Array): Promise<void>
  close(code: number, reason: string): void
  ping(): void
}

/**
 * The owner's side of a socket relayed from another process: it looks like a `ws` WebSocket to the
 * ordinary Connection (checks, presence, close codes unchanged) and relays what it sends. Only the
 * members Connection and the collaboration server use are provided.
 */
export class StandInSocket extends EventEmitter {
  readonly OPEN = 1
  readyState = 1
  bufferedAmount = 0
  binaryType = 'nodebuffer'

  constructor(private readonly outlet: StandInOutlet) {
    super()
  }

  /** This object where a WebSocket is expected (it provides what Connection uses). */
  asWebSocket(): WebSocket {
    return this as unknown as WebSocket
  }

  send(data: Uint8Array, cb?: (err?: Error) => void): void {
    if (this.readyState !== this.OPEN) return
    this.outlet.frame(data).then(
      () => cb?.(),
      (err: unknown) => cb?.(err instanceof Error ? err : new Error(String(err))),
    )
  }

  ping(): void {
    if (this.readyState === this.OPEN) this.outlet.ping()
  }

  close(code = 1000, reason = ''): void {
    if (this.readyState !== this.OPEN) return
    this.outlet.close(code, reason)
    this.closed(code)
  }

  terminate(): void {
    this.close(1006, 'terminated')
  }

  /** A frame from the client. */
  deliver(data: Uint8Array): void {
    if (this.readyState === this.OPEN) this.emit('message', Buffer.from(data), true)
  }

  /** The real socket closed (or its process went away): ends this one without relaying back. */
  closed(code: number): void {
    if (this.readyState !== this.OPEN) return
    this.readyState = 3
    setImmediate(() => this.emit('close', code))
  }
}
