import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { describe, expect, it } from 'vitest'
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness'
import * as Y from 'yjs'
import { ownAwarenessSeq } from '../../../client/editor/ownAwarenessSeq.ts'

/** An awareness message payload as y-websocket hands it to its handler (after the message type). */
function payload(awareness: Awareness, clients: number[]): decoding.Decoder {
  const e = encoding.createEncoder()
  encoding.writeVarUint8Array(e, encodeAwarenessUpdate(awareness, clients))
  return decoding.createDecoder(encoding.toUint8Array(e))
}

describe('ownAwarenessSeq', () => {
  it("finds this client's probe number among several states and leaves the message unread", () => {
    const mine = new Awareness(new Y.Doc())
    const other = new Awareness(new Y.Doc())
    mine.setLocalState({ user: { name: '张伟' }, savedSeq: 7 })
    other.setLocalState({ user: { name: '李娜' }, savedSeq: 99 })
    const both = new Awareness(new Y.Doc())
    both.setLocalState(null)
    both.states.set(other.clientID, other.getLocalState() ?? {})
    both.meta.set(other.clientID, { clock: 1, lastUpdated: 0 })
    both.states.set(mine.clientID, mine.getLocalState() ?? {})
    both.meta.set(mine.clientID, { clock: 3, lastUpdated: 0 })
    const decoder = payload(both, [other.clientID, mine.clientID])
    expect(ownAwarenessSeq(decoder, mine.clientID, 'savedSeq')).toBe(7)
    expect(decoder.pos).toBe(0)
  })

  it('gives null when the message does not carry the client or the field', () => {
    const a = new Awareness(new Y.Doc())
    a.setLocalState({ user: { name: '张伟' } })
    expect(ownAwarenessSeq(payload(a, [a.clientID]), a.clientID, 'savedSeq')).toBeNull()
    expect(ownAwarenessSeq(payload(a, [a.clientID]), a.clientID + 1, 'savedSeq')).toBeNull()
    expect(ownAwarenessSeq(decoding.createDecoder(new Uint8Array([5, 1])), a.clientID, 'savedSeq')).toBeNull()
  })
})
