import { mkdtempSync, rmSync, writeSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { writePlan } from '../../../shared/collab/ydoc.ts'
import { RoomFailed } from '../../../server/collab/Room.ts'
import { Rooms } from '../../../server/collab/Rooms.ts'
import { silentLog } from '../../../server/log.ts'
import { LevelStorage } from '../../../server/storage/LevelStorage.ts'
import { WriteAheadLog, type WriteFn } from '../../../server/storage/WriteAheadLog.ts'
import { textIn, textOf } from '../../utils/planText.ts'
import { districtSeed } from '../../utils/seeds.ts'
import { overrideStorage } from '../../utils/storageFaults.ts'
import { storedDoc } from '../../utils/storedDoc.ts'

const dirs: string[] = []
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })))

/** The update that `edit` makes on a copy of `doc`. */
function updateFrom(doc: Y.Doc, edit: (copy: Y.Doc) => void): Uint8Array {
  const copy = new Y.Doc()
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc))
  const before = Y.encodeStateVector(copy)
  edit(copy)
  return Y.encodeStateAsUpdate(copy, before)
}

describe('a full disk under the write-ahead log itself', () => {
  it('refuses the change that could not be logged (nobody sees it, its sequence number stays free), the room takes changes again once there is space, and a restart replays them past the record the full disk cut short', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plan-walfull-'))
    dirs.push(dir)
    const storage = await LevelStorage.open(join(dir, 'db'))
    const seed = new Y.Doc()
    writePlan(seed, districtSeed())
    await storage.appendUpdates('d1', [{ userId: 'u1', at: 1, update: Y.encodeStateAsUpdate(seed), clients: [seed.clientID] }])
    const disk = { full: false }
    const write: WriteFn = (fd, buffer, offset) => {
      if (!disk.full) return writeSync(fd, buffer, offset)
      if (offset === 0) return writeSync(fd, buffer, 0, 5)
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' })
    }
    // The database is down at the end, so that only the log holds the last change at the restart.
    const db = { down: false }
    const roomStorage = overrideStorage(storage, { write: (base, ops) => (db.down ? Promise.reject(new Error('database down')) : base.write(ops)) })
    const walPath = join(dir, 'wal.log')
    const wal = await WriteAheadLog.open(walPath, storage, silentLog, write)
    const rooms = new Rooms(roomStorage, wal, silentLog, { idleMs: 10 })

    const room = await rooms.open('d1')
    expect(
      room.receive(
        updateFrom(room.doc, (d) => textIn(d, 'itemTitle', 0).insert(0, '写入之前')),
        'u1',
        null,
      ),
    ).toBe(true)
    const seq = room.seq
    // Written by the turn's group commit before the disk fills.
    await new Promise((resolve) => setImmediate(resolve))
    disk.full = true
    // A peer in the room: it must never receive the change that could not be logged.
    const frames: Uint8Array[] = []
    const closed: number[] = []
    room.join({ userId: 'u2', awarenessIds: new Set(), send: (frame) => frames.push(frame), close: (code) => closed.push(code) })
    // The turn's first update is written at once, and the disk is full.
    expect(() =>
      room.receive(
        updateFrom(room.live, (d) => textIn(d, 'itemTitle', 1).insert(0, '磁盘已满')),
        'u1',
        null,
      ),
    ).toThrow(RoomFailed)
    expect(room.failed).toBe(true)
    expect(frames).toEqual([])
    expect(closed).toEqual([1011])
    expect(room.seq).toBe(seq)
    expect(textOf(room.doc, 'itemTitle', 1)).not.toContain('磁盘已满')
    expect(() =>
      room.receive(
        updateFrom(room.live, (d) => textIn(d, 'itemTitle', 2).insert(0, '之后')),
        'u1',
        null,
      ),
    ).toThrow(RoomFailed)
    rooms.release(room)

    disk.full = false
    db.down = true
    const again = await rooms.open('d1')
    expect(again).not.toBe(room)
    expect(again.seq).toBe(seq)
    expect(textOf(again.doc, 'itemTitle', 0)).toMatch(/^写入之前/)
    expect(
      again.receive(
        updateFrom(again.doc, (d) => textIn(d, 'itemTitle', 1).insert(0, '有空间了')),
        'u1',
        null,
      ),
    ).toBe(true)
    expect(again.seq).toBe(seq + 1)
    rooms.release(again)
    await rooms.closeAll(1012, 'test')
    wal.close()

    // Everything accepted is there after a restart: the log replays past the record the full disk cut short.
    db.down = false
    await WriteAheadLog.open(walPath, storage, silentLog)
    const stored = await storedDoc(storage, 'd1')
    expect(textOf(stored, 'itemTitle', 0)).toMatch(/^写入之前/)
    expect(textOf(stored, 'itemTitle', 1)).toMatch(/^有空间了/)
    expect(textOf(stored, 'itemTitle', 1)).not.toContain('磁盘已满')
    await storage.close()
  })
})
