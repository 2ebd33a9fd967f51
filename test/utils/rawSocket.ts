import { WebSocket } from 'ws'

/** A bare websocket to a collaboration room, for sending hand-made frames. */
export interface RawSocket {
  ws: WebSocket
  /** Every binary frame received so far. */
  frames: Uint8Array[]
  /** Resolves with the close code and reason. */
  closed: Promise<{ code: number; reason: string }>
  /** Resolves once the socket is open. */
  opened: Promise<void>
  send(frame: Uint8Array): void
}

/** Opens a raw websocket to `/collab/<docId>?token=…` without any Yjs logic. */
export function openSocket(server: { collabUrl: string }, docId: string, token: string | null): RawSocket {
  const url = `${server.collabUrl}/${docId}${token === null ? '' : `?token=${encodeURIComponent(token)}`}`
  const ws = new WebSocket(url)
  const frames: Uint8Array[] = []
  ws.on('message', (data: Buffer) => frames.push(new Uint8Array(data)))
  ws.on('error', () => {})
  const closed = new Promise<{ code: number; reason: string }>((resolve) => ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })))
  const opened = new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve())
    void closed.then(({ code }) => reject(new Error(`closed with ${code} before open`)))
  })
  opened.catch(() => {})
  return {
    ws,
    frames,
    closed,
    opened,
    send: (frame) => {
      if (ws.readyState === ws.OPEN) ws.send(frame)
    },
  }
}

/** The close code the server gives a socket with this token on this document. */
export async function closeCodeFor(server: { collabUrl: string }, docId: string, token: string | null): Promise<number> {
  return (await openSocket(server, docId, token).closed).code
}
