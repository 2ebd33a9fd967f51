import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as decoding from 'lib0/decoding'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { writePlan } from '../../../shared/collab/ydoc.ts'
import { Room, type RoomPeer } from '../../../server/collab/Room.ts'
import { silentLog } from '../../../server/log.ts'
import { LevelStorage } from '../../../server/storage/LevelStorage.ts'
import { WriteAheadLog } from '../../../server/storage/WriteAheadLog.ts'
import { textIn } from '../../utils/planText.ts'
import { districtSeed } from '../../utils/seeds.ts'
import { storedDoc } from '../../utils/storedDoc.ts'

const dirs: string[] = []
const closers: Array<() => Promise<void>> = []
afterEach(async () => {
  for (const close of closers.splice(0)) await close()
  dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true }))
})

/** A peer that keeps the updates it is sent. */
function reader(): RoomPeer & { updates: Uint8Array[] } {
  const p = {
    userId: 'reader',
    awarenessIds: new Set<number>(),
    updates: [] as Uint8Array[],
    send(frame: Uint8Array) {
      const d = decoding.createDecoder(frame)
      // Sync message (0), update (2), then the update's bytes.
      if (decoding.readVarUint(d) === 0 && decoding.readVarUint(d) === 2) p.updates.push(decoding.readVarUint8Array(d))
    },
    close() {},
  }
  return p
}

/** A room of the seeded plan whose first logged entry is that plan, a reader in it, and a client's replica of it. */
async function setUp() {
  const dir = mkdtempSync(join(tmpdir(), 'plan-received-'))
  dirs.push(dir)
  const storage = await LevelStorage.open(join(dir, 'db'))
  const wal = await WriteAheadLog.open(join(dir, 'wal.log'), storage, silentLog)
  const seed = new Y.Doc()
  writePlan(seed, districtSeed())
  const state = Y.encodeStateAsUpdate(seed)
  await storage.write([{ type: 'putUpdate', docId: 'd', entry: { seq: 1, firstSeq: 1, count: 1, at: 0, firstAt: 0, userId: 'owner', update: state, clients: [] } }])
  const room = new Room('d', { parts: [state], seq: 1, clientUsers: new Map() }, storage, wal, silentLog)
  const peer = reader()
  room.join(peer)
  closers.push(async () => {
    await room.flushed()
    room.destroy()
    wal.close()
    await storage.close()
  })
  const client = new Y.Doc()
  Y.applyUpdate(client, state)
  /** The update the client's next edit makes. */
  const edit = (fn: () => void): Uint8Array => {
    const before = Y.encodeStateVector(client)
    fn()
    return Y.encodeStateAsUpdate(client, before)
  }
  /** What the reader has: the plan with every update it was sent. */
  const readerDoc = (): Y.Doc => {
    const doc = new Y.Doc()
    Y.applyUpdate(doc, state)
    for (const u of peer.updates) Y.applyUpdate(doc, u)
    return doc
  }
  return { room, storage, client, edit, readerDoc, peer }
}

describe('updates received from clients', () => {
  it('an update that arrives before the one it builds on is sent on and stored with it once that one arrives', async () => {
    const { room, storage, client, edit, readerDoc, peer } = await setUp()
    const first = edit(() => textIn(client, 'itemTitle', 0).insert(0, '甲'))
    const second = edit(() => textIn(client, 'itemTitle', 0).insert(1, '乙'))

    expect(room.receive(second, 'editor', null)).toBe(false)
    expect(peer.updates).toHaveLength(0)
    expect(room.receive(first, 'editor', null)).toBe(true)
    expect(peer.updates).toHaveLength(1)

    expect(textIn(readerDoc(), 'itemTitle', 0).toString()).toMatch(/^甲乙/)
    await room.flushed()
    expect(textIn(await storedDoc(storage, 'd'), 'itemTitle', 0).toString()).toMatch(/^甲乙/)
  })

  it('of an update part of which waits for a change the room never got, only the part that applied is sent on', async () => {
    const { room, client, edit, readerDoc, peer } = await setUp()
    const first = edit(() => textIn(client, 'itemTitle', 0).insert(0, '甲'))
    const second = edit(() => textIn(client, 'itemTitle', 0).insert(1, '乙'))
    // Another client's edit: a client's own changes apply in order, so one of its own would wait too.
    const other = new Y.Doc()
    Y.applyUpdate(other, Y.encodeStateAsUpdate(readerDoc()))
    textIn(other, 'itemTitle', 2).insert(0, '丁')
    const elsewhere = Y.encodeStateAsUpdate(other, Y.encodeStateVector(readerDoc()))

    expect(room.receive(Y.mergeUpdates([second, elsewhere]), 'editor', null)).toBe(true)
    await room.flushed()
    const seen = readerDoc()
    expect(textIn(seen, 'itemTitle', 2).toString()).toMatch(/^丁/)
    // The waiting part was not checked yet: the reader must not hold it, even as waiting.
    expect(seen.store.pendingStructs).toBeNull()
    expect(peer.updates).toHaveLength(1)

    expect(room.receive(first, 'editor', null)).toBe(true)
    expect(textIn(readerDoc(), 'itemTitle', 0).toString()).toMatch(/^甲乙/)
  })

  it('an update that repeats changes the room already has is sent on and stored so that it changes nothing twice', async () => {
    const { room, storage, client, edit, readerDoc } = await setUp()
    const first = edit(() => textIn(client, 'itemTitle', 0).insert(0, '甲'))
    const both = Y.mergeUpdates([first, edit(() => textIn(client, 'itemTitle', 0).insert(1, '乙'))])

    expect(room.receive(first, 'editor', null)).toBe(true)
    expect(room.receive(both, 'editor', null)).toBe(true)
    expect(room.receive(both, 'editor', null)).toBe(false)

    const expected = textIn(client, 'itemTitle', 0).toString()
    expect(expected).toMatch(/^甲乙/)
    // The turn's second update is sent when the turn's log write is made (flushed() makes it now).
    await room.flushed()
    expect(textIn(readerDoc(), 'itemTitle', 0).toString()).toBe(expected)
    expect(textIn(await storedDoc(storage, 'd'), 'itemTitle', 0).toString()).toBe(expected)
  })

  it("the server's own change is sent on and stored like a client's", async () => {
    const { room, storage, readerDoc } = await setUp()
    expect(room.change('owner', (doc) => textIn(doc, 'itemTitle', 1).insert(0, '丙'))).toBe(true)

    expect(textIn(readerDoc(), 'itemTitle', 1).toString()).toMatch(/^丙/)
    await room.flushed()
    expect(textIn(await storedDoc(storage, 'd'), 'itemTitle', 1).toString()).toMatch(/^丙/)
  })
})
