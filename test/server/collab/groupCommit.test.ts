import { mkdtempSync, rmSync, writeSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as decoding from 'lib0/decoding'
import { applyAwarenessUpdate, Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness'
import { afterEach, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { writePlan } from '../../../shared/collab/ydoc.ts'
import { BUSY_GAP_MS, groupCommitOf } from '../../../server/collab/groupCommit.ts'
import { InvalidUpdate, Room, type RoomPeer } from '../../../server/collab/Room.ts'
import { silentLog } from '../../../server/log.ts'
import { LevelStorage } from '../../../server/storage/LevelStorage.ts'
import { WriteAheadLog, type WriteFn } from '../../../server/storage/WriteAheadLog.ts'
import { textIn, textOf } from '../../utils/planText.ts'
import { districtSeed } from '../../utils/seeds.ts'

const dirs: string[] = []
const closers: Array<() => Promise<void>> = []
afterEach(async () => {
  for (const close of closers.splice(0)) await close()
  dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true }))
})

/** A peer that records the frames it is sent, and how many writes the log had made at each. */
function peer(writes: { count: number }): RoomPeer & { frames: Uint8Array[]; writesSeen: number[] } {
  const p = {
    userId: 'reader',
    awarenessIds: new Set<number>(),
    frames: [] as Uint8Array[],
    writesSeen: [] as number[],
    send(frame: Uint8Array) {
      p.frames.push(frame)
      p.writesSeen.push(writes.count)
    },
    close() {},
  }
  return p
}

/** Two rooms of the seeded plan over one write-ahead log whose writes are counted, with a peer each; the group commit reads the time from `clock.ms`. */
async function setUp() {
  const dir = mkdtempSync(join(tmpdir(), 'plan-group-commit-'))
  dirs.push(dir)
  const storage = await LevelStorage.open(join(dir, 'db'))
  const writes = { count: 0 }
  const write: WriteFn = (fd, buffer, offset) => {
    writes.count++
    return writeSync(fd, buffer, offset)
  }
  const wal = await WriteAheadLog.open(join(dir, 'wal.log'), storage, silentLog, write)
  const clock = { ms: 1000 }
  groupCommitOf(wal, () => clock.ms)
  const seed = new Y.Doc()
  writePlan(seed, districtSeed())
  const state = Y.encodeStateAsUpdate(seed)
  const rooms = ['a', 'b'].map((id) => new Room(id, { parts: [state], seq: 0, clientUsers: new Map() }, storage, wal, silentLog))
  const peers = rooms.map((room) => {
    const p = peer(writes)
    room.join(p)
    return p
  })
  closers.push(async () => {
    for (const room of rooms) {
      await room.flushed()
      room.destroy()
    }
    wal.close()
    await storage.close()
  })
  return { rooms, peers, writes, state, clock }
}

/** An editor's replica of a room: its keystrokes are the updates the room receives. */
function editor(state: Uint8Array): { keystroke(item: number, text: string): Uint8Array; doc: Y.Doc } {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, state)
  return {
    doc,
    keystroke(item, text) {
      let update: Uint8Array | null = null
      doc.once('update', (u: Uint8Array) => (update = u))
      textIn(doc, 'itemTitle', item).insert(0, text)
      if (!update) throw new Error('no update')
      return update
    },
  }
}

/** The update carried by a sync update frame (message type 0, sync type 2). */
function updateOfFrame(frame: Uint8Array): Uint8Array {
  const decoder = decoding.createDecoder(frame)
  expect([decoding.readVarUint(decoder), decoding.readVarUint(decoder)]).toEqual([0, 2])
  return decoding.readVarUint8Array(decoder)
}

/** The update that `edit` makes on a replica of `state`. */
function updateOf(state: Uint8Array, edit: (doc: Y.Doc) => void): Uint8Array {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, state)
  const before = Y.encodeStateVector(doc)
  edit(doc)
  return Y.encodeStateAsUpdate(doc, before)
}

const turnEnd = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))

describe('group commit', () => {
  it('on a quiet server writes the turn’s first update at once and those that several rooms accept after it in the same turn with one write at its end, broadcasting each only after its write, in order', async () => {
    const { rooms, peers, writes, state, clock } = await setUp()
    const editors = rooms.map(() => editor(state))
    for (let k = 0; k < 3; k++) rooms.forEach((room, r) => expect(room.receive(editors[r].keystroke(0, `${k}`), 'writer', null)).toBe(true))
    expect(writes.count).toBe(1)
    expect(peers.map((p) => p.writesSeen)).toEqual([[1], []])
    await turnEnd()
    expect(writes.count).toBe(2)
    expect(peers.map((p) => p.writesSeen)).toEqual([
      [1, 2, 2],
      [2, 2, 2],
    ])
    // The reader's replica, fed the frames in the order sent, reads what the writer typed.
    for (const [r, p] of peers.entries()) {
      const reader = new Y.Doc()
      Y.applyUpdate(reader, state)
      for (const frame of p.frames) Y.applyUpdate(reader, updateOfFrame(frame))
      expect(textOf(reader, 'itemTitle', 0)).toBe(textOf(editors[r].doc, 'itemTitle', 0))
    }
    expect(rooms.map((room) => room.seq)).toEqual([3, 3])
    // A later turn's first update, on a server quiet again, is written at once again.
    clock.ms += 2 * BUSY_GAP_MS
    rooms[1].receive(editors[1].keystroke(1, '下一轮'), 'writer', null)
    expect(writes.count).toBe(3)
  })

  it('on a quiet server writes and sends a lone update at once and schedules nothing for the turn’s end', async () => {
    const { rooms, peers, writes, state, clock } = await setUp()
    const typist = editor(state)
    const immediates = vi.spyOn(globalThis, 'setImmediate')
    try {
      for (let k = 0; k < 3; k++) {
        clock.ms += 2 * BUSY_GAP_MS
        rooms[0].receive(typist.keystroke(6, `${k}`), 'writer', null)
        expect([writes.count, peers[0].frames.length]).toEqual([k + 1, k + 1])
      }
      expect(immediates).not.toHaveBeenCalled()
    } finally {
      immediates.mockRestore()
    }
  })

  it('on a busy server (a write less than BUSY_GAP_MS ago) holds even the turn’s first update for the write at the turn’s end, with those that come after it', async () => {
    const { rooms, peers, writes, state, clock } = await setUp()
    const typist = editor(state)
    rooms[0].receive(typist.keystroke(7, '先'), 'writer', null)
    await turnEnd()
    expect(writes.count).toBe(1)
    clock.ms += BUSY_GAP_MS / 2
    rooms[0].receive(typist.keystroke(7, '后'), 'writer', null)
    rooms[1].receive(editor(state).keystroke(7, '另'), 'writer', null)
    expect([writes.count, peers[0].frames.length, peers[1].frames.length]).toEqual([1, 1, 0])
    await turnEnd()
    expect([writes.count, peers[0].frames.length, peers[1].frames.length]).toEqual([2, 2, 1])
    expect(peers.map((p) => p.writesSeen)).toEqual([[1, 2], [2]])
  })

  it('commits what the turn staged before anyone reads the document (a sync answer never shows an unlogged update)', async () => {
    const { rooms, peers, writes, state } = await setUp()
    const typist = editor(state)
    rooms[0].receive(typist.keystroke(1, '先'), 'writer', null)
    rooms[0].receive(typist.keystroke(1, '写'), 'writer', null)
    expect(writes.count).toBe(1)
    expect(textOf(rooms[0].doc, 'itemTitle', 1)).toMatch(/^写先/)
    expect(writes.count).toBe(2)
    expect(peers[0].writesSeen).toEqual([1, 2])
    await turnEnd()
    expect(writes.count).toBe(2)
  })

  it('keeps the updates accepted earlier in the turn when a later one is refused and rolled back', async () => {
    const { rooms, peers, state } = await setUp()
    const typist = editor(state)
    rooms[0].receive(typist.keystroke(2, '先'), 'writer', null)
    rooms[0].receive(typist.keystroke(2, '保留'), 'writer', null)
    const bad = updateOf(state, (doc) => doc.getMap('intruder').set('x', 1))
    expect(() => rooms[0].receive(bad, 'writer', null)).toThrow(InvalidUpdate)
    await turnEnd()
    expect(textOf(rooms[0].doc, 'itemTitle', 2)).toMatch(/^保留先/)
    expect(peers[0].frames).toHaveLength(2)
    expect(rooms[0].seq).toBe(2)
  })

  it('logs a server change (a comment, a restore) before change() returns, so that its HTTP answer can say it was saved', async () => {
    const { rooms, peers, writes, state } = await setUp()
    rooms[1].receive(editor(state).keystroke(3, '先'), 'writer', null)
    expect(rooms[1].change('editor', (doc) => textIn(doc, 'itemTitle', 3).insert(0, '服务端'))).toBe(true)
    expect(writes.count).toBe(2)
    expect(peers[1].writesSeen).toEqual([1, 2])
  })

  it('sends a presence change that came after staged updates only after their commit, so the page shows 已保存 only for logged changes, and does not cut the group', async () => {
    const { rooms, peers, writes, state } = await setUp()
    const typist = editor(state)
    rooms[0].receive(typist.keystroke(4, '先'), 'writer', null)
    rooms[0].receive(typist.keystroke(4, '已保存吗'), 'writer', null)
    // The page's save probe: a presence change sent after the update, echoed to every peer.
    const probe = new Awareness(typist.doc)
    probe.setLocalStateField('savedSeq', 1)
    applyAwarenessUpdate(rooms[0].awareness, encodeAwarenessUpdate(probe, [probe.clientID]), null)
    rooms[0].receive(typist.keystroke(5, '再打几个字'), 'writer', null)
    expect([writes.count, peers[0].frames.length]).toEqual([1, 1])
    await turnEnd()
    expect(writes.count).toBe(2)
    expect(peers[0].frames.map((f) => f[0])).toEqual([0, 0, 0, 1])
    expect(peers[0].writesSeen).toEqual([1, 2, 2, 2])
    // With nothing waiting, presence goes out at once.
    probe.setLocalStateField('savedSeq', 2)
    applyAwarenessUpdate(rooms[0].awareness, encodeAwarenessUpdate(probe, [probe.clientID]), null)
    expect(peers[0].frames.map((f) => f[0])).toEqual([0, 0, 0, 1, 1])
  })
})
