import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'

/** y-websocket's top-level message types. */
export const MESSAGE_SYNC = 0
export const MESSAGE_AWARENESS = 1
export const MESSAGE_QUERY_AWARENESS = 3
/** y-protocols sync message types. */
const SYNC_STEP1 = 0
const SYNC_STEP2 = 1
const SYNC_UPDATE = 2

/** A frame from a client, decoded. */
export type ClientMessage =
  { kind: 'sync-step1'; stateVector: Uint8Array } | { kind: 'sync-step2'; update: Uint8Array } | { kind: 'update'; update: Uint8Array } | { kind: 'awareness'; update: Uint8Array } | { kind: 'query-awareness' }

/** A frame that is not one well-formed y-websocket message. */
export class MalformedFrame extends Error {
  constructor(reason: string) {
    super(reason)
    this.name = 'MalformedFrame'
  }
}

/** Decodes one client frame; throws MalformedFrame for unknown types, truncation or trailing bytes. */
export function readClientMessage(frame: Uint8Array): ClientMessage {
  const d = decoding.createDecoder(frame)
  let message: ClientMessage
  try {
    const type = decoding.readVarUint(d)
    if (type === MESSAGE_SYNC) {
      const sub = decoding.readVarUint(d)
      const payload = decoding.readVarUint8Array(d)
      if (sub === SYNC_STEP1) message = { kind: 'sync-step1', stateVector: payload }
      else if (sub === SYNC_STEP2) message = { kind: 'sync-step2', update: payload }
      else if (sub === SYNC_UPDATE) message = { kind: 'update', update: payload }
      else throw new MalformedFrame(`unknown sync message ${sub}`)
    } else if (type === MESSAGE_AWARENESS) {
      message = { kind: 'awareness', update: decoding.readVarUint8Array(d) }
    } else if (type === MESSAGE_QUERY_AWARENESS) {
      message = { kind: 'query-awareness' }
    } else {
      throw new MalformedFrame(`unknown message type ${type}`)
    }
  } catch (err) {
    if (err instanceof MalformedFrame) throw err
    throw new MalformedFrame('truncated frame')
  }
  if (decoding.hasContent(d)) throw new MalformedFrame('trailing bytes')
  return message
}

/** Checks that a state vector decodes completely; throws MalformedFrame otherwise. */
export function checkStateVector(stateVector: Uint8Array): void {
  const d = decoding.createDecoder(stateVector)
  try {
    const n = decoding.readVarUint(d)
    for (let i = 0; i < n; i++) {
      decoding.readVarUint(d)
      decoding.readVarUint(d)
    }
  } catch {
    throw new MalformedFrame('bad state vector')
  }
  if (decoding.hasContent(d)) throw new MalformedFrame('bad state vector')
}

/** Checks that a Yjs update decodes completely (structs and delete set); throws MalformedFrame otherwise. */
export function checkUpdate(update: Uint8Array): void {
  try {
    Y.decodeUpdate(update)
  } catch {
    throw new MalformedFrame('bad update')
  }
}

function message(write: (e: encoding.Encoder) => void): Uint8Array {
  const e = encoding.createEncoder()
  write(e)
  return encoding.toUint8Array(e)
}

/** Sync step 1: the server's state vector, asking the client for what the server lacks. */
export function syncStep1Message(doc: Y.Doc): Uint8Array {
  return message((e) => {
    encoding.writeVarUint(e, MESSAGE_SYNC)
    encoding.writeVarUint(e, SYNC_STEP1)
    encoding.writeVarUint8Array(e, Y.encodeStateVector(doc))
  })
}

/** Sync step 2: everything the client lacks, given its state vector. */
export function syncStep2Message(doc: Y.Doc, stateVector: Uint8Array): Uint8Array {
  return message((e) => {
    encoding.writeVarUint(e, MESSAGE_SYNC)
    encoding.writeVarUint(e, SYNC_STEP2)
    encoding.writeVarUint8Array(e, Y.encodeStateAsUpdate(doc, stateVector))
  })
}

/** An update broadcast to the other clients. */
export function updateMessage(update: Uint8Array): Uint8Array {
  return message((e) => {
    encoding.writeVarUint(e, MESSAGE_SYNC)
    encoding.writeVarUint(e, SYNC_UPDATE)
    encoding.writeVarUint8Array(e, update)
  })
}

/** An awareness update broadcast to clients. */
export function awarenessMessage(update: Uint8Array): Uint8Array {
  return message((e) => {
    encoding.writeVarUint(e, MESSAGE_AWARENESS)
    encoding.writeVarUint8Array(e, update)
  })
}
