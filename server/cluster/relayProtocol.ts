import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'

/** Kinds of relay messages between processes (over Redis pub/sub, one channel per process). */
export const RELAY = { open: 0, frame: 1, close: 2, ping: 3, pong: 4, call: 5, reply: 6 } as const

/**
 * One relay message: `conn` names the relayed socket (`<relaying node>/<n>`), unique in the
 * cluster; for a call to a document's owner (and its reply) it names the call. `args` and `body`
 * are JSON.
 */
export type RelayMessage =
  | { kind: typeof RELAY.open; conn: string; from: string; url: string }
  | { kind: typeof RELAY.frame; conn: string; data: Uint8Array }
  | { kind: typeof RELAY.close; conn: string; code: number; reason: string }
  | { kind: typeof RELAY.ping | typeof RELAY.pong; conn: string }
  | { kind: typeof RELAY.call; conn: string; from: string; op: string; docId: string; args: string }
  | { kind: typeof RELAY.reply; conn: string; body: string }

/** The bytes of a relay message. */
export function encodeRelay(msg: RelayMessage): Buffer {
  const e = encoding.createEncoder()
  encoding.writeUint8(e, msg.kind)
  encoding.writeVarString(e, msg.conn)
  if (msg.kind === RELAY.open) {
    encoding.writeVarString(e, msg.from)
    encoding.writeVarString(e, msg.url)
  } else if (msg.kind === RELAY.frame) encoding.writeVarUint8Array(e, msg.data)
  else if (msg.kind === RELAY.close) {
    encoding.writeVarUint(e, msg.code)
    encoding.writeVarString(e, msg.reason)
  } else if (msg.kind === RELAY.call) {
    for (const field of [msg.from, msg.op, msg.docId, msg.args]) encoding.writeVarString(e, field)
  } else if (msg.kind === RELAY.reply) encoding.writeVarString(e, msg.body)
  return Buffer.from(encoding.toUint8Array(e))
}

/** A relay message from its bytes; throws on bytes that are not one (only cluster processes publish here). */
export function decodeRelay(bytes: Uint8Array): RelayMessage {
  const d = decoding.createDecoder(bytes)
  const kind = decoding.readUint8(d)
  const conn = decoding.readVarString(d)
  switch (kind) {
    case RELAY.open:
      return { kind, conn, from: decoding.readVarString(d), url: decoding.readVarString(d) }
    case RELAY.frame:
      return { kind, conn, data: decoding.readVarUint8Array(d) }
    case RELAY.close:
      return { kind, conn, code: decoding.readVarUint(d), reason: decoding.readVarString(d) }
    case RELAY.ping:
    case RELAY.pong:
      return { kind, conn }
    case RELAY.call:
      return { kind, conn, from: decoding.readVarString(d), op: decoding.readVarString(d), docId: decoding.readVarString(d), args: decoding.readVarString(d) }
    case RELAY.reply:
      return { kind, conn, body: decoding.readVarString(d) }
    default:
      throw new Error(`unknown relay message ${kind}`)
  }
}
