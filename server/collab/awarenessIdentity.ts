import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { MalformedFrame } from './protocol.ts'
import type { Room, RoomPeer } from './Room.ts'

/**
 * Awareness client ids one socket may introduce, and entries in one awareness frame. A browser
 * tab uses one id (another only if its document is recreated); 150,000 ids from one socket once
 * doubled the server's memory and stalled everyone's typing.
 */
export const MAX_AWARENESS_IDS = 8
/** Characters in one awareness state as sent (name, colour and caret positions take a few hundred). */
export const MAX_AWARENESS_STATE_CHARS = 16 * 1024

/** Most states one presence frame may carry (a room's whole presence, relayed by a client). */
export const MAX_AWARENESS_FRAME_STATES = 1024

/** A socket sent more presence than one person needs: too many client ids or too large a state. */
export class AwarenessOverLimit extends Error {
  constructor(reason: string) {
    super(reason)
    this.name = 'AwarenessOverLimit'
  }
}

/**
 * Rewrites a client's awareness update so that presence cannot lie: every state's `user` gets
 * the authenticated account's id, display name and colour, and entries for client ids that
 * another socket introduced are dropped (one socket cannot remove or impersonate another's
 * cursor). Throws MalformedFrame when the update does not decode, and AwarenessOverLimit when
 * it would give this socket more than MAX_AWARENESS_IDS ids or holds a state over the size limit.
 */
export function stampAwareness(update: Uint8Array, peer: RoomPeer & { auth: { user: { id: string; displayName: string; color: string } } | null }, room: Room): Uint8Array {
  const d = decoding.createDecoder(update)
  const out = encoding.createEncoder()
  const entries: Array<{ client: number; clock: number; state: string }> = []
  const newIds = new Set<number>()
  try {
    const n = decoding.readVarUint(d)
    // y-websocket relays every presence change it hears, others' included: a frame may carry the
    // states of everyone in the room (the first one after joining does). Only ids new to this
    // socket count against MAX_AWARENESS_IDS; the frame itself is only bounded here.
    if (n > MAX_AWARENESS_FRAME_STATES) throw new AwarenessOverLimit(`${n} awareness states in one frame`)
    for (let i = 0; i < n; i++) {
      const client = decoding.readVarUint(d)
      const clock = decoding.readVarUint(d)
      const json = decoding.readVarString(d)
      if (json.length > MAX_AWARENESS_STATE_CHARS) throw new AwarenessOverLimit(`awareness state of ${json.length} characters`)
      const raw: unknown = JSON.parse(json)
      if (raw !== null && (typeof raw !== 'object' || Array.isArray(raw))) throw new MalformedFrame('awareness state is not an object')
      if (ownedByOther(room, peer, client)) continue
      if (raw !== null && !peer.awarenessIds.has(client)) newIds.add(client)
      if (peer.awarenessIds.size + newIds.size > MAX_AWARENESS_IDS) throw new AwarenessOverLimit(`more than ${MAX_AWARENESS_IDS} awareness ids`)
      const user = peer.auth?.user
      const state = raw === null || !user ? raw : { ...raw, user: { ...userField(raw), id: user.id, name: user.displayName, color: user.color } }
      entries.push({ client, clock, state: JSON.stringify(state) })
    }
  } catch (err) {
    if (err instanceof MalformedFrame || err instanceof AwarenessOverLimit) throw err
    throw new MalformedFrame('bad awareness update')
  }
  if (decoding.hasContent(d)) throw new MalformedFrame('trailing bytes in awareness update')
  encoding.writeVarUint(out, entries.length)
  for (const e of entries) {
    encoding.writeVarUint(out, e.client)
    encoding.writeVarUint(out, e.clock)
    encoding.writeVarString(out, e.state)
  }
  return encoding.toUint8Array(out)
}

function ownedByOther(room: Room, peer: RoomPeer, client: number): boolean {
  if (peer.awarenessIds.has(client)) return false
  for (const other of room.peers) if (other !== peer && other.awarenessIds.has(client)) return true
  return false
}

function userField(state: object): Record<string, unknown> {
  const user = (state as { user?: unknown }).user
  return user && typeof user === 'object' && !Array.isArray(user) ? (user as Record<string, unknown>) : {}
}
